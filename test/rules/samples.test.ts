import { describe, expect, it } from 'vitest';
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
    expect(a.outcomes.find((o) => o.ruleId === 'zone-watermarks')).toMatchObject({ status: 'not-evaluated', detail: 'no zoneinfo in bundle' });
  });
});
