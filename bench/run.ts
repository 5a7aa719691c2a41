/**
 * `npm run bench`: the whole CLI on S/M/L/XL bundles (minutes, 1 h, 24 h, 7 days) and on
 * hostile bundles, each case in its own process (wall time and peak RSS are the whole
 * process's), beside the floor (gunzip + count lines) measured in the same run. Best of N.
 * Writes out/bench/bench.md and bench.json so runs can be compared; machines here are
 * shared and noisy, so compare ratios from one run. `npm run bench -- S M` runs some sizes;
 * `--runs 1` for a quick look; `--baseline <dir>` runs the same cases with another build
 * (a folder holding its bin/ and dist/) in the same run, for before/after figures.
 *
 * CPU targets were set on a faster machine than most that run this: each is judged as a
 * multiple of the floor (the issue's target over the floor measured where it was set), so
 * the floor measured here scales it. Memory targets stay absolute.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostileBundles, SIZES, sizedBundle, type BenchBundle } from './bundles.js';
import { scaledSeconds, TARGETS, targetText } from './targets.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CLI = path.join(ROOT, 'bin/jetdiag.js');
const CACHE = path.join(ROOT, 'out/bench/cache');
const OUT = path.join(ROOT, 'out/bench');

interface Run {
  seconds: number;
  cpuSeconds: number;
  rssMB: number;
  exit: number | null;
  stackTrace: boolean;
  stdout: string;
}

function runOnce(args: string[], captureStdout: boolean): Run {
  const rssFile = path.join(os.tmpdir(), `jetdiag-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', path.join(HERE, 'rss.js'), ...args], {
    env: { ...process.env, JETDIAG_BENCH_RSS: rssFile, NO_COLOR: '1' },
    stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let rssMB = NaN;
  let cpuSeconds = NaN;
  try {
    ({ rssMB, cpuSeconds } = JSON.parse(readFileSync(rssFile, 'utf8')));
  } catch {
    /* the process died before its exit hook */
  }
  return { seconds, cpuSeconds, rssMB, exit: r.status, stackTrace: /\n\s+at .+\(.*:\d+:\d+\)/.test(r.stderr ?? ''), stdout: r.stdout ?? '' };
}

function best(args: string[], runs: number, captureStdout = false): Run {
  // Fastest wall and CPU time; the highest peak RSS of all runs (memory is not noisy, time is).
  const all = Array.from({ length: runs }, () => runOnce(args, captureStdout));
  const fastest = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, cpuSeconds: Math.min(...all.map((r) => r.cpuSeconds)), rssMB: Math.max(...all.map((r) => r.rssMB)) };
}

interface Row {
  case: string;
  /** Which build ran it: this one, or the `--baseline` one. */
  build: 'this' | 'baseline';
  bundle: string;
  inputMB: number;
  lines: number;
  seconds: number;
  cpuSeconds: number;
  mbPerS: number;
  linesPerS: number;
  rssMB: number;
  floorSeconds: number;
  floorCpuSeconds: number;
  floorRssMB: number;
  exit: number | null;
  note: string;
  target?: string;
  /** The CPU seconds allowed here (the issue's target scaled by this run's floor). */
  targetCpuSeconds?: number;
  targetRssMB?: number;
  met?: boolean;
}

function option(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const runs = Number(option(argv, '--runs') ?? 3);
  const baseline = option(argv, '--baseline');
  const baseCli = baseline ? path.resolve(baseline, 'bin/jetdiag.js') : undefined;
  if (baseCli && !existsSync(baseCli)) throw new Error(`--baseline: no ${baseCli}`);
  const wanted = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs' && argv[i - 1] !== '--baseline');
  mkdirSync(CACHE, { recursive: true });
  const sizes = Object.keys(SIZES).filter((s) => !wanted.length || wanted.includes(s));
  const bundles: BenchBundle[] = [];
  for (const s of sizes) {
    process.stderr.write(`preparing ${s} bundle...\n`);
    bundles.push(await sizedBundle(CACHE, s));
  }
  if (!wanted.length || wanted.includes('hostile')) {
    process.stderr.write('preparing hostile bundles...\n');
    bundles.push(...(await hostileBundles(CACHE)));
  }
  const builds: [Row['build'], string][] = [['this', CLI], ...(baseCli ? [['baseline', baseCli] as [Row['build'], string]] : [])];
  const rows: Row[] = [];
  for (const b of bundles) {
    // Big inputs are run fewer times: the machine is shared.
    const n = b.hostile || b.name === 'XL' ? Math.min(runs, 2) : runs;
    const floor = best([path.join(HERE, 'floor.js'), b.file], n);
    const cases: [string, string[]][] = b.hostile
      ? [['parse', ['parse', b.file, '--compact']]]
      : [
          ['analyze', ['analyze', b.file]],
          ['parse', ['parse', b.file, '--compact']],
        ];
    for (const [what, args] of cases) {
      for (const [build, cli] of builds) {
        process.stderr.write(`${b.name} ${what}${build === 'baseline' ? ' (baseline)' : ''}...\n`);
        const r = best([cli, ...args], n, b.hostile);
        const name = `${b.name} ${what}`;
        const t = TARGETS[name];
        let note = '';
        let healthy = true;
        if (b.hostile) {
          const kept = /"meminfo":\{"file":"capture\/proc\/meminfo"/.test(r.stdout);
          healthy = kept && !r.stackTrace;
          note = `${kept ? 'healthy meminfo read' : 'MEMINFO LOST'}${r.stackTrace ? ', STACK TRACE' : ''}`;
        }
        // Time is judged on CPU time: wall time on this shared machine measures the others too.
        const allowed = t ? scaledSeconds(t, floor.cpuSeconds) : undefined;
        const met = t ? (allowed === undefined || r.cpuSeconds < allowed) && r.rssMB < t.rssMB && r.exit !== null && r.exit <= 2 && healthy : undefined;
        rows.push({
          case: name,
          build,
          bundle: path.basename(b.file),
          inputMB: b.bytes / 1e6,
          lines: b.lines,
          seconds: r.seconds,
          cpuSeconds: r.cpuSeconds,
          mbPerS: b.bytes / 1e6 / r.cpuSeconds,
          linesPerS: b.lines / r.cpuSeconds,
          rssMB: r.rssMB,
          floorSeconds: floor.seconds,
          floorCpuSeconds: floor.cpuSeconds,
          floorRssMB: floor.rssMB,
          exit: r.exit,
          note,
          ...(t ? { target: targetText(t, floor.cpuSeconds), targetCpuSeconds: allowed, targetRssMB: t.rssMB, met } : {}),
        });
      }
    }
  }
  const md = [
    `jetdiag bench, ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs (shared), best of ${runs} (XL and hostile: best of ${Math.min(runs, 2)})${baseline ? `; baseline build: ${baseline}` : ''}`,
    '',
    'Time is the whole process (node start included). CPU = user + system time, the figure targets are judged on (wall time here includes waiting for the other users of the machine); MB/s and lines/s are per CPU second.',
    '',
    "Time targets are judged as a multiple of the floor (gunzip + count lines of the same bundle): the issue's target over the floor where it was set, times the floor measured in this run — this machine may be slower or faster than that one. The target column gives both the issue's figure and the seconds it comes to here. Memory targets (peak RSS) are absolute. Hostile cases must also exit 0, 1 or 2 without a stack trace and still read the healthy meminfo beside them.",
    '',
    '| case | build | input (uncompressed) | lines | CPU | wall | MB/s | lines/s | peak RSS | floor CPU | floor wall | floor RSS | CPU × floor | exit | target | |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.build} | ${r.inputMB.toFixed(1)} MB | ${r.lines} | ${r.cpuSeconds.toFixed(2)} s | ${r.seconds.toFixed(2)} s | ${r.mbPerS.toFixed(0)} | ${Math.round(r.linesPerS)} | ${r.rssMB.toFixed(0)} MB | ${r.floorCpuSeconds.toFixed(2)} s | ${r.floorSeconds.toFixed(2)} s | ${r.floorRssMB.toFixed(0)} MB | ${(r.cpuSeconds / r.floorCpuSeconds).toFixed(1)} | ${r.exit} | ${r.target ?? ''} | ${r.met === undefined ? '' : r.met ? 'met' : 'MISSED'}${r.note ? ` ${r.note}` : ''} |`,
    ),
  ].join('\n');
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'bench.md'), md + '\n');
  writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, baseline: baseline ?? null, rows }, null, 2) + '\n');
  console.log(md);
  console.log(`\nwritten: ${path.relative(process.cwd(), path.join(OUT, 'bench.md'))}, bench.json`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
