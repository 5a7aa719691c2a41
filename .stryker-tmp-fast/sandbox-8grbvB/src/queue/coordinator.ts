/**
 * The coordinator's side of a queued batch. `submit` enqueues one job per bundle (job id =
 * content hash, so a bundle already queued or running is not added again) and resolves with
 * its outcome: the worker's result, or, for a bundle whose last attempt failed (it threw, or
 * its workers kept dying), the error. Each outcome is delivered once.
 *
 * Outcomes come from Redis' event stream for speed and from a periodic sweep of the jobs
 * still awaited for certainty (an event can be missed across a reconnect, and jobs finished
 * while no coordinator was running are only found by looking). A job leaves Redis only when
 * the caller acknowledges its outcome, after storing it, so a coordinator that dies or is
 * interrupted loses nothing: the next run finds the finished jobs and collects them.
 */
// @ts-nocheck

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

interface Awaited {
  item: QueuedBundle;
  resolve: (o: Outcome) => void;
}

const ADD_CHUNK = 500;

export class QueueCoordinator {
  private readonly queue: Queue<BundleJobData>;
  private readonly events: QueueEvents;
  private readonly awaited = new Map<string, Awaited>();
  private toAdd: QueuedBundle[] = [];
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private noWorkerSince = Date.now();
  private told = false;
  private failure: Error | null = null;
  private readonly attempts: number;

  private constructor(
    private readonly conn: QueueConnection,
    private readonly o: CoordinatorOptions,
  ) {
    this.attempts = o.attempts ?? DEFAULT_ATTEMPTS;
    this.queue = new Queue(QUEUE_NAME, { connection: conn.options });
    this.events = new QueueEvents(QUEUE_NAME, { connection: conn.options });
    this.events.on('completed', ({ jobId, returnvalue }) => {
      const a = this.awaited.get(jobId);
      if (a) this.deliver(jobId, { kind: 'completed', item: a.item, value: returnvalue });
    });
    // 'failed' also fires for attempts that will be retried: the job's state decides.
    this.events.on('failed', ({ jobId }) => {
      if (this.awaited.has(jobId)) void this.look(jobId);
    });
  }

  /** Listens before anything is added, so no completion is missed. */
  static async start(conn: QueueConnection, o: CoordinatorOptions): Promise<QueueCoordinator> {
    const c = new QueueCoordinator(conn, o);
    await c.events.waitUntilReady();
    c.timer = setInterval(() => void c.sweep(), o.sweepMs ?? 5000);
    return c;
  }

  /** The bundle's outcome, once. Two submissions of one hash share the job and the outcome. */
  submit(item: QueuedBundle): Promise<Outcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      const prev = this.awaited.get(item.hash);
      if (prev) {
        const first = prev.resolve;
        prev.resolve = (o) => {
          first(o);
          resolve({ ...o, item });
        };
        return;
      }
      this.awaited.set(item.hash, { item, resolve });
      this.toAdd.push(item);
      // Jobs submitted in the same tick go to Redis together.
      if (!this.flushing) this.flushing = new Promise<void>((r) => setImmediate(r)).then(() => this.flush());
    });
  }

  /** The outcome is stored: its job can leave Redis. */
  async ack(hash: string): Promise<void> {
    await this.queue.remove(hash).catch(() => {});
  }

  /**
   * Stops listening. Jobs stay in Redis unless acknowledged: an outcome handed over but never
   * stored (the run was interrupted) is collected again by the next run.
   */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.events.close().catch(() => {});
    await this.queue.close().catch(() => {});
  }

  private async flush(): Promise<void> {
    try {
      while (this.toAdd.length) {
        const chunk = this.toAdd.splice(0, ADD_CHUNK);
        await this.queue.addBulk(chunk.map((b) => this.jobFor(b)));
        // A job that already existed (finished while no coordinator listened) sends no event.
        for (const b of chunk) await this.look(b.hash);
      }
    } catch (e) {
      this.failure = e as Error;
    } finally {
      this.flushing = null;
    }
  }

  private jobFor(b: QueuedBundle) {
    return {
      name: JOB_NAME,
      data: { ref: b.workerRef, hash: b.hash, options: this.o.options },
      opts: { jobId: b.hash, attempts: this.attempts, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: false, removeOnFail: false },
    };
  }

  private deliver(hash: string, outcome: Outcome) {
    const a = this.awaited.get(hash);
    if (!a) return;
    this.awaited.delete(hash);
    a.resolve(outcome);
  }

  /** Looks the job up: delivers its outcome if it has one; re-adds it if it vanished. */
  private async look(hash: string): Promise<void> {
    const a = this.awaited.get(hash);
    if (!a) return;
    const job = await Job.fromId<BundleJobData>(this.queue, hash);
    // Delivered by an event meanwhile (and perhaps already stored and removed): nothing to do.
    if (!this.awaited.has(hash)) return;
    if (!job) {
      // Removed (by another coordinator that collected it into its own store): run it again.
      if (!this.toAdd.some((b) => b.hash === hash)) await this.queue.add(JOB_NAME, this.jobFor(a.item).data, this.jobFor(a.item).opts);
      return;
    }
    const state = await job.getState();
    if (!this.awaited.has(hash)) return;
    if (state === 'completed') this.deliver(hash, { kind: 'completed', item: a.item, value: job.returnvalue });
    else if (state === 'failed') this.deliver(hash, { kind: 'failed', item: a.item, error: job.failedReason || 'failed without a reason' });
  }

  private sweeping = false;
  private async sweep(): Promise<void> {
    if (this.sweeping || this.flushing) return;
    this.sweeping = true;
    try {
      for (const hash of [...this.awaited.keys()]) await this.look(hash);
      if (this.awaited.size === 0 || (await this.queue.getWorkersCount()) > 0) this.noWorkerSince = Date.now();
      else if (!this.told && Date.now() - this.noWorkerSince >= (this.o.noWorkerNoticeMs ?? 10_000)) {
        this.told = true;
        this.o.notice?.(`no worker is connected to ${this.conn.display}: start one with "jetdiag worker --queue ${this.conn.display}"`);
      }
    } catch {
      // Redis unreachable for a moment: BullMQ reconnects; the next sweep looks again.
    } finally {
      this.sweeping = false;
    }
  }
}
