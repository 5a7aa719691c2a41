import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, failedResult } from '../../src/fleet/analyze-one.js';
import { diffResults } from '../../src/fleet/diff.js';
import { buildFleetModel, type FleetModel, type TimelineUpload } from '../../src/fleet/model.js';
import type { BundleResult } from '../../src/fleet/result.js';
import { finishRun, recordSources, startRun } from '../../src/fleet/runs.js';
import { open, type FleetStore } from '../../src/fleet/store.js';

/**
 * The fleet model reads timelines from the bundle columns and the findings and causes tables,
 * and the regressions and rules through restructured queries. Here each is checked against
 * what the stored results themselves say (result_json, worked out in plain code) on a fleet
 * made from real analyses of the samples: 40 devices of 7 uploads whose findings come, go and
 * come back, change wording and severity, plus failed uploads, an upload without a capture
 * time, missing and non-finite figures and a finding without evidence.
 */
const SAMPLES = path.resolve('samples');
const BASES = ['orin-nano-healthy', 'orin-nano-leak-oom', 'orin-nano-cma-fragmentation', 'orin-nano-smmu-camera', 'nano-power-supply', 'orin-nano-thermal-throttling'];
const SEVERITY_RANK: Record<string, number> = { critical: 1, error: 2, warning: 3, info: 4 };

function upload(base: BundleResult, device: number, k: number): BundleResult {
  const r = structuredClone(base);
  const deviceId = `1421020${String(device).padStart(6, '0')}`;
  r.deviceId = deviceId;
  r.path = `/srv/uploads/${deviceId}/${k}.tgz`;
  r.contentHash = createHash('sha256').update(`${device}/${k}`).digest('hex');
  r.capturedAt = new Date(Date.UTC(2026, 10, 1 + k, 8, device % 60)).toISOString();
  r.analysedAt = new Date(Date.UTC(2026, 11, 1, 0, device, k)).toISOString();
  // Wording and severity move between uploads of one device (what a diff calls changed).
  if (r.findings.length && k % 3 === 1) r.findings[0] = { ...r.findings[0]!, verdict: `${r.findings[0]!.verdict} (upload ${k})` };
  if (r.findings.length > 1 && k % 4 === 2) r.findings[1] = { ...r.findings[1]!, severity: r.findings[1]!.severity === 'warning' ? 'error' : 'warning' };
  if (device % 7 === 3 && k === 4) delete r.capturedAt;
  if (device % 5 === 1 && k === 2) delete r.figures.cmaFreeMiB;
  if (device % 9 === 4 && k === 5) r.figures.leakSlopeMBPerHour = Number.NaN; // stored as NaN, JSON null
  if (device % 11 === 6 && k === 3) r.figures.leakSlopeMBPerHour = -0;
  if (r.findings.length && device % 6 === 2) delete r.findings.at(-1)!.firstEvidence;
  return r;
}

async function fleetStore(): Promise<FleetStore> {
  const bases = await Promise.all(BASES.map((b) => analyzeBundle(path.join(SAMPLES, `${b}.tgz`))));
  const rv = bases[0]!.rulesetVersion;
  const results: BundleResult[] = [];
  for (let d = 0; d < 40; d++) {
    for (let k = 0; k < 7; k++) {
      // Each device moves between a few of the samples, so issues clear and come back.
      const pick = [0, 1, 1, 2, 1, 3, 1][k]! + (d % 3 === 0 ? 0 : d % BASES.length);
      let r = upload(bases[pick % BASES.length]!, d, k);
      if (d % 8 === 5 && k === 3) r = { ...failedResult(r.path, { contentHash: r.contentHash, rulesetVersion: rv, error: 'gzip: unexpected end of file' }), deviceId: r.deviceId };
      results.push(r);
    }
  }
  const store = await open(mkdtempSync(path.join(os.tmpdir(), 'jetdiag-fleet-tables-')));
  const run = await startRun(store, rv, results.length);
  await store.upsertMany(results);
  await recordSources(store, results.map((r) => ({ path: r.path, sig: { kind: 'file', size: 1, mtimeMs: 0, files: 1 }, contentHash: r.contentHash })), run);
  await finishRun(store, { runId: run, rulesetVersion: rv, analysed: results.length, reused: 0, failed: 0, interrupted: false });
  return store;
}

/** A device's uploads as their stored results, oldest first (the order the fleet reads them in). */
async function storedResults(store: FleetStore, deviceId: string): Promise<BundleResult[]> {
  const rows = await store.query(
    `SELECT result_json FROM bundles WHERE device_id = $1 ORDER BY coalesce(captured_at, analysed_at), content_hash`,
    [deviceId],
  );
  return rows.map((r) => JSON.parse(r.result_json as string) as BundleResult);
}

describe('fleet model read from the tables', () => {
  let store: FleetStore;
  let model: FleetModel;
  let all: BundleResult[];

  beforeAll(async () => {
    store = await fleetStore();
    model = await buildFleetModel(store);
    all = (await store.query('SELECT result_json FROM bundles')).map((r) => JSON.parse(r.result_json as string) as BundleResult);
  }, 120_000);

  it('gives each device the timeline its stored results give, change by change', async () => {
    expect(model.devices).toHaveLength(40);
    for (const d of model.devices) {
      const results = await storedResults(store, d.deviceId);
      const expected = results.map((r, i): TimelineUpload => ({
        path: r.path,
        at: r.capturedAt ?? r.analysedAt,
        status: r.status,
        headline: r.headline,
        ...(r.causes[0] ? { topCause: r.causes[0].cause } : {}),
        fingerprints: r.fingerprints,
        figures: r.figures,
        ...(r.error ? { error: r.error } : {}),
        ...(i > 0 ? { change: diffResults(results[i - 1]!, r) } : {}),
      }));
      expect(d.timeline).toEqual(expected);
    }
    // The fleet really has what the checks are about.
    const uploads = model.devices.flatMap((d) => d.timeline);
    expect(uploads.some((u) => u.change?.changed.length)).toBe(true);
    expect(uploads.some((u) => u.change?.appeared.length && u.change.cleared.length)).toBe(true);
    expect(uploads.some((u) => u.error)).toBe(true);
    expect(uploads.some((u) => u.figures.leakSlopeMBPerHour === null)).toBe(true);
    expect(uploads.some((u) => !('cmaFreeMiB' in u.figures))).toBe(true);
  });

  it('finds the regressions a walk through each device history finds', () => {
    const expected = new Map<string, { deviceId: string; backAt: string }[]>();
    const byDevice = new Map<string, BundleResult[]>();
    for (const r of all) byDevice.set(r.deviceId, [...(byDevice.get(r.deviceId) ?? []), r]);
    for (const [deviceId, rs] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : 1))) {
      rs.sort((a, b) => (a.capturedAt ?? a.analysedAt).localeCompare(b.capturedAt ?? b.analysedAt) || a.contentHash.localeCompare(b.contentHash));
      const last = new Map<string, number>();
      const back = new Map<string, string>();
      rs.forEach((r, n) => {
        for (const fp of r.fingerprints) {
          const before = last.get(fp);
          if (before !== undefined && n - before > 1) back.set(fp, r.capturedAt ?? r.analysedAt);
          last.set(fp, n);
        }
      });
      for (const [fp, at] of back) expected.set(fp, [...(expected.get(fp) ?? []), { deviceId, backAt: at }]);
    }
    expect(expected.size).toBeGreaterThan(0);
    const got = new Map(model.issues.filter((i) => i.regressedDevices.length).map((i) => [i.fingerprint, i.regressedDevices]));
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
  });

  it('counts devices, bundles, findings and the worst severity per rule as the results do', () => {
    const perRule = new Map<string, { devices: Set<string>; bundles: Set<string>; findings: number; worst: number }>();
    for (const r of all) {
      for (const f of r.findings) {
        const e = perRule.get(f.ruleId) ?? { devices: new Set(), bundles: new Set(), findings: 0, worst: 4 };
        e.devices.add(r.deviceId);
        e.bundles.add(r.contentHash);
        e.findings++;
        e.worst = Math.min(e.worst, SEVERITY_RANK[f.severity] ?? 4);
        perRule.set(f.ruleId, e);
      }
    }
    const expected = [...perRule]
      .map(([ruleId, e]) => ({ ruleId, devices: e.devices.size, bundles: e.bundles.size, findings: e.findings, worst: e.worst }))
      .sort((a, b) => a.worst - b.worst || b.devices - a.devices || b.bundles - a.bundles || (a.ruleId < b.ruleId ? -1 : 1));
    const worstName = ['', 'critical', 'error', 'warning', 'info'];
    expect(model.rules.map(({ ruleId, devices, bundles, findings, worst }) => ({ ruleId, devices, bundles, findings, worst }))).toEqual(
      expected.map((e) => ({ ...e, worst: worstName[e.worst] })),
    );
  });
});
