/**
 * The shared line machinery on its own: the /proc line runner (blank lines, columns and
 * snippets in diagnostics, line numbers of a file part), chunked lexing over 64 KiB chunk
 * ends with its per-line fallback and the fast path's ordering, and the stamp lines of
 * periodic captures. Lines are /proc/vmstat counters of the corpus capture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachFastLine, forEachTokenLine, chunkLexerFor, tokenLineStream } from '../../src/parsers/common/chunked-lines.js';
import { parseLine, parseTokens, procLineParser, type LineParser } from '../../src/parsers/common/line-runner.js';
import { looksLikeTimestampLine, timestampSeconds } from '../../src/parsers/common/timestamps.js';
import { vmstatParser, type VmstatLine } from '../../src/parsers/vmstat/grammar.js';
import { allTokens, vmstatLexer } from '../../src/parsers/vmstat/tokens.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import type { IToken } from '../../src/parsers/common/chevrotain.js';

const lp: LineParser<VmstatLine> = { lexer: vmstatLexer(), parser: vmstatParser(), rule: () => vmstatParser().line(), expected: '"<counter name> <number>"' };
const chunkLexer = chunkLexerFor(allTokens);

describe('parseLine', () => {
  it('a lexing error names the column and quotes up to 24 characters from it, with an ellipsis when cut', () => {
    const sink = new DiagnosticSink('proc/vmstat');
    expect(parseLine(lp, 'compact_stall 10 # counted since boot, not since the capture', 7, sink, 'vmstat.unexpected-line')).toBeNull();
    expect(parseLine(lp, 'compact_stall 10 #short', 8, sink, 'vmstat.unexpected-line')).toBeNull();
    expect(parseLine(lp, 'compact_stall 10 # exactly 24 characters', 9, sink, 'c')).toBeNull();
    expect(sink.finish()).toEqual([
      { file: 'proc/vmstat', line: 7, severity: 'warning', code: 'vmstat.unexpected-line', message: 'unexpected text at column 18 ("# counted since boot, no…"); expected "<counter name> <number>"' },
      { file: 'proc/vmstat', line: 8, severity: 'warning', code: 'vmstat.unexpected-line', message: 'unexpected text at column 18 ("#short"); expected "<counter name> <number>"' },
      { file: 'proc/vmstat', line: 9, severity: 'warning', code: 'c', message: 'unexpected text at column 18 ("# exactly 24 characters"); expected "<counter name> <number>"' },
    ]);
  });

  it('a parse error at a token names its column; a missing token the end of the line', () => {
    const sink = new DiagnosticSink('v');
    expect(parseLine(lp, '  12 compact_stall', 1, sink, 'c')).toBeNull();
    expect(parseLine(lp, 'compact_stall', 2, sink, 'c')).toBeNull();
    expect(parseLine(lp, 'compact_stall 12', 3, sink, 'c')).toEqual({ name: 'compact_stall', value: 12 });
    expect(sink.finish().map((d) => d.message)).toEqual([
      'cannot read line at column 3 ("12 compact_stall"); expected "<counter name> <number>"',
      'cannot read line at column 14 (""); expected "<counter name> <number>"',
    ]);
  });
});

describe('procLineParser', () => {
  function collect(text: string, lineOffset = 0, pieces = [text]) {
    const sink = new DiagnosticSink('f');
    const seen: string[] = [];
    const before: number[] = [];
    const p = procLineParser({ path: 'f', lineOffset }, sink, undefined, {
      lp,
      code: 'x.unexpected-line',
      before: (line, n) => {
        before.push(n);
        return line.startsWith('skip');
      },
      line: (v, line, n) => seen.push(`${n}:${v.name}=${v.value}:${line}`),
      empty: { when: () => seen.length === 0, code: 'x.empty', message: 'nothing' },
      result: () => seen,
    });
    for (const piece of pieces) p.write(piece);
    return { seen: p.end(), before, diags: sink.finish() };
  }

  it('blank lines of any whitespace are passed over; the others seen by `before`, then parsed', () => {
    const { seen, before, diags } = collect('a 1\n\t \r\n\v\f\nskip this\n  b 2\r\nc 3');
    expect(seen).toEqual(['1:a=1:a 1', '5:b=2:  b 2', '6:c=3:c 3']);
    expect(before).toEqual([1, 4, 5, 6]);
    expect(diags).toEqual([]);
  });

  it('a line of non-breaking or ideographic spaces (a paste from a web page) is blank too', () => {
    const { seen, diags } = collect('a 1\n\u00a0\u00a0\n\u3000\nb 2\n');
    expect(seen).toEqual(['1:a=1:a 1', '4:b=2:b 2']);
    expect(diags).toEqual([]);
  });

  it('a line with text after blanks is not blank', () => {
    expect(collect('  \u00a0x 1\n').diags.map((d) => d.code)).toEqual(['x.unexpected-line', 'x.empty']);
  });

  it('line numbers count from the file part, whatever the pieces', () => {
    const { seen, diags } = collect('', 40, ['a 1\nb', ' 2\n\nc', ' x\n']);
    expect(seen).toEqual(['41:a=1:a 1', '42:b=2:b 2']);
    expect(diags.map((d) => [d.line, d.code])).toEqual([[44, 'x.unexpected-line']]);
  });

  it('the empty check runs at the end', () => {
    expect(collect('\n\n').diags).toEqual([{ file: 'f', severity: 'error', code: 'x.empty', message: 'nothing' }]);
  });
});

type Seen = { n: number; line: string; toks: string | null; cols: number[] };

function visitor(out: Seen[]) {
  return (tokens: IToken[] | null, line: string, n: number, base: number) =>
    out.push({ n, line, toks: tokens ? tokens.map((t) => t.image).join('|') : null, cols: tokens ? tokens.map((t) => t.startOffset - base) : [] });
}

/** What each line must give: its tokens and where they start in the line. */
function expected(lines: string[], first: number, bad: Set<number> = new Set()): Seen[] {
  return lines.map((line, i) => {
    if (bad.has(i)) return { n: first + i, line, toks: null, cols: [] };
    const toks = [...line.matchAll(/\S+/g)];
    return { n: first + i, line, toks: toks.map((m) => m[0]).join('|'), cols: toks.map((m) => m.index!) };
  });
}

describe('forEachTokenLine', () => {
  const counters = Array.from({ length: 7000 }, (_, i) => (i % 3 === 0 ? `  nr_free_pages ${i}` : `compact_stall ${i * 7}`));

  it('over several 64 KiB chunks with CRLF and no final newline: every line, its tokens and their columns', () => {
    const text = counters.join('\r\n');
    expect(text.length).toBeGreaterThan(2 * 64 * 1024);
    const out: Seen[] = [];
    const sink = new DiagnosticSink('v');
    forEachTokenLine({ path: 'v', text, lineOffset: 10 }, sink, lp, chunkLexer, 'c', visitor(out), { maxLineLength: 1000 });
    expect(out).toEqual(expected(counters, 11));
    expect(sink.finish()).toEqual([]);
  });

  it('a chunk with a lexing error is redone line by line: the same lines, a diagnostic for the bad one only', () => {
    const lines = [...counters];
    lines[6000] = 'compact_stall 12 @';
    const out: Seen[] = [];
    const sink = new DiagnosticSink('v');
    forEachTokenLine({ path: 'v', text: `${lines.join('\n')}\n`, lineOffset: 0 }, sink, lp, chunkLexer, 'vmstat.unexpected-line', visitor(out), { maxLineLength: 1000 });
    expect(out).toEqual(expected(lines, 1, new Set([6000])));
    expect(sink.finish()).toEqual([{ file: 'v', line: 6001, severity: 'warning', code: 'vmstat.unexpected-line', message: 'unexpected text at column 18 ("@"); expected "<counter name> <number>"' }]);
  });

  it('an over-long last line without a line end is cut too', () => {
    const out: Seen[] = [];
    const sink = new DiagnosticSink('v');
    forEachTokenLine({ path: 'v', text: `compact_stall 1\ncompact_fail ${'7'.repeat(150)}`, lineOffset: 0 }, sink, lp, chunkLexer, 'c', visitor(out), { maxLineLength: 100 });
    expect(out.map((x) => [x.n, x.line.length])).toEqual([[1, 15], [2, 100]]);
    expect(sink.finish()).toEqual([{ file: 'v', line: 2, severity: 'warning', code: 'text.line-too-long', message: 'line of 163 characters cut to 100' }]);
  });

  it('a parse error on a line inside a chunk names the column in that line', () => {
    const sink = new DiagnosticSink('v');
    const text = 'compact_stall 1\ncompact_fail 2\n  12 compact_stall\n';
    forEachTokenLine({ path: 'v', text, lineOffset: 0 }, sink, lp, chunkLexer, 'c', (toks, line, n, base) => {
      if (toks) parseTokens(lp, toks, line, n, sink, 'vmstat.unexpected-line', base);
    }, { maxLineLength: 1000 });
    expect(sink.finish()).toEqual([{ file: 'v', line: 3, severity: 'warning', code: 'vmstat.unexpected-line', message: 'cannot read line at column 3 ("12 compact_stall"); expected "<counter name> <number>"' }]);
  });

  it('an over-long line is cut before lexing, with its diagnostic; empty lines are visited', () => {
    const lines = ['compact_stall 1', '', `compact_stall ${'9'.repeat(200)}`, 'compact_fail 2'];
    const out: Seen[] = [];
    const sink = new DiagnosticSink('v');
    forEachTokenLine({ path: 'v', text: `${lines.join('\n')}\n`, lineOffset: 0 }, sink, lp, chunkLexer, 'c', visitor(out), { maxLineLength: 100 });
    expect(out.map((s) => [s.n, s.line.length, s.toks?.length])).toEqual([[1, 15, 15], [2, 0, 0], [3, 100, 100], [4, 14, 14]]);
    expect(sink.finish()).toEqual([{ file: 'v', line: 3, severity: 'warning', code: 'text.line-too-long', message: 'line of 214 characters cut to 100' }]);
    // at the limit exactly: no cut
    const ok: Seen[] = [];
    const sink2 = new DiagnosticSink('v');
    forEachTokenLine({ path: 'v', text: `compact_stall ${'9'.repeat(86)}`, lineOffset: 0 }, sink2, lp, chunkLexer, 'c', visitor(ok), { maxLineLength: 100 });
    expect(ok[0]!.line.length).toBe(100);
    expect(sink2.finish()).toEqual([]);
  });
});

describe('forEachFastLine and tokenLineStream', () => {
  const fast = (seen: string[]) => ({
    accept: (line: string) => line.startsWith('nr_'),
    apply: (line: string, n: number) => seen.push(`fast ${n} ${line}`),
  });

  it('lines the fast path takes and those it leaves to the grammar come out in order', () => {
    const lines = Array.from({ length: 9000 }, (_, i) => (i % 4 === 0 ? `compact_stall ${i}` : `nr_free_pages ${i}`));
    lines[7] = `nr_${'x'.repeat(300)} 1`;
    const seen: string[] = [];
    const sink = new DiagnosticSink('v');
    forEachFastLine({ path: 'v', text: lines.join('\n'), lineOffset: 100 }, sink, lp, chunkLexer, 'c', (toks, line, n) => seen.push(`slow ${n} ${toks ? line : 'ERR'}`), { maxLineLength: 200 }, fast(seen));
    expect(seen).toEqual(lines.map((l, i) => (i === 7 ? `slow 108 ${l.slice(0, 200)}` : `${i % 4 === 0 ? 'slow' : 'fast'} ${101 + i} ${l}`)));
    expect(sink.finish()).toEqual([{ file: 'v', line: 108, severity: 'warning', code: 'text.line-too-long', message: 'line of 305 characters cut to 200' }]);
  });

  it('an empty first line and a run of grammar lines at the start keep their places', () => {
    const lines = ['', 'compact_stall 1', 'compact_fail 2', 'nr_free_pages 3', 'compact_stall 4'];
    const seen: string[] = [];
    forEachFastLine({ path: 'v', text: lines.join('\n'), lineOffset: 0 }, new DiagnosticSink('v'), lp, chunkLexer, 'c', (toks, line, n) => seen.push(`slow ${n} ${line}`), { maxLineLength: 100 }, fast(seen));
    expect(seen).toEqual(['slow 1 ', 'slow 2 compact_stall 1', 'slow 3 compact_fail 2', 'fast 4 nr_free_pages 3', 'slow 5 compact_stall 4']);
  });

  it('streamed in pieces, with or without the fast path, from the file part\'s first line', () => {
    const lines = ['compact_stall 1', 'nr_free_pages 2', 'compact_fail 3', 'nr_free_cma 4'];
    for (const withFast of [false, true]) {
      const seen: string[] = [];
      const sink = new DiagnosticSink('v');
      const s = tokenLineStream({ path: 'v', lineOffset: 20 }, sink, lp, chunkLexer, 'c', (toks, line, n) => seen.push(`slow ${n} ${line}`), { maxLineLength: 100 }, withFast ? fast(seen) : undefined);
      s.write('compact_stall 1\nnr_fr');
      s.write('ee_pages 2\ncompact_fail 3\nnr_free_cma 4');
      s.end();
      expect(seen).toEqual(lines.map((l, i) => `${withFast && i % 2 === 1 ? 'fast' : 'slow'} ${21 + i} ${l}`));
    }
  });
});

describe('stamp lines of periodic captures', () => {
  // Read on an analyst's machine far from UTC: a stamp that names no zone is still UTC.
  let tz: string | undefined;
  beforeAll(() => {
    tz = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it.each([
    ['Tue Nov 24 10:00:00 UTC 2026', 1795514400],
    ['Tue Nov 24 12:00:00 +0200 2026', 1795514400],
    ['Tue Nov  4 10:00:00 2026', Date.UTC(2026, 10, 4, 10) / 1000],
    ['### Tue Nov 24 10:00:00 UTC 2026 ###', 1795514400],
    ['--- 2026-11-24T10:00:00Z ---', 1795514400],
    ['2026-11-24T10:00:00.250Z', 1795514400.25],
    ['2026-11-24 10:00', 1795514400],
    ['2026-11-24T10:00:00+0200', 1795514400 - 7200],
    ['  1795514400.5  ', 1795514400.5],
    ['1795514400.25', 1795514400.25],
    ['===Tue Nov 24 10:00:00 UTC 2026===', 1795514400],
    ['2026-11-24 10:00:00', 1795514400],
    ['Tue Nov 24 10:00:00 PST 2026', 1795514400 + 8 * 3600],
    ['11-24-2026 10:00:00', 1795514400],
  ])('%s', (line, seconds) => {
    expect(looksLikeTimestampLine(line)).toBe(true);
    expect(timestampSeconds(line)).toBe(seconds);
  });

  it.each([
    'compact_stall 1795514400',
    '179551440',
    '17955144000',
    '2026-11-24',
    'Tue Nov 24 10:00:00 UTC',
    'Node 0, zone   Normal 1 2 3',
    '11-24-2026 10:00',
    'uptime: 2026-11-24T10:00:00Z',
  ])('not a stamp: %s', (line) => {
    expect(looksLikeTimestampLine(line)).toBe(false);
  });

  it('a stamp that names no date that exists reads as unknown', () => {
    expect(timestampSeconds('Tue Foo 24 10:00:00 UTC 2026')).toBeUndefined();
  });
});
