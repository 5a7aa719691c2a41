/**
 * Bundles the compiled CLI (dist/src/cli/index.js and what it imports from dist/src) into a
 * few files under dist/cli/, so a run resolves, reads and compiles a handful of modules
 * instead of about 200 (ESM resolution and loading cost every run 0.1 s or more of CPU).
 * Packages stay external (node_modules as they are). Modules imported on demand (`import()`)
 * become chunks of their own, so a run still loads only what it uses.
 *
 * A module that finds files beside itself (`import.meta.url`: the rule packs, templates,
 * package.json, worker scripts) keeps finding them where it was compiled: its
 * `import.meta.url` becomes its own dist/src address, worked out from the bundle's.
 * bin/jetdiag.js runs the bundle only when it is newer than dist/src (so a `tsc` build after
 * it is never shadowed by an old bundle) and dist/src otherwise.
 *
 * Run after `tsc -p tsconfig.json` (npm run build does both).
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/cli');

await rm(OUT, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(ROOT, 'dist/src/cli/index.js') },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir: OUT,
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  plugins: [
    {
      name: 'own-import-meta-url',
      setup(b) {
        b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async (args) => {
          let text = await readFile(args.path, 'utf8');
          if (text.includes('import.meta.url')) {
            const rel = path.relative(OUT, args.path).split(path.sep).join('/');
            text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
          }
          return { contents: text, loader: 'js' };
        });
      },
    },
  ],
});
