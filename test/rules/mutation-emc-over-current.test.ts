/**
 * emc-bandwidth and over-current beyond their thresholds (issue #14, mutation testing):
 * too few samples, samples without an EMC reading, a stretch reaching the end of the log, the
 * busiest sample quoted, stretches in two segments of a log with a gap (the longer one, the
 * first of two equal ones); OC alarm masks naming no channel. tegrastats lines are the JetPack 6
 * Orin Nano format of test/helpers/bundles.ts.
 */
import { describe, expect, it } from 'vitest';
import { at, describeRule, ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg, shiftStamps, tegrastats, type TegraSample } from '../helpers/bundles.js';
import { runRules } from '../../src/rules/engine.js';
import { runCase, snapshotFromFiles } from '../../src/rules/tester.js';

const log = (n: number, s: (i: number) => TegraSample) => ({ 'tegrastats.log': tegrastats(n, s) });
/** Two runs of the device an hour apart: `a` samples, then `b` samples after the gap. */
function gapped(a: number, b: number, s: (i: number) => TegraSample) {
  const first = tegrastats(a, s);
  const second = shiftStamps(tegrastats(b, (i) => s(a + i)), a + 3600);
  return { 'tegrastats.log': first + second };
}
const noEmc = (text: string, keep: (i: number) => boolean) =>
  text.split('\n').map((l, i) => (l && !keep(i) ? l.replace(/EMC_FREQ \d+%@\d+ /, '') : l)).join('\n');
const SAT = { messageId: 'saturated', severity: 'warning' as const, tags: ['bandwidth'], signatures: [] };
const BUSY = { messageId: 'busy', severity: 'warning' as const, tags: ['bandwidth'], signatures: [] };

describe('emc-bandwidth needs a series', () => {
  const outcome = (n: number) => runRules([ruleById('emc-bandwidth')], snapshotFromFiles(log(n, () => ({ emc: 95 }))), { signatures: SIGNATURES }).outcomes[0]!;
  it('one or two samples are not evaluated, and say how many there were; three are', () => {
    expect(outcome(1)).toMatchObject({ status: 'not-evaluated', detail: 'a single tegrastats sample: how long the memory controller stayed saturated needs a series of samples over time' });
    expect(outcome(2)).toMatchObject({ status: 'not-evaluated', detail: 'only 2 tegrastats samples: how long the memory controller stayed saturated needs a series of samples over time' });
    expect(outcome(3).status).toBe('fired');
  });

  it('with no busy sample at all and busyShare 0, the finding quotes nothing', () => {
    const f = runCase(ruleById('emc-bandwidth'), { name: 'c', files: log(10, () => ({ emc: 20 })), thresholds: { busyShare: 0 } }, SIGNATURES);
    expect(f.map((x) => x.messageId)).toEqual(['busy']);
    expect(f[0]!.evidence).toEqual([]);
  });
});

describeRule('emc-bandwidth', {
  valid: [
    { name: 'no EMC reading anywhere', files: { 'tegrastats.log': noEmc(tegrastats(100, () => ({ emc: 95 })), () => false) } },
    { name: '59 s at 95 % at the very end of the log', files: log(300, (i) => ({ emc: i >= 241 ? 95 : 20 })) },
  ],
  invalid: [
    {
      // 30 of 100 samples busy, but 50 have no EMC reading: 60 % of the known samples, 30 % of all.
      name: 'samples without an EMC reading do not count: 30 of 50 known samples busy',
      files: { 'tegrastats.log': noEmc(tegrastats(100, (i) => ({ emc: i >= 60 && i < 90 ? 85 : 20 })), (i) => i >= 50) },
      findings: [{ ...BUSY, evidence: at('tegrastats.log', 61), verdict: /at or above 80% for 60% of the log/ }],
    },
    {
      name: '60 s at 95 % at the very end of the log',
      files: log(300, (i) => ({ emc: i >= 240 ? 95 : 20 })),
      findings: [{ ...SAT, evidence: at('tegrastats.log', 241), verdict: /stayed at or above 90% for 60 s;/ }],
    },
    {
      name: 'the busiest sample of the stretch is quoted (the first of two at 99 %)',
      files: log(300, (i) => ({ emc: i >= 100 && i < 200 ? (i === 150 || i === 170 ? 99 : i === 120 ? 97 : 93) : 20 })),
      findings: [{ ...SAT, evidence: at('tegrastats.log', 151), verdict: /for 100 s;/ }],
    },
    {
      name: 'a longer stretch in the first run of the device, a shorter one after the gap',
      files: gapped(200, 200, (i) => ({ emc: (i >= 20 && i < 100) || (i >= 250 && i < 320) ? 95 : 20 })),
      findings: [{ ...SAT, evidence: at('tegrastats.log', 21), verdict: /for 80 s;/ }],
    },
    {
      name: 'a longer stretch after the gap',
      files: gapped(200, 200, (i) => ({ emc: (i >= 20 && i < 90) || (i >= 250 && i < 330) ? 95 : 20 })),
      findings: [{ ...SAT, evidence: at('tegrastats.log', 251), verdict: /for 80 s;/ }],
    },
    {
      name: 'two equal stretches either side of the gap: the first is quoted',
      files: gapped(200, 200, (i) => ({ emc: (i >= 20 && i < 90) || (i >= 250 && i < 320) ? 95 : 20 })),
      findings: [{ ...SAT, evidence: at('tegrastats.log', 21), verdict: /for 70 s;/ }],
    },
    {
      name: 'busy, never saturated: the longest busy stretch is quoted, after the gap',
      files: gapped(100, 100, (i) => ({ emc: (i >= 10 && i < 40) || (i >= 120 && i < 190) ? 85 : 20 })),
      findings: [{ ...BUSY, evidence: at('tegrastats.log', 121), verdict: /at or above 80% for 50% of the log/ }],
    },
    {
      name: 'busy, never saturated: of two equal busy stretches the first',
      files: gapped(100, 100, (i) => ({ emc: (i >= 10 && i < 60) || (i >= 120 && i < 170) ? 85 : 20 })),
      findings: [{ ...BUSY, evidence: at('tegrastats.log', 11), verdict: /for 50% of the log/ }],
    },
  ],
});

describe('over-current channels', () => {
  it('an alarm whose mask names none of OC1-OC5 says none', () => {
    const f = runCase(ruleById('over-current'), { name: 'c', files: { dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000000']]) } }, SIGNATURES);
    expect(f[0]!.verdict).toMatch(/^1 over-current alarm\(s\) \(channels none\), first at /);
    expect(f[0]!.figures).toEqual([{ label: 'alarms', value: 1 }, { label: 'channels', value: 'none' }]);
  });
});
