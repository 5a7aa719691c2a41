// @ts-nocheck
// 
const BLOCK_BITS = 14;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/**
 * Growable Float64 column: compact time series without an object per sample. Samples live
 * in blocks of 16 Ki values allocated on first use (a column that stays NaN, an engine that
 * is always off, allocates none), so growing never copies and a week of 1 Hz samples
 * never holds a doubled buffer; `finish` copies into one right-sized array.
 */
export class ColumnBuilder {
  private blocks: (Float64Array | undefined)[] = [];
  length = 0;

  /** Sets sample `i`, leaving any skipped samples NaN. */
  set(i: number, v: number): void {
    const b = i >>> BLOCK_BITS;
    let block = this.blocks[b];
    if (block === undefined) {
      if (i + 1 > this.length) this.length = i + 1;
      if (Number.isNaN(v)) return;
      while (this.blocks.length < b) this.blocks.push(undefined);
      block = this.blocks[b] = new Float64Array(BLOCK).fill(NaN);
    }
    block[i & MASK] = v;
    if (i + 1 > this.length) this.length = i + 1;
  }

  get(i: number): number {
    const block = this.blocks[i >>> BLOCK_BITS];
    return block === undefined ? NaN : block[i & MASK]!;
  }

  /** A right-sized copy holding `n` samples; the blocks are released. */
  finish(n: number): Float64Array {
    const out = new Float64Array(n).fill(NaN);
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b];
      const at = b * BLOCK;
      if (block === undefined || at >= n) continue;
      out.set(n - at >= BLOCK ? block : block.subarray(0, n - at), at);
    }
    this.blocks = [];
    return out;
  }
}

interface Named {
  name: string;
  col: ColumnBuilder;
  /** The name that followed this one last time (logs repeat names in the same order). */
  next: Named | null;
}

/** Named columns created on first use (temperatures, rails, engines). */
export class ColumnSet {
  /** The columns by name, in the order first seen. */
  readonly columns = new Map<string, ColumnBuilder>();
  private readonly byName = new Map<string, Named>();
  // Log lines repeat the same names in the same order: the name expected next is checked
  // with one string compare (or, from a line, without making the name's substring first).
  private last: Named | null = null;
  private first: Named | null = null;

  set(name: string, i: number, v: number): void {
    const guess = this.last ? this.last.next : this.first;
    this.use(guess !== null && guess.name === name ? guess : this.lookup(name)).col.set(i, v);
  }

  /** set() for the name at `s[from..to)`: the substring is made only for a name not expected. */
  setAt(s: string, from: number, to: number, i: number, v: number): void {
    this.at(s, from, to).col.set(i, v);
  }

  /** The column named by `s[from..to)`, made the last one used; its name string is `.name`. */
  at(s: string, from: number, to: number): Named {
    const guess = this.last ? this.last.next : this.first;
    if (guess !== null && guess.name.length === to - from && s.startsWith(guess.name, from)) return this.use(guess);
    return this.use(this.lookup(s.slice(from, to)));
  }

  private lookup(name: string): Named {
    let e = this.byName.get(name);
    if (!e) {
      e = { name, col: new ColumnBuilder(), next: null };
      this.byName.set(name, e);
      this.columns.set(name, e.col);
    }
    return e;
  }

  private use(e: Named): Named {
    if (this.last) this.last.next = e;
    else this.first = e;
    this.last = e;
    return e;
  }

  /** Marks the start of a new record so the order guess restarts from the first name. */
  restart(): void {
    this.last = null;
  }

  finish(n: number): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [k, c] of this.columns) out[k] = c.finish(n);
    return out;
  }
}
