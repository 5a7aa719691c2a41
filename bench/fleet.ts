/**
 * `npm run bench:fleet`: jetdiag batch over generated bundles of realistic size (1 h of 1 Hz
 * tegrastats, a 2,000-line dmesg, the /proc and identity files of a real Orin Nano capture),
 * each case in its own child process so its peak RSS is its own:
 *   full run of N bundles on 2 workers; the re-run (nothing changed); 100 bundles (RSS);
 *   1 vs 2 workers on a subset; the fleet queries over a store of 1 M finding rows.
 * The machine is shared: compare ratios from one run only. `BENCH_BUNDLES=300` for a shorter run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { runBatch } from '../src/fleet/batch.js';
import { createProgress } from '../src/fleet/progress.js';
import { buildFleetModel } from '../src/fleet/model.js';
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
    const t1 = process.hrtime.bigint();
    const m = await buildFleetModel(store, { maxDevices: 300 });
    extra = { issues: m.issues.length, bundles: m.totals.bundles, modelSeconds: Number(process.hrtime.bigint() - t1) / 1e9 };
    await store.close();
  } else if (which === 'fill') {
    extra = await fillSyntheticStore(args[0]!, Number(args[1]));
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const ru = process.resourceUsage();
  const cpuSeconds = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }) + '\n');
}

interface CaseResult {
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  threads?: ThreadCpu;
  [k: string]: number | ThreadCpu | undefined;
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

async function main() {
  const [, , which, ...args] = process.argv;
  if (which) return child(which, args);
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
  // Inputs as a folder for the big runs; the subsets as file lists.
  const full = spawnCase('batch', [path.join(tmp, 'full'), '2', dir]);
  console.log(`full run, 2 workers:  ${full.seconds!.toFixed(1)} s for ${all.length} bundles (${(all.length / full.seconds!).toFixed(1)}/s), ${full.failed} failed, peak RSS ${full.peakRssMB} MB`);
  const rerun = spawnCase('batch', [path.join(tmp, 'full'), '2', dir]);
  console.log(`re-run, nothing new:  ${rerun.seconds!.toFixed(1)} s (${rerun.reused} unchanged, ${rerun.analysed} analysed), peak RSS ${rerun.peakRssMB} MB`);
  const hundred = spawnCase('batch', [path.join(tmp, 'hundred'), '2', ...all.slice(0, 100)]);
  console.log(`100 bundles, 2 workers: ${hundred.seconds!.toFixed(1)} s, peak RSS ${hundred.peakRssMB} MB (vs ${full.peakRssMB} MB for ${all.length}: ratio ${(full.peakRssMB! / hundred.peakRssMB!).toFixed(2)})`);
  const one = spawnCase('batch', [path.join(tmp, 'j1'), '1', ...all.slice(0, subset)]);
  const two = spawnCase('batch', [path.join(tmp, 'j2'), '2', ...all.slice(0, subset)]);
  console.log(`${subset} bundles: 1 worker ${one.seconds.toFixed(1)} s, 2 workers ${two.seconds.toFixed(1)} s: speed-up ${(one.seconds / two.seconds).toFixed(2)}x (load average ${os.loadavg()[0]!.toFixed(2)})`);
  console.log(`  1 worker:  ${threadLine(one)}`);
  console.log(`  2 workers: ${threadLine(two)}`);
  const rows = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
  const fill = spawnCase('fill', [path.join(tmp, 'synthetic'), String(rows)]);
  const q = spawnCase('queries', [path.join(tmp, 'synthetic')]);
  console.log(`fleet queries: ${fill.findings} finding rows, ${fill.bundles} bundles, ${fill.devices} devices: fleet model (every query + 300 timelines) ${(q.modelSeconds as number).toFixed(2)} s, ${q.issues} issues`);
  rmSync(tmp, { recursive: true, force: true });
}

await main();
