import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, failedResult } from '../../src/fleet/analyze-one.js';
import { buildFleetModel } from '../../src/fleet/model.js';
import type { BundleResult } from '../../src/fleet/result.js';
import { finishRun, recordSources, startRun } from '../../src/fleet/runs.js';
import { STORE_FILE, open, type FleetStore } from '../../src/fleet/store.js';

/**
 * Schema 2 of the fleet store: integer surrogate keys (bundle_id, device_no), the findings and
 * causes keyed by them, the catalogue ids per rule counted at write time, and the upgrade of a
 * schema 1 store. Results are real analyses of the samples, copied under other content hashes.
 */
const SAMPLES = path.resolve('samples');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jetdiag-fleet-schema-'));

/** The store's tables as jetdiag wrote them before schema 2 (src/fleet/store-schema.ts at b3936df). */
const SCHEMA_1_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS bundles (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  device_id VARCHAR NOT NULL,
  device_id_source VARCHAR NOT NULL,
  captured_at TIMESTAMP,
  captured_at_source VARCHAR NOT NULL,
  hostname VARCHAR,
  board VARCHAR,
  soc VARCHAR,
  l4t VARCHAR,
  jetpack VARCHAR,
  kernel VARCHAR,
  status VARCHAR NOT NULL,
  headline VARCHAR,
  error VARCHAR,
  top_cause VARCHAR,
  fingerprints VARCHAR[],
  mem_total_mib DOUBLE,
  mem_available_mib DOUBLE,
  cma_total_mib DOUBLE,
  cma_free_mib DOUBLE,
  largest_free_block_mib DOUBLE,
  peak_temp_c DOUBLE,
  leak_slope_mb_per_h DOUBLE,
  uptime_s DOUBLE,
  bundle_problems INTEGER,
  bytes BIGINT,
  jetdiag_version VARCHAR,
  analysed_at TIMESTAMP,
  duration_ms INTEGER,
  result_json VARCHAR NOT NULL,
  PRIMARY KEY (content_hash, ruleset_version)
);
CREATE TABLE IF NOT EXISTS findings (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  ord INTEGER NOT NULL,
  stable_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  message_id VARCHAR,
  severity VARCHAR NOT NULL,
  confidence DOUBLE,
  catalogue_ids VARCHAR[],
  verdict VARCHAR,
  figures_json VARCHAR,
  first_evidence VARCHAR
);
CREATE TABLE IF NOT EXISTS causes (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  rank INTEGER NOT NULL,
  cause_id VARCHAR NOT NULL,
  cause VARCHAR,
  confidence DOUBLE,
  supporting_rules VARCHAR[],
  fingerprint VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
  path VARCHAR PRIMARY KEY,
  kind VARCHAR,
  size BIGINT,
  mtime_ms BIGINT,
  files INTEGER,
  content_hash VARCHAR,
  first_seen_run INTEGER,
  last_seen_run INTEGER
);
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  started_at TIMESTAMP,
  finished_at TIMESTAMP,
  ruleset_version VARCHAR,
  state VARCHAR,
  discovered INTEGER,
  analysed INTEGER,
  reused INTEGER,
  failed INTEGER
);
CREATE TABLE IF NOT EXISTS run_fingerprints (run_id INTEGER, fingerprint VARCHAR, PRIMARY KEY (run_id, fingerprint));
`;

function copy(base: BundleResult, device: number, k: number): BundleResult {
  const r = structuredClone(base);
  r.deviceId = `1421020${String(device).padStart(6, '0')}`;
  r.path = `/srv/uploads/${r.deviceId}/${k}.tgz`;
  r.contentHash = createHash('sha256').update(`schema/${device}/${k}`).digest('hex');
  r.capturedAt = new Date(Date.UTC(2026, 10, 1 + k, 8, device)).toISOString();
  return r;
}

let bases: BundleResult[];
beforeAll(async () => {
  bases = await Promise.all(['orin-nano-leak-oom', 'orin-nano-cma-fragmentation', 'orin-nano-healthy', 'orin-nano-smmu-camera'].map((b) => analyzeBundle(path.join(SAMPLES, `${b}.tgz`))));
}, 120_000);

/** 6 devices x 4 uploads moving between the samples, one upload that could not be read. */
function fleet(): BundleResult[] {
  const out: BundleResult[] = [];
  for (let d = 0; d < 6; d++) {
    for (let k = 0; k < 4; k++) {
      const r = copy(bases[(d + k * (d % 2 ? 1 : 3)) % bases.length]!, d, k);
      out.push(d === 4 && k === 2 ? { ...failedResult(r.path, { contentHash: r.contentHash, rulesetVersion: r.rulesetVersion, error: 'gzip: unexpected end of file' }), deviceId: r.deviceId } : r);
    }
  }
  return out;
}

async function record(store: FleetStore, results: BundleResult[]): Promise<void> {
  const run = await startRun(store, results[0]!.rulesetVersion, results.length);
  await store.upsertMany(results);
  await recordSources(store, results.map((r) => ({ path: r.path, sig: { kind: 'file', size: 1, mtimeMs: 0, files: 1 }, contentHash: r.contentHash })), run);
  await finishRun(store, { runId: run, rulesetVersion: results[0]!.rulesetVersion, analysed: results.length, reused: 0, failed: 0, interrupted: false });
}

/** rule_catalogue_ids as the finding rows give it now, worked out in plain code. */
async function catalogueCountsFromFindings(store: FleetStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const f of await store.query('SELECT ruleset_version, rule_id, catalogue_ids FROM findings')) {
    for (const c of (f.catalogue_ids as string[]) ?? []) {
      const k = `${f.ruleset_version as string} ${f.rule_id as string} ${c}`;
      counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  return counts;
}

async function catalogueCounts(store: FleetStore): Promise<Record<string, number>> {
  const rows = await store.query('SELECT ruleset_version, rule_id, catalogue_id, findings FROM rule_catalogue_ids');
  return Object.fromEntries(rows.map((r) => [`${r.ruleset_version as string} ${r.rule_id as string} ${r.catalogue_id as string}`, r.findings as number]));
}

describe('fleet store schema 2', () => {
  it('keeps a bundle its id when it is written again, numbers devices once, and replaces its findings by id', async () => {
    const store = await open(tmp());
    const results = fleet();
    await store.upsertMany(results);
    const ids = await store.query('SELECT content_hash, bundle_id, device_id, device_no FROM bundles ORDER BY bundle_id');
    expect(ids.map((r) => r.bundle_id)).toEqual(results.map((_, i) => i + 1));
    const devices = await store.query('SELECT device_id, device_no FROM devices ORDER BY device_no');
    expect(devices).toHaveLength(6);
    for (const r of ids) expect(devices.find((d) => d.device_id === r.device_id)?.device_no).toBe(r.device_no);

    // The same results again (a re-run, --rebuild), one of them analysed differently, one moved to a new device.
    const again = results.map((r) => structuredClone(r));
    again[5]!.findings = again[5]!.findings.slice(1);
    again[6]!.deviceId = 'spare-unit-7';
    await store.upsertMany(again);
    const after = await store.query('SELECT content_hash, bundle_id, device_id, device_no FROM bundles ORDER BY bundle_id');
    expect(after.map((r) => [r.content_hash, r.bundle_id])).toEqual(ids.map((r) => [r.content_hash, r.bundle_id]));
    const spare = await store.query(`SELECT device_no FROM devices WHERE device_id = 'spare-unit-7'`);
    expect(spare).toEqual([{ device_no: 7 }]);
    expect(after[6]).toMatchObject({ device_id: 'spare-unit-7', device_no: 7 });
    const perBundle = await store.query('SELECT bundle_id, count(*) AS n FROM finding_rows GROUP BY bundle_id ORDER BY bundle_id');
    expect(Object.fromEntries(perBundle.map((r) => [r.bundle_id, r.n]))).toEqual(
      Object.fromEntries(again.map((r, i) => [i + 1, r.findings.length]).filter(([, n]) => n)),
    );
    // A new content takes the next id.
    await store.upsert(copy(bases[0]!, 9, 9));
    expect(await store.query('SELECT max(bundle_id) AS m, count(*) AS n FROM bundles')).toEqual([{ m: results.length + 1, n: results.length + 1 }]);
    await store.close();
  });

  it('counts the catalogue ids per rule at write time, and the counts follow re-writes of the same bundles', async () => {
    const store = await open(tmp());
    const results = fleet();
    await store.upsertMany(results);
    const first = await catalogueCounts(store);
    expect(Object.keys(first).length).toBeGreaterThan(3);
    expect(first).toEqual(await catalogueCountsFromFindings(store));
    // Written again as they were: nothing changes.
    await store.upsertMany(results);
    await store.upsert(results[0]!);
    expect(await catalogueCounts(store)).toEqual(first);
    // Re-analysed differently: a catalogue id that no finding reports any more is gone, a new one counted.
    const changed = results.map((r) => structuredClone(r));
    const gone = new Set<string>();
    for (const r of changed) {
      for (const f of r.findings) {
        if (f.ruleId === 'oom-kills') {
          for (const c of f.catalogueIds) gone.add(`${r.rulesetVersion} ${f.ruleId} ${c}`);
          f.catalogueIds = ['oom-kill-victim-renamed'];
        }
      }
    }
    expect(gone.size).toBeGreaterThan(0);
    await store.upsertMany(changed.slice(0, 10));
    await store.upsertMany(changed.slice(10));
    const now = await catalogueCounts(store);
    expect(now).toEqual(await catalogueCountsFromFindings(store));
    for (const k of gone) expect(now[k]).toBeUndefined();
    expect(Object.keys(now).some((k) => k.endsWith(' oom-kills oom-kill-victim-renamed'))).toBe(true);
    // And the fleet report (paths recorded, the same results written once more) lists what the findings say.
    await record(store, changed);
    expect(await catalogueCounts(store)).toEqual(now);
    const model = await buildFleetModel(store);
    const oom = model.rules.find((r) => r.ruleId === 'oom-kills');
    expect([...oom!.catalogueIds, ...oom!.ownIds].sort()).toEqual(['oom-kill-victim-renamed']);
    await store.close();
  });

  it('upgrades a schema 1 store in place: same fleet model, and writes continue after its numbers', async () => {
    // The fleet written by this jetdiag, and its model.
    const dir2 = tmp();
    const store2 = await open(dir2);
    const results = fleet();
    await record(store2, results);
    const now = new Date('2026-12-03T00:00:00Z');
    const expected = await buildFleetModel(store2, { now });
    const findings = await store2.query('SELECT * EXCLUDE (bundle_id) FROM findings ORDER BY content_hash, ord');
    await store2.close();

    // The same rows in a schema 1 store, as the previous jetdiag wrote them.
    const dir1 = tmp();
    const instance = await DuckDBInstance.create(path.join(dir1, STORE_FILE));
    const db = await instance.connect();
    await db.run(SCHEMA_1_SQL);
    await db.run(`INSERT INTO meta VALUES ('schema_version', '1')`);
    await db.run(`ATTACH '${path.join(dir2, STORE_FILE)}' AS v2 (READ_ONLY)`);
    await db.run('INSERT INTO bundles SELECT * EXCLUDE (bundle_id, device_no) FROM v2.bundles ORDER BY analysed_at, content_hash');
    await db.run('INSERT INTO findings SELECT * EXCLUDE (bundle_id) FROM v2.findings');
    await db.run('INSERT INTO causes SELECT * EXCLUDE (bundle_id) FROM v2.causes');
    for (const t of ['sources', 'runs', 'run_fingerprints']) await db.run(`INSERT INTO ${t} SELECT * FROM v2.${t}`);
    await db.run('DETACH v2');
    db.closeSync();
    instance.closeSync();

    const store1 = await open(dir1);
    expect(await store1.query(`SELECT value FROM meta WHERE key = 'schema_version'`)).toEqual([{ value: '2' }]);
    expect(await store1.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%_v1'`)).toEqual([]);
    expect(await store1.query('SELECT * EXCLUDE (bundle_id) FROM findings ORDER BY content_hash, ord')).toEqual(findings);
    const [ids] = await store1.query('SELECT count(*) AS n, count(DISTINCT bundle_id) AS ids, min(bundle_id) AS lo, max(bundle_id) AS hi, count(device_no) AS numbered FROM bundles');
    expect(ids).toEqual({ n: results.length, ids: results.length, lo: 1, hi: results.length, numbered: results.length });
    expect(await catalogueCounts(store1)).toEqual(await catalogueCountsFromFindings(store1));
    expect(await buildFleetModel(store1, { now })).toEqual(expected);
    // Writes after the upgrade: an existing bundle keeps its id, a new one takes the next, a new device the next number.
    const [before] = await store1.query('SELECT bundle_id FROM bundles WHERE content_hash = $1', [results[3]!.contentHash]);
    const newcomer = { ...copy(bases[1]!, 7, 0), deviceId: 'newcomer' };
    await store1.upsertMany([results[3]!, newcomer]);
    expect(await store1.query('SELECT bundle_id FROM bundles WHERE content_hash = $1', [results[3]!.contentHash])).toEqual([before]);
    expect(await store1.query('SELECT b.bundle_id, d.device_no FROM bundles b JOIN devices d USING (device_id) WHERE b.content_hash = $1', [newcomer.contentHash])).toEqual([
      { bundle_id: results.length + 1, device_no: 7 },
    ]);
    await store1.close();
    // Opened again: nothing more to upgrade.
    const reopened = await open(dir1);
    expect(await reopened.query('SELECT count(*) AS n FROM bundles')).toEqual([{ n: results.length + 1 }]);
    await reopened.close();
  });

  it('refuses a store of a later schema than it knows', async () => {
    const dir = tmp();
    const instance = await DuckDBInstance.create(path.join(dir, STORE_FILE));
    const db = await instance.connect();
    await db.run(`CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR); INSERT INTO meta VALUES ('schema_version', '3')`);
    db.closeSync();
    instance.closeSync();
    await expect(open(dir)).rejects.toThrow(/store schema 3/);
  });
});

describe('fleet timelines', () => {
  it('show each device its latest uploads only, when it has more than the limit', async () => {
    const store = await open(tmp());
    await record(store, fleet());
    const all = await buildFleetModel(store);
    const last2 = await buildFleetModel(store, { maxUploadsPerDevice: 2 });
    expect(all.devices.map((d) => d.timeline.length)).toEqual(all.devices.map(() => 4));
    expect(last2.devices.map((d) => d.deviceId)).toEqual(all.devices.map((d) => d.deviceId));
    for (const [i, d] of last2.devices.entries()) {
      const [first, second] = all.devices[i]!.timeline.slice(-2);
      const { change: _, ...firstAlone } = first!;
      expect(d.timeline).toEqual([firstAlone, second]);
    }
    await store.close();
  });
});
