import { leanTegrastatsConfig } from './vitest.stryker-tegrastats-fastA.config.js';

// Stryker batches over the templates of src/parsers/tegrastats/fast.ts (lines 601-, session 7,
// docs/mutation-parsers.md): batch A's lean set plus the templates' own test file.
export default leanTegrastatsConfig('test/parsers/tegrastats-templates.test.ts');
