/**
 * Places kernel-log events on the tegrastats clock, so a rule can say "the OOM kill at
 * 12:01:42 is where segment 3 starts". An event has a clock time when its line carries one
 * (`dmesg -T`, syslog, journal) or, for seconds-since-boot stamps, when the boot's start is
 * known: from a line of the same boot that carries both stamps (kern.log), else from the
 * collector's boot time or capture time minus /proc/uptime (last boot only). Otherwise it
 * stays unplaced.
 */
import type { Snapshot, SeriesSegment, Tegrastats } from '../snapshot/types.js';
import { wallSeconds } from '../util/wallclock.js';
import { bootEpoch as manifestBootEpoch } from '../util/boot-clock.js';
import type { SignatureHit } from './signatures/match.js';

export interface Timeline {
  /** Epoch seconds of an event, or undefined when it cannot be placed. */
  epochOf(h: Pick<SignatureHit, 'monotonic' | 'wallClock' | 'boot'>): number | undefined;
}

export function kernelTimeline(s: Snapshot): Timeline {
  const d = s.dmesg;
  const refYear = s.tegrastats?.startEpoch !== undefined ? new Date(s.tegrastats.startEpoch * 1000).getUTCFullYear() : undefined;
  const wall = (w: string | undefined): number | undefined => {
    if (!w) return undefined;
    // Syslog stamps have no year: borrow the tegrastats log's, else the stamp cannot be placed.
    if (/\b\d{4}\b/.test(w.replace(/\d\d:\d\d:\d\d.*$/, '')) || /^\d{4}-/.test(w) || / \d{4}$/.test(w)) return wallSeconds(w);
    return refYear !== undefined ? wallSeconds(`${w.replace(/ +$/, '')} ${refYear}`) : undefined;
  };
  const bootEpoch = new Map<number, number>();
  for (const r of d?.records ?? []) {
    // Only a line with both stamps places its boot (most kernel logs have none: every line is looked at).
    if (r.wallClock === undefined || r.monotonic === undefined || bootEpoch.has(r.boot)) continue;
    const w = wall(r.wallClock);
    if (w !== undefined) bootEpoch.set(r.boot, w - r.monotonic);
  }
  const lastBoot = d?.boots.length ? d.boots[d.boots.length - 1]!.index : 0;
  // The collector's manifest: its boot time, else its capture time minus /proc/uptime.
  const booted = manifestBootEpoch(s);
  if (!bootEpoch.has(lastBoot) && booted !== undefined) bootEpoch.set(lastBoot, booted);
  return {
    epochOf(h) {
      const w = wall(h.wallClock);
      if (w !== undefined) return w;
      const b = bootEpoch.get(h.boot);
      return b !== undefined && h.monotonic !== undefined ? b + h.monotonic : undefined;
    },
  };
}

/** Clock time as HH:MM:SS (UTC), with the date when the series spans several days. */
export function clockTime(epochS: number, withDate = false): string {
  const iso = new Date(Math.round(epochS) * 1000).toISOString();
  return withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(11, 19);
}

export type SegmentPlace =
  | { kind: 'before' }
  | { kind: 'within'; segment: number }
  /** In the break before this segment (between the previous one's last sample and its first). */
  | { kind: 'break'; segment: number }
  | { kind: 'after' };

/** Where an epoch falls on the tegrastats segments (1-based segment numbers are for people; these are 0-based). */
export function placeOnSegments(t: Tegrastats, epochS: number): SegmentPlace | undefined {
  if (t.startEpoch === undefined || !t.segments.length) return undefined;
  const slack = Math.max(1, t.intervalSeconds);
  const x = epochS - t.startEpoch;
  const segs: SeriesSegment[] = t.segments;
  if (x < segs[0]!.startS - slack) return { kind: 'before' };
  for (let k = 0; k < segs.length; k++) {
    const s = segs[k]!;
    if (x >= s.startS && x <= s.endS) return { kind: 'within', segment: k };
    const next = segs[k + 1];
    if (next && x > s.endS && x < next.startS) return { kind: 'break', segment: k + 1 };
    // A clock that went back: segments are not in time order, the end of one may be after the next's start.
    if (next && next.startS < s.endS && x > s.endS && x <= s.endS + slack) return { kind: 'break', segment: k + 1 };
  }
  const last = segs[segs.length - 1]!;
  if (x > last.endS && x <= last.endS + slack) return { kind: 'within', segment: segs.length - 1 };
  return x > last.endS ? { kind: 'after' } : undefined;
}
