/**
 * What the tegrastats builder (src/parsers/tegrastats/build.ts) reports about the lines it does
 * not read as samples (session 8 of docs/mutation-parsers.md): the note for a line of another
 * tool quotes its first 60 characters, an unknown field is listed under its name (or its first
 * 20 characters) with an example cut to 80, and the first `date` stamp is kept without the
 * blanks after it. On the fast path and on the grammar path.
 */
import { describe, expect, it } from 'vitest';
import { streamTegrastats } from '../helpers/tegrastats.js';
import { tegrastats } from '../helpers/bundles.js';

const run = streamTegrastats;

// A Nano JetPack 4 sample (test/fixtures/tegrastats/jetson-nano-jp4-02.txt's format).
const NANO = 'RAM 1180/3965MB (lfb 1x2MB) SWAP 0/1982MB (cached 0MB) CPU [30%@1036,33%@1036,off,off] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 APE 25 PLL@57C CPU@60.5C POM_5V_IN 4520/4680';

describe.each([
  ['fast path', false],
  ['grammar path', true],
] as const)('tegrastats builder, %s', (_name, grammarOnly) => {
  it('a shell prompt before the samples: a note quoting its first 60 characters', () => {
    const prompt = 'nvidia@jetson-nano:~$ sudo tegrastats --interval 1000 --logfile /home/nvidia/logs/tegrastats.log';
    const { t, diagnostics } = run(`${prompt}\n${NANO}\n`, grammarOnly);
    expect(t.samples).toBe(1);
    expect(diagnostics).toEqual([{ severity: 'info', file: 't', line: 1, code: 'tegrastats.not-a-sample', message: `not a tegrastats line, skipped: "${prompt.slice(0, 60)}"` }]);
    expect(prompt.slice(0, 60)).toBe('nvidia@jetson-nano:~$ sudo tegrastats --interval 1000 --logf');
  });

  it('unknown fields: under their name, or their first 20 characters; the example cut to 80', () => {
    const digits = '1234567890'.repeat(4);
    const long = `VDD_${'SYS_'.repeat(25)}X@`;
    const { t } = run(`${NANO} ${digits} ${long}\n${NANO} ${digits}\n`, grammarOnly);
    expect(t.samples).toBe(2);
    expect(t.unknownFields).toEqual({
      [digits.slice(0, 20)]: { count: 2, example: digits, line: 1 },
      [long.slice(0, -1)]: { count: 1, example: long.slice(0, 80), line: 1 },
    });
  });

  it('a log part that starts with the tail of a sample (cut mid-line): the tail is a sample of its own', () => {
    const { t } = run(`GR3D_FREQ 0%@76 APE 25 PLL@61C CPU@63.5C\n${NANO}\n${NANO}\n`, grammarOnly);
    expect(t.samples).toBe(3);
    expect(Array.from(t.line)).toEqual([1, 2, 3]);
    expect(Array.from(t.tempC.PLL!)).toEqual([61, 57, 57]);
    expect(Array.from(t.ramUsedMB)).toEqual([NaN, 1180, 1180]);
  });

  it('the first `date` stamp, without the blanks after it', () => {
    const { t } = run(`Thu Dec  3 06:00:00 UTC 2026   \n${NANO}\nThu Dec  3 06:00:05 UTC 2026\n${NANO}\n`, grammarOnly);
    expect(t.samples).toBe(2);
    expect(t.firstTimestamp).toBe('Thu Dec  3 06:00:00 UTC 2026');
  });
});

describe('the sampling interval of a stamped log (the median step between samples)', () => {
  // Xavier NX JetPack 5 (jetson-xavier-nx-jp5-01.txt's format), `tegrastats --interval 2000`.
  const stamp = (s: number) => {
    const d = new Date(Date.UTC(2024, 2, 11, 9, 0, 0) + s * 1000);
    const p = (x: number) => String(x).padStart(2, '0');
    return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  };
  const log = (samples: number, every: number) =>
    Array.from({ length: samples }, (_, k) => `${stamp(k * every)} RAM ${2900 + (k % 7)}/7765MB (lfb 137x4MB) SWAP 0/3883MB (cached 0MB) CPU [${k % 9}%@1190,2%@1190,off,off,off,off] EMC_FREQ 0%@1600 GR3D_FREQ 0%@[305] VIC_FREQ 115 APE 150 AUX@35C CPU@36.5C GPU@34.5C VDD_IN 3850mW/3850mW`).join('\n');

  it.each([
    ['fast path', false],
    ['grammar path', true],
  ] as const)('every 2 s, %s: 2 s, not the 1 s default', (_name, grammarOnly) => {
    const { t } = run(`${log(12, 2)}\n`, grammarOnly);
    expect(t.samples).toBe(12);
    expect(t.timeSource).toBe('timestamps');
    expect(t.intervalSeconds).toBe(2);
  });

  it('a log of more than 8,192 samples (the steps are taken over a stride of samples): still 2 s', () => {
    const { t } = run(`${log(8300, 2)}\n`, false);
    expect(t.samples).toBe(8300);
    expect(t.t[8299]! - t.t[0]!).toBe(8299 * 2);
    expect(t.intervalSeconds).toBe(2);
  });
});

describe('the last sample holding an extreme', () => {
  // tegrastats' JetPack 6 line format (helpers/bundles.ts), one sample a second.
  const quoted = (text: string) => Object.keys(run(text, false).t.quoted).map(Number);

  it('RAM rising to its highest in the last sample: no other sample is quoted for it', () => {
    // Lowest in the first sample, highest in the last: both already kept as first and last.
    expect(quoted(tegrastats(10, (i) => ({ ramMB: 3100 + 10 * i })))).toEqual([1, 10]);
    // The hottest sample last, the same.
    expect(quoted(tegrastats(10, (i) => ({ tempC: i === 9 ? 81.5 : 55 })))).toEqual([1, 10]);
    // And where the highest is not last, it is quoted (the check above is not vacuous).
    expect(quoted(tegrastats(10, (i) => ({ ramMB: i === 8 ? 3300 : 3100 })))).toEqual([1, 9, 10]);
  });
});
