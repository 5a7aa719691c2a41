// @ts-nocheck
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readNumber } from '../../src/parsers/common/numbers.js';

describe('readNumber', () => {
  it('reads the same double as parseFloat for any decimal the logs print', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999, max: 999999 }), fc.nat(999999), fc.integer({ min: 0, max: 6 }), (a, b, n) => {
        const text = n ? `${a}.${String(b).padStart(6, '0').slice(0, n)}` : String(a);
        expect(readNumber(`x${text}C`, 1, text.length + 1)).toBe(parseFloat(text));
      }),
    );
  });

  it('stops at the first non-digit and says NaN when there is no number', () => {
    expect(readNumber('3913mW/3922mW', 0, 13)).toBe(3913);
    expect(readNumber('@-256C', 1, 6)).toBe(-256);
    expect(readNumber('off', 0, 3)).toBeNaN();
  });
});
