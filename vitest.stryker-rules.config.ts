import { defineConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

// The Stryker tests for the src/rules batches (stryker.rules.config.mjs): those of
// vitest.stryker.config.ts under test/rules, less test/rules/causes-validator.test.ts.
// - test/parsers is left out: no parser test imports src/rules (nor does src/parsers), so none
//   can cover, let alone kill, a mutant of src/rules; they only lengthened each dry run.
// - With the parser tests gone, chevrotain's grammar checks (JETDIAG_GRAMMAR_CHECKS) are off:
//   they check the grammars of src/parsers, which these batches do not mutate, and cost a
//   third of the parsers' start-up in every mutant run.
// - causes-validator.test.ts compares the generated src/rules/causes/schema-validator.ts byte
//   for byte with what ajv makes now; in Stryker's sandbox the file's leading `// @ts-nocheck`
//   is rewritten (disableTypeChecks), so the dry run fails there although nothing is wrong. The
//   file is not mutated, so no mutant can be killed by that test.
const test = base.test!;
export default defineConfig({
  test: {
    ...test,
    include: ['test/rules/**/*.test.ts'],
    exclude: [...(test.exclude ?? []), 'test/rules/causes-validator.test.ts'],
    env: { ...test.env, JETDIAG_GRAMMAR_CHECKS: '' },
  },
});
