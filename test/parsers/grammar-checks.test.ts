import { afterEach, describe, expect, it, vi } from 'vitest';

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
    await expect(buildAmbiguous()).rejects.toThrow(/Parser Definition Errors detected/);
  });

  it('are skipped otherwise (the CLI): they cost start-up time and find nothing in grammars that do not change', async () => {
    vi.stubEnv('JETDIAG_GRAMMAR_CHECKS', '');
    vi.resetModules();
    await expect(buildAmbiguous()).resolves.toBeUndefined();
  });
});
