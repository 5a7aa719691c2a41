import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// Stryker batches over src/parsers/tegrastats (docs/mutation-parsers.md): the parser tests of
// vitest.stryker.config.ts (those that never reach tegrastats cost only their share of the dry
// run). Left out:
// - test/parsers/tegrastats-fast.test.ts: four property tests over generated and randomly edited
//   logs (16 s uninstrumented, one alone 7.6 s), run in full for every surviving mutant;
//   test/parsers/mutation-tegrastats-fast.test.ts stands in for it (what scanLine reads from
//   every field shape and which lines it leaves to the grammar);
// - test/parsers/mutation-tegrastats-compare.test.ts (the fast path against the grammar on the
//   captures and fixed-seed edits, 3.4 s): a first run with it managed 13 mutants a minute on
//   the shared machine, too slow to finish;
// - test/parsers/tegrastats-segments.test.ts: its 21,600-line log;
// - test/rules: the rules' tests parse long tegrastats logs through the instrumented scanner
//   (the first dry run with them took 282 s, against 17 s for the procfs batch) and test rules,
//   not the parser.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ['test/rules/**', 'test/parsers/tegrastats-fast.test.ts', 'test/parsers/tegrastats-segments.test.ts', 'test/parsers/mutation-tegrastats-compare.test.ts'],
    },
  }),
);
