/**
 * `node dist/bench/startup.js [runs]`: what writing HTML costs and what it does not.
 * Each case in a fresh process, alternating, best and median of N (the machines here are
 * shared and noisy): the CLI's own start-up (`--version`), `analyze --format md` (must not
 * load vega), `analyze --format html` (loads vega once, draws every chart twice), and the
 * vega + vega-lite import alone.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'bin/jetdiag.js');
const SAMPLE = path.join(ROOT, 'samples/orin-nano-leak-oom.tgz');
const out = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-startup-'));
const runs = Number(process.argv[2] ?? 7);

const CASES: Record<string, string[]> = {
  '--version': [CLI, '--version'],
  'analyze --format md': [CLI, 'analyze', SAMPLE, '--format', 'md', '-o', out],
  'analyze --format html': [CLI, 'analyze', SAMPLE, '--format', 'html', '-o', out],
  'import vega + vega-lite': ['--input-type=module', '-e', "await Promise.all([import('vega'), import('vega-lite')])"],
};

const times: Record<string, number[]> = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  for (const [name, args] of Object.entries(CASES)) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    if (r.status !== 0 && name !== 'analyze --format md' && name !== 'analyze --format html') throw new Error(`${name} exited ${r.status}`);
    times[name]!.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
}
for (const [name, ts] of Object.entries(times)) {
  ts.sort((a, b) => a - b);
  console.log(`${name.padEnd(26)} best ${ts[0]!.toFixed(0).padStart(5)} ms   median ${ts[ts.length >> 1]!.toFixed(0).padStart(5)} ms`);
}
