/**
 * Chevrotain from its single-file ESM build. The package's entry point is ~700 modules
 * (chevrotain's own files plus lodash-es, one module per function) and loading them costs
 * about half a second of CPU on every run; the bundled `lib/chevrotain.mjs` it ships beside
 * them is the same code in one module. The package's export map does not name that file, so
 * it is found next to the entry point; if a future version drops it, the entry point is used.
 * Every grammar imports chevrotain from here so tokens and parsers come from one copy.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as C from 'chevrotain';

async function load(): Promise<typeof C> {
  try {
    const entry = createRequire(import.meta.url).resolve('chevrotain');
    const bundled = path.join(path.dirname(entry), '..', 'chevrotain.mjs');
    if (existsSync(bundled)) return (await import(pathToFileURL(bundled).href)) as typeof C;
  } catch {
    /* fall back to the entry point below */
  }
  return import('chevrotain');
}

const chevrotain = await load();

/**
 * Chevrotain checks every grammar and token set for mistakes (ambiguities, unreachable
 * tokens) each time one is built: a third of the grammars' start-up cost, spent on every
 * run to find nothing in grammars that do not change. The tests switch the checks on
 * (JETDIAG_GRAMMAR_CHECKS=1 in the vitest configs), so a grammar with a mistake fails there.
 */
export const GRAMMAR_CHECKS = process.env.JETDIAG_GRAMMAR_CHECKS === '1';

export const createToken = chevrotain.createToken;
export class Lexer extends chevrotain.Lexer {
  constructor(definition: C.TokenType[] | C.IMultiModeLexerDefinition, config?: C.ILexerConfig) {
    super(definition, { skipValidations: !GRAMMAR_CHECKS, ...config });
  }
}
export abstract class EmbeddedActionsParser extends chevrotain.EmbeddedActionsParser {
  constructor(tokens: C.TokenVocabulary, config?: C.IParserConfig) {
    super(tokens, { skipValidations: !GRAMMAR_CHECKS, ...config });
  }
}
export type { IToken, TokenType, CustomPatternMatcherFunc } from 'chevrotain';

/**
 * A grammar's parser or lexer, built on first use: building one analyses the grammar (tens of
 * milliseconds each), and a bundle pays only for the formats it holds and the lines its fast
 * paths leave to the grammar (none, in the usual 24 h bundle).
 */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
