/**
 * tegrastats lines read through the scanner's templates (src/parsers/tegrastats/fast.ts,
 * `build`): a template made from one line is matched against the later lines of its family,
 * and every number the later line holds must land where the field-by-field scan puts it.
 * Cases found by mutation testing (docs/mutation-parsers.md, session 9).
 */
import { describe, expect, it } from 'vitest';
import { streamTegrastats } from '../helpers/tegrastats.js';
import { parseTegrastats } from '../../src/parsers/tegrastats/build.js';
import { shiftStamps, tegrastats } from '../helpers/bundles.js';
import { scanLine, templateControl } from '../../src/parsers/tegrastats/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

const run = streamTegrastats;

const col = (c: ArrayLike<number>) => Array.from(c, (x) => (Number.isNaN(x) ? null : x));

describe('a CPU list whose cores share one clock printed after the list (`CPU [..]@1734`)', () => {
  // The L4T 28 layout of the list (loads only, the clock after `]`); the clock moves from
  // sample to sample as the governor scales it.
  const clocks = [102, 204, 1734, 825, 1428, 102, 1912, 307];
  const loads = (k: number) => [k % 4, (k * 3) % 7, 4 + k, (k * 5) % 11];
  const line = (k: number) =>
    `RAM ${3600 + k}/3983MB (lfb 3x2MB) SWAP 2780/8192MB (cached 284MB) CPU [${loads(k).map((l) => `${l}%`).join(',')}]@${clocks[k]} EMC_FREQ 0%@1600 GR3D_FREQ 0%@998 APE 25 PLL@34C CPU@36.5C GPU@33.5C`;
  const text = clocks.map((_, k) => line(k)).join('\n') + '\n';

  it('the fast path reads these lines (with templates), not the grammar', () => {
    templateControl.enabled = true;
    const matched = templateControl.matched;
    for (let k = 0; k < clocks.length; k++) expect(scanLine(line(k), 0, line(k).length), line(k)).toBe(13);
    expect(templateControl.matched).toBeGreaterThan(matched);
  });

  it('every core runs at its own sample\'s clock, on both paths', () => {
    for (const grammarOnly of [false, true]) {
      const { t, diagnostics } = run(text, grammarOnly);
      expect(diagnostics).toEqual([]);
      expect(t.samples).toBe(clocks.length);
      expect(t.cpuCores).toBe(4);
      for (let core = 0; core < 4; core++) {
        expect(col(t.cpuFreqMHz[core]!), `core ${core}, grammarOnly ${grammarOnly}`).toEqual(clocks);
        expect(col(t.cpuLoad[core]!)).toEqual(clocks.map((_, k) => loads(k)[core]));
      }
      expect(col(t.ramUsedMB)).toEqual(clocks.map((_, k) => 3600 + k));
    }
  });

  it('an offline core and a core with its own clock keep theirs; the others take the shared one', () => {
    const mixed = (k: number) => `RAM ${3600 + k}/3983MB (lfb 3x2MB) CPU [${k}%,off,${k + 1}%@204,${k + 2}%]@${clocks[k]} EMC_FREQ 0%@1600 GR3D_FREQ 0%@998`;
    const { t } = run(clocks.map((_, k) => mixed(k)).join('\n'), false);
    expect(col(t.cpuFreqMHz[0]!)).toEqual(clocks);
    expect(col(t.cpuFreqMHz[1]!)).toEqual(clocks.map(() => null));
    expect(col(t.cpuFreqMHz[2]!)).toEqual(clocks.map(() => 204));
    expect(col(t.cpuFreqMHz[3]!)).toEqual(clocks);
    expect(col(t.cpuLoad[3]!)).toEqual(clocks.map((_, k) => k + 2));
  });
});

describe('a log whose samples were wrapped onto several lines (as pasted in the Orin Nano capture)', () => {
  const wrapped = (k: number, ramMB: number) =>
    [
      `12-23-2024 22:54:${String(11 + k).padStart(2, '0')} RAM ${ramMB}/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB) `,
      'CPU [1%@729,0%@729,0%@729,0%@729,0%@729,0%@729] GR3D_FREQ 1% cpu@62.843C soc2@61.968C soc0@60.625C gpu@61.687C tj@62.843C soc1@61.687C ',
      'VDD_IN 3913mW/3922mW VDD_CPU_GPU_CV 598mW/598 VDD_SOC 1238mW/1237mW',
    ].join('\n');

  it('the sample holding an extreme is quoted whole, every line of it', () => {
    const text = [wrapped(0, 3162), wrapped(1, 3170), wrapped(2, 5800), wrapped(3, 3165), wrapped(4, 3163)].join('\n') + '\n';
    for (const grammarOnly of [false, true]) {
      const { t } = run(text, grammarOnly);
      expect(t.samples).toBe(5);
      expect(col(t.ramUsedMB)).toEqual([3162, 3170, 5800, 3165, 3163]);
      // First sample (lines 1-3), the highest RAM (7-9), the sample after its 2.6 GB fall (10-12), the last (13-15).
      expect(Object.keys(t.quoted).map(Number)).toEqual([1, 2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      expect(t.quoted[8]).toBe(text.split('\n')[7]);
    }
  });
});

describe('a log prefixed by `ts` (moreutils) in a locale whose month names are not English', () => {
  it('keeps the samples on the interval clock and the first stamp as printed', () => {
    const line = (k: number) => `Dez 03 10:00:${String(k).padStart(2, '0')} RAM ${3162 + k}/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB) CPU [1%@729,0%@729,0%@729,0%@729] GR3D_FREQ 1% cpu@62.843C gpu@61.687C VDD_IN 3913mW/3922mW`;
    const { t } = run([0, 1, 2, 3].map(line).join('\n') + '\n', false);
    expect(t.samples).toBe(4);
    expect(t.timeSource).toBe('interval');
    expect(t.startEpoch).toBeUndefined();
    expect(Array.from(t.t)).toEqual([0, 1, 2, 3]);
    expect([t.firstTimestamp, t.lastTimestamp]).toEqual(['Dez 03 10:00:00', 'Dez 03 10:00:03']);
    expect(col(t.ramUsedMB)).toEqual([3162, 3163, 3164, 3165]);
    // The same log in English: the stamps are the clock (syslog-like, no year).
    const en = run([0, 2, 4, 6].map((k) => line(k).replace('Dez', 'Dec')).join('\n') + '\n', false).t;
    expect(en.timeSource).toBe('timestamps');
    expect(Array.from(en.t)).toEqual([0, 2, 4, 6]);
    expect(en.intervalSeconds).toBe(2);
    // A syslog-like stamp has no year: the clock starts in 2000 (only differences matter).
    expect(en.startEpoch).toBe(Date.UTC(2000, 11, 3, 10, 0, 0) / 1000);
  });
});

describe('the pause threshold follows the shortest step seen, not the last one', () => {
  it('after a 20 s step, a 40 s pause in a log sampled every second is still a possible break (both sides quoted)', () => {
    const lines = tegrastats(8, () => ({})).trimEnd().split('\n');
    // Stamps 0, 1, 2, 3, 4, 24, 64, 65 s.
    const shift = [0, 0, 0, 0, 0, 19, 58, 58];
    const text = lines.map((l, i) => shiftStamps(l, shift[i]!)).join('\n') + '\n';
    const t = parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('tegrastats.log'));
    expect(Array.from(t.t)).toEqual([0, 1, 2, 3, 4, 24, 64, 65]);
    expect(Object.keys(t.quoted).map(Number)).toEqual([1, 6, 7, 8]);
  });
});

describe('the lowest CPU clock quoted is that of a sample\'s fastest core', () => {
  it('a sample whose last core alone runs slow is not the one quoted; the sample with every core slower is', () => {
    const lines = tegrastats(10, (i) => ({ cpuMHz: i === 6 ? 1200 : 1510 })).trimEnd().split('\n');
    // Sample 4 (line 4): the last core at 729 MHz, the others at 1510 MHz.
    lines[3] = lines[3]!.replace(/20%@1510\]/, '20%@729]');
    const text = lines.join('\n') + '\n';
    const t = parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('tegrastats.log'));
    expect(col(t.cpuFreqMHz[5]!)[3]).toBe(729);
    expect(Object.keys(t.quoted).map(Number)).toEqual([1, 7, 10]);
  });
});

describe('a pause measured across a sample without a stamp', () => {
  it('is counted from the last stamped sample: both sides of the pause are quoted', () => {
    const lines = tegrastats(8, () => ({})).trimEnd().split('\n');
    // Sample 6 lost its stamp (a line cut at its start); sample 7 comes 60 s after sample 5.
    lines[5] = lines[5]!.replace(/^\S+ \S+ /, '');
    const text = lines.map((l, i) => (i >= 6 ? shiftStamps(l, 59) : l)).join('\n') + '\n';
    const t = parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('tegrastats.log'));
    expect(t.samples).toBe(8);
    expect(Object.keys(t.quoted).map(Number)).toEqual([1, 6, 7, 8]);
  });
});

describe('a fall of used RAM is a break when it is over 10 % of the board\'s RAM (the last total printed)', () => {
  it('on a 7.6 GB board: 500 MB is not, 900 MB is', () => {
    const fall = (mb: number) => {
      const text = tegrastats(10, (i) => ({ ramMB: i < 5 ? 4000 : 4000 - mb }));
      return parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('tegrastats.log')).segments.map((s) => s.break?.reason ?? null);
    };
    expect(fall(500)).toEqual([null]);
    expect(fall(900)).toEqual([null, 'ram-drop']);
  });
});

describe('a sample line whose RAM field was garbled (a capture damaged by a power cut)', () => {
  it('still starts its own sample at its stamp, `MM-DD-YYYY` or a `ts` prefix', () => {
    for (const stamp of ['11-24-2026 08:00:0', 'Nov 24 08:00:0']) {
      const line = (k: number, ram: string) => `${stamp}${k} RAM ${ram}/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB) CPU [1%@729,0%@729,0%@729,0%@729] GR3D_FREQ 1% cpu@62.843C gpu@61.687C`;
      const text = [line(0, '3162'), line(1, '3163'), line(2, '31#4'), line(3, '3165')].join('\n') + '\n';
      const { t } = run(text, false);
      expect(t.samples, stamp).toBe(4);
      expect(col(t.ramUsedMB)).toEqual([3162, 3163, null, 3165]);
      expect(Array.from(t.t)).toEqual([0, 1, 2, 3]);
    }
  });
});

describe('a sample wrapped after a rail named NC, with more NC rails on the next line', () => {
  it('numbers the rails of the continuation after those of the first line (NC, NC#2, NC#3)', () => {
    const first = 'RAM 2474/15692MB (lfb 2711x4MB) CPU [1%@1190,0%@1190,0%@1190,0%@1190] EMC_FREQ 0%@665 GR3D_FREQ 0%@318 NC 0/0';
    const text = `${first}\nNC 12/10 NC 7/7\n${first}\n`;
    for (const grammarOnly of [false, true]) {
      const { t } = run(text, grammarOnly);
      expect(t.samples).toBe(2);
      expect(['NC', 'NC#2', 'NC#3'].map((n) => col(t.railCurrentMW[n] ?? []))).toEqual([[0, 0], [12, null], [7, null]]);
    }
  });
});
