import { defineConfig } from 'vitest/config';

// Session 8 (docs/mutation-parsers.md): vitest.stryker-tegrastats-fastA.config.ts's test files
// (the lean set for the scanner of src/parsers/tegrastats/fast.ts) plus this session's scanner
// tests, to run again the mutants of fast.ts lines 1-600 that survived the session-7 and
// session-8 batches; vitest.stryker-tegrastats-fast8B.config.ts adds the templates' tests for
// lines 601-806. Fewer tests than the full suite can only kill fewer mutants: the score is a floor.
export default defineConfig({
  test: {
    include: [
      'test/parsers/tegrastats.test.ts',
      'test/parsers/mutation-tegrastats-fast.test.ts',
      'test/parsers/mutation-tegrastats-paths.test.ts',
      'test/parsers/mutation-tegrastats-layout.test.ts',
      'test/parsers/mutation-tegrastats-scan8.test.ts',
    ],
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 30_000,
    isolate: false,
  },
});
