/**
 * The growable columns behind every tegrastats series (src/parsers/common/columns.ts): cases
 * found by mutation testing (docs/mutation-parsers.md, session 7). A log fills its columns one
 * sample after the other, so the edges that matter are the sample at a block's end, a value
 * copied straight from the fast path's item buffer (setFrom), and names met again in a new
 * sample's line.
 */
import { describe, expect, it } from 'vitest';
import { ColumnBuilder, ColumnSet } from '../../src/parsers/common/columns.js';

/** A used-RAM series as a 1 Hz log prints it: whole MB, one sample after the other. */
const ram = (i: number) => 3000 + ((i * 7) % 500);

describe('ColumnBuilder filled in sample order', () => {
  it('keeps the sample at the end of every block (1,024, 2,048, ... 32,768, 65,536)', () => {
    const col = new ColumnBuilder();
    const n = 70_000;
    for (let i = 0; i < n; i++) col.set(i, ram(i));
    const wrongGet: number[] = [];
    for (let i = 0; i < n; i++) if (col.get(i) !== ram(i)) wrongGet.push(i);
    expect(wrongGet).toEqual([]);
    expect(col.get(n)).toBeNaN();
    const out = col.finish(n);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (out[i] !== ram(i)) wrong.push(i);
    expect(wrong).toEqual([]);
  });

  it('a sample not yet set reads NaN, also right past the end of the first block', () => {
    // closeSample reads every column at the sample just read, set or not (a field the line lacks).
    const col = new ColumnBuilder();
    for (let i = 0; i < 1024; i++) col.set(i, ram(i));
    expect([col.get(1023), col.get(1024), col.get(1025), col.get(40_000)]).toEqual([ram(1023), NaN, NaN, NaN]);
  });

  it('setFrom stores the item where set would, exactly, and widens for a temperature', () => {
    const items = new Float64Array([3162, 47.804, NaN, 1.5]);
    const col = new ColumnBuilder();
    const n = 3000;
    for (let i = 0; i < n; i++) col.setFrom(i, items, i === 2000 ? 1 : i % 7 === 3 ? 2 : i % 2 === 0 ? 0 : 3);
    expect(col.length).toBe(n);
    const out = col.finish(n);
    expect(out).toBeInstanceOf(Float64Array);
    expect([out[0], out[1], out[3], out[1024], out[2000], out[2049]]).toEqual([3162, 1.5, NaN, 3162, 47.804, 1.5]);
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const want = i === 2000 ? 47.804 : i % 7 === 3 ? NaN : i % 2 === 0 ? 3162 : 1.5;
      if (!Object.is(out[i], want)) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('a NaN between whole numbers does not widen the column', () => {
    const col = new ColumnBuilder();
    col.set(0, 3162);
    col.set(1, NaN);
    col.set(2, 3170);
    const items = new Float64Array([NaN]);
    col.setFrom(3, items, 0);
    const out = col.finish(4);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([3162, NaN, 3170, NaN]);
  });

  it('length is one past the highest sample set, whatever the order', () => {
    const col = new ColumnBuilder();
    col.set(0, 1);
    expect(col.length).toBe(1);
    col.set(5, 2);
    col.set(2, 3);
    expect(col.length).toBe(6);
    const wide = new ColumnBuilder();
    wide.setFrom(0, new Float64Array([1]), 0);
    wide.setFrom(0, new Float64Array([2]), 0);
    expect(wide.length).toBe(1);
  });
});

describe('ColumnSet names met again in the next sample', () => {
  it('a name that extends the expected one gets its own column (GR3D then GR3D2, NC then NC2)', () => {
    const set = new ColumnSet();
    const line = 'GR3D 0%@[305] GR3D2 5%@[305] NC 10mW/10mW NC2 20mW/20mW';
    const names = ['GR3D', 'GR3D2', 'NC', 'NC2'].map((n): [number, number] => {
      const from = line.indexOf(`${n} `);
      return [from, from + n.length];
    });
    for (let i = 0; i < 3; i++) {
      // Sample i names them in the line's order; sample 2 starts from the second name.
      for (const [k, [from, to]] of names.entries()) if (i < 2 || k > 0) set.setAt(line, from, to, i, 10 * i + k);
      set.restart();
    }
    const out = set.finish(3);
    expect(Object.keys(out)).toEqual(['GR3D', 'GR3D2', 'NC', 'NC2']);
    expect(Array.from(out.GR3D!)).toEqual([0, 10, NaN]);
    expect(Array.from(out.GR3D2!)).toEqual([1, 11, 21]);
    expect(Array.from(out.NC!)).toEqual([2, 12, 22]);
    expect(Array.from(out.NC2!)).toEqual([3, 13, 23]);
  });
});
