/**
 * The tegrastats builder's choice of quoted lines (src/parsers/tegrastats/build.ts, closeSample),
 * cases found by mutation testing (docs/mutation-parsers.md): logs in tegrastats' real JetPack 6
 * line format (helpers/bundles.ts), each extreme a report may cite placed in its own sample.
 */
import { describe, expect, it } from 'vitest';
import { parseTegrastats } from '../../src/parsers/tegrastats/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { shiftStamps, tegrastats } from '../helpers/bundles.js';

function parse(text: string) {
  return parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('tegrastats.log'));
}
const quotedLines = (text: string) => Object.keys(parse(text).quoted).map(Number);

describe('tegrastats: the lines kept for evidence', () => {
  it('the first and last sample and the one holding each extreme, each in its own sample', () => {
    const text = tegrastats(20, (i) => ({
      ramMB: i === 7 ? 3290 : i === 12 ? 3095 : 3100 + i, // highest at line 8, lowest at line 13
      lfb: i === 4 ? '3x2MB' : '28x4MB', // smallest free block at line 5
      emc: i === 9 ? 90 : 20, // busiest EMC at line 10
      gpuMHz: i === 10 ? 306 : 1020, // lowest GPU clock at line 11
      cpuMHz: i === 11 ? 729 : 1510, // lowest CPU clock at line 12
      tempC: i === 13 ? 81.5 : 55, // hottest at line 14
    }));
    expect(quotedLines(text)).toEqual([1, 5, 8, 10, 11, 12, 13, 14, 20]);
  });

  it('each extreme alone moves its own quote', () => {
    const base = (over: (i: number) => object) => quotedLines(tegrastats(10, (i) => ({ ramMB: 3100, ...over(i) })));
    expect(base(() => ({}))).toEqual([1, 10]);
    expect(base((i) => (i === 3 ? { ramMB: 3150 } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { ramMB: 3000 } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { lfb: '1x4MB' } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { lfb: '27x4MB' } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { emc: 21 } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { gpuMHz: 1019 } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { cpuMHz: 1509 } : {}))).toEqual([1, 4, 10]);
    expect(base((i) => (i === 3 ? { tempC: 55.5 } : {}))).toEqual([1, 4, 10]);
    // The opposite moves are no extreme but the first sample's.
    expect(base((i) => (i === 3 ? { emc: 19, gpuMHz: 1021, cpuMHz: 1511, tempC: 54, lfb: '29x4MB' } : {}))).toEqual([1, 10]);
  });

  it('no free-block quote while RAM is nearly full (90 % of it or more)', () => {
    const full = (ram: number) => quotedLines(tegrastats(10, (i) => ({ ramMB: ram, lfb: i === 3 ? '1x4MB' : '28x4MB' })));
    expect(full(6857)).toEqual([1, 4, 10]);
    expect(full(6858)).toEqual([1, 10]);
    expect(full(7000)).toEqual([1, 10]);
  });

  it('both sides of a possible break are kept: RAM falling by more than 200 MB, a pause over 30 s, the clock going back', () => {
    const fall = (drop: number) => quotedLines(tegrastats(10, (i) => ({ ramMB: i < 5 ? 3100 : 3100 - drop })));
    expect(fall(200)).toEqual([1, 6, 10]); // the lowest sample only
    expect(fall(201)).toEqual([1, 5, 6, 10]);
    const pause = (s: number) => quotedLines(tegrastats(5, () => ({})) + shiftStamps(tegrastats(5, () => ({})), 4 + s));
    expect(pause(30)).toEqual([1, 10]);
    expect(pause(31)).toEqual([1, 5, 6, 10]);
    expect(quotedLines(tegrastats(5, () => ({})) + shiftStamps(tegrastats(5, () => ({})), -60))).toEqual([1, 5, 6, 10]);
  });

  it('a pause counts from three usual steps when the log samples slower than every 10 s', () => {
    // Samples 20 s apart: a 50 s pause is no break (under 3 x 20 s), a 70 s one is.
    const slow = (gap: number) => {
      const lines = tegrastats(8, () => ({})).trimEnd().split('\n');
      return quotedLines(lines.map((l, i) => shiftStamps(l, i * 19 + (i >= 4 ? gap - 20 : 0))).join('\n') + '\n');
    };
    expect(slow(50)).toEqual([1, 8]);
    expect(slow(70)).toEqual([1, 4, 5, 8]);
  });
  it('two samples stamped in the same second are no break (tegrastats prints whole seconds)', () => {
    const lines = tegrastats(10, () => ({})).trimEnd().split('\n');
    const same = lines.map((l, i) => (i >= 4 ? shiftStamps(l, -1) : l)).join('\n') + '\n'; // lines 4 and 5 share 08:00:03
    expect(quotedLines(same)).toEqual([1, 10]);
    expect(parse(same).segments).toHaveLength(1);
  });

  it('a `date` line or a banner between samples keeps the samples on both sides', () => {
    const a = tegrastats(5, () => ({}));
    const b = shiftStamps(tegrastats(5, () => ({})), 5);
    expect(quotedLines(a + b)).toEqual([1, 10]);
    expect(quotedLines(a + 'Mon Nov 24 08:00:05 UTC 2026\n' + b)).toEqual([1, 5, 7, 11]);
    expect(quotedLines(a + 'nvidia@orin:~$ sudo tegrastats\n' + b)).toEqual([1, 5, 7, 11]);
    // Before the first sample, a header borders nothing.
    expect(quotedLines('Mon Nov 24 07:59:59 UTC 2026\n' + a + b)).toEqual([2, 11]);
  });

  it('the usual step behind the pause threshold ignores steps of zero and steps back', () => {
    // Samples 20 s apart; a 50 s pause is under three usual steps, so no break, also right
    // after a repeated stamp or after the clock went back (which is a break of its own).
    const slow = (steps: number[]) => {
      const lines = tegrastats(steps.length + 1, () => ({})).trimEnd().split('\n');
      let at = 0;
      return quotedLines(lines.map((l, i) => shiftStamps(l, (at += i === 0 ? 0 : steps[i - 1]!) - i)).join('\n') + '\n');
    };
    expect(slow([20, 20, 20, 50, 20])).toEqual([1, 6]);
    expect(slow([20, 20, 0, 50, 20])).toEqual([1, 6]);
    expect(slow([20, 20, -60, 50, 20])).toEqual([1, 3, 4, 6]);
  });
  it('each sensor keeps its own hottest sample', () => {
    const lines = tegrastats(10, () => ({})).trimEnd().split('\n');
    lines[3] = lines[3]!.replace('gpu@55.000C', 'gpu@70.000C'); // the GPU hottest at line 4
    lines[6] = lines[6]!.replace('cpu@55.000C', 'cpu@70.000C'); // the CPU hottest at line 7
    expect(quotedLines(lines.join('\n') + '\n')).toEqual([1, 4, 7, 10]);
  });

  it('the smallest free block is the smallest block size first, then the fewest blocks', () => {
    // Fragmenting: the largest free block shrinks from 4 MB to 2 MB while there are more of them.
    const lfb = (at3: string, at6: string) => quotedLines(tegrastats(10, (i) => ({ lfb: i === 3 ? at3 : i === 6 ? at6 : '28x4MB' })));
    expect(lfb('1x4MB', '200x2MB')).toEqual([1, 7, 10]);
    expect(lfb('200x2MB', '1x4MB')).toEqual([1, 4, 10]);
    expect(lfb('3x2MB', '2x2MB')).toEqual([1, 7, 10]);
  });

  it('the lowest CPU clock is taken over the fastest core of each sample (Denver at 2035, A57 at 345)', () => {
    const cpu = (line4: string) => {
      const lines = tegrastats(10, () => ({ cpuMHz: 1510 })).trimEnd().split('\n');
      lines[3] = lines[3]!.replace(/CPU \[[^\]]*\]/, `CPU [${line4}]`);
      return quotedLines(lines.join('\n') + '\n');
    };
    expect(cpu('4%@2035,4%@345,4%@345,1%@2035,0%@2035,0%@2035')).toEqual([1, 10]);
    expect(cpu('4%@345,4%@345,4%@345,1%@345,0%@345,0%@2035')).toEqual([1, 10]);
    expect(cpu('4%@2035,0%@2035,0%@2035,1%@2035,4%@345,4%@345')).toEqual([1, 10]);
    // Slowest sample: its fastest core runs at 806 MHz, whatever cores are off.
    expect(cpu('4%@806,4%@345,off,off,off,off')).toEqual([1, 4, 10]);
    expect(cpu('off,off,4%@345,4%@806,off,off')).toEqual([1, 4, 10]);
  });
});
