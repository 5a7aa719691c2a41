import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batch over src/parsers/common (docs/mutation-parsers.md): the parser tests, without
// the files that read long or many logs through every helper here (each would run in full for
// every surviving mutant of a helper they all share): test/rules, tegrastats-fast,
// tegrastats-segments, dmesg-fast and the two fast-path comparison stand-ins
// (mutation-tegrastats-compare, mutation-dmesg-fast).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/rules/**',
        'test/parsers/tegrastats-fast.test.ts',
        'test/parsers/tegrastats-segments.test.ts',
        'test/parsers/dmesg-fast.test.ts',
        'test/parsers/mutation-tegrastats-compare.test.ts',
        'test/parsers/mutation-dmesg-fast.test.ts',
      ],
    },
  }),
);
