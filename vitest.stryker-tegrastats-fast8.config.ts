import { leanTegrastatsConfig } from './vitest.stryker-tegrastats-fastA.config.js';

// Session 8 (docs/mutation-parsers.md): vitest.stryker-tegrastats-fastA.config.ts's test files
// (the lean set for the scanner of src/parsers/tegrastats/fast.ts) plus this session's scanner
// tests, to run again the mutants of fast.ts lines 1-600 that survived the session-7 and
// session-8 batches; vitest.stryker-tegrastats-fast8B.config.ts adds the templates' tests for
// lines 601-806. Fewer tests than the full suite can only kill fewer mutants: the score is a floor.
export default leanTegrastatsConfig('test/parsers/mutation-tegrastats-scan8.test.ts');
