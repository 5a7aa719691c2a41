// Stryker over src/rules (issue #14), in batches; see docs/mutation-rules.md.
//   MUTATION_OUT=out/m-<name> nice -n 19 npx stryker run stryker.rules.config.mjs --mutate '<files>' --tempDirName .stryker-tmp-<name>
// Same as stryker.config.mjs, with the vitest config that leaves out the generated-validator test
// (see vitest.stryker-rules.config.ts).
import base from './stryker.config.mjs';

export default { ...base, vitest: { ...base.vitest, configFile: 'vitest.stryker-rules.config.ts' } };
