/**
 * Chevrotain from its single-file ESM build. The package's entry point is ~700 modules
 * (chevrotain's own files plus lodash-es, one module per function) and loading them costs
 * about half a second of CPU on every run; the bundled `lib/chevrotain.mjs` it ships beside
 * them is the same code in one module. The package's export map does not name that file, so
 * it is found next to the entry point; if a future version drops it, the entry point is used.
 * Every grammar imports chevrotain from here so tokens and parsers come from one copy.
 */
// @ts-nocheck

// 

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

export const createToken = chevrotain.createToken;
export const Lexer = chevrotain.Lexer;
export type Lexer = C.Lexer;
export const EmbeddedActionsParser = chevrotain.EmbeddedActionsParser;
export type EmbeddedActionsParser = C.EmbeddedActionsParser;
export type { IToken, TokenType, CustomPatternMatcherFunc } from 'chevrotain';
