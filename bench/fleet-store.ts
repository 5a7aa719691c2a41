/**
 * A synthetic fleet store for the query benchmark: `rows` findings over rows/10 bundles of
 * rows/100 devices, 20 issue fingerprints, made by SQL in the store itself (fast, no analysis).
 *
 * Shaped as `jetdiag batch` writes a real fleet, so the queries pay what they would pay there:
 * content hashes are sha256 hex (64 characters, like content-hash.ts), the rule set version is
 * 16 hex digits, device ids are 13-digit serial numbers, paths are upload paths, rule, catalogue
 * and cause ids and fingerprints have the lengths of the real ones (strings over 12 bytes are not
 * inlined by DuckDB), and each bundle's result_json is the whole result (its 10 findings with
 * verdicts, figures and evidence, its cause, all key figures), consistent with the findings and
 * causes rows, a few KB like the real ones.
 */
import { REBUILD_RULE_CATALOGUE_SQL } from '../src/fleet/store-schema.js';
import { open } from '../src/fleet/store.js';

/** Real rule ids (13), catalogue ids (base of 40) and cause ids (base of 20) of jetdiag's rule set. */
const RULES = ['mmc-timeout', 'over-current', 'pmic-event-recorder', 'kernel-panic', 'memory-pressure', 'previous-boot-end', 'soft-lockup', 'vmstat-compaction', 'smmu-faults', 'camrtc-capture-timeout', 'cma', 'oom-kills', 'buddy-fragmentation'];
const CATALOGUE = ['mmc-timeout', 'soctherm-oc-alarm', 'pmic-event-recorder', 'kernel-panic', 'meminfo-memavailable-low', 'soft-lockup', 'cma-alloc-failed', 'arm-smmu-context-fault', 'camrtc-capture-timeout', 'camrtc-corr-err', 'oom-invoked', 'oom-kill-summary', 'oom-kill-victim', 'oom-reaper', 'oom-task-table', 'show-mem-zone', 'memavailable-downtrend', 'buddyinfo-high-orders-empty', 'alloc-contig-range-busy', 'tegra-mc-error'];
const CAUSES = ['power-supply', 'storage-failure', 'dmabuf-use-after-free', 'system-crash', 'memory-overcommit', 'cma-fragmentation', 'cma-too-small', 'leak-to-oom', 'thermal-throttling', 'gpu-hang'];
const sqlList = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

export async function fillSyntheticStore(dir: string, rows: number): Promise<Record<string, number>> {
  const bundles = Math.ceil(rows / 10);
  const devices = Math.max(1, Math.ceil(rows / 100));
  const store = await open(dir);
  const rv = '0eb4ee88b6a6ffc2';
  // Rule k, catalogue id k (40: the base list, then variants) and cause k (20), by number.
  const rule = (k: string) => `${sqlList(RULES)}[1 + (${k}) % 13]`;
  const sig = (k: string) => `(${sqlList(CATALOGUE)}[1 + (${k}) % 20] || CASE WHEN (${k}) % 40 >= 20 THEN '-late' ELSE '' END)`;
  const cause = (k: string) => `(${sqlList(CAUSES)}[1 + (${k}) % 10] || CASE WHEN (${k}) % 20 >= 10 THEN '-secondary' ELSE '' END)`;
  // The cause's fingerprint: its id and the catalogue ids of its supporting findings.
  const causeFp = (k: string) => `(${cause(k)} || ':' || ${sig(`(${k}) % 20`)} || ',' || ${sig(`(${k}) % 20 + 20`)} || ',' || ${sig(`(${k}) % 20 + 7`)})`;
  await store.exec(`INSERT INTO runs VALUES (1, now()::TIMESTAMP, now()::TIMESTAMP, '${rv}', 'complete', ${bundles}, ${bundles}, 0, 0)`);
  // Bundle i has bundle_id i + 1 and device_no (i % devices) + 1: the numbers the store gives
  // when the uploads arrive in order of i (ids in order of writing, devices in order of first sight).
  await store.exec(`
    CREATE TEMP TABLE syn AS
    SELECT i, (i + 1)::INTEGER AS bundle_id, (i % ${devices} + 1)::INTEGER AS device_no,
      sha256('synthetic bundle ' || i) AS h, '142102' || lpad((i % ${devices})::VARCHAR, 7, '0') AS dev,
      TIMESTAMP '2026-01-01' + INTERVAL (i // ${devices}) DAY + INTERVAL (i % 86400) SECOND AS at,
      CASE WHEN i % 5 = 0 THEN 'healthy' ELSE 'problems' END AS status
    FROM range(${bundles}) t(i)`);
  await store.exec(`INSERT INTO devices SELECT dev, device_no FROM syn WHERE i < ${devices} ORDER BY i`);
  await store.exec(`
    INSERT INTO finding_rows
    SELECT s.bundle_id, j % 10, ${rule('j')} || '/found', ${rule('j')}, 'found',
      ['critical', 'error', 'warning', 'info'][1 + j % 4], 0.8, [${sig('j')}],
      (j % 97) || ' occurrence(s) of ' || ${rule('j')} || ', first at ' || (j % 3600) || ' s after boot: the driver reported the fault and the device recovered only partly.',
      '[{"label":"occurrences","value":' || (j % 97) || '},{"label":"first seen","value":"0:' || lpad(((j % 3600) // 60)::VARCHAR, 2, '0') || ':10 after boot"}]',
      'uploads/' || s.dev || '/dmesg.txt:' || (j % 2000)
    FROM range(${bundles * 10}) t(j) JOIN syn s ON s.i = j // 10
    ORDER BY j`);
  await store.exec(`
    INSERT INTO bundles
    WITH fs AS (
      SELECT bundle_id, list({stableId: stable_id, ruleId: rule_id, messageId: message_id, severity: severity, confidence: confidence,
          catalogueIds: catalogue_ids, verdict: verdict, figures: figures_json::JSON, firstEvidence: first_evidence} ORDER BY ord) AS findings
      FROM finding_rows GROUP BY bundle_id),
    b AS (
      SELECT s.*, '/srv/jetson-uploads/' || strftime(s.at, '%Y/%m/%d') || '/' || s.dev || '-' || strftime(s.at, '%Y%m%dT%H%M%S') || '.tgz' AS path,
        ['Jetson Orin Nano 8GB', 'Jetson AGX Orin 64GB', 'Jetson Xavier NX'][1 + i % 3] AS board,
        ['36.4.3', '35.5.0', '32.7.1'][1 + (i // 7) % 3] AS l4t,
        ${cause('i')} AS cause_id, ${causeFp('i')} AS cause_fp,
        CASE WHEN s.status = 'healthy' THEN 'No problem found: memory, CMA, thermals and the kernel log look normal for this board.'
             ELSE 'Cause ' || ${cause('i')} || ' (confidence 80%): the findings below point at it; see the evidence lines and the suggested next steps.' END AS headline,
        CASE WHEN s.status = 'healthy' THEN []::VARCHAR[] ELSE [${causeFp('i')}, ${rule('i % 7')} || '/found:' || ${sig('i % 7')}] END AS fps
      FROM syn s)
    SELECT b.h, '${rv}', b.path, b.dev, 'manifest', b.at, 'manifest', 'jetson-' || b.dev, b.board, 'tegra234', b.l4t, '6.2', '5.15.148-tegra',
      b.status, b.headline, NULL, b.cause_id, b.fps,
      7455, 1000 + i % 3000, 768, i % 700, 4, 50 + i % 50, i % 400, i % 900000, 0, 1000000, '0.1.0', b.at + INTERVAL 3 DAY, 50,
      to_json({resultVersion: 1, path: b.path, contentHash: b.h, rulesetVersion: '${rv}', jetdiagVersion: '0.1.0', status: b.status,
               headline: b.headline, deviceId: b.dev, deviceIdSource: 'manifest', capturedAt: strftime(b.at, '%Y-%m-%dT%H:%M:%S.000Z'),
               capturedAtSource: 'manifest', hostname: 'jetson-' || b.dev, board: b.board, soc: 'tegra234', l4t: b.l4t, jetpack: '6.2', kernel: '5.15.148-tegra',
               figures: {memTotalMiB: 7455, memAvailableMiB: 1000 + i % 3000, cmaTotalMiB: 768, cmaFreeMiB: i % 700, largestFreeBlockMiB: 4,
                         peakTempC: 50 + i % 50, leakSlopeMBPerHour: i % 400, uptimeSeconds: i % 900000},
               findings: fs.findings,
               causes: [{causeId: b.cause_id, cause: 'Cause ' || b.cause_id, confidence: 0.8, rank: 0, supportingRules: [${rule('i')}], fingerprint: b.cause_fp}],
               fingerprints: b.fps, bundleProblems: 0, bytes: 1000000, analysedAt: strftime(b.at + INTERVAL 3 DAY, '%Y-%m-%dT%H:%M:%S.000Z'), durationMs: 50})::VARCHAR,
      b.bundle_id, b.device_no
    FROM b JOIN fs ON fs.bundle_id = b.bundle_id
    ORDER BY b.i`);
  await store.exec(`INSERT INTO cause_rows SELECT bundle_id, 0, ${cause('i')}, 'Cause ' || ${cause('i')}, 0.8, [${rule('i')}], ${causeFp('i')} FROM syn`);
  await store.exec(`INSERT INTO sources SELECT path, 'file', 1000000, 0, 1, content_hash, 1, 1 FROM bundles`);
  await store.exec(`INSERT INTO run_fingerprints SELECT DISTINCT 1, unnest(fingerprints) FROM bundles`);
  await store.exec('DROP TABLE syn');
  for (const sql of REBUILD_RULE_CATALOGUE_SQL) await store.exec(sql);
  // The next ids the store would give (DuckDB's sequences cannot be set, only made again).
  for (const [seq, next] of [['bundle_ids', bundles + 1], ['device_nos', devices + 1]] as const) {
    await store.exec(`DROP SEQUENCE ${seq}`);
    await store.exec(`CREATE SEQUENCE ${seq} START ${next}`);
  }
  const [f] = await store.query('SELECT count(*) AS n FROM findings');
  const [j] = await store.query('SELECT avg(length(result_json)) AS n FROM bundles');
  await store.close();
  return { findings: Number(f!.n), bundles, devices, resultJsonBytes: Math.round(Number(j!.n)) };
}
