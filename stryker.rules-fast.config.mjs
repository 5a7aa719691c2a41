// Stryker over src/rules, every batch but the memory-leak rule's: see vitest.stryker-rules-fast.config.ts.
import rules from './stryker.rules.config.mjs';

export default { ...rules, vitest: { ...rules.vitest, configFile: 'vitest.stryker-rules-fast.config.ts' } };
