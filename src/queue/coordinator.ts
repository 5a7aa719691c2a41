/**
 * The coordinator's side of a queued batch: enqueue one job per bundle (job id = content
 * hash, so anything already queued or running is not added again), then hand back each
 * bundle's outcome exactly once, as it arrives: the worker's result, or, for a bundle whose
 * last attempt failed (it threw, or its workers kept dying), a row with the error.
 *
 * Outcomes come from Redis' event stream for speed and from a periodic sweep of the jobs
 * still awaited for certainty (an event can be missed across a reconnect, and jobs finished
 * while no coordinator was running are only found by looking). A job is removed from Redis
 * only after the caller has taken its outcome (the store is the durable record), so a
 * coordinator that dies loses nothing: the next run finds the finished jobs and collects them.
 */
import { Job, Queue, QueueEvents } from 'bullmq';
import { QUEUE_NAME, type QueueConnection } from './connection.js';
import { DEFAULT_ATTEMPTS, JOB_NAME, type BundleJobData, type QueuedAnalysisOptions } from './job.js';

export interface QueuedBundle {
  /** The bundle as the user named it (kept in the store and reports). */
  ref: string;
  /** Where workers read it: an absolute shared path or an s3:// URL. */
  workerRef: string;
  hash: string;
}

export type Outcome =
  | { kind: 'completed'; item: QueuedBundle; value: unknown }
  | { kind: 'failed'; item: QueuedBundle; error: string };

export interface CoordinatorOptions {
  options: QueuedAnalysisOptions;
  attempts?: number;
  /** How often the awaited jobs are looked up directly (ms). */
  sweepMs?: number;
  /** Called with a plain line when something needs the user's attention (no workers). */
  notice?: (line: string) => void;
  /** How long without any connected worker before saying so (ms). */
  noWorkerNoticeMs?: number;
}

const ADD_CHUNK = 500;

/** A small unbounded channel: events push, the generator pulls. */
class Inbox<T> {
  private items: T[] = [];
  private wake: (() => void) | null = null;
  push(v: T) {
    this.items.push(v);
    this.wake?.();
  }
  async next(timeoutMs: number): Promise<T | undefined> {
    if (!this.items.length) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, timeoutMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = null;
    }
    return this.items.shift();
  }
}

export async function* collectFromQueue(
  conn: QueueConnection,
  bundles: QueuedBundle[],
  o: CoordinatorOptions,
): AsyncGenerator<Outcome> {
  const attempts = o.attempts ?? DEFAULT_ATTEMPTS;
  const sweepMs = o.sweepMs ?? 5000;
  const queue: Queue<BundleJobData> = new Queue(QUEUE_NAME, { connection: conn.options });
  const events = new QueueEvents(QUEUE_NAME, { connection: conn.options });
  const awaited = new Map<string, QueuedBundle>();
  for (const b of bundles) if (!awaited.has(b.hash)) awaited.set(b.hash, b);
  const inbox = new Inbox<{ hash: string; look: boolean; value?: unknown }>();
  // Listen before adding, so no completion between the two is missed.
  events.on('completed', ({ jobId, returnvalue }) => {
    if (awaited.has(jobId)) inbox.push({ hash: jobId, look: false, value: returnvalue });
  });
  // 'failed' also fires for attempts that will be retried: the job's state decides.
  events.on('failed', ({ jobId }) => {
    if (awaited.has(jobId)) inbox.push({ hash: jobId, look: true });
  });
  try {
    await events.waitUntilReady();
    await enqueue(queue, [...awaited.values()], o.options, attempts);
    let lastSweep = 0;
    let noWorkerSince = Date.now();
    let told = false;
    while (awaited.size) {
      const now = Date.now();
      if (now - lastSweep >= sweepMs) {
        lastSweep = now;
        for (const hash of [...awaited.keys()]) inbox.push({ hash, look: true });
        if ((await queue.getWorkersCount()) > 0) noWorkerSince = now;
        else if (!told && now - noWorkerSince >= (o.noWorkerNoticeMs ?? 10_000)) {
          told = true;
          o.notice?.(`no worker is connected to ${conn.display}: start one with "jetdiag worker --queue ${conn.display}"`);
        }
      }
      const msg = await inbox.next(Math.max(50, sweepMs - (Date.now() - lastSweep)));
      if (!msg) continue;
      const item = awaited.get(msg.hash);
      if (!item) continue;
      const outcome = msg.look ? await lookUp(queue, item, o.options, attempts) : ({ kind: 'completed', item, value: msg.value } as Outcome);
      if (!outcome) continue;
      awaited.delete(msg.hash);
      yield outcome;
      // The caller has stored the outcome: the job's record in Redis is no longer needed.
      await queue.remove(msg.hash).catch(() => {});
    }
  } finally {
    await events.close().catch(() => {});
    await queue.close().catch(() => {});
  }
}

async function enqueue(queue: Queue<BundleJobData>, items: QueuedBundle[], options: QueuedAnalysisOptions, attempts: number) {
  for (let i = 0; i < items.length; i += ADD_CHUNK) {
    await queue.addBulk(items.slice(i, i + ADD_CHUNK).map((b) => jobFor(b, options, attempts)));
  }
}

function jobFor(b: QueuedBundle, options: QueuedAnalysisOptions, attempts: number) {
  return {
    name: JOB_NAME,
    data: { ref: b.workerRef, hash: b.hash, options },
    opts: { jobId: b.hash, attempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
  };
}

/** The job's outcome if it has one; re-adds a job that vanished (another coordinator took it). */
async function lookUp(queue: Queue<BundleJobData>, item: QueuedBundle, options: QueuedAnalysisOptions, attempts: number): Promise<Outcome | undefined> {
  const job = await Job.fromId<BundleJobData>(queue, item.hash);
  if (!job) {
    await queue.add(JOB_NAME, jobFor(item, options, attempts).data, jobFor(item, options, attempts).opts);
    return undefined;
  }
  const state = await job.getState();
  if (state === 'completed') return { kind: 'completed', item, value: job.returnvalue };
  if (state === 'failed') return { kind: 'failed', item, error: job.failedReason || 'failed without a reason' };
  return undefined;
}
