import { describeRule } from '../helpers/rule-cases.js';
import { meminfo, tegrastats } from '../helpers/bundles.js';
import { ramSegments } from '../../src/rules/builtin/ram-segments.js';
import { describe, expect, it } from 'vitest';

// The series are generated in tegrastats' real JetPack 6 line format (helpers/bundles.ts); no public
// tegrastats log of a leaking service was found, so the shapes are synthetic and said so.

/** Removes samples [from, to): the log has a gap there (collector stopped, device off). */
const withGap = (log: string, from: number, to: number) => log.split('\n').filter((_, i) => i < from || i >= to).join('\n');

/** Grows from 2000 MB to 7300 MB (96% of 7620) in `minutes`, then drops back: an OOM kill or a restart. */
const sawtooth = (cycles: number, minutes: number) =>
  tegrastats(cycles * minutes * 60, (i) => ({ ramMB: 2000 + Math.round(((i % (minutes * 60)) / (minutes * 60)) * 5300) }));

describeRule('memory-leak', {
  valid: [
    { name: 'flat RAM for 2 h', files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3100 + (i % 7) })) } },
    {
      // A fit across the restart would see a line; each run on its own is flat.
      name: 'two flat runs, the second lower after a restart, with a gap between: never fitted across',
      files: { 'tegrastats.log': withGap(tegrastats(10800, (i) => ({ ramMB: i < 5400 ? 5200 + (i % 5) : 2100 + (i % 5) })), 5000, 6000) },
    },
  ],
  invalid: [
    {
      name: 'RAM rising 60 MB/h for 2 h',
      files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) + (i % 3) })) },
      findings: [{ messageId: 'leak', severity: 'warning', verdict: /grows 60 MB\/h over 120 min \(R² 1\.00\); at this rate memory runs out in 3\.1 days/ }],
    },
    {
      name: 'periodic meminfo with timestamps, MemAvailable falling fast',
      files: {
        'meminfo.log': [0, 1, 2, 3].map((h) => `2026-11-24T0${h}:00:00Z\n${meminfo({ MemAvailable: 2000000 - h * 400000 })}`).join(''),
      },
      findings: [{ messageId: 'leak', severity: 'error', verdict: /grows 390\.6 MB\/h over 3 h/ }],
    },
    {
      name: 'grow to full, drop, grow again: a sawtooth of three cycles is leak-to-OOM',
      files: { 'tegrastats.log': sawtooth(3, 40) },
      findings: [{ messageId: 'sawtooth', severity: 'error', verdict: /grew and fell back 2 times, each time climbing at about 7950 MB\/h to 96% of RAM/ }],
    },
    {
      name: 'a run that grew until memory ran out, then a short flat run: no time-to-exhaustion',
      files: { 'tegrastats.log': tegrastats(9000, (i) => ({ ramMB: i < 7200 ? 2000 + Math.round(i * 0.74) : 1900 + (i % 3) })) },
      findings: [{ messageId: 'ranOut', severity: 'error', verdict: /grew 2664 MB\/h over 120 min \(R² 1\.00\) until memory ran out \(96% used\) \(one of 2 stretches/ }],
    },
    {
      name: 'restart in the middle: only the current run is fitted',
      files: { 'tegrastats.log': tegrastats(14400, (i) => ({ ramMB: i < 7200 ? 5000 + (i % 4) : 1500 + Math.round((i - 7200) / 60) })) },
      findings: [{ messageId: 'leak', verdict: /grows 60 MB\/h over 120 min.*\(one of 2 stretches of the log, split at restarts, OOM kills and gaps\)/ }],
    },
  ],
});

describe('ramSegments', () => {
  it('splits at a gap, a drop and time going back, never at noise', () => {
    const t = [0, 1, 2, 3, 500, 501, 502, 503, 10, 11];
    const used = [1000, 1010, 990, 1005, 1004, 1006, 300, 310, 320, 330];
    expect(ramSegments(t, used, 4000, 1).map((s) => [s.from, s.to, s.end])).toEqual([
      [0, 3, 'gap'],
      [4, 5, 'drop'],
      [6, 7, 'gap'],
      [8, 9, 'log-end'],
    ]);
  });
});
