import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PARSERS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/parsers');

/** Two alternatives that start with the same token: Chevrotain's checks call that ambiguous. */
async function buildAmbiguous(): Promise<void> {
  const { createToken, EmbeddedActionsParser } = await import('../../src/parsers/common/chevrotain.js');
  const A = createToken({ name: 'A', pattern: /a/ });
  class Ambiguous extends EmbeddedActionsParser {
    constructor() {
      super([A]);
      this.performSelfAnalysis();
    }
    top = this.RULE('top', () => {
      this.OR([{ ALT: () => this.CONSUME(A) }, { ALT: () => this.CONSUME2(A) }]);
    });
  }
  new Ambiguous();
}

describe('Chevrotain grammar checks', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('run under the tests: every parser builds with them, and a grammar with a mistake is refused', async () => {
    expect(process.env.JETDIAG_GRAMMAR_CHECKS).toBe('1');
    const { FILE_PARSERS } = await import('../../src/parsers/registry.js');
    expect(FILE_PARSERS.length).toBeGreaterThan(10);
    // Grammars are built on first use: build every parser and lexer of every format here.
    const built: string[] = [];
    for (const dir of readdirSync(PARSERS, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'common')) {
      for (const file of ['grammar.ts', 'tokens.ts']) {
        if (!existsSync(path.join(PARSERS, dir.name, file))) continue;
        const mod = (await import(`../../src/parsers/${dir.name}/${file.replace('.ts', '.js')}`)) as Record<string, unknown>;
        for (const [name, value] of Object.entries(mod)) {
          if (!/(Parser|Lexer)$/.test(name) || typeof value !== 'function') continue;
          expect((value as () => object)(), name).toBeTypeOf('object');
          built.push(name);
        }
      }
    }
    expect(built.filter((n) => n.endsWith('Parser')).length).toBeGreaterThanOrEqual(FILE_PARSERS.length);
    expect(built).toContain('dmesgChunkLexer');
    await expect(buildAmbiguous()).rejects.toThrow(/Parser Definition Errors detected/);
  });

  it('are skipped otherwise (the CLI): they cost start-up time and find nothing in grammars that do not change', async () => {
    vi.stubEnv('JETDIAG_GRAMMAR_CHECKS', '');
    vi.resetModules();
    await expect(buildAmbiguous()).resolves.toBeUndefined();
  });
});
