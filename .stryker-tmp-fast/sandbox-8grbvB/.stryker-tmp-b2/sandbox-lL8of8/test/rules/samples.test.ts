// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

/** Each shipped sample shows one failure: the full ranked list of causes, with confidences. */
describe.each([
  ['orin-nano-cma-fragmentation', [['cma-fragmentation', 0.9]]],
  ['orin-nano-smmu-camera', [['dmabuf-use-after-free', 0.8]]],
  ['orin-nano-leak-oom', [['leak-to-oom', 0.75], ['memory-overcommit', 0.4]]],
  ['orin-nano-thermal-throttling', [['thermal-throttling', 0.7]]],
  ['nano-power-supply', [['power-supply', 0.9], ['storage-failure', 0.3]]],
  ['xavier-jp4-thermal', [['thermal-throttling', 0.7]]],
  ['orin-nano-partial-bundle', [['cma-fragmentation', 0.9]]],
  // Its pstore record (read since every kernel log is) shows the previous boot's hard-lockup panic.
  ['orin-nano-collector', [['dmabuf-use-after-free', 0.75], ['system-crash', 0.7], ['memory-overcommit', 0.5], ['cma-fragmentation', 0.5], ['cma-too-small', 0.5]]],
])('sample %s', (name, ranking) => {
  const hypothesis = ranking[0]![0];
  it(`is diagnosed as ${hypothesis}, from the folder and from the .tgz alike`, async () => {
    const dir = await analyze(path.join(SAMPLES, name));
    const tgz = await analyze(path.join(SAMPLES, `${name}.tgz`));
    expect(dir.hypotheses.map((h) => [h.id, h.confidence])).toEqual(ranking);
    expect(tgz.hypotheses.map((h) => [h.id, h.confidence])).toEqual(ranking);
    expect(tgz.findings.map((f) => f.verdict)).toEqual(dir.findings.map((f) => f.verdict));
    expect(dir.hypotheses[0]!.supporting.length).toBeGreaterThan(0);
  });
});

describe('report context', () => {
  it('names the host, device id, capture time and uptime when the bundle says them', async () => {
    const { buildReportModel } = await import('../../src/report/model.js');
    const m = buildReportModel(await analyze(path.join(SAMPLES, 'orin-nano-cma-fragmentation.tgz')));
    expect(m.context).toEqual([
      { label: 'host', value: 'orin-cam-07' },
      { label: 'device id', value: 'cam-gateway-0113' },
      { label: 'captured', value: '2026-11-24T20:10:12Z' },
      { label: 'uptime', value: '14.2 h' },
    ]);
  });
});

describe('healthy sample', () => {
  it('finds nothing and says what it checked', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-healthy'));
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(a.outcomes.filter((o) => o.status === 'passed').length).toBeGreaterThan(30);
    expect(a.outcomes.find((o) => o.ruleId === 'zone-watermarks')).toMatchObject({ status: 'not-evaluated', detail: 'no /proc/zoneinfo in bundle' });
  });
});

/** The samples beyond one cause per bundle: what each must show besides its verdict. */
describe('every sample has its verdict tested', () => {
  it('lists at least 10 samples, each named in this file', () => {
    const names = readdirSync(SAMPLES).filter((f) => f.endsWith('.tgz')).map((f) => f.slice(0, -4));
    expect(names.length).toBeGreaterThanOrEqual(10);
    const self = readFileSync(fileURLToPath(import.meta.url), 'utf8');
    for (const n of names) expect(self, n).toContain(n);
  });

  it('names no collector that does not exist', () => {
    for (const n of readdirSync(SAMPLES).filter((f) => !f.includes('.'))) {
      let manifest: { collector?: string } = {};
      try {
        manifest = JSON.parse(readFileSync(path.join(SAMPLES, n, 'manifest.json'), 'utf8'));
      } catch {
        continue;
      }
      if (manifest.collector !== undefined) expect(manifest.collector, n).toMatch(/^jetdiag-collect\.sh \d+\.\d+\.\d+$/);
    }
  });
});

describe('sample orin-nano-memory-bandwidth', () => {
  it('is bandwidth-bound: EMC saturated is the verdict, with no failure cause claimed', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-memory-bandwidth.tgz'));
    expect(a.hypotheses).toEqual([]);
    expect(a.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['emc-bandwidth', 'saturated']]);
    expect(a.findings[0]!.verdict).toMatch(/stayed at or above 90% for 19 min/);
  });
});

describe('sample orin-nano-partial-bundle', () => {
  it('keeps its verdict and says what was cut and what was corrupt', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-partial-bundle.tgz'));
    const s = a.snapshot;
    expect(s.bundle.entries.find((e) => e.path.endsWith('tegrastats.log'))?.truncated).toBe(true);
    expect(s.bundle.problems).toContainEqual(expect.objectContaining({ code: 'collector.item-cut', message: expect.stringContaining('tegrastats') }));
    expect(s.diagnostics).toContainEqual(expect.objectContaining({ code: 'buddyinfo.unexpected-line', line: 2 }));
    // The rest of buddyinfo still counts.
    expect(a.findings.filter((f) => f.ruleId === 'buddy-fragmentation')).toHaveLength(2);
  });
});

describe('sample orin-nano-collector (made by collector/jetdiag-collect.sh)', () => {
  it('carries the manifest and the collector inputs, and ties the SMMU fault to the capture device', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-collector.tgz'));
    expect(a.snapshot.identity?.manifest?.value).toMatchObject({ deviceId: '1421223067123', captureTime: '2026-11-24T09:30:00Z' });
    expect(a.snapshot.identity?.manifest?.value.fields.collector).toBe('jetdiag-collect.sh 1.0.0');
    expect(a.findings.find((f) => f.ruleId === 'smmu-stream-device')?.verdict).toMatch(/tegra-capture-vi/);
    expect(a.findings.find((f) => f.messageId === 'cmaFailed')?.verdict).toMatch(/^12 CMA allocation\(s\) failed/);
  });
});
