// Stryker over src/rules, session 8 batches: see vitest.stryker-rules-s8.config.ts.
import rules from './stryker.rules.config.mjs';

export default { ...rules, vitest: { ...rules.vitest, configFile: 'vitest.stryker-rules-s8.config.ts' } };
