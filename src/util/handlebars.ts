/**
 * Handlebars from its single-file build. The package's Node entry point (`lib/index.js`)
 * loads the same compiler and runtime as two dozen CommonJS files (about 45 ms of CPU on every
 * run here, against 15 ms for `dist/handlebars.js`, the one-file build of the same version the
 * package ships beside it); it adds only `print` and a `require` hook for `.hbs` files, which
 * jetdiag uses neither of. The file is found next to the entry point; if a future version
 * drops it, the entry point is used. Every jetdiag module takes Handlebars from here, so the
 * helpers registered on it are seen by all.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type HandlebarsApi = typeof import('handlebars');

function load(): HandlebarsApi {
  const require = createRequire(import.meta.url);
  try {
    const entry = require.resolve('handlebars');
    const single = path.join(path.dirname(entry), '..', 'dist', 'handlebars.js');
    if (existsSync(single)) {
      const h = require(single) as HandlebarsApi & { default?: HandlebarsApi };
      const api = typeof h.compile === 'function' ? h : h.default;
      if (api && typeof api.compile === 'function' && typeof api.create === 'function') return api;
    }
  } catch {
    /* fall back to the entry point below */
  }
  return require('handlebars') as HandlebarsApi;
}

const Handlebars: HandlebarsApi = load();
export default Handlebars;
