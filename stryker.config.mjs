// Mutation testing (issue #14): `npm run mutation`, or on a subset:
// `npm run mutation -- --mutate src/rules/builtin/thermal.ts`. Not part of `npm test`.
// Incremental: results are kept in out/mutation/stryker-incremental.json, so a re-run only
// tests the mutants whose code or covering tests changed.
// MUTATION_OUT moves the reports and the incremental file (to keep batches apart).
// Batches side by side, each with its own reports and sandbox, then one score over all of them:
//   MUTATION_OUT=out/m-b1 nice -n 19 npx stryker run --mutate 'src/rules/a.ts,src/rules/b.ts' --tempDirName .stryker-tmp-b1
//   node scripts/mutation-score.mjs out/m-*/mutation.json --survivors
const OUT = process.env.MUTATION_OUT ?? 'out/mutation';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: false — with perTest coverage Stryker already hands the runner the ids of the tests
  // that cover a mutant; vitest's own import-graph search for "related" test files is then pure
  // overhead on every mutant.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['src/rules/**/*.ts', 'src/parsers/**/*.ts'],
  coverageAnalysis: 'perTest',
  // Mutants that only run while modules load (rule meta: titles, docs, remedies) change text,
  // not behaviour, and each would need the whole suite: left out.
  ignoreStatic: true,
  // The machine is shared: one test process.
  concurrency: 1,
  incremental: true,
  incrementalFile: `${OUT}/stryker-incremental.json`,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${OUT}/index.html` },
  jsonReporter: { fileName: `${OUT}/mutation.json` },
  // No build step: the tests run here import src/ directly; the ones that run the compiled CLI
  // as a child process (which never sees a mutant) live in test/cli and are left out.
  // .stryker-tmp*: the sandboxes of other batches running at the same time (--tempDirName).
  ignorePatterns: ['out', 'dist', '.vitest-report.json', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 15000,
  thresholds: { high: 85, low: 80, break: null },
};
