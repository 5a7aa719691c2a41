import { defineConfig } from 'vitest/config';

// The tests Stryker runs against mutants of src/rules and src/parsers (see stryker.config.mjs):
// the unit tests of the rules, the causes and the parsers. Left out, because each would run
// for nearly every mutant and make a run on this shared machine take days: the whole-pipeline
// tests (samples, corpus analysis, finding ids, wording), the tests that run the compiled CLI
// (test/cli; they need a build and a child process never sees a mutant), the streaming
// and fuzz properties, and define-rule (it only type-checks, which no runtime mutant changes).
// `npm test` still runs all of them.
export default defineConfig({
  test: {
    include: ['test/rules/**/*.test.ts', 'test/parsers/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      'test/rules/samples.test.ts',
      'test/rules/corpus-analysis.test.ts',
      'test/rules/finding-ids.test.ts',
      'test/rules/wording.test.ts',
      'test/rules/define-rule.test.ts',
      'test/rules/catalogue.test.ts',
      'test/parsers/schema-identity.test.ts',
      'test/parsers/streaming.test.ts',
      'test/parsers/fuzz.test.ts',
      'test/parsers/chunked.test.ts',
    ],
    // Chevrotain's grammar checks, skipped in the CLI (see src/parsers/common/chevrotain.ts).
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 30_000,
    // One worker that keeps its modules between test files and between mutant runs: the module
    // graph and the chevrotain parsers are built once, not once per test file per mutant.
    // Safe for Stryker because a mutant is switched on at run time (a global), not by reloading
    // code; the tests here keep no module state between files and use no vi.mock.
    isolate: false,
  },
});
