import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueUrl } from '../../src/queue/connection.js';
import { collectFromQueue, type Outcome, type QueuedBundle } from '../../src/queue/coordinator.js';
import { startWorker, type RunningWorker } from '../../src/queue/worker.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

const ECHO = new URL('./fixtures/echo-processor.mjs', import.meta.url);
const items = (names: string[]): QueuedBundle[] =>
  names.map((n, i) => ({ ref: n, workerRef: `/shared/${n}`, hash: `${i.toString(16).padStart(2, '0')}${'ab'.repeat(31)}` }));

async function collect(gen: AsyncGenerator<Outcome>): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for await (const o of gen) out.push(o);
  return out;
}

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

  it('hands back every bundle exactly once; a job that keeps throwing is a failure row after its attempts', async () => {
    const conn = parseQueueUrl(redis.url);
    const list = items(['a.tgz', 'b.tgz', 'throws.tgz', 'd.tgz']);
    const out = await collect(collectFromQueue(conn, [...list, list[0]!], { options: {}, attempts: 2, sweepMs: 500 }));
    expect(out.map((o) => o.item.ref).sort()).toEqual(['a.tgz', 'b.tgz', 'd.tgz', 'throws.tgz']);
    const failed = out.find((o) => o.item.ref === 'throws.tgz')!;
    expect(failed.kind).toBe('failed');
    expect(failed.kind === 'failed' && failed.error).toMatch(/cannot analyse \/shared\/throws\.tgz/);
    const ok = out.find((o) => o.item.ref === 'b.tgz')!;
    expect(ok.kind === 'completed' && ok.value).toMatchObject({ contentHash: list[1]!.hash, path: '/shared/b.tgz' });
    // Collected jobs are removed: Redis keeps nothing once the caller has the outcome.
    expect(await redis.client.keys('bull:jetdiag-bundles:0*')).toEqual([]);
  });

  it('collects results finished while no coordinator was listening', async () => {
    const conn = parseQueueUrl(redis.url);
    const list = items(['late-1.tgz', 'late-2.tgz']);
    // A first coordinator enqueues, then stops before collecting anything (it died).
    const first = collectFromQueue(conn, list, { options: {}, sweepMs: 60_000 });
    const pending = first.next();
    await new Promise((r) => setTimeout(r, 1500));
    await first.return(undefined as never);
    await pending.catch(() => {});
    const out = await collect(collectFromQueue(conn, list, { options: {}, sweepMs: 300 }));
    expect(out.map((o) => o.item.ref).sort()).toEqual(['late-1.tgz', 'late-2.tgz']);
    expect(out.every((o) => o.kind === 'completed')).toBe(true);
  });
});
