/**
 * Splits a used-RAM series into the stretches a leak fit may span: never across a gap in the
 * log (collector stopped, device off), a reboot, or a sudden drop of used memory (an OOM kill
 * or a service restart freed it). A fit across such a boundary mixes two runs of the process.
 */
export interface RamSegment {
  /** First and last sample index, inclusive. */
  from: number;
  to: number;
  /** How the segment ended: the next one starts after a drop, a gap, or the log ends. */
  end: 'drop' | 'gap' | 'log-end';
}

export interface SegmentOptions {
  /** A pause longer than this many sample intervals (and at least minGapSeconds) is a gap. */
  gapIntervals: number;
  minGapSeconds: number;
  /** A fall of used RAM larger than this share of total RAM between two samples is a drop. */
  dropShare: number;
  /** ... and at least this many MB. */
  minDropMB: number;
}

export const DEFAULT_SEGMENTS: SegmentOptions = { gapIntervals: 5, minGapSeconds: 60, dropShare: 0.1, minDropMB: 300 };

export function ramSegments(
  t: ArrayLike<number>,
  used: ArrayLike<number>,
  totalMB: number,
  intervalSeconds: number,
  o: SegmentOptions = DEFAULT_SEGMENTS,
): RamSegment[] {
  const out: RamSegment[] = [];
  const n = t.length;
  let from = -1;
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(used[i]!) || !Number.isFinite(t[i]!)) continue;
    if (from < 0) {
      from = i;
      prev = i;
      continue;
    }
    const dt = t[i]! - t[prev]!;
    const gap = dt < 0 || dt > Math.max(o.minGapSeconds, o.gapIntervals * intervalSeconds);
    const drop = used[prev]! - used[i]! > Math.max(o.minDropMB, o.dropShare * totalMB);
    if (gap || drop) {
      out.push({ from, to: prev, end: gap ? 'gap' : 'drop' });
      from = i;
    }
    prev = i;
  }
  if (from >= 0) out.push({ from, to: prev, end: 'log-end' });
  return out;
}
