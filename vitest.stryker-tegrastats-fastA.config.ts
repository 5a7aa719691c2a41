import { defineConfig } from 'vitest/config';

// Stryker batches over src/parsers/tegrastats/fast.ts under heavy load (session 7,
// docs/mutation-parsers.md): only the test files about the tegrastats parser that run in well
// under a second each, so a surviving mutant (which runs every test covering it) costs seconds.
// Left out besides the usual (test/rules, tegrastats-fast, tegrastats-segments): the fixed-seed
// comparisons with the grammar (mutation-tegrastats-compare, 4.8 s under load) and the builder's
// quote tests. Fewer tests can only kill fewer mutants: the score is a floor.
// A: the scanner (lines 1-600); B: the templates (601-), with their own test file.
/** The lean set above, plus `extra` test files (the B, 8 and 8B batches name theirs). */
export function leanTegrastatsConfig(...extra: string[]) {
  return defineConfig({
    test: {
      include: [
        'test/parsers/tegrastats.test.ts',
        'test/parsers/mutation-tegrastats-fast.test.ts',
        'test/parsers/mutation-tegrastats-paths.test.ts',
        'test/parsers/mutation-tegrastats-layout.test.ts',
        ...extra,
      ],
      env: { JETDIAG_GRAMMAR_CHECKS: '1' },
      testTimeout: 30_000,
      isolate: false,
    },
  });
}

export default leanTegrastatsConfig();
