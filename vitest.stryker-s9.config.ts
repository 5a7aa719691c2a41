import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Session 9 re-run of tegrastats/build.ts's timeouts together with dmesg and show-mem survivors
// (docs/mutation-parsers.md): every parser test but the two heavy property files
// (tegrastats-fast, dmesg-fast; their stand-ins mutation-tegrastats-compare and
// mutation-dmesg-fast stay in) and test/rules (see vitest.stryker-dmesg.config.ts).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/rules/**', 'test/parsers/dmesg-fast.test.ts', 'test/parsers/tegrastats-fast.test.ts'],
    },
  }),
);
