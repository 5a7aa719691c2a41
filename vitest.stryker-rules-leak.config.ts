import { defineConfig, mergeConfig } from 'vitest/config';
import rules from './vitest.stryker-rules.config.js';

// The Stryker tests for the batch that mutates src/rules/builtin/memory-leak.ts: every test
// under test/rules that vitest.stryker-rules.config.ts runs, memory-leak.test.ts included (the
// rule's own tests), less evidence-verbatim.test.ts (the whole pipeline on every sample, as in
// vitest.stryker-rules-fast.config.ts).
export default mergeConfig(rules, defineConfig({ test: { exclude: ['test/rules/evidence-verbatim.test.ts'] } }));
