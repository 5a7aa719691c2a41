/**
 * LineStream's runs (src/parsers/common/line-stream.ts; session 8 of docs/mutation-parsers.md):
 * a piece of whole lines is handed over as one run, read in place (the piece itself, a range of
 * it, its first line's number); only a piece holding a line over the limit goes line by line,
 * and only such a line is cut, here (the parsers downstream would cut it again, so only the runs
 * and the stream's own diagnostics show where it happened). Lines are /proc/meminfo lines.
 */
import { describe, expect, it } from 'vitest';
import { LineStream } from '../../src/parsers/common/line-stream.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

/** A ranged LineStream that logs each run as [the piece itself?, from, to, first line, the run's text]. */
function ranged(max: number, lineOffset = 0) {
  const runs: (string | number | boolean)[][] = [];
  const sink = new DiagnosticSink('m');
  let piece = '';
  const ls = new LineStream((text, from, to, first) => runs.push([text === piece, from, to, first, text.slice(from, to)]), sink, { maxLineLength: max }, lineOffset, true);
  return {
    write(t: string) {
      piece = t;
      ls.write(t);
    },
    end() {
      piece = '';
      ls.end();
    },
    runs,
    diags: () => sink.finish().map((d) => `${d.line}: ${d.message}`),
  };
}

const A = 'MemTotal:        7859112 kB';
const B = 'MemFree:          362312 kB';
const C = 'MemAvailable:    4613964 kB';
const S = 'Dirty:    84 kB';

describe('LineStream runs', () => {
  it('a piece of whole lines: one run, the piece itself, numbered from the file part', () => {
    const s = ranged(100, 40);
    const piece = `${A}\n${B}\n${C}\n`;
    s.write(piece);
    s.end();
    expect(s.runs).toEqual([[true, 0, piece.length, 41, piece]]);
    expect(s.diags()).toEqual([]);
  });

  it('the end of a piece without a line end is held, then handed over without one at the end', () => {
    const s = ranged(100);
    s.write(`${A}\n${B.slice(0, 10)}`);
    s.write(`${B.slice(10)}\n${C}`);
    s.end();
    // The split line is joined into a string of its own; so is the held last line.
    expect(s.runs).toEqual([
      [true, 0, A.length + 1, 1, `${A}\n`],
      [false, 0, B.length + 1, 2, `${B}\n`],
      [false, 0, C.length, 3, C],
    ]);
    expect(s.diags()).toEqual([]);
  });

  it('nothing more at the end when the last piece ends with a line end', () => {
    const s = ranged(100);
    s.write(`${A}\n`);
    s.end();
    s.end();
    expect(s.runs).toEqual([[true, 0, A.length + 1, 1, `${A}\n`]]);
  });

  it('a piece longer than the limit whose lines are all within it (one of exactly the limit): still one run', () => {
    const s = ranged(A.length);
    const piece = `${A}\n${B}\n${C.slice(0, A.length)}\n`;
    expect(piece.length).toBeGreaterThan(A.length);
    s.write(piece);
    expect(s.runs).toEqual([[true, 0, piece.length, 1, piece]]);
    expect(s.diags()).toEqual([]);
  });

  it('a line one over the limit, first or last of a piece, is cut here, and the others keep their runs', () => {
    const max = A.length - 1;
    const first = ranged(max);
    first.write(`${A}\n${S}\n`);
    expect(first.runs).toEqual([[false, 0, max + 1, 1, `${A.slice(0, max)}\n`], [true, A.length + 1, A.length + S.length + 2, 2, `${S}\n`]]);
    expect(first.diags()).toEqual([`1: line of ${A.length} characters cut to ${max}`]);

    const last = ranged(max);
    last.write(`${S}\n${A}\n`);
    expect(last.runs).toEqual([[false, 0, S.length + 1, 1, `${S}\n`], [false, 0, max + 1, 2, `${A.slice(0, max)}\n`]]);
    expect(last.diags()).toEqual([`2: line of ${A.length} characters cut to ${max}`]);
  });
});
