// Stryker over src/rules/builtin/memory-leak.ts: see vitest.stryker-rules-leak.config.ts.
import rules from './stryker.rules.config.mjs';

export default { ...rules, vitest: { ...rules.vitest, configFile: 'vitest.stryker-rules-leak.config.ts' } };
