/**
 * `npm run bench:fleet`: jetdiag batch over generated bundles of realistic size (1 h of 1 Hz
 * tegrastats, a 2,000-line dmesg, the /proc and identity files of a real Orin Nano capture),
 * each case in its own child process so its peak RSS is its own:
 *   full run of N bundles on 2 workers; the re-run (nothing changed); 100 bundles (RSS);
 *   1 vs 2 workers on a subset; the fleet queries over a store of 1 M finding rows.
 * The machine is shared: compare ratios from one run only. `BENCH_BUNDLES=300` for a shorter run,
 * `BENCH_ONLY=workers` for 1 vs 2 workers alone (`BENCH_SUBSET` bundles, 200 by default, in the
 * order 1, 2, 2, 1; `BENCH_ROUNDS` pairs), `BENCH_ONLY=contention` for the same bundles in plain
 * loops: separate processes vs worker threads, one at a time vs two at once; `BENCH_ONLY=queries`
 * for the fleet queries alone (fill the synthetic store, then `BENCH_QUERY_RUNS` fleet models).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { runBatch } from '../src/fleet/batch.js';
import { createProgress } from '../src/fleet/progress.js';
import { buildFleetModel } from '../src/fleet/model.js';
import * as Queries from '../src/fleet/queries.js';
import { open } from '../src/fleet/store.js';
import { dmesgLog, tegrastatsLog } from './generate.js';
import { fillSyntheticStore } from './fleet-store.js';
import { watchThreads, type ThreadCpu } from './threads.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = ['orin-nano-healthy', 'orin-nano-leak-oom', 'orin-nano-cma-fragmentation', 'orin-nano-smmu-camera'];

function sampleFiles(name: string): Record<string, string> {
  const dir = path.join(ROOT, 'samples', name);
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(path.join(dir, p), 'utf8');
    }
  };
  walk('');
  return out;
}

async function tgz(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((r) => pack.on('end', () => r()));
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    await new Promise<void>((res, rej) => pack.entry({ name, size: body.length }, body, (e) => (e ? rej(e) : res())));
  }
  pack.finalize();
  await done;
  return zlib.gzipSync(Buffer.concat(chunks), { level: 6 });
}

/** N upload archives, 10 per device, a day apart; one in 100 is cut short (corrupt). */
async function generate(n: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `jetdiag-fleet-bench-${n}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tegra = tegrastatsLog(1);
  const noise = dmesgLog(2000).split('\n');
  const bases = SAMPLES.map(sampleFiles);
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    const own = base['dmesg.txt'] ?? '';
    const pad = noise.slice(0, Math.max(0, 2000 - own.split('\n').length)).join('\n');
    const device = `orin-${String(Math.floor(i / 10)).padStart(4, '0')}`;
    const time = new Date(Date.UTC(2026, 10, 1 + (i % 10), 8)).toISOString();
    const files = { ...base, 'dmesg.txt': `${pad}\n${own}`, 'tegrastats.log': tegra, 'manifest.json': JSON.stringify({ device_id: device, capture_time: time }) };
    delete (files as Record<string, string>)['tegrastats.txt'];
    let body = await tgz(files);
    if (i % 100 === 57) body = body.subarray(0, 200);
    writeFileSync(path.join(dir, `${device}-${time.slice(0, 10)}.tgz`), body);
  }
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

/** CPU time of the calling thread (Linux schedstat, ns), in seconds; 0 elsewhere. */
function threadCpuSeconds(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return 0;
  }
}

/** The model's statements by the name of their SQL in queries.ts (or their first words), in milliseconds per connection. */
function namedStatements(log: { sql: string; connection: string; ms: number }[]): Statement[] {
  const names = new Map<string, string>();
  for (const [name, v] of Object.entries(Queries)) {
    if (typeof v === 'string') names.set(v, name);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') names.set(x, name);
  }
  return log.map((s) => ({ name: names.get(s.sql) ?? s.sql.replace(/\s+/g, ' ').trim().slice(0, 40), connection: s.connection, ms: Math.round(s.ms) }));
}

async function child(which: string, args: string[]) {
  const t0 = process.hrtime.bigint();
  let extra: Record<string, unknown> = {};
  if (which === 'batch') {
    const [out, jobs, ...inputs] = args;
    const stop = watchThreads(Number(jobs));
    const s = await runBatch({ inputs, outDir: out!, jobs: Number(jobs), analyze: {}, progress: createProgress('none') });
    extra = { analysed: s.analysed, reused: s.reused, failed: s.failed, threads: stop() };
  } else if (which === 'queries') {
    const store = await open(args[0]!);
    store.statementLog = [];
    const t1 = process.hrtime.bigint();
    const m = await buildFleetModel(store, { maxDevices: 300 });
    extra = { issues: m.issues.length, bundles: m.totals.bundles, modelSeconds: Number(process.hrtime.bigint() - t1) / 1e9, statements: namedStatements(store.statementLog) };
    await store.close();
  } else if (which === 'loop') {
    // Plain analyses one after another in this thread: no pool, no store, no hashing.
    const stop = watchThreads(0);
    const { analyzeBundle } = await import('../src/fleet/analyze-one.js');
    const cpu0 = threadCpuSeconds();
    for (const ref of args) await analyzeBundle(ref, {});
    extra = { threadCpuSeconds: threadCpuSeconds() - cpu0, bundles: args.length, threads: stop() };
  } else if (which === 'threads') {
    // `k` plain worker threads in this one process, each analysing its share in a loop.
    const [k, ...refs] = args;
    const n = Number(k);
    const stop = watchThreads(n);
    const young = process.env.BENCH_YOUNG_MB ? { resourceLimits: { maxYoungGenerationSizeMb: Number(process.env.BENCH_YOUNG_MB) } } : {};
    const per = await Promise.all(
      Array.from({ length: n }, (_, i) => {
        const share = refs.filter((_, j) => j % n === i);
        return new Promise<{ threadCpuSeconds: number; bundles: number }>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { benchLoop: share }, ...young });
          w.once('message', resolve);
          w.once('error', reject);
        });
      }),
    );
    extra = { threadCpuSeconds: per.reduce((s, p) => s + p.threadCpuSeconds, 0), bundles: refs.length, perThread: per.map((p) => p.threadCpuSeconds), threads: stop() };
  } else if (which === 'fill') {
    extra = await fillSyntheticStore(args[0]!, Number(args[1]));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const ru = process.resourceUsage();
  const cpuSeconds = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + '\n');
}

interface Statement {
  name: string;
  connection: string;
  ms: number;
}

interface CaseResult {
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  threads?: ThreadCpu;
  statements?: Statement[];
  [k: string]: number | ThreadCpu | Statement[] | undefined;
}

function threadLine(r: CaseResult): string {
  const t = r.threads;
  if (!t) return `CPU ${r.cpuSeconds.toFixed(1)} s`;
  return `CPU ${r.cpuSeconds.toFixed(1)} s: analysis workers ${t.workers.map((w) => w.toFixed(1)).join(' + ')}, main ${t.main.toFixed(1)}, V8 GC/JIT helpers ${t.v8Helpers.toFixed(1)}, libuv pool and DuckDB ${t.other.toFixed(1)}`;
}

function spawnCase(which: string, args: string[]): CaseResult {
  // A batch runs as bin/jetdiag.js runs `jetdiag batch`: without V8's concurrent marking.
  const flags = which === 'batch' ? ['--no-concurrent-marking'] : [];
  const r = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), which, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
}

function spawnCaseAsync(which: string, args: string[]): Promise<CaseResult> {
  const flags = ['--no-concurrent-marking'];
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), which, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    c.stdout.on('data', (d: Buffer) => (out += d));
    c.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`${which} exited ${code}`))));
  });
}

/**
 * Is the slow-down of two analysis threads the program's or the machine's? The same bundles
 * analysed in plain loops (no pool, no store, no hashing), in four set-ups: one process after
 * another; two processes at once; one worker thread in a process, one process after another;
 * two worker threads in one process. CPU per bundle of the analysing threads, and of the
 * whole processes (GC helpers included). Each set-up runs twice, in mirrored order.
 */
async function contention(bundles: string[]) {
  const half = Math.floor(bundles.length / 2);
  const a = bundles.slice(0, half);
  const b = bundles.slice(half, 2 * half);
  interface Tally { wall: number; thread: number; process: number; bundles: number }
  const setups: Record<string, () => Promise<CaseResult[]>> = {
    'processes, one after the other': async () => [await spawnCaseAsync('loop', a), await spawnCaseAsync('loop', b)],
    'two processes at once         ': () => Promise.all([spawnCaseAsync('loop', a), spawnCaseAsync('loop', b)]),
    'one worker thread, in turn    ': async () => [await spawnCaseAsync('threads', ['1', ...a]), await spawnCaseAsync('threads', ['1', ...b])],
    'two worker threads, 1 process ': async () => [await spawnCaseAsync('threads', ['2', ...a, ...b])],
  };
  const tallies = new Map<string, Tally>();
  const names = Object.keys(setups);
  console.log(`${2 * half} bundles analysed in plain loops, each set-up twice (load average ${os.loadavg()[0]!.toFixed(2)}):`);
  for (const name of [...names, ...[...names].reverse()]) {
    const t0 = Date.now();
    const rs = await setups[name]!();
    const t = tallies.get(name) ?? { wall: 0, thread: 0, process: 0, bundles: 0 };
    t.wall += (Date.now() - t0) / 1000;
    for (const r of rs) {
      t.thread += r.threadCpuSeconds as number;
      t.process += r.cpuSeconds;
      t.bundles += r.bundles as number;
    }
    tallies.set(name, t);
  }
  const base = tallies.get(names[0]!)!;
  for (const name of names) {
    const t = tallies.get(name)!;
    const per = (v: number) => ((v / t.bundles) * 1000).toFixed(1);
    const vs = ((t.thread / t.bundles / (base.thread / base.bundles) - 1) * 100).toFixed(0);
    console.log(`  ${name}: wall ${(t.wall / 2).toFixed(1)} s, analysing threads ${per(t.thread)} ms CPU/bundle (${Number(vs) >= 0 ? '+' : ''}${vs} %), whole process ${per(t.process)} ms/bundle`);
  }
  console.log(`  (load average ${os.loadavg()[0]!.toFixed(2)})`);
}

/**
 * 1 vs 2 workers on the same bundles, BENCH_ROUNDS times each (2 by default) in mirrored order
 * (1, 2, 2, 1): the machine's load drifts, so each side gets the same share of early and late.
 */
function compareWorkers(tmp: string, bundles: string[]) {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
  const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? [2, 1] : [1, 2])).flat();
  const runs: Record<number, CaseResult[]> = { 1: [], 2: [] };
  order.forEach((jobs, i) => {
    const r = spawnCase('batch', [path.join(tmp, `j${jobs}-${i}`), String(jobs), ...bundles]);
    runs[jobs]!.push(r);
    const analysing = r.threads ? r.threads.workers.reduce((s, w) => s + w, 0) : 0;
    console.log(`  ${jobs} worker${jobs > 1 ? 's' : ' '}: ${r.seconds.toFixed(1)} s, analysing ${((analysing / bundles.length) * 1000).toFixed(0)} ms CPU/bundle; ${threadLine(r)}`);
  });
  const sum = (rs: CaseResult[], k: 'seconds' | 'cpuSeconds') => rs.reduce((s, r) => s + r[k], 0);
  const [w1, w2] = [sum(runs[1]!, 'seconds'), sum(runs[2]!, 'seconds')];
  console.log(`${bundles.length} bundles: 1 worker ${(w1 / runs[1]!.length).toFixed(1)} s, 2 workers ${(w2 / runs[2]!.length).toFixed(1)} s: speed-up ${((w1 / runs[1]!.length) / (w2 / runs[2]!.length)).toFixed(2)}x; CPU ${(sum(runs[1]!, 'cpuSeconds') / runs[1]!.length).toFixed(1)} s vs ${(sum(runs[2]!, 'cpuSeconds') / runs[2]!.length).toFixed(1)} s (load average ${os.loadavg()[0]!.toFixed(2)})`);
}

async function main() {
  const [, , which, ...args] = process.argv;
  if (which) return child(which, args);
  if (process.env.BENCH_ONLY === 'queries') {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-fleet-bench-out-'));
    fleetQueries(tmp);
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const n = Number(process.env.BENCH_BUNDLES ?? 1000);
  const subset = Number(process.env.BENCH_SUBSET ?? 200);
  console.log(`generating ${n} bundles (cached in ${os.tmpdir()})...`);
  const dir = await generate(n);
  const all = readdirSync(dir).filter((f) => f.endsWith('.tgz')).sort().map((f) => path.join(dir, f));
  const mb = all.reduce((s, f) => s + readFileSync(f).length, 0) / 1e6;
  console.log(`${all.length} bundles, ${mb.toFixed(0)} MB compressed; ${os.cpus().length} cores (shared)`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-fleet-bench-out-'));
  const subDir = path.join(tmp, 'sub');
  mkdirSync(subDir);
  // Inputs as a folder for the big runs; the subsets as file lists. BENCH_ONLY=workers: 1 vs 2 workers only.
  if (process.env.BENCH_ONLY === 'contention') {
    await contention(all.slice(0, subset));
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  if (process.env.BENCH_ONLY === 'workers') {
    compareWorkers(tmp, all.slice(0, subset));
    rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const full = spawnCase('batch', [path.join(tmp, 'full'), '2', dir]);
  console.log(`full run, 2 workers:  ${full.seconds!.toFixed(1)} s for ${all.length} bundles (${(all.length / full.seconds!).toFixed(1)}/s), ${full.failed} failed, peak RSS ${full.peakRssMB} MB (load average ${os.loadavg()[0]!.toFixed(2)})`);
  console.log(`  ${threadLine(full)}`);
  const rerun = spawnCase('batch', [path.join(tmp, 'full'), '2', dir]);
  console.log(`re-run, nothing new:  ${rerun.seconds!.toFixed(1)} s (${rerun.reused} unchanged, ${rerun.analysed} analysed), peak RSS ${rerun.peakRssMB} MB`);
  const hundred = spawnCase('batch', [path.join(tmp, 'hundred'), '2', ...all.slice(0, 100)]);
  console.log(`100 bundles, 2 workers: ${hundred.seconds!.toFixed(1)} s, peak RSS ${hundred.peakRssMB} MB (vs ${full.peakRssMB} MB for ${all.length}: ratio ${(full.peakRssMB! / hundred.peakRssMB!).toFixed(2)})`);
  compareWorkers(tmp, all.slice(0, subset));
  fleetQueries(tmp);
  rmSync(tmp, { recursive: true, force: true });
}

/**
 * The fleet model over a synthetic store of BENCH_FINDINGS finding rows (1 M by default),
 * built BENCH_QUERY_RUNS times (3 by default), each in a fresh process on the same store.
 */
function fleetQueries(tmp: string) {
  const rows = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
  const fill = spawnCase('fill', [path.join(tmp, 'synthetic'), String(rows)]);
  const runs = Number(process.env.BENCH_QUERY_RUNS ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const q = spawnCase('queries', [path.join(tmp, 'synthetic')]);
    times.push(q.modelSeconds as number);
    console.log(`fleet queries: ${fill.findings} finding rows, ${fill.bundles} bundles, ${fill.devices} devices: fleet model (every query + 300 timelines) ${(q.modelSeconds as number).toFixed(2)} s, CPU ${q.cpuSeconds.toFixed(2)} s (whole process), ${q.issues} issues (load average ${os.loadavg()[0]!.toFixed(2)})`);
    const statements = q.statements ?? [];
    for (const c of ['main', 'side']) {
      const mine = statements.filter((s) => s.connection === c && s.ms >= 1);
      console.log(`  ${c} connection, ${mine.reduce((t, s) => t + s.ms, 0)} ms: ${mine.map((s) => `${s.name} ${s.ms}`).join(', ')}`);
    }
  }
  console.log(`fleet model: best of ${runs} ${Math.min(...times).toFixed(2)} s`);
}

if (isMainThread) await main();
else if ((workerData as { benchLoop?: string[] })?.benchLoop) {
  const { analyzeBundle } = await import('../src/fleet/analyze-one.js');
  const cpu0 = threadCpuSeconds();
  const refs = (workerData as { benchLoop: string[] }).benchLoop;
  for (const ref of refs) await analyzeBundle(ref, {});
  parentPort!.postMessage({ threadCpuSeconds: threadCpuSeconds() - cpu0, bundles: refs.length });
}
