/**
 * Which tegrastats lines are kept verbatim for evidence (SampleQuotes): the first and last
 * sample of each stretch between possible breaks and the sample holding each extreme of the
 * stretch; and readNumber on the long numbers where it hands over to parseFloat. Lines are
 * samples of test/fixtures/tegrastats/jetson-orin-nano-8gb-jp6-01.txt with their figures changed.
 */
import { describe, expect, it } from 'vitest';
import { SampleQuotes, type SampleLine } from '../../src/parsers/tegrastats/quotes.js';
import { readNumber } from '../../src/parsers/common/numbers.js';

const sample = (line: number, ramMB: number): SampleLine[] => {
  const text = `RAM ${ramMB}/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB) CPU [1%@729,0%@729]`;
  return [{ line, text, from: 0, to: text.length }];
};
const whole = (line: number, text: string): SampleLine => ({ line, text, from: 0, to: text.length });

describe('SampleQuotes', () => {
  it('a sample wrapped over many lines keeps its first six', () => {
    const lines: SampleLine[] = [];
    for (let i = 1; i <= 8; i++) SampleQuotes.add(lines, i, `part ${i}`);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps the highest and the lowest of each key; ties keep the first; NaN is no value', () => {
    const q = new SampleQuotes();
    const s = [sample(1, 3000), sample(2, 3500), sample(3, 3500), sample(4, 2900), sample(5, 2900)];
    for (const [i, ram] of [3000, 3500, 3500, 2900, 2900].entries()) {
      q.offer(q.slot('ram-high'), ram, true, s[i]!);
      q.offer(q.slot('ram-low'), ram, false, s[i]!);
    }
    q.offer(q.slot('emc'), NaN, true, sample(9, 1)!);
    expect(Object.keys(q.finish()).map(Number)).toEqual([2, 4]);
  });

  it('a break keeps both sides and closes the stretch: each stretch keeps its own extremes, in line order', () => {
    const q = new SampleQuotes();
    q.keep(sample(1, 3000));
    q.offer(q.slot('ram'), 3600, true, sample(2, 3600));
    q.offer(q.slot('ram'), 3100, true, sample(3, 3100));
    q.breakBefore(sample(3, 3100), sample(10, 1200));
    q.offer(q.slot('ram'), 1500, true, sample(11, 1500));
    q.offer(q.slot('ram'), 1300, true, sample(12, 1300));
    q.keep(sample(12, 1300));
    const kept = q.finish();
    expect(Object.keys(kept).map(Number)).toEqual([1, 2, 3, 10, 11, 12]);
    expect(kept[2]).toBe('RAM 3600/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB) CPU [1%@729,0%@729]');
  });

  it('a line kept once keeps its first text', () => {
    const q = new SampleQuotes();
    q.keep([whole(5, 'first')]);
    q.keep([whole(5, 'second')]);
    expect(q.finish()).toEqual({ 5: 'first' });
  });

  it('past 2000 stretches the last one runs to the end: its extremes are no longer split', () => {
    const q = new SampleQuotes();
    for (let k = 0; k < 1999; k++) q.breakBefore([], []);
    // stretch 2000 (the last tracked one): a high value, then a break that no longer closes it
    q.offer(q.slot('ram'), 7000, true, sample(50_000, 7000));
    q.breakBefore(sample(50_001, 10), sample(50_002, 20));
    q.offer(q.slot('ram'), 6000, true, sample(50_003, 6000));
    expect(Object.keys(q.finish()).map(Number)).toEqual([50_000, 50_001, 50_002]);
    // one stretch fewer: that break still closes the stretch, so both highs are kept
    const r = new SampleQuotes();
    for (let k = 0; k < 1998; k++) r.breakBefore([], []);
    r.offer(r.slot('ram'), 7000, true, sample(50_000, 7000));
    r.breakBefore(sample(50_001, 10), sample(50_002, 20));
    r.offer(r.slot('ram'), 6000, true, sample(50_003, 6000));
    expect(Object.keys(r.finish()).map(Number)).toEqual([50_000, 50_001, 50_002, 50_003]);
  });
});

describe('readNumber past the fast path', () => {
  it('integers beyond 2^53 and fractions of 23+ digits read as parseFloat reads them', () => {
    for (const text of ['9007199254740993', '123456789012345678901234', '0.12345678901234567890123', '1.0000000000000000000001', '-98765432109876543210.5']) {
      expect(readNumber(`@${text}C`, 1, text.length + 1)).toBe(parseFloat(text));
    }
    expect(readNumber('0.1234567890123456789012', 0, 24)).toBe(0.1234567890123456789012);
  });

  it('reads only inside its range; a lone minus or dot is no number', () => {
    expect(readNumber('12345', 1, 3)).toBe(23);
    expect(readNumber('-', 0, 1)).toBeNaN();
    expect(readNumber('.', 0, 1)).toBeNaN();
    expect(readNumber('.5', 0, 2)).toBe(0.5);
    expect(readNumber('7.', 0, 2)).toBe(7);
    expect(readNumber('1.5.2', 0, 5)).toBe(1.5);
    expect(readNumber('25.5', 0, 3)).toBe(25);
    // `(lfb 4x2MB)`: the count stops at the x, it does not run into the block size
    expect(readNumber('4x2MB', 0, 5)).toBe(4);
    expect(readNumber('0.00000000000000000000001', 0, 25)).toBe(1e-23);
  });
});
