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

  // Memory and speed, not values: the blocks are private, so these read them. Typed arrays over
  // resizable buffers are about three times slower to read and write in V8 11, plain ones wait
  // for a GC to be freed: only the block being written is plain, every other is freed at finish.
  const blocksOf = (col: ColumnBuilder) => (col as unknown as { blocks: (Float32Array | Float64Array | undefined)[] }).blocks;
  const resizable = (b: Float32Array | Float64Array | undefined) => (b === undefined ? undefined : (b.buffer as ArrayBuffer & { resizable: boolean }).resizable);

  it('writes the current block as a plain array, reuses it for the next, and frees every block left behind when finished', () => {
    const col = new ColumnBuilder();
    for (let i = 0; i < 32_768; i++) col.set(i, i);
    const first = blocksOf(col)[0]!;
    expect([first.length, resizable(first)]).toEqual([32_768, false]);
    col.set(32_768, 1);
    expect(blocksOf(col)[1]).toBe(first); // the same array, emptied for the next block
    expect([...blocksOf(col)[1]!.subarray(0, 3)]).toEqual([1, NaN, NaN]);
    for (let i = 32_769; i < 100_000; i++) col.set(i, i);
    const blocks = blocksOf(col);
    expect(blocks.map((b) => b!.length)).toEqual([32_768, 32_768, 32_768, 32_768]);
    expect(blocks.map(resizable)).toEqual([true, true, true, false]);
    col.set(40_000, 7); // a late write into a block left behind stays there
    expect(blocks[1]![40_000 - 32_768]).toBe(7);
    const out = col.finish(100_000);
    expect(blocks.slice(0, 3).map((b) => b!.buffer.byteLength)).toEqual([0, 0, 0]);
    expect([out[0], out[32_767], out[32_768], out[40_000], out[99_999]]).toEqual([0, 32_767, 1, 7, 99_999]);
  });

  it('keeps that split when it widens, and a block filled in behind the current one is freeable', () => {
    const col = new ColumnBuilder();
    col.set(0, 1);
    col.set(100_000, 2); // block 3 becomes the current one; 0 is left behind
    col.set(40_000, 3); // block 1, behind the current one
    expect(blocksOf(col).map(resizable)).toEqual([true, true, undefined, false]);
    expect(blocksOf(col)[0]!.length).toBe(1024);
    col.set(5000, 4); // block 0 grows where it is
    expect([blocksOf(col)[0]!.length, resizable(blocksOf(col)[0])]).toEqual([8192, true]);
    col.set(100_001, 47.804);
    const blocks = blocksOf(col);
    expect(blocks.map((b) => b?.constructor.name)).toEqual(['Float64Array', 'Float64Array', undefined, 'Float64Array']);
    expect(blocks.map(resizable)).toEqual([true, true, undefined, false]);
    const out = col.finish(100_002);
    expect([out[0], out[5000], out[40_000], out[100_000], out[100_001]]).toEqual([1, 4, 3, 2, 47.804]);
    expect(blocks[1]!.buffer.byteLength).toBe(0);
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
