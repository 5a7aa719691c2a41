/**
 * Scale-out with the real thing: a redis-server, two `jetdiag worker` processes, one of them
 * SIGKILLed mid-run. Every bundle must land in the store exactly once, a killed worker's
 * jobs must come back through BullMQ's stall recovery, and submitting the folder again must
 * add nothing.
 */
// @ts-nocheck

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTgz } from '../helpers/archive.js';
import { tempDir } from '../helpers/fixtures.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');
const SAMPLES = ['orin-nano-cma-fragmentation', 'orin-nano-smmu-camera', 'orin-nano-leak-oom', 'orin-nano-thermal-throttling', 'nano-power-supply', 'orin-nano-healthy'];

function filesOf(dir: string, base = dir): { name: string; content: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(path.join(dir, e.name), base) : [{ name: path.relative(base, path.join(dir, e.name)), content: readFileSync(path.join(dir, e.name)) }],
  );
}

/** n distinct uploads: the samples from n devices (each with its own hostname). */
async function uploads(n: number): Promise<string> {
  const dir = path.join(tempDir(), 'uploads');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const sample = SAMPLES[i % SAMPLES.length]!;
    const files = filesOf(path.join(ROOT, 'samples', sample)).filter((f) => f.name !== 'etc/hostname');
    files.push({ name: 'etc/hostname', content: Buffer.from(`jetson-${String(i).padStart(3, '0')}\n`) });
    writeFileSync(path.join(dir, `jetson-${String(i).padStart(3, '0')}-2026-11-30.tgz`), await makeTgz(files));
  }
  return dir;
}

interface Proc {
  child: ChildProcess;
  out: string;
  exited: Promise<number | null>;
}

function start(args: string[]): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { child, out: '', exited: new Promise((r) => child.once('exit', (code) => r(code))) };
  child.stdout!.on('data', (c) => (p.out += c));
  child.stderr!.on('data', (c) => (p.out += c));
  return p;
}

async function until(what: string, cond: () => boolean, ms = 60_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('jetdiag batch --queue with two workers (real redis-server)', () => {
  let redis: TestRedis;
  const procs: Proc[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await redis?.stop();
  });

  it('survives a SIGKILLed worker: every bundle stored exactly once; a re-submission adds nothing', async () => {
    const dir = await uploads(24);
    const out = path.join(tempDir(), 'fleet');
    const workerArgs = ['worker', '--queue', redis.url, '--concurrency', '1', '--lock-duration', '2', '--stalled-interval', '1'];
    const a = start(workerArgs);
    const b = start(workerArgs);
    procs.push(a, b);
    await until('workers ready', () => /ready on/.test(a.out) && /ready on/.test(b.out));

    const events = new QueueEvents('jetdiag-bundles', { connection: { host: '127.0.0.1', port: redis.port } });
    const stalled = new Set<string>();
    events.on('stalled', ({ jobId }) => stalled.add(jobId));
    await events.waitUntilReady();

    const { open } = await import('../../src/fleet/store.js');
    const batch = start(['batch', dir, '-o', out, '--queue', redis.url]);
    procs.push(batch);
    // Kill worker A while it holds a job: right after its first result it has taken the next.
    await until('worker A to finish a job', () => /done [0-9a-f]{12}/.test(a.out));
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    expect(await batch.exited, batch.out).toBe(0);
    const afterKillMs = Date.now() - killedAt;
    await events.close();

    const store = await open(out);
    const rows = await store.query('SELECT content_hash, path, status FROM bundles');
    await store.close();
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.content_hash)).size).toBe(24);
    expect(new Set(rows.map((r) => path.basename(String(r.path)))).size).toBe(24);
    expect(rows.filter((r) => r.status === 'failed')).toEqual([]);
    // The job A held came back through stall recovery and was finished by B.
    expect(stalled.size).toBeGreaterThan(0);
    expect(b.out).toMatch(new RegExp(`done ${[...stalled][0]!.slice(0, 12)}`));
    console.log(`queue: recovered ${stalled.size} stalled job(s); all stored ${afterKillMs} ms after the kill`);

    // Re-submitting the same folder adds no job and no row.
    const doneBefore = (b.out.match(/done /g) ?? []).length;
    const again = start(['batch', dir, '-o', out, '--queue', redis.url]);
    procs.push(again);
    expect(await again.exited, again.out).toBe(0);
    expect((b.out.match(/done /g) ?? []).length).toBe(doneBefore);
    expect((await redis.client.keys('bull:jetdiag-bundles:*')).filter((k) => /:[0-9a-f]{64}$/.test(k))).toEqual([]);
    const store2 = await open(out);
    expect(await store2.query('SELECT content_hash FROM bundles')).toHaveLength(24);
    await store2.close();

    // SIGTERM: the surviving worker stops cleanly.
    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
    expect(b.out).toMatch(/SIGTERM: finishing the active jobs[\s\S]*stopped/);
  }, 240_000);
});
