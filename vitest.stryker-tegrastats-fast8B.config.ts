import { leanTegrastatsConfig } from './vitest.stryker-tegrastats-fastA.config.js';

// Session 8 (docs/mutation-parsers.md): vitest.stryker-tegrastats-fastB.config.ts's test files
// (the lean set for src/parsers/tegrastats/fast.ts, templates included) plus this session's
// scanner tests, to run again the mutants of fast.ts lines 601-806 that survived. Fewer tests than the full suite can only kill fewer mutants: the score is a floor.
export default leanTegrastatsConfig('test/parsers/tegrastats-templates.test.ts', 'test/parsers/mutation-tegrastats-scan8.test.ts');
