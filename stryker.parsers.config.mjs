// Stryker over src/parsers in batches (docs/mutation-parsers.md): stryker.config.mjs with the
// vitest config named by STRYKER_VITEST_CONFIG (the stryker CLI has no flag for vitest.configFile).
//   MUTATION_OUT=out/m-dmesg STRYKER_VITEST_CONFIG=vitest.stryker-dmesg.config.ts \
//     nice -n 19 npx stryker run stryker.parsers.config.mjs --mutate 'src/parsers/dmesg/**/*.ts' --tempDirName .stryker-tmp-p-dmesg
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { ...base.vitest, configFile: process.env.STRYKER_VITEST_CONFIG ?? base.vitest.configFile },
};
