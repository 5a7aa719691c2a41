/**
 * What travels through Redis: one job per bundle, its id the bundle's content hash (so the
 * same bundle submitted twice, or by two coordinators, is one job), its data only what a
 * worker on another machine needs to analyse it. Everything here is plain JSON.
 */
import type { IntakeLimits } from '../bundle/limits.js';
import type { ParserOptions } from '../parsers/options.js';
import type { EngineOptions } from '../rules/engine.js';

/** The analysis settings of the coordinator's command line, applied by every worker. */
export interface QueuedAnalysisOptions {
  limits?: Partial<IntakeLimits>;
  parser?: Partial<ParserOptions>;
  engine?: Omit<EngineOptions, 'signatures'>;
  /** Rule-pack folders: each worker must see them at the same path (shared filesystem). */
  ruleDirs?: string[];
}

export interface BundleJobData {
  /** Where every worker reads the bundle: an absolute path on a shared filesystem, or s3://bucket/key. */
  ref: string;
  /** sha256 of the bundle, computed by the coordinator; also the job id. */
  hash: string;
  options: QueuedAnalysisOptions;
}

export const JOB_NAME = 'analyze';

/** Retries of a job that threw or whose worker died; the last failure is a row with its error. */
export const DEFAULT_ATTEMPTS = 3;

/**
 * How long a worker's lock on a job lasts without renewal, and how often workers look for
 * jobs whose lock expired (their worker died). A killed worker's jobs are back in the queue
 * after at most lockDuration + stalledInterval. Analysis runs in worker threads, so the
 * event loop that renews locks is never blocked for long and a short lock is safe.
 */
export const DEFAULT_LOCK_MS = 15_000;
export const DEFAULT_STALLED_INTERVAL_MS = 10_000;
/** A job may lose its worker this many times before it is a failure (each loss is a retry). */
export const MAX_STALLED_COUNT = 2;
