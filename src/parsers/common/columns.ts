// Blocks of 32 Ki values (128 KiB as Float32) are large enough to be mapped on their own, so
// their memory goes back to the system when freed at the end instead of staying in the heap
// beside the finished columns. The first block starts small and doubles (a short log stays small).
const BLOCK_BITS = 15;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;
const FIRST = 1024;

interface ResizableBuffer extends ArrayBuffer {
  readonly resizable: boolean;
  resize(bytes: number): void;
}
/** Resizable buffers (Node 20) can be emptied at once: resize(0) gives their memory back without waiting for a GC. */
const CAN_RESIZE = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';
const Resizable = ArrayBuffer as unknown as new (bytes: number, options: { maxByteLength: number }) => ResizableBuffer;

/**
 * A block of `size` values, NaN. `freeable`: over a resizable buffer, which release() empties at
 * once; V8 11 reads and writes typed arrays over those about three times slower, so only the
 * blocks no longer being written are freeable (see ColumnBuilder).
 */
function makeBlock(wide: boolean, size: number, freeable: boolean): Column {
  const bytes = size * (wide ? 8 : 4);
  const buf = freeable && CAN_RESIZE ? new Resizable(bytes, { maxByteLength: bytes }) : new ArrayBuffer(bytes);
  return (wide ? new Float64Array(buf) : new Float32Array(buf)).fill(NaN);
}

/** Gives a freeable block's memory back now (the finished column holds a copy); a plain one waits for a GC. */
function release(block: Column | undefined): void {
  if (CAN_RESIZE && block !== undefined && (block.buffer as ResizableBuffer).resizable) (block.buffer as ResizableBuffer).resize(0);
}

/** A finished column: Float32 when every value fits one exactly (MB, MHz, %, mW), else Float64; NaN where a sample has no value. */
export type Column = Float32Array | Float64Array;

/**
 * Growable numeric column: compact time series without an object per sample. Values are
 * kept as Float32 while each one reads back exactly (integers below 2^24, halves, quarters),
 * which halves a week of 1 Hz samples; the first value that does not (a temperature of
 * 47.804) widens the column to Float64, so every value reads back as it was parsed. Samples
 * live in blocks of 32 Ki values allocated on first use (a column that stays NaN, an engine
 * that is always off, allocates none), so growing copies at most the first block; `finish`
 * copies into one right-sized array and empties each block at once, so a week's columns are
 * not held twice while the blocks wait for a GC. The block being written (the last one made)
 * is a plain array, fast to read and write; when the next block starts, it is copied into a
 * freeable one and reused for the next.
 */
export class ColumnBuilder {
  private blocks: (Column | undefined)[] = [];
  /** Index of the block being written, -1 before the first. */
  private hot = -1;
  private wide: boolean;
  length = 0;

  /** `wide`: Float64 from the start (epoch seconds never fit a Float32). */
  constructor(wide = false) {
    this.wide = wide;
  }

  /** Sets sample `i`, leaving any skipped samples NaN. */
  set(i: number, v: number): void {
    if (i >= this.length) this.length = i + 1;
    const b = i >>> BLOCK_BITS;
    const at = i & MASK;
    let block = this.blocks[b];
    if (block === undefined || at >= block.length) {
      if (v !== v && block === undefined) return;
      block = this.grow(b, at);
    }
    if (!this.wide && Math.fround(v) !== v && v === v) {
      this.widen();
      block = this.blocks[b]!;
    }
    block[at] = v;
  }

  /**
   * set(i, src[at]): the value is read here, so a double (a temperature of 47.804) never
   * crosses a call boxed when the caller does not inline set.
   */
  setFrom(i: number, src: Float64Array, at: number): void {
    const v = src[at]!;
    const block = this.blocks[i >>> BLOCK_BITS];
    const k = i & MASK;
    if (block !== undefined && k < block.length && (this.wide || Math.fround(v) === v || v !== v)) {
      if (i >= this.length) this.length = i + 1;
      block[k] = v;
    } else this.set(i, v);
  }

  get(i: number): number {
    const block = this.blocks[i >>> BLOCK_BITS];
    const at = i & MASK;
    return block === undefined || at >= block.length ? NaN : block[at]!;
  }

  /** Block b made to hold index `at` (only the first block is ever smaller than BLOCK). */
  private grow(b: number, at: number): Column {
    while (this.blocks.length <= b) this.blocks.push(undefined);
    const old = this.blocks[b];
    let size = b === 0 ? Math.max(FIRST, old?.length ?? 0) : BLOCK;
    while (size <= at) size *= 2;
    let block: Column;
    if (old === undefined && b > this.hot) {
      // The next block: the one written so far is kept in a freeable copy, its array reused.
      const last = this.hot >= 0 ? this.blocks[this.hot] : undefined;
      if (last !== undefined && CAN_RESIZE) {
        const kept = makeBlock(this.wide, last.length, true);
        kept.set(last);
        this.blocks[this.hot] = kept;
      }
      if (last !== undefined && CAN_RESIZE && last.length === size) block = last.fill(NaN);
      else block = makeBlock(this.wide, size, false);
      this.hot = b;
    } else {
      block = makeBlock(this.wide, size, b !== this.hot);
      if (old !== undefined) block.set(old);
      release(old);
    }
    this.blocks[b] = block;
    return block;
  }

  /** Float32 blocks -> Float64 (values unchanged: every Float32 is a Float64). */
  private widen(): void {
    this.wide = true;
    this.blocks = this.blocks.map((b, k) => {
      if (b === undefined) return undefined;
      const wide = makeBlock(true, b.length, k !== this.hot);
      wide.set(b);
      release(b);
      return wide;
    });
  }

  /** A right-sized copy holding `n` samples; the blocks are released. */
  finish(n: number): Column {
    const out = (this.wide ? new Float64Array(n) : new Float32Array(n)).fill(NaN);
    for (let b = 0; b < this.blocks.length; b++) {
      const block = this.blocks[b];
      const at = b * BLOCK;
      if (block === undefined || at >= n) continue;
      out.set(n - at >= block.length ? block : block.subarray(0, n - at), at);
    }
    this.release();
    return out;
  }

  /** Frees the blocks now (after finish, or for a column only read while building). */
  release(): void {
    for (const block of this.blocks) release(block);
    this.blocks = [];
    this.hot = -1;
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

  /** The column of this name, created (as the next in order) when new. */
  column(name: string): ColumnBuilder {
    return this.lookup(name).col;
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

  finish(n: number): Record<string, Column> {
    const out: Record<string, Column> = {};
    for (const [k, c] of this.columns) out[k] = c.finish(n);
    return out;
  }
}
