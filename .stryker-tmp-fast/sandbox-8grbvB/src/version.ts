// @ts-nocheck
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The package version, read once from package.json. */
export const VERSION: string = (() => {
  for (const p of ['../package.json', '../../package.json']) {
    try {
      return (require(p) as { version: string }).version;
    } catch {
      /* try the next layout (src vs dist/src) */
    }
  }
  return '0.0.0';
})();
