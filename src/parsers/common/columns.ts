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

/** Named columns created on first use (temperatures, rails, engines). */
export class ColumnSet {
  readonly columns = new Map<string, ColumnBuilder>();
  // Log lines repeat the same names in the same order: remember the last name seen and
  // its successor so most lookups are one short string compare instead of a hash.
  private last: ColumnBuilder | null = null;
  private next = new Map<ColumnBuilder | null, { name: string; col: ColumnBuilder }>();

  set(name: string, i: number, v: number): void {
    const guess = this.next.get(this.last);
    let c: ColumnBuilder | undefined;
    if (guess && guess.name === name) c = guess.col;
    else {
      c = this.columns.get(name);
      if (!c) {
        c = new ColumnBuilder();
        this.columns.set(name, c);
      }
      this.next.set(this.last, { name, col: c });
    }
    this.last = c;
    c.set(i, v);
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
