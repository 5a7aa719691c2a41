import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batches over src/parsers/dmesg, src/parsers/identity and src/parsers/common
// (docs/mutation-parsers.md): the parser tests only. Left out:
// - test/parsers/dmesg-fast.test.ts: the bench's 3,000-line log and a 600-run property, run in
//   full for every surviving mutant; test/parsers/mutation-dmesg-fast.test.ts stands in for it
//   (unit tests of monoPrefix, the fast path against the grammar on every capture and on a
//   fixed-seed sample of edits);
// - test/parsers/tegrastats-fast.test.ts and tegrastats-segments.test.ts (see
//   vitest.stryker-tegrastats.config.ts);
// - test/rules: they test rules; parsing their long logs through instrumented code made the
//   dry run 17 times slower (tegrastats batch).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/rules/**', 'test/parsers/dmesg-fast.test.ts', 'test/parsers/tegrastats-fast.test.ts', 'test/parsers/tegrastats-segments.test.ts'],
    },
  }),
);
