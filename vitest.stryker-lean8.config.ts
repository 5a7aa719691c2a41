import { defineConfig } from 'vitest/config';

// Session 8 (docs/mutation-parsers.md): re-runs of single survivors with the test files named
// in STRYKER_LEAN_TESTS (comma-separated), which were shown to kill every mutant the --mutate
// spans hold that was killed before (from the reports' killedBy).
export default defineConfig({
  test: {
    include: (process.env.STRYKER_LEAN_TESTS ?? '').split(',').filter(Boolean),
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 30_000,
    isolate: false,
  },
});
