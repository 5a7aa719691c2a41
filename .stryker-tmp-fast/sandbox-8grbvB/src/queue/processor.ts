/**
 * The sandboxed processor BullMQ runs in a worker thread for each job: analyse one bundle
 * with the fleet's analyze-one and return its plain result. analyze-one never throws; a
 * bundle that could not be reached at all (a shared mount not there yet, S3 unreachable) is
 * thrown instead while attempts remain, so BullMQ retries it with backoff, perhaps on
 * another machine. Its last attempt returns the failed result: a row with its error.
 */
// @ts-nocheck

import type { SandboxedJob } from 'bullmq';
import { analyzeBundle } from '../fleet/analyze-one.js';
import type { BundleResult } from '../fleet/result.js';
import type { BundleJobData } from './job.js';

/** Errors of reaching the bundle, not of its content: worth another attempt. */
const UNREACHABLE = /\b(ENOENT|EACCES|EIO|ESTALE|ETIMEDOUT|ECONNRESET|ECONNREFUSED|EAI_AGAIN|ENOTFOUND|HTTP 5\d\d|SlowDown|RequestTimeout|NetworkingError|TimeoutError)\b/;

export default async function processBundleJob(job: SandboxedJob<BundleJobData>): Promise<BundleResult> {
  const { ref, hash, options } = job.data;
  const result = await analyzeBundle(ref, { ...options, contentHash: hash });
  const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
  if (result.status === 'failed' && attemptsLeft > 0 && UNREACHABLE.test(result.error ?? '')) {
    throw new Error(result.error);
  }
  return result;
}
