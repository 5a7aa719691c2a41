import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batch over src/parsers/dmesg (docs/mutation-parsers.md): the tests of
// vitest.stryker.config.ts without the two tegrastats files that read big generated logs
// (tegrastats-fast, tegrastats-segments); they never reach src/parsers/dmesg.
// causes-validator: compares the checked-in generated validator with ajv's output byte for byte,
// and Stryker's sandbox adds a `// @ts-nocheck` header to every .ts file, so it fails there; it
// reaches no parser code.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['test/rules/causes-validator.test.ts', 'test/parsers/tegrastats-fast.test.ts', 'test/parsers/tegrastats-segments.test.ts'] },
  }),
);
