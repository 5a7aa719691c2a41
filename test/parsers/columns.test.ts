import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ColumnBuilder, ColumnSet } from '../../src/parsers/common/columns.js';

/** Values as the tegrastats fields print them: MB, MHz, %, mW (integers) and temperatures (up to 3 decimals). */
const printed = fc.oneof(
  fc.integer({ min: 0, max: 20_000_000 }),
  fc.integer({ min: -256_000, max: 150_000 }).map((m) => m / 1000),
  fc.integer({ min: -2560, max: 1500 }).map((m) => m / 10),
  fc.constant(NaN),
  fc.constant(-0),
  fc.double({ noNaN: true }),
);

describe('ColumnBuilder', () => {
  it('reads back every value exactly as it was set, NaN where none was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40_000), printed), { maxLength: 60 }), fc.nat(50_000), (sets, extra) => {
        const col = new ColumnBuilder();
        const want = new Map<number, number>();
        for (const [i, v] of sets) {
          col.set(i, v);
          want.set(i, v);
        }
        const n = Math.max(col.length, extra);
        const out = col.finish(n);
        expect(out.length).toBe(n);
        const wrong: number[] = [];
        for (let i = 0; i < n; i++) if (!Object.is(out[i], want.get(i) ?? NaN)) wrong.push(i);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads back a long column written in order, with gaps and late writes into blocks left behind', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3000), { minLength: 1, maxLength: 120 }), fc.array(fc.tuple(fc.nat(150_000), printed), { maxLength: 20 }), (steps, late) => {
        const col = new ColumnBuilder();
        const want = new Map<number, number>();
        let i = 0;
        for (const step of steps) {
          i += step;
          col.set(i, i % 7 === 0 ? i + 0.25 : i);
          want.set(i, i % 7 === 0 ? i + 0.25 : i);
        }
        for (const [j, v] of late) {
          col.set(j, v);
          want.set(j, v);
        }
        const n = col.length;
        const out = col.finish(n);
        const wrong: number[] = [];
        for (let j = 0; j < n; j++) if (!Object.is(out[j], want.get(j) ?? NaN)) wrong.push(j);
        expect(wrong).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps whole numbers in 4 bytes and widens to 8 at the first value a Float32 cannot hold', () => {
    const col = new ColumnBuilder();
    for (let i = 0; i < 40_000; i++) col.set(i, 3000 + (i % 500));
    expect(col.get(39_999)).toBe(3499);
    col.set(40_000, 62.5); // exact in a Float32
    expect(col.finish(40_001)).toBeInstanceOf(Float32Array);

    const temp = new ColumnBuilder();
    temp.set(0, 46.5);
    temp.set(20_000, 47.804);
    const out = temp.finish(20_001);
    expect(out).toBeInstanceOf(Float64Array);
    expect([out[0], out[1], out[20_000]]).toEqual([46.5, NaN, 47.804]);
  });

  it('allocates nothing for a column that never gets a value', () => {
    const col = new ColumnBuilder();
    for (let i = 0; i < 50_000; i++) col.set(i, NaN);
    expect(col.length).toBe(50_000);
    expect(Array.from(col.finish(3))).toEqual([NaN, NaN, NaN]);
  });

  it('starts wide when asked (epoch seconds)', () => {
    const col = new ColumnBuilder(true);
    col.set(0, 1_764_000_001);
    expect(col.finish(1)).toEqual(new Float64Array([1_764_000_001]));
  });
});

describe('ColumnSet', () => {
  it('keeps the order names were first seen, whichever way a column was reached', () => {
    const set = new ColumnSet();
    set.column('cpu').set(0, 1);
    set.setAt('x soc2 y', 2, 6, 0, 2);
    set.set('gpu', 1, 3);
    set.column('soc2').set(1, 4);
    const out = set.finish(2);
    expect(Object.keys(out)).toEqual(['cpu', 'soc2', 'gpu']);
    expect([...out.soc2!]).toEqual([2, 4]);
    expect([...out.gpu!]).toEqual([NaN, 3]);
  });
});
