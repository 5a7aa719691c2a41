import { defineConfig, mergeConfig } from 'vitest/config';
import rules from './vitest.stryker-rules.config.js';

// The Stryker tests for the src/rules batches that do not mutate src/rules/builtin/memory-leak.ts:
// as vitest.stryker-rules.config.ts without two slow files.
// - test/rules/evidence-verbatim.test.ts runs the whole pipeline (analyze) on every sample
//   bundle, 4 s, like the sample and corpus tests vitest.stryker.config.ts already leaves out;
//   it would run for nearly every mutant of every rule.
// - test/rules/memory-leak.test.ts parses
// hours-long tegrastats logs (14 s for its 17 tests, the slowest file here); it imports the
// shared helpers (stats, timeline, evidence, engine, matching), so without this it would run
// for every mutant of those helpers, for the memory-leak rule's sake only. The memory-leak rule
// itself is mutated in a batch of its own that keeps the file (stryker.rules.config.mjs).
export default mergeConfig(rules, defineConfig({ test: { exclude: ['test/rules/memory-leak.test.ts', 'test/rules/evidence-verbatim.test.ts'] } }));
