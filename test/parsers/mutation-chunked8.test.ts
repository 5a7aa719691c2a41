/**
 * The chunked line runner (src/parsers/common/chunked-lines.ts) at its edges (session 8 of
 * docs/mutation-parsers.md): lines of exactly the length limit or one over it where the chunk
 * check looks (first line, last line without a line end, after an empty line), a range of lines
 * inside a longer text, and a fast path that reads lines in place (acceptAt/applyAt) as the
 * tegrastats and dmesg builders' do. Lines are /proc/vmstat counters.
 */
import { describe, expect, it } from 'vitest';
import { chunkLexerFor, forEachFastLine, forEachTokenLine, type FastPath } from '../../src/parsers/common/chunked-lines.js';
import type { IToken } from '../../src/parsers/common/chevrotain.js';
import type { LineParser } from '../../src/parsers/common/line-runner.js';
import { vmstatParser, type VmstatLine } from '../../src/parsers/vmstat/grammar.js';
import { allTokens, vmstatLexer } from '../../src/parsers/vmstat/tokens.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

const lp: LineParser<VmstatLine> = { lexer: vmstatLexer(), parser: vmstatParser(), rule: () => vmstatParser().line(), expected: '"<counter name> <number>"' };
const chunkLexer = chunkLexerFor(allTokens);

/** Every line forEachTokenLine hands over: `n:length:tokens` (ERR when it could not be lexed), and the diagnostics. */
function tokenLines(text: string, max: number, from?: number, to?: number) {
  const seen: string[] = [];
  const sink = new DiagnosticSink('v');
  const visit = (toks: IToken[] | null, line: string, n: number) => seen.push(`${n}:${line.length}:${toks ? toks.map((t) => t.image).join('|') : 'ERR'}`);
  forEachTokenLine({ path: 'v', text, lineOffset: 0 }, sink, lp, chunkLexer, 'c', visit, { maxLineLength: max }, from, to);
  return { seen, diags: sink.finish().map((d) => `${d.line}:${d.code}:${d.message}`) };
}

describe('forEachTokenLine: over-long lines wherever the chunk check meets them', () => {
  const long = (len: number) => `compact_stall ${'9'.repeat(len - 14)}`;

  it('a first line one character over the limit is cut', () => {
    const r = tokenLines(`${long(101)}\ncompact_fail 2\n`, 100);
    expect(r.seen).toEqual([`1:100:compact_stall|${'9'.repeat(86)}`, '2:14:compact_fail|2']);
    expect(r.diags).toEqual(['1:text.line-too-long:line of 101 characters cut to 100']);
  });

  it('a capture that is one over-long line without a line end is cut', () => {
    const r = tokenLines(long(150), 100);
    expect(r.seen).toEqual([`1:100:compact_stall|${'9'.repeat(86)}`]);
    expect(r.diags).toEqual(['1:text.line-too-long:line of 150 characters cut to 100']);
  });

  it('an over-long line after an empty first line is cut', () => {
    const r = tokenLines(`\n${long(130)}\ncompact_fail 2\n`, 100);
    expect(r.seen).toEqual(['1:0:', `2:100:compact_stall|${'9'.repeat(86)}`, '3:14:compact_fail|2']);
    expect(r.diags).toEqual(['2:text.line-too-long:line of 130 characters cut to 100']);
  });

  it('lines of exactly the limit are whole, with no diagnostic', () => {
    const r = tokenLines(`${long(100)}\n${long(100)}`, 100);
    expect(r.seen).toEqual([`1:100:compact_stall|${'9'.repeat(86)}`, `2:100:compact_stall|${'9'.repeat(86)}`]);
    expect(r.diags).toEqual([]);
  });
});

describe('forEachTokenLine over a range of lines inside a longer text', () => {
  const text = 'compact_stall 1\ncompact_fail 2\nnr_free_pages 3\n';

  it('reads the lines of the range only', () => {
    expect(tokenLines(text, 100, 0, 16).seen).toEqual(['1:15:compact_stall|1']);
    expect(tokenLines(text, 100, 16, 31).seen).toEqual(['1:14:compact_fail|2']);
    expect(tokenLines(text, 100, 0, 31).seen).toEqual(['1:15:compact_stall|1', '2:14:compact_fail|2']);
  });
});

describe('forEachFastLine with a fast path that reads lines in place', () => {
  /** A fast path taking the `nr_` counters, each call logged with the part of the text it was given. */
  function inPlace(log: string[], takeBlank = false): FastPath {
    const ok = (line: string) => line.startsWith('nr_') || (takeBlank && line === '');
    return {
      accept: (line) => {
        log.push(`accept ${line}`);
        return ok(line);
      },
      apply: (line, n) => log.push(`apply ${n} ${line}`),
      acceptAt: (text, start, end) => ok(text.slice(start, end)),
      applyAt: (text, start, end, n) => log.push(`fast ${n} ${text.slice(start, end)}`),
    };
  }

  /** The calls of the fast path `make` builds and the grammar's lines, in order. */
  function run(text: string, make: (log: string[]) => FastPath, max = 100) {
    const log: string[] = [];
    const fast = make(log);
    const sink = new DiagnosticSink('v');
    forEachFastLine({ path: 'v', text, lineOffset: 30 }, sink, lp, chunkLexer, 'c', (toks, line, n) => log.push(`slow ${n} ${toks ? line : 'ERR'}`), { maxLineLength: max }, fast);
    return { log, diags: sink.finish().map((d) => `${d.line}:${d.code}`) };
  }

  it('hands each line it takes as a range of the text, with its line number, in order with the grammar’s lines', () => {
    const r = run('nr_free_pages 1\ncompact_stall 2\ncompact_fail 3\nnr_free_cma 4\nnr_dirty 5', (log) => inPlace(log));
    // Neither accept nor apply is called: no line is sliced out for them.
    expect(r.log).toEqual(['fast 31 nr_free_pages 1', 'slow 32 compact_stall 2', 'slow 33 compact_fail 3', 'fast 34 nr_free_cma 4', 'fast 35 nr_dirty 5']);
  });

  it('a line of exactly the length limit is the fast path’s; one over goes to the grammar, cut', () => {
    const line = (len: number) => `nr_dirty ${'7'.repeat(len - 9)}`;
    const r = run(`${line(100)}\n${line(101)}\nnr_free_cma 4\n`, (log) => inPlace(log), 100);
    expect(r.log).toEqual([`fast 31 ${line(100)}`, `slow 32 ${line(100)}`, 'fast 33 nr_free_cma 4']);
    expect(r.diags).toEqual(['32:text.line-too-long']);
  });

  it('the line end at the end of the text starts no line of its own', () => {
    const r = run('nr_dirty 1\n\nnr_dirty 2\n', (log) => inPlace(log, true));
    expect(r.log).toEqual(['fast 31 nr_dirty 1', 'fast 32 ', 'fast 33 nr_dirty 2']);
  });

  it('a fast path with acceptAt but no applyAt is used through accept and apply', () => {
    const r = run('nr_free_pages 1\ncompact_stall 2', (log) => {
      const { applyAt: _, ...half } = inPlace(log);
      return half;
    });
    expect(r.log).toEqual(['accept nr_free_pages 1', 'apply 31 nr_free_pages 1', 'accept compact_stall 2', 'slow 32 compact_stall 2']);
  });
});
