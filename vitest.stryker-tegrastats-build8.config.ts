import { defineConfig } from 'vitest/config';

// Session 8 (docs/mutation-parsers.md): the re-runs of survivors of
// src/parsers/tegrastats/build.ts (m-s7-tbuild*, which ran the whole
// vitest.stryker-tegrastats-build.config.ts set) with the test file written for them. Only those
// mutants are run (--mutate spans holding no mutant killed before), so a mutant this one file
// does not kill is reported as it was: survived.
export default defineConfig({
  test: {
    include: ['test/parsers/mutation-tegrastats-build8.test.ts'],
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 30_000,
    isolate: false,
  },
});
