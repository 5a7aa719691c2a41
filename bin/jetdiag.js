#!/usr/bin/env node
import { statSync } from 'node:fs';
import v8 from 'node:v8';

// batch and the queue worker keep every core busy with analysis threads; V8's concurrent
// marking then only competes with them (200 bench bundles: 24.7 s of CPU with 2 workers,
// 18.4 s without it; the analysis threads' own time unchanged). Set before anything else is
// loaded, so no marking cycle is under way when it changes.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'batch' || command === 'worker') v8.setFlagsFromString('--no-concurrent-marking');

/**
 * The bundled CLI (scripts/bundle.mjs: a few files instead of about 200 modules to resolve and
 * load) when it was built from the current dist/src, else dist/src itself.
 */
function entry() {
  try {
    const bundle = new URL('../dist/cli/cli.js', import.meta.url);
    if (statSync(bundle).mtimeMs >= statSync(new URL('../dist/src/cli/index.js', import.meta.url)).mtimeMs) return bundle.href;
  } catch {
    /* no bundle (or no build): dist/src */
  }
  return '../dist/src/cli/index.js';
}

const { run } = await import(entry());
run();
