/**
 * `npm run bench:queue`: what the queue costs and how fast it recovers. The same generated
 * bundles are analysed by the local worker pool (1 and 2 threads) and through Redis by 1
 * and 2 `jetdiag worker` processes (one thread each); then a worker is SIGKILLed mid-run
 * with the default lock settings and the time until its job is finished elsewhere is taken.
 * Figures from one run only: the machine is shared.
 */
// @ts-nocheck

// 

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { QueueEvents } from 'bullmq';
import tar from 'tar-stream';
import { contentHash } from '../src/fleet/content-hash.js';
import { prepareRuleset } from '../src/fleet/analyze-one.js';
import { createPool, type BundlePool } from '../src/fleet/pool.js';
import { createQueuePool } from '../src/queue/queue-pool.js';
import { dmesgLog, tegrastatsLog } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');
const N = Number(process.env.BENCH_BUNDLES ?? 40);

async function tgz(files: Record<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const done = new Promise<void>((r) => pack.on('end', () => r()));
  for (const [name, text] of Object.entries(files)) pack.entry({ name }, text);
  pack.finalize();
  await done;
  return zlib.gzipSync(Buffer.concat(chunks));
}

/** N bundles of realistic size: the healthy sample's /proc files, 1 h of tegrastats, 2,000 dmesg lines. */
async function makeBundles(dir: string): Promise<string[]> {
  const sample = path.join(ROOT, 'samples/orin-nano-healthy');
  const base: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else base[path.relative(sample, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(sample);
  const tegra = tegrastatsLog(1);
  const dmesg = dmesgLog(2000);
  const out: string[] = [];
  for (let i = 0; i < N; i++) {
    const file = path.join(dir, `jetson-${String(i).padStart(4, '0')}-2026-11-30.tgz`);
    writeFileSync(file, await tgz({ ...base, 'etc/hostname': `jetson-${i}\n`, 'tegrastats.log': tegra, dmesg }));
    out.push(file);
  }
  return out;
}

async function drive(pool: BundlePool, bundles: { ref: string; hash: string }[]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(bundles.map((b) => pool.analyse(b.ref, b.hash, new AbortController().signal)));
  return (performance.now() - t0) / 1000;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function worker(url: string, extra: string[] = []): { child: ChildProcess; out: () => string } {
  let log = '';
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--concurrency', '1', ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (c) => (log += c));
  return { child, out: () => log };
}

async function until(cond: () => boolean) {
  while (!cond()) await new Promise((r) => setTimeout(r, 20));
}

async function main() {
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server not found (apt-get install -y redis-server)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-bench-queue-'));
  mkdirSync(dir, { recursive: true });
  const files = await makeBundles(dir);
  const bundles = await Promise.all(files.map(async (ref) => ({ ref, hash: await contentHash(ref) })));
  const options = {};
  const rulesetVersion = prepareRuleset({}).version;
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  await new Promise((r) => setTimeout(r, 500));
  const rows: string[] = [];
  try {
    for (const jobs of [1, 2]) {
      const pool = createPool(jobs, { options });
      await drive(pool, bundles.slice(0, 2)); // warm the threads (grammars, rules)
      const s = await drive(pool, bundles);
      await pool.destroy();
      rows.push(`local pool, ${jobs} thread(s):      ${(N / s).toFixed(1)} bundles/s (${((s * 1000 * jobs) / N).toFixed(0)} ms per bundle per thread)`);
    }
    for (const k of [1, 2]) {
      const ws = Array.from({ length: k }, () => worker(url));
      await until(() => ws.every((w) => /ready on/.test(w.out())));
      const pool = await createQueuePool({ url, options, rulesetVersion, sweepMs: 2000 });
      // Fresh hashes per run: a job id seen before would be answered from Redis.
      const warm = bundles.slice(0, 2 * k).map((b) => ({ ...b, hash: `w${k}${b.hash.slice(2)}` }));
      await drive(pool, warm).catch(() => 0);
      const s = await drive(pool, bundles.map((b) => ({ ...b })));
      for (const b of bundles) await pool.stored(b.hash);
      await pool.destroy();
      for (const w of ws) w.child.kill('SIGTERM');
      await Promise.all(ws.map((w) => new Promise((r) => w.child.once('exit', r))));
      rows.push(`queue, ${k} worker process(es):    ${(N / s).toFixed(1)} bundles/s (${((s * 1000 * k) / N).toFixed(0)} ms per bundle per worker)`);
    }
    // Recovery with the default lock settings: kill a worker that holds a job.
    const a = worker(url);
    const b = worker(url);
    await until(() => /ready on/.test(a.out()) && /ready on/.test(b.out()));
    const events = new QueueEvents('jetdiag-bundles', { connection: { host: '127.0.0.1', port } });
    await events.waitUntilReady();
    const stalledAt = new Map<string, number>();
    const recovered: number[] = [];
    let killedAt = 0;
    events.on('stalled', ({ jobId }) => stalledAt.set(jobId, Date.now()));
    events.on('completed', ({ jobId }) => {
      if (stalledAt.has(jobId)) recovered.push(Date.now() - killedAt);
    });
    const pool = await createQueuePool({ url, options, rulesetVersion, sweepMs: 2000 });
    const fresh = bundles.map((x) => ({ ...x, hash: `r0${x.hash.slice(2)}` }));
    const run = drive(pool, fresh);
    await until(() => /done /.test(a.out()));
    a.child.kill('SIGKILL');
    killedAt = Date.now();
    await run;
    await pool.destroy();
    await events.close();
    b.child.kill('SIGTERM');
    await new Promise((r) => b.child.once('exit', r));
    rows.push(`recovery (lock 15 s, stalled check 10 s): ${stalledAt.size} job(s) of the killed worker finished by the other ${recovered.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} after the kill`);
  } finally {
    redis.kill('SIGTERM');
  }
  console.log(`${N} bundles (1 h tegrastats, 2,000-line dmesg, /proc files each), ${os.availableParallelism()} cores`);
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
