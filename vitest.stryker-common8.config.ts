import { defineConfig } from 'vitest/config';

// Session 8 (docs/mutation-parsers.md): a lean set to run again the survivors of
// common/chunked-lines.ts and common/line-stream.ts that this session's tests aim at (the
// whole vitest.stryker-common.config.ts set runs some 130 to 270 tests for each of these
// mutants). Only spans holding those survivors are run; the mutants nested in them that were
// killed before are killed by these files too (checked from the reports' killedBy).
export default defineConfig({
  test: {
    include: [
      'test/parsers/mutation-chunked8.test.ts',
      'test/parsers/mutation-line-stream8.test.ts',
      'test/parsers/line-runner.test.ts',
      'test/parsers/line-stream.test.ts',
    ],
    env: { JETDIAG_GRAMMAR_CHECKS: '1' },
    testTimeout: 30_000,
    isolate: false,
  },
});
