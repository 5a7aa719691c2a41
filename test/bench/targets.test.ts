import { describe, expect, it } from 'vitest';
import { scaledSeconds, TARGETS, targetText } from '../../bench/targets.js';

describe('bench targets', () => {
  it('scales a CPU target by the floor measured in the run (a machine twice as slow gets twice the seconds)', () => {
    const l = TARGETS['L analyze']!;
    expect(scaledSeconds(l, 0.16)).toBeCloseTo(1.0);
    expect(scaledSeconds(l, 0.32)).toBeCloseTo(2.0);
    expect(scaledSeconds(TARGETS['XL analyze']!, 0.87 * 1.5)).toBeCloseTo(7.5);
  });

  it('names the issue figure and the scaled one; memory stays absolute', () => {
    expect(targetText(TARGETS['L parse']!, 0.32)).toBe('< 1.5 s at floor 0.16 s = 9.4× floor = < 3.00 s here, < 250 MB');
    expect(targetText(TARGETS['bomb-4GiB parse']!, 5)).toBe('< 300 MB');
  });

  it('falls back to the absolute target when the floor could not be measured', () => {
    expect(scaledSeconds(TARGETS['L analyze']!, NaN)).toBe(1.0);
    expect(targetText(TARGETS['L analyze']!, NaN)).toBe('< 1 s (floor not measured: absolute), < 200 MB');
  });

  it('holds every hostile case to a memory bound', () => {
    for (const c of ['bomb-4GiB parse', 'line-256MiB parse', 'entries-50k parse']) expect(TARGETS[c]?.rssMB).toBeGreaterThan(0);
  });
});
