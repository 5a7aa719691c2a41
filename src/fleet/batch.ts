/**
 * `jetdiag batch`: discover bundles, skip what the store already holds for this rule set,
 * analyse the rest in the worker pool, and stream each result out as it finishes (store,
 * fleet.ndjson, progress). Memory stays bounded: at most a few tasks per worker are in
 * flight and results are written in small batches, never collected. Ctrl-C (an aborted
 * signal) stops dispatching, cancels the bundles in progress and keeps every finished one:
 * the next run resumes where this one stopped.
 */
import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { AnalyzeOptions } from '../analyze.js';
import { failedResult, prepareRuleset } from './analyze-one.js';
import { UserInputError } from '../errors.js';
import { contentHash, statSignature, type StatSignature } from './content-hash.js';
import { discoverBundles } from './discover.js';
import { createPool, type BundlePool, type WorkerSettings } from './pool.js';
import type { Progress } from './progress.js';
import type { BundleResult } from './result.js';
import { open, type FleetStore } from './store.js';
import { startRun, finishRun, recordSources, type SourceUpdate } from './runs.js';

export const NDJSON_FILE = 'fleet.ndjson';

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  jobs: number;
  rebuild?: boolean;
  analyze: WorkerSettings['options'];
  progress: Progress;
  signal?: AbortSignal;
  /** Results written to the store per transaction. */
  flushEvery?: number;
  /** Analyse elsewhere (workers on a Redis queue) instead of in the local pool. */
  remote?: RemotePool;
}

export interface RemotePool {
  open(rulesetVersion: string): Promise<BundlePool>;
  /** Bundles handed to it at once (enough to keep every remote worker busy). */
  window: number;
}

export interface BatchSummary {
  runId: number;
  rulesetVersion: string;
  discovered: number;
  analysed: number;
  reused: number;
  failed: number;
  interrupted: boolean;
  skipped: { path: string; reason: string }[];
  /** Failed bundles of this run: path and error (never more than 1000 kept). */
  failures: { path: string; error: string }[];
}

interface Task {
  ref: string;
  sig?: StatSignature;
  hash?: string;
}

function sameSignature(a: StatSignature, b: { kind: string; size: number; mtime_ms: number; files: number }): boolean {
  return a.kind === b.kind && a.size === b.size && a.mtimeMs === b.mtime_ms && a.files === b.files;
}

export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const { bundles, skipped } = await discoverBundles(o.inputs);
  if (!bundles.length) {
    throw new UserInputError(`no bundle found in ${o.inputs.join(', ')}${skipped.length ? ` (${skipped.slice(0, 3).map((k) => `${k.path}: ${k.reason}`).join('; ')})` : ''}`);
  }
  const ruleset = prepareRuleset(o.analyze as AnalyzeOptions);
  const version = ruleset.version;
  const store = await open(o.outDir);
  try {
    return await runWithStore(o, store, version, bundles, skipped);
  } finally {
    await store.close();
  }
}

async function runWithStore(
  o: BatchOptions,
  store: FleetStore,
  version: string,
  bundles: string[],
  skipped: BatchSummary['skipped'],
): Promise<BatchSummary> {
  // A remote pool is opened first: unreachable, the run stops before it is recorded.
  const remote = o.remote ? await o.remote.open(version) : undefined;
  // The run's writes are small appends and a few set-based statements per flush: DuckDB's
  // second thread only woke up and waited on them (store writes of 500 results: 1.8 -> 1.4 ms
  // each), taking CPU from the analysis workers. Restored before the run's fleet query.
  await store.exec('SET threads = 1');
  const runId = await startRun(store, version, bundles.length);
  const summary: BatchSummary = { runId, rulesetVersion: version, discovered: bundles.length, analysed: 0, reused: 0, failed: 0, interrupted: false, skipped, failures: [] };
  const known = new Map((await store.query('SELECT path, kind, size, mtime_ms, files, content_hash FROM sources')).map((r) => [r.path as string, r as { kind: string; size: number; mtime_ms: number; files: number; content_hash: string }]));
  const done = new Set((await store.query('SELECT content_hash FROM bundles WHERE ruleset_version = $1', [version])).map((r) => r.content_hash as string));
  // Unchanged bundles that could not be analysed before still count as failed in this run.
  const failedBefore = new Map((await store.query(`SELECT content_hash, error FROM bundles WHERE ruleset_version = $1 AND status = 'failed'`, [version])).map((r) => [r.content_hash as string, (r.error as string) ?? '']));
  if (o.rebuild) {
    done.clear();
    await fsp.rm(path.join(o.outDir, NDJSON_FILE), { force: true });
  }
  const ndjson = createWriteStream(path.join(o.outDir, NDJSON_FILE), { flags: 'a' });
  const pending: BundleResult[] = [];
  const sources: SourceUpdate[] = [];
  const flushEvery = o.flushEvery ?? 25;
  const flush = async () => {
    if (!pending.length && !sources.length) return;
    const results = pending.splice(0);
    const srcs = sources.splice(0);
    await store.upsertMany(results);
    await recordSources(store, srcs, runId);
    for (const r of results) if (r.contentHash) await pool?.stored?.(r.contentHash);
  };

  o.progress.start(bundles.length);
  let pool: BundlePool | undefined = remote;
  const controller = new AbortController();
  const stop = () => controller.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  if (o.signal?.aborted) stop();

  const noteFailure = (p: string, error: string) => {
    summary.failed++;
    if (summary.failures.length < 1000) summary.failures.push({ path: p, error });
  };
  const finish = async (task: Task, r: BundleResult) => {
    const key = r.contentHash || `unreadable:${r.path}`;
    ndjson.write(JSON.stringify(r) + '\n');
    pending.push(r);
    // Even a path that vanished is a source: its failed row must show in the fleet.
    sources.push({ path: task.ref, sig: task.sig ?? { kind: 'file', size: 0, mtimeMs: 0, files: 0 }, contentHash: key });
    summary.analysed++;
    if (r.status === 'failed') noteFailure(r.path, r.error ?? 'unknown error');
    o.progress.tick(r.status === 'failed');
    if (pending.length >= flushEvery) await flush();
  };

  // Bounded window: at most `window` bundles are being hashed or analysed at once.
  const window = o.remote?.window ?? Math.max(2, o.jobs * 3);
  const inFlight = new Set<Promise<void>>();
  try {
    for (const ref of bundles) {
      if (controller.signal.aborted) break;
      const task: Task = { ref };
      const work = (async () => {
        task.sig = await statSignature(ref).catch(() => undefined);
        const prev = known.get(ref);
        if (task.sig && prev && sameSignature(task.sig, prev) && done.has(prev.content_hash)) {
          task.hash = prev.content_hash;
        } else if (task.sig) {
          task.hash = await contentHash(ref).catch(() => undefined);
        }
        if (task.hash && done.has(task.hash)) {
          summary.reused++;
          sources.push({ path: ref, sig: task.sig!, contentHash: task.hash });
          const failed = failedBefore.get(task.hash);
          if (failed !== undefined) noteFailure(ref, failed);
          o.progress.tick(failed !== undefined);
          if (sources.length >= 500) await flush();
          return;
        }
        pool ??= createPool(o.jobs, { options: o.analyze });
        let r: BundleResult;
        try {
          r = await pool.analyse(ref, task.hash, controller.signal);
        } catch (e) {
          if (controller.signal.aborted) return; // cancelled by Ctrl-C: the next run analyses it
          r = failedResult(ref, { contentHash: task.hash, rulesetVersion: version, error: `worker failed: ${e instanceof Error ? e.message : String(e)}` });
        }
        if (task.hash) done.add(task.hash);
        await finish(task, r);
      })();
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    summary.interrupted = controller.signal.aborted;
    await Promise.allSettled(inFlight);
    await flush();
    await new Promise<void>((resolve) => ndjson.end(resolve));
    o.progress.stop();
    await pool?.destroy();
    o.signal?.removeEventListener('abort', stop);
    await store.exec('RESET threads');
    await finishRun(store, summary);
  }
  return summary;
}
