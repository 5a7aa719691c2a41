import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batch over src/parsers/tegrastats/fast.ts (session 7, docs/mutation-parsers.md): as
// vitest.stryker-tegrastats.config.ts, but with test/parsers/mutation-tegrastats-compare.test.ts
// kept (the fast path against the grammar on the captures and fixed-seed edits: 1.7 s
// uninstrumented on a quiet machine, and what shows a field stored wrongly). Still left out:
// test/rules, tegrastats-fast (16 s of properties; mutation-tegrastats-fast and -compare stand
// in), tegrastats-segments (its 21,600-line log, run in full for every surviving mutant), and
// the dmesg fast-path properties (no tegrastats code).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/rules/**',
        'test/parsers/tegrastats-fast.test.ts',
        'test/parsers/tegrastats-segments.test.ts',
        'test/parsers/dmesg-fast.test.ts',
        'test/parsers/mutation-dmesg-fast.test.ts',
      ],
    },
  }),
);
