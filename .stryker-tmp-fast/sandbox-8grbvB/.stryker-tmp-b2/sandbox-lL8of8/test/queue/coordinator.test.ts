// @ts-nocheck
// 
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { QueueCoordinator, type QueuedBundle } from '../../src/queue/coordinator.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const ECHO = new URL('./fixtures/echo-processor.mjs', import.meta.url);
const items = (names: string[], seed: number): QueuedBundle[] =>
  names.map((n, i) => ({ ref: n, workerRef: `/shared/${n}`, hash: `${seed}${i.toString(16).padStart(2, '0')}${'ab'.repeat(30)}` }));

describe('queue plumbing (real redis-server)', () => {
  let redis: TestRedis;
  let worker: RunningWorker;
  beforeAll(async () => {
    redis = await startRedis();
    worker = startWorker(parseQueueUrl(redis.url), { concurrency: 2, processor: ECHO });
  });
  afterAll(async () => {
    await worker?.abandon();
    await redis?.stop();
  });

  it('hands back every bundle once; a job that keeps throwing is a failure after its attempts', async () => {
    const conn = parseQueueUrl(redis.url);
    const c = await QueueCoordinator.start(conn, { options: {}, attempts: 2, sweepMs: 500 });
    const list = items(['a.tgz', 'b.tgz', 'throws.tgz', 'd.tgz'], 1);
    // The same bytes under a second name share the job and its outcome.
    const twin = { ...list[0]!, ref: 'copy-of-a.tgz' };
    const out = await Promise.all([...list, twin].map((b) => c.submit(b)));
    expect(out.map((o) => o.item.ref)).toEqual(['a.tgz', 'b.tgz', 'throws.tgz', 'd.tgz', 'copy-of-a.tgz']);
    const failed = out[2]!;
    expect(failed.kind).toBe('failed');
    expect(failed.kind === 'failed' && failed.error).toMatch(/cannot analyse \/shared\/throws\.tgz/);
    expect(out[1]!.kind === 'completed' && out[1]!.value).toMatchObject({ contentHash: list[1]!.hash, path: '/shared/b.tgz' });
    expect(out[4]!.kind === 'completed' && out[4]!.value).toMatchObject({ contentHash: list[0]!.hash });
    // One job per hash was run.
    expect(await redis.client.keys('bull:jetdiag-bundles:1*')).toHaveLength(4);
    // Acknowledged (stored) outcomes leave Redis; the others stay for the next run.
    await c.ack(list[0]!.hash);
    expect(await redis.client.exists(`bull:jetdiag-bundles:${list[0]!.hash}`)).toBe(0);
    await c.close();
    expect(await redis.client.keys('bull:jetdiag-bundles:1*')).toHaveLength(3);
  });

  it('collects results finished while no coordinator was listening', async () => {
    const conn = parseQueueUrl(redis.url);
    const list = items(['late-1.tgz', 'late-2.tgz'], 2);
    // A first coordinator enqueues, then dies before collecting: nothing is acknowledged.
    const first = await QueueCoordinator.start(conn, { options: {}, sweepMs: 60_000 });
    for (const b of list) void first.submit(b);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await redis.client.keys('bull:jetdiag-bundles:2*')).toHaveLength(2);
    const second = await QueueCoordinator.start(conn, { options: {}, sweepMs: 60_000 });
    const out = await Promise.all(list.map((b) => second.submit(b)));
    expect(out.map((o) => o.kind)).toEqual(['completed', 'completed']);
    await first.close();
    await second.close();
  });

  it('a worker stopped hard hands its job back at once; another worker finishes it', async () => {
    const conn = parseQueueUrl(redis.url);
    await worker.drain();
    const quitter = startWorker(conn, { concurrency: 1, processor: ECHO });
    const c = await QueueCoordinator.start(conn, { options: {}, sweepMs: 300 });
    const [slow] = items(['slow.tgz'], 3);
    const outcome = c.submit(slow!);
    const key = `bull:jetdiag-bundles:${slow!.hash}`;
    const deadline = Date.now() + 20_000;
    while ((await redis.client.lpos('bull:jetdiag-bundles:active', slow!.hash)) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await quitter.abandon();
    expect(await redis.client.lpos('bull:jetdiag-bundles:wait', slow!.hash)).not.toBeNull();
    expect(Number((await redis.client.hget(key, 'attemptsMade')) ?? 0)).toBe(0);
    const other = startWorker(conn, { concurrency: 1, processor: ECHO });
    expect(await outcome).toMatchObject({ kind: 'completed', value: { attempt: 0 } });
    await other.abandon();
    await c.close();
  });
});
