#!/usr/bin/env node
import v8 from 'node:v8';

const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const pooled = command === 'batch' || command === 'worker';

// batch and the queue worker keep every core busy with analysis threads; V8's concurrent
// marking then only competes with them (200 bench bundles: 24.7 s of CPU with 2 workers,
// 18.4 s without it; the analysis threads' own time unchanged). Set before anything else is
// loaded, so no marking cycle is under way when it changes.
if (pooled) v8.setFlagsFromString('--no-concurrent-marking');

// One bundle per process: the old generation may grow to twice its live size before a full
// collection, not up to four times. V8 picks that factor from how fast the program ran so far,
// so the same 24 h bundle peaked at 180 MB in two runs of three and at 250 MB in the third (the
// parse's garbage promoted and never collected before the end). V8 reads the flag at every
// collection, so setting it here takes effect. Not for batch and worker: their threads hold one
// bundle each and are tuned for CPU.
if (!pooled) v8.setFlagsFromString('--heap-growing-percent=100');

const { run } = await import('../dist/src/cli/index.js');
run();
