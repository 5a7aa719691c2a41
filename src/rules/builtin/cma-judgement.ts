/**
 * Why did a contiguous (CMA) allocation fail: a pool too small for the request, or a pool
 * big enough whose free space is in pieces? Each reason is stated only when its figures are
 * known, so a reason "against" is never a guess (no "larger than free CMA" without CmaFree).
 */
import { mib } from '../format.js';
import { formatDuration } from '../stats.js';

export interface CmaFacts {
  requestBytes: number;
  totalBytes?: number;
  /** Where CmaTotal came from when not from meminfo (the boot log's reservation line). */
  totalSource?: string;
  freeBytes?: number;
  /** Largest free block inside CMA (pagetypeinfo CMA rows or show-mem `(C)` blocks). */
  largestFreeBlockBytes?: number;
  uptimeSeconds?: number;
}

export interface CmaJudgement {
  cause: 'too-small' | 'fragmented' | 'undecided';
  /** What supports the cause (for `undecided`, everything that was known). */
  reasons: string[];
  /** What was known and points the other way; each one true of this bundle. */
  against: string[];
}

/** Fragmentation needs alloc/free cycles: minutes after boot argue against it. */
export const YOUNG_SECONDS = 30 * 60;
/** Hours of uptime give alloc/free cycles the time to fragment the pool. */
const OLD_SECONDS = 4 * 3600;

export function judgeCmaFailure(f: CmaFacts): CmaJudgement {
  const small: string[] = [];
  const frag: string[] = [];
  const req = `the ${mib(f.requestBytes)} MiB request`;
  if (f.totalBytes !== undefined) {
    const tot = `CmaTotal ${mib(f.totalBytes)} MiB${f.totalSource ? ` (${f.totalSource})` : ''}`;
    if (f.requestBytes > f.totalBytes) small.push(`${req} is larger than the whole pool (${tot})`);
    else if (f.requestBytes > f.totalBytes / 2) small.push(`${req} is more than half of the pool (${tot})`);
  }
  if (f.freeBytes !== undefined) {
    if (f.freeBytes < f.requestBytes) small.push(`CmaFree ${mib(f.freeBytes)} MiB is smaller than ${req}`);
    else frag.push(`CmaFree ${mib(f.freeBytes)} MiB would hold ${req}`);
  }
  if (f.largestFreeBlockBytes !== undefined) {
    if (f.largestFreeBlockBytes < f.requestBytes && (f.freeBytes === undefined || f.freeBytes >= f.requestBytes)) {
      frag.push(`the largest free CMA block is ${mib(f.largestFreeBlockBytes)} MiB`);
    }
  }
  if (f.uptimeSeconds !== undefined && f.uptimeSeconds < YOUNG_SECONDS && frag.length) {
    const young = `only ${formatDuration(f.uptimeSeconds, { down: true })} after boot, too early for fragmentation`;
    return small.length
      ? { cause: 'too-small', reasons: [...small, young], against: frag }
      : { cause: 'undecided', reasons: [young, ...frag], against: [] };
  }
  if (f.uptimeSeconds !== undefined && f.uptimeSeconds >= OLD_SECONDS && frag.length) {
    frag.push(`${formatDuration(f.uptimeSeconds, { down: true })} after boot: time enough for allocate/free cycles to fragment the pool`);
  }
  if (small.length && !frag.length) return { cause: 'too-small', reasons: small, against: [] };
  if (frag.length && !small.length) return { cause: 'fragmented', reasons: frag, against: [] };
  if (small.length && frag.length) {
    return small.some((r) => r.includes('whole pool'))
      ? { cause: 'too-small', reasons: small, against: frag }
      : { cause: 'undecided', reasons: [...small, ...frag], against: [] };
  }
  // Nothing decided. The pool size may still be known (the boot log's reservation): say so.
  const unknown = f.totalBytes !== undefined
    ? `${req} is at most half of the pool (CmaTotal ${mib(f.totalBytes)} MiB${f.totalSource ? ` (${f.totalSource})` : ''}) but CmaFree is not in the bundle`
    : 'CmaFree and the pool size are not in the bundle';
  return { cause: 'undecided', reasons: [unknown], against: [] };
}
