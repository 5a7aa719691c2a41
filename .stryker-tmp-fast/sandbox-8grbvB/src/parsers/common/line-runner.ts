/**
 * Runs a Chevrotain lexer and parser over one line at a time, so no token array for a whole
 * file is ever held. A line that does not fit becomes a diagnostic naming what was expected;
 * nothing here throws on input.
 */
// @ts-nocheck

import type { EmbeddedActionsParser, IToken, Lexer } from './chevrotain.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { forEachLine } from '../../bundle/text.js';
import { lineLimits, type ParserOptions } from '../options.js';
import { LineStream } from './line-stream.js';

export interface LineParser<T> {
  lexer: Lexer;
  parser: EmbeddedActionsParser;
  /** Invokes the top rule on the parser's current input. */
  rule: () => T;
  /** What a good line looks like, for diagnostics. */
  expected: string;
}

export function parseLine<T>(
  lp: LineParser<T>,
  line: string,
  lineNo: number,
  sink: DiagnosticSink,
  code: string,
): T | null {
  const tokens = lexLine(lp, line, lineNo, sink, code);
  return tokens === null ? null : parseTokens(lp, tokens, line, lineNo, sink, code);
}

/** Lexes one line; a lexing error becomes a diagnostic naming the column and what was expected. */
export function lexLine(lp: LineParser<unknown>, line: string, lineNo: number, sink: DiagnosticSink, code: string): IToken[] | null {
  const lexed = lp.lexer.tokenize(line);
  if (lexed.errors.length > 0) {
    const e = lexed.errors[0]!;
    sink.add('warning', code, `unexpected text at column ${e.offset + 1} ("${snippet(line, e.offset)}"); expected ${lp.expected}`, lineNo);
    return null;
  }
  return lexed.tokens;
}

export function parseTokens<T>(
  lp: LineParser<T>,
  tokens: IToken[],
  line: string,
  lineNo: number,
  sink: DiagnosticSink,
  code: string,
  /** Offset of the line's start in the text the tokens were lexed from (a chunk of lines). */
  base = 0,
): T | null {
  lp.parser.input = tokens;
  const value = lp.rule();
  if (lp.parser.errors.length > 0) {
    const e = lp.parser.errors[0]!;
    const at = Number.isFinite(e.token.startOffset) ? e.token.startOffset - base : line.length;
    sink.add('warning', code, `cannot read line at column ${at + 1} ("${snippet(line, at)}"); expected ${lp.expected}`, lineNo);
    return null;
  }
  return value;
}

function snippet(line: string, at: number): string {
  const s = line.slice(Math.max(0, at), at + 24);
  return s.length < line.length - at ? `${s}…` : s;
}

/** A parser fed text as it arrives, in pieces of any size; `end` returns what it read. */
export interface StreamingParser<T> {
  write(text: string): void;
  end(): T;
}

/** Where a streamed file's lines are quoted from: its path and the number its line 1 has. */
export interface SourceRef {
  path: string;
  lineOffset: number;
}

/** The whole-text path is the streaming path fed one piece. */
export function parseWhole<T>(p: StreamingParser<T>, text: string): T {
  p.write(text);
  return p.end();
}

export interface ProcLineSpec<L, T> {
  lp: LineParser<L>;
  /** Diagnostic code for lines that do not fit, e.g. `meminfo.unexpected-line`. */
  code: string;
  /** Sees each non-blank line before it is parsed; true when it handled the line itself. */
  before?: (line: string, lineNo: number) => boolean;
  line: (parsed: L, line: string, lineNo: number) => void;
  result: () => T;
  /** When the file held nothing usable: `[code, message]` of the error, checked at the end. */
  empty: { when: () => boolean; code: string; message: string };
}

/**
 * The one line runner of the /proc parsers: lines streamed and cut by LineStream, blank
 * lines skipped, each line parsed by the grammar with unexpected lines reported, and an
 * empty file reported, the same way for every format.
 */
export function procLineParser<L, T>(src: SourceRef, sink: DiagnosticSink, options: ParserOptions | undefined, spec: ProcLineSpec<L, T>): StreamingParser<T> {
  const limits = lineLimits(options);
  const visit = (line: string, lineNo: number) => {
    if (isBlank(line)) return;
    if (spec.before?.(line, lineNo)) return;
    const parsed = parseLine(spec.lp, line, lineNo, sink, spec.code);
    if (parsed !== null) spec.line(parsed, line, lineNo);
  };
  const lines = new LineStream(
    (text, first) => forEachLine({ path: src.path, text, lineOffset: first - 1 }, sink, visit, limits),
    sink,
    limits,
    src.lineOffset,
  );
  return {
    write: (text) => lines.write(text),
    end: () => {
      lines.end();
      if (spec.empty.when()) sink.add('error', spec.empty.code, spec.empty.message);
      return spec.result();
    },
  };
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) return line.trim() === '';
  }
  return true;
}
