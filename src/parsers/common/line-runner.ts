/**
 * Runs a Chevrotain lexer and parser over one line at a time, so no token array for a whole
 * file is ever held. A line that does not fit becomes a diagnostic naming what was expected;
 * nothing here throws on input.
 */
import type { EmbeddedActionsParser, IToken, Lexer } from 'chevrotain';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';

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
): T | null {
  lp.parser.input = tokens;
  const value = lp.rule();
  if (lp.parser.errors.length > 0) {
    const e = lp.parser.errors[0]!;
    const at = Number.isFinite(e.token.startOffset) ? e.token.startOffset : line.length;
    sink.add('warning', code, `cannot read line at column ${at + 1} ("${snippet(line, at)}"); expected ${lp.expected}`, lineNo);
    return null;
  }
  return value;
}

function snippet(line: string, at: number): string {
  const s = line.slice(Math.max(0, at), at + 24);
  return s.length < line.length - at ? `${s}…` : s;
}
