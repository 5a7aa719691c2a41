import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batch over src/parsers/tegrastats except fast.ts (docs/mutation-parsers.md): as
// vitest.stryker-tegrastats.config.ts, but with test/parsers/tegrastats-segments.test.ts kept:
// its logs across reboots, gaps and restarts are what test the segments and the quoted lines the
// builder keeps (1.8 s uninstrumented). Still left out: test/rules (long logs through
// instrumented code, a 282 s dry run) and test/parsers/tegrastats-fast.test.ts (16 s of property
// tests; test/parsers/mutation-tegrastats-fast.test.ts stands in for it). Session 7 also left
// out the dmesg fast-path properties (dmesg-fast, mutation-dmesg-fast): they reach no tegrastats
// code, and the 600-run property went over its 30 s in a dry run under load.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/rules/**', 'test/parsers/tegrastats-fast.test.ts', 'test/parsers/dmesg-fast.test.ts', 'test/parsers/mutation-dmesg-fast.test.ts'],
    },
  }),
);
