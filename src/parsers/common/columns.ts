/** Growable Float64 column: compact time series without an object per sample. */
export class ColumnBuilder {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity).fill(NaN);
  }

  /** Sets sample `i`, leaving any skipped samples NaN. */
  set(i: number, v: number): void {
    if (i >= this.data.length) {
      let cap = this.data.length * 2;
      while (cap <= i) cap *= 2;
      const next = new Float64Array(cap).fill(NaN);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
    if (i + 1 > this.length) this.length = i + 1;
  }

  get(i: number): number {
    return i < this.data.length ? this.data[i]! : NaN;
  }

  /** A right-sized copy holding `n` samples. */
  finish(n: number): Float64Array {
    const out = new Float64Array(n).fill(NaN);
    out.set(this.data.subarray(0, Math.min(n, this.data.length)));
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
        c = new ColumnBuilder(Math.max(1024, i + 1));
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
