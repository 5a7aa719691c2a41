/**
 * The worker pool (piscina) that analyses bundles in parallel, one worker per core by
 * default. Workers run the compiled JavaScript (dist/), also when the caller runs from the
 * TypeScript sources (tests), so the pool needs `npm run build` first.
 */
// @ts-nocheck

// 

import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AnalyzeOptions } from '../analyze.js';
import type { BundleResult } from './result.js';

/** What the workers need to build the same rule set as the coordinator (plain data only). */
export interface WorkerSettings {
  options: Pick<AnalyzeOptions, 'limits' | 'parser' | 'engine' | 'ruleDirs'>;
}

export function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'worker.js');
  // Running from src/ (vitest): the compiled worker under dist/.
  const root = path.resolve(path.dirname(here), '../..');
  return path.join(root, 'dist/src/fleet/worker.js');
}

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

export interface BundlePool {
  analyse(ref: string, contentHash: string | undefined, signal: AbortSignal): Promise<BundleResult>;
  destroy(): Promise<void>;
  /** The result is in the store (a pool that keeps results elsewhere, the queue, may drop it). */
  stored?(contentHash: string): Promise<void>;
}

export function createPool(jobs: number, settings: WorkerSettings): BundlePool {
  const filename = workerScript();
  if (!existsSync(filename)) throw new Error(`worker ${filename} not built: run npm run build`);
  const pool = new Piscina({
    filename,
    minThreads: jobs,
    maxThreads: jobs,
    // The coordinator keeps its own bounded window of tasks; the queue never grows past it.
    maxQueue: jobs * 4,
    workerData: settings,
    idleTimeout: 60_000,
  });
  return {
    analyse: (ref, contentHash, signal) => pool.run({ ref, contentHash }, { signal }) as Promise<BundleResult>,
    destroy: () => pool.destroy(),
  };
}
