/**
 * Keeps the verbatim text of the few tegrastats lines a report may quote, while the log
 * streams: a week-long log has 600k lines and none of them is kept whole. Kept: the first
 * and last sample of the log and of each stretch between possible breaks (a pause, the clock
 * going back, used RAM falling, a banner printed again), and in each stretch the sample
 * holding each extreme a judgement rests on (highest and lowest used RAM, smallest free
 * block while RAM is not full, busiest EMC, lowest GPU and CPU clock, hottest sample of each
 * sensor). Evidence then cites the real line; any other sample is a figure, not a quote.
 */

/** A line of a sample: `text[from..to)` (the line's text is cut out only if it is kept). */
export interface SampleLine {
  line: number;
  text: string;
  from: number;
  to: number;
}

/** Longest run of lines one sample may span that is kept (a wrapped paste). */
const MAX_LINES_PER_SAMPLE = 6;
/** Stretches tracked on their own; past this the last one runs to the end (bounded memory on a log that breaks every sample). */
const MAX_STRETCHES = 2000;

export class SampleQuotes {
  private readonly kept = new Map<number, string>();
  // The extremes of the current stretch, by slot (one per key): value and the sample's lines.
  private readonly slots = new Map<string, number>();
  private readonly best: number[] = [];
  private readonly bestLines: (SampleLine[] | null)[] = [];
  private stretches = 1;

  /** Lines of a sample as it is read (the sample may wrap over several). */
  static add(lines: SampleLine[], line: number, text: string, from = 0, to = text.length): void {
    if (lines.length < MAX_LINES_PER_SAMPLE) lines.push({ line, text, from, to });
  }

  /** Keeps these lines whatever happens (first/last sample, either side of a possible break). */
  keep(lines: SampleLine[]): void {
    for (const l of lines) if (!this.kept.has(l.line)) this.kept.set(l.line, own(l.text.slice(l.from, l.to)));
  }

  /** A possible break before `next`: the stretch's extremes are kept and a new stretch starts. */
  breakBefore(prev: SampleLine[], next: SampleLine[]): void {
    this.keep(prev);
    this.keep(next);
    if (this.stretches >= MAX_STRETCHES) return;
    this.flush();
    this.stretches++;
  }

  /** The slot of the extreme named `key` (made on first use), for offer(). */
  slot(key: string): number {
    let k = this.slots.get(key);
    if (k === undefined) {
      k = this.best.length;
      this.slots.set(key, k);
      this.best.push(NaN);
      this.bestLines.push(null);
    }
    return k;
  }

  /** Offers a sample's value for the extreme in `slot` (highest when `high`, else lowest); ties keep the first. */
  offer(slot: number, v: number, high: boolean, lines: SampleLine[]): void {
    if (!Number.isFinite(v)) return;
    const cur = this.best[slot]!;
    if (this.bestLines[slot] === null || (high ? v > cur : v < cur)) {
      this.best[slot] = v;
      this.bestLines[slot] = lines;
    }
  }

  /** offer() of sample i's value in `col` (read here: a temperature is not boxed to be passed on). */
  offerAt(slot: number, col: { get(i: number): number }, i: number, high: boolean, lines: SampleLine[]): void {
    this.offer(slot, col.get(i), high, lines);
  }

  finish(): Record<number, string> {
    this.flush();
    const out: Record<number, string> = {};
    for (const k of [...this.kept.keys()].sort((a, b) => a - b)) out[k] = this.kept.get(k)!;
    return out;
  }

  private flush(): void {
    for (let k = 0; k < this.bestLines.length; k++) {
      const lines = this.bestLines[k];
      if (lines) this.keep(lines);
      this.bestLines[k] = null;
      this.best[k] = NaN;
    }
  }
}

/** A copy that does not pin the chunk of the file it was sliced from. */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
