#!/usr/bin/env node
import v8 from 'node:v8';

// batch and the queue worker keep every core busy with analysis threads; V8's concurrent
// marking then only competes with them (200 bench bundles: 24.7 s of CPU with 2 workers,
// 18.4 s without it; the analysis threads' own time unchanged). Set before anything else is
// loaded, so no marking cycle is under way when it changes.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'batch' || command === 'worker') v8.setFlagsFromString('--no-concurrent-marking');

const { run } = await import('../dist/src/cli/index.js');
run();
