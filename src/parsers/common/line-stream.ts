/**
 * Text arriving in pieces of any size (as it streams out of gunzip and tar) into runs of
 * whole lines for a parser, numbered. Each run is a range of the piece that brought it
 * (`text[from..to)`): the text is never joined or copied, and a parser that reads by index
 * never slices it out. A line split between pieces is its own run. A line longer than the
 * limit is cut while it streams: at most limit+1 of its characters are ever held, so a
 * 256 MiB line costs no memory, and the diagnostic names its full length exactly as the
 * whole-text path did. Diagnostics keep their order: lines are handed over as they complete.
 */
import type { LineLimits } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';

/** Receives whole lines (each ending in \n, except the file's last) starting at line `firstLine`. */
export type LineRunSink = (text: string, firstLine: number) => void;

/** A LineRunSink that reads the run in place: the lines are `text[from..to)`. */
export type LineRangeSink = (text: string, from: number, to: number, firstLine: number) => void;

export class LineStream {
  /** Number of the next line handed over. */
  private firstLine: number;
  /** Start of the current unfinished line (at most max+1 characters of it). */
  private partial = '';
  /** True length of the current unfinished line so far. */
  private partialLen = 0;
  private lastChar = 0;
  private readonly max: number;
  private readonly emit: LineRangeSink;

  /** Runs handed over as strings of their own (sliced out of the piece when needed). */
  constructor(emit: LineRunSink, sink: DiagnosticSink, limits: LineLimits, lineOffset?: number);
  constructor(emit: LineRangeSink, sink: DiagnosticSink, limits: LineLimits, lineOffset: number, ranged: true);
  constructor(
    emit: LineRunSink | LineRangeSink,
    private readonly sink: DiagnosticSink,
    limits: LineLimits,
    lineOffset = 0,
    ranged = false,
  ) {
    this.max = limits.maxLineLength;
    this.firstLine = lineOffset + 1;
    if (ranged) this.emit = emit as LineRangeSink;
    else {
      const whole = emit as LineRunSink;
      this.emit = (text, from, to, first) => whole(from === 0 && to === text.length ? text : text.slice(from, to), first);
    }
  }

  write(text: string): void {
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) {
        this.addPartial(text, pos, n);
        return;
      }
      if (this.partialLen > 0) {
        this.addPartial(text, pos, nl);
        this.closeLine(true);
        pos = nl + 1;
        continue;
      }
      const last = text.lastIndexOf('\n');
      if (last + 1 - pos <= this.max || !hasLongLine(text, pos, last, this.max)) {
        this.run(text, pos, last + 1, countLines(text, pos, last + 1));
        pos = last + 1;
        continue;
      }
      // Rare: a long line in this piece; go line by line so it is cut in order.
      this.addPartial(text, pos, nl);
      this.closeLine(true);
      pos = nl + 1;
    }
  }

  end(): void {
    if (this.partialLen > 0) this.closeLine(false);
  }

  private addPartial(text: string, from: number, to: number): void {
    if (to <= from) return;
    const room = this.max + 1 - this.partial.length;
    if (room > 0) this.partial += text.slice(from, Math.min(to, from + room));
    this.partialLen += to - from;
    this.lastChar = text.charCodeAt(to - 1);
  }

  private closeLine(newline: boolean): void {
    // forEachLine drops a CR at the end of any line, the last one too.
    const len = this.partialLen - (this.lastChar === 13 ? 1 : 0);
    let line = this.partial;
    if (len > this.max) {
      this.sink.add('warning', 'text.line-too-long', `line of ${len} characters cut to ${this.max}`, this.firstLine);
      line = line.slice(0, this.max);
    }
    this.partial = '';
    this.partialLen = 0;
    const run = newline ? `${line}\n` : line;
    this.run(run, 0, run.length, 1);
  }

  private run(text: string, from: number, to: number, lines: number): void {
    const first = this.firstLine;
    this.firstLine += lines;
    this.emit(text, from, to, first);
  }
}

function countLines(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) k++;
  return k;
}

function hasLongLine(text: string, from: number, last: number, max: number): boolean {
  let s = from;
  for (let e = text.indexOf('\n', s); e >= 0 && e <= last; e = text.indexOf('\n', s)) {
    if (e - s > max) return true;
    s = e + 1;
  }
  return false;
}
