/**
 * A synthetic fleet store for the query benchmark: `rows` findings over rows/10 bundles of
 * rows/100 devices, 20 issue fingerprints, made by SQL in the store itself (fast, no analysis).
 */
// @ts-nocheck

import { open } from '../src/fleet/store.js';

export async function fillSyntheticStore(dir: string, rows: number): Promise<Record<string, number>> {
  const bundles = Math.ceil(rows / 10);
  const devices = Math.max(1, Math.ceil(rows / 100));
  const store = await open(dir);
  const rv = 'bench';
  await store.exec(`INSERT INTO runs VALUES (1, now()::TIMESTAMP, now()::TIMESTAMP, '${rv}', 'complete', ${bundles}, ${bundles}, 0, 0)`);
  await store.exec(`
    INSERT INTO bundles
    SELECT 'h' || i, '${rv}', 'uploads/b' || i || '.tgz', 'dev-' || (i % ${devices}), 'manifest',
      TIMESTAMP '2026-01-01' + INTERVAL (i // ${devices}) DAY + INTERVAL (i % 86400) SECOND, 'manifest',
      NULL, ['Jetson Orin Nano 8GB', 'Jetson AGX Orin 64GB', 'Jetson Xavier NX'][1 + i % 3], NULL,
      ['36.4.3', '35.5.0', '32.7.1'][1 + (i // 7) % 3], NULL, NULL,
      CASE WHEN i % 5 = 0 THEN 'healthy' ELSE 'problems' END, 'synthetic', NULL, 'cause-' || (i % 20),
      CASE WHEN i % 5 = 0 THEN []::VARCHAR[] ELSE ['cause-' || (i % 20) || ':sig-' || (i % 20), 'rule-' || (i % 7) || '/m'] END,
      7455, 1000 + i % 3000, 768, i % 700, 4, 50 + i % 50, i % 400, i % 900000, 0, 1000000, 'bench', now()::TIMESTAMP, 50,
      to_json({resultVersion: 1, path: 'uploads/b' || i || '.tgz', contentHash: 'h' || i, rulesetVersion: '${rv}', status: 'problems',
               headline: 'synthetic', deviceId: 'dev-' || (i % ${devices}), capturedAt: '2026-01-01T00:00:00.000Z', figures: {memAvailableMiB: 1000 + i % 3000},
               findings: [], causes: [], fingerprints: ['cause-' || (i % 20) || ':sig-' || (i % 20)]})::VARCHAR
    FROM range(${bundles}) t(i)`);
  await store.exec(`
    INSERT INTO findings
    SELECT 'h' || (j // 10), '${rv}', j % 10, 'rule-' || (j % 13) || '/m', 'rule-' || (j % 13), 'm',
      ['critical', 'error', 'warning', 'info'][1 + j % 4], 0.8, ['sig-' || (j % 40)], 'synthetic finding', '[]', 'dmesg:1'
    FROM range(${bundles * 10}) t(j)`);
  await store.exec(`INSERT INTO causes SELECT 'h' || i, '${rv}', 0, 'cause-' || (i % 20), 'Cause ' || (i % 20), 0.8, ['rule-1'], 'cause-' || (i % 20) || ':sig-' || (i % 20) FROM range(${bundles}) t(i)`);
  await store.exec(`INSERT INTO sources SELECT 'uploads/b' || i || '.tgz', 'file', 1000000, 0, 1, 'h' || i, 1, 1 FROM range(${bundles}) t(i)`);
  await store.exec(`INSERT INTO run_fingerprints SELECT DISTINCT 1, unnest(fingerprints) FROM bundles`);
  const [f] = await store.query('SELECT count(*) AS n FROM findings');
  await store.close();
  return { findings: Number(f!.n), bundles, devices };
}
