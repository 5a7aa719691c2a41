/**
 * A queue worker: takes bundle jobs from Redis and returns each one's result. It keeps no
 * state of its own and never writes the store (the coordinator does). The analysis runs in
 * BullMQ's sandboxed processor (a worker thread per concurrency slot, ./processor.js), so
 * the main thread stays free to renew job locks however long a bundle takes.
 */
// @ts-nocheck

// 

import { Worker, type Job } from 'bullmq';
import {
  DEFAULT_LOCK_MS,
  DEFAULT_STALLED_INTERVAL_MS,
  MAX_STALLED_COUNT,
  type BundleJobData,
} from './job.js';
import { QUEUE_NAME, type QueueConnection } from './connection.js';

export interface WorkerOptions {
  concurrency: number;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** The sandboxed processor; tests may point it elsewhere. */
  processor?: URL;
  /** One line per finished or failed job (nothing when quiet). */
  log?: (line: string) => void;
}

export interface RunningWorker {
  /** Stops taking jobs and waits for the active ones to finish. */
  drain(): Promise<void>;
  /** Stops at once and puts the active jobs back in the queue for another worker. */
  abandon(): Promise<void>;
  worker: Worker<BundleJobData>;
}

export function startWorker(conn: QueueConnection, o: WorkerOptions): RunningWorker {
  const processor = o.processor ?? new URL('./processor.js', import.meta.url);
  const lockDuration = o.lockDurationMs ?? DEFAULT_LOCK_MS;
  const worker = new Worker<BundleJobData>(QUEUE_NAME, processor, {
    connection: conn.options,
    concurrency: o.concurrency,
    useWorkerThreads: true,
    lockDuration,
    stalledInterval: o.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  const log = o.log ?? (() => {});
  const short = (job: Job<BundleJobData> | undefined) => (job ? `${job.id?.slice(0, 12)} ${job.data.ref}` : '?');
  // The jobs this worker holds, with their lock tokens, so a hard stop can hand them back.
  const active = new Map<string, Job<BundleJobData>>();
  worker.on('active', (job) => active.set(job.id!, job));
  worker.on('completed', (job, result: { status?: string; durationMs?: number }) => {
    active.delete(job.id!);
    log(`done ${short(job)}: ${result?.status ?? '?'} in ${result?.durationMs ?? '?'} ms`);
  });
  worker.on('failed', (job, err) => {
    if (job) active.delete(job.id!);
    const left = job ? (job.opts.attempts ?? 1) - job.attemptsMade : 0;
    log(`failed ${short(job)}: ${err.message}${left > 0 ? ` (${left} more attempt${left > 1 ? 's' : ''})` : ''}`);
  });
  worker.on('error', (err) => log(`queue error: ${err.message}`));
  return {
    worker,
    drain: () => worker.close(),
    async abandon() {
      // Stop fetching first, then release what is held; what cannot be released (Redis
      // unreachable) returns by stall recovery when its lock expires.
      await worker.pause(true).catch(() => {});
      await Promise.all([...active.values()].map((job) => job.moveToWait(job.token).catch(() => 0)));
      await worker.close(true);
    },
  };
}
