/**
 * `jetdiag batch --queue`: the coordinator's replacement for the local worker pool, with the
 * same interface. Bundles go to Redis, results come back as the same BundleResult a local
 * run makes, and the batch command stores and reports them exactly as it does a local
 * result. Only the coordinator writes the store; a result delivered twice (a retried job)
 * is an idempotent upsert.
 */
// @ts-nocheck

// 

import path from 'node:path';
import { isS3Url } from '../bundle/s3.js';
import { failedResult } from '../fleet/analyze-one.js';
import { contentHash } from '../fleet/content-hash.js';
import { RESULT_VERSION, type BundleResult } from '../fleet/result.js';
import { checkReachable, parseQueueUrl } from './connection.js';
import { QueueCoordinator, type Outcome } from './coordinator.js';
import type { QueuedAnalysisOptions } from './job.js';

export interface QueuePoolOptions {
  /** redis://host:port */
  url: string;
  /** The analysis settings every worker applies (plain data). */
  options: QueuedAnalysisOptions;
  /** The coordinator's rule set version: a worker judging by another one is reported. */
  rulesetVersion: string;
  attempts?: number;
  sweepMs?: number;
  notice?: (line: string) => void;
}

/** The same calls as the fleet's local pool, plus `stored` to let a job leave Redis. */
export interface QueuePool {
  analyse(ref: string, contentHash: string | undefined, signal?: AbortSignal): Promise<BundleResult>;
  /** The result is stored: its job may leave Redis (until then a later run can still collect it). */
  stored(contentHash: string): Promise<void>;
  destroy(): Promise<void>;
}

export async function createQueuePool(o: QueuePoolOptions): Promise<QueuePool> {
  const conn = parseQueueUrl(o.url);
  await checkReachable(conn);
  const coordinator = await QueueCoordinator.start(conn, {
    options: o.options,
    attempts: o.attempts,
    sweepMs: o.sweepMs,
    notice: o.notice,
  });
  return {
    async analyse(ref, knownHash, signal) {
      const hash = knownHash ?? (await contentHash(ref));
      const workerRef = isS3Url(ref) ? ref : path.resolve(ref);
      const outcome = await abortable(coordinator.submit({ ref, workerRef, hash }), signal);
      return toResult(outcome, ref, o.rulesetVersion);
    },
    stored: (hash) => coordinator.ack(hash),
    destroy: () => coordinator.close(),
  };
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The worker's result, checked, under the path the user gave; or a row with the error. */
export function toResult(outcome: Outcome, ref: string, rulesetVersion: string): BundleResult {
  const hash = outcome.item.hash;
  const fail = (error: string) => failedResult(ref, { contentHash: hash, rulesetVersion, error });
  if (outcome.kind === 'failed') return fail(`failed on every attempt in the queue: ${outcome.error}`);
  const r = outcome.value as Partial<BundleResult> | null;
  if (!r || typeof r !== 'object' || r.resultVersion !== RESULT_VERSION || r.contentHash !== hash) {
    return fail('the worker returned a result this jetdiag cannot read (is it another jetdiag version?)');
  }
  if (r.rulesetVersion !== rulesetVersion) {
    return fail(`the worker judged by rule set ${r.rulesetVersion} (jetdiag ${r.jetdiagVersion}), this coordinator by ${rulesetVersion}: run the same jetdiag version and rule packs everywhere`);
  }
  return { ...(r as BundleResult), path: ref };
}
