import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One temp folder per run, removed at the end (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // The JSON report is what .ci/run counts passed/failed from.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
    // CLI tests spawn node; on a loaded shared machine 30 s was too tight.
    // Chevrotain's grammar checks, skipped in the CLI (see src/parsers/common/chevrotain.ts).
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 60_000,
    pool: 'forks',
  },
});
