import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batches over src/parsers (docs/mutation-parsers.md): the tests of vitest.stryker.config.ts
// without the three files that read big generated logs (tegrastats-fast, tegrastats-segments,
// dmesg-fast). They cover none of the files of the procfs, identity and common batches except
// through code the other tests also reach, and they make the dry run slow and brittle (30 s
// timeouts under instrumentation on the shared machine).
// causes-validator: compares the checked-in generated validator with ajv's output byte for byte,
// and Stryker's sandbox adds a `// @ts-nocheck` header to every .ts file, so it fails there; it
// reaches no parser code.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/rules/causes-validator.test.ts', 'test/parsers/tegrastats-fast.test.ts', 'test/parsers/tegrastats-segments.test.ts', 'test/parsers/dmesg-fast.test.ts'],
    },
  }),
);
