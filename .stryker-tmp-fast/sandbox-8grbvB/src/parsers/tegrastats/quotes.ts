/**
 * Keeps the verbatim text of the few tegrastats lines a report may quote, while the log
 * streams: a week-long log has 600k lines and none of them is kept whole. Kept: the first
 * and last sample of the log and of each stretch between possible breaks (a pause, the clock
 * going back, used RAM falling, a banner printed again), and in each stretch the sample
 * holding each extreme a judgement rests on (highest and lowest used RAM, smallest free
 * block while RAM is not full, busiest EMC, lowest GPU and CPU clock, hottest sample of each
 * sensor). Evidence then cites the real line; any other sample is a figure, not a quote.
 */
// @ts-nocheck


export interface SampleLine {
  line: number;
  text: string;
}

/** Longest run of lines one sample may span that is kept (a wrapped paste). */
const MAX_LINES_PER_SAMPLE = 6;
/** Stretches tracked on their own; past this the last one runs to the end (bounded memory on a log that breaks every sample). */
const MAX_STRETCHES = 2000;

interface Extreme {
  v: number;
  lines: SampleLine[];
}

export class SampleQuotes {
  private readonly kept = new Map<number, string>();
  private extremes = new Map<string, Extreme>();
  private stretches = 1;

  /** Lines of a sample as it is read (the sample may wrap over several). */
  static add(lines: SampleLine[], line: number, text: string): void {
    if (lines.length < MAX_LINES_PER_SAMPLE) lines.push({ line, text });
  }

  /** Keeps these lines whatever happens (first/last sample, either side of a possible break). */
  keep(lines: SampleLine[]): void {
    for (const l of lines) if (!this.kept.has(l.line)) this.kept.set(l.line, own(l.text));
  }

  /** A possible break before `next`: the stretch's extremes are kept and a new stretch starts. */
  breakBefore(prev: SampleLine[], next: SampleLine[]): void {
    this.keep(prev);
    this.keep(next);
    if (this.stretches >= MAX_STRETCHES) return;
    this.flush();
    this.stretches++;
  }

  /** Offers a sample's value for the extreme `key` (highest when `high`, else lowest); ties keep the first. */
  offer(key: string, v: number, high: boolean, lines: SampleLine[]): void {
    if (!Number.isFinite(v)) return;
    const cur = this.extremes.get(key);
    if (cur === undefined || (high ? v > cur.v : v < cur.v)) this.extremes.set(key, { v, lines });
  }

  finish(): Record<number, string> {
    this.flush();
    const out: Record<number, string> = {};
    for (const k of [...this.kept.keys()].sort((a, b) => a - b)) out[k] = this.kept.get(k)!;
    return out;
  }

  private flush(): void {
    for (const e of this.extremes.values()) this.keep(e.lines);
    this.extremes = new Map();
  }
}

/** A copy that does not pin the chunk of the file it was sliced from. */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
