/**
 * `npm run bench`: parse speed (MB/s on one core) and peak RSS for a 24 h 1 Hz tegrastats
 * log and a 100,000-line dmesg, each measured in its own child process so RSS is its own.
 * Compare figures from one run only: these machines are shared and noisy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTegrastats } from '../src/parsers/tegrastats/build.js';
import { parseDmesg } from '../src/parsers/dmesg/build.js';
import { DiagnosticSink } from '../src/snapshot/diagnostics.js';
import { dmesgLog, tegrastatsLog } from './generate.js';
import { analyzeSnapshot } from '../src/analyze.js';
import { snapshotFromFiles } from '../src/rules/tester.js';
import { loadSignatures } from '../src/rules/signatures/pack.js';

const CASES: Record<string, () => { make: () => string; parse: (t: string) => number }> = {
  tegrastats: () => ({
    make: () => tegrastatsLog(24),
    parse: (text) => parseTegrastats({ path: 'tegrastats.log', text, lineOffset: 0 }, new DiagnosticSink('t')).samples,
  }),
  dmesg: () => ({
    make: () => dmesgLog(100_000),
    parse: (text) => parseDmesg({ path: 'dmesg', text, lineOffset: 0 }, new DiagnosticSink('d')).records.length,
  }),
  // The whole analysis of that dmesg: parse, match every signature, run every rule.
  'dmesg+rules': () => ({
    make: () => dmesgLog(100_000),
    parse: (text) => analyzeSnapshot(snapshotFromFiles({ dmesg: text }), { signatures: SIGNATURES }).findings.length,
  }),
};
const SIGNATURES = loadSignatures();

function child(name: string, file: string) {
  const { parse } = CASES[name]!();
  // Read the input as the CLI would (a file into one string), not as generated.
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const runs: number[] = [];
  let items = 0;
  let rssMB = 0;
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    items = parse(text);
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    // Peak RSS of one parse (file text + result + garbage), before later runs add theirs.
    if (k === 0) rssMB = process.resourceUsage().maxRSS / 1024;
  }
  const best = Math.min(...runs);
  process.stdout.write(JSON.stringify({ name, bytes, items, seconds: best, mbPerS: bytes / 1e6 / best, peakRssMB: rssMB }) + '\n');
}

function main() {
  const [, , which, file] = process.argv;
  if (which && file) return child(which, file);
  const self = fileURLToPath(import.meta.url);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-bench-'));
  console.log('case        size      items    best of 5   MB/s   peak RSS (one parse)');
  for (const name of Object.keys(CASES)) {
    const input = path.join(dir, name);
    writeFileSync(input, CASES[name]!().make());
    const r = spawnSync(process.execPath, [self, name, input], { encoding: 'utf8' });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exitCode = 1;
      continue;
    }
    const j = JSON.parse(r.stdout);
    console.log(
      `${name.padEnd(11)} ${(j.bytes / 1e6).toFixed(1).padStart(5)} MB ${String(j.items).padStart(8)} ${j.seconds.toFixed(3).padStart(9)} s ${j.mbPerS.toFixed(1).padStart(6)} ${j.peakRssMB.toFixed(0).padStart(6)} MB`,
    );
  }
}

main();
