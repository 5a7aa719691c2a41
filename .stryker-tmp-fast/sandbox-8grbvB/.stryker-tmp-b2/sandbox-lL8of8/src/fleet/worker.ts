/**
 * The piscina worker: analyses one bundle per task and returns its BundleResult.
 * It never writes the store; the coordinator does.
 */
// @ts-nocheck

// 

import { workerData } from 'node:worker_threads';
import { analyzeBundle } from './analyze-one.js';
import type { WorkerSettings } from './pool.js';
import type { BundleResult } from './result.js';

const settings = (workerData ?? {}) as WorkerSettings;

export default function analyseTask(task: { ref: string; contentHash?: string }): Promise<BundleResult> {
  return analyzeBundle(task.ref, { ...settings.options, ...(task.contentHash ? { contentHash: task.contentHash } : {}) });
}
