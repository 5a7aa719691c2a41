/**
 * Splits a periodic series (tegrastats samples, timed /proc/meminfo captures) into the
 * stretches one run of the device and its services spans: never across a gap in the log
 * (collector stopped, device off), a clock going backwards, a restarted logger, or used
 * memory falling suddenly (an OOM kill or a service restart freed it; back at the level the
 * log started at, a reboot). A fit or trend across such a break mixes two runs.
 */
// @ts-nocheck

// 


export type SegmentBreakReason = 'gap' | 'clock-back' | 'reboot' | 'restart' | 'ram-reset' | 'ram-drop';

export interface SegmentBreak {
  reason: SegmentBreakReason;
  /** Line of the log where the break shows (the first sample after it, or the repeated header). */
  line: number;
  /** Plain words: "no sample for 42 min (the log stopped or the device was off)". */
  detail: string;
}

export interface SeriesSegment {
  /** First and last sample index, inclusive. */
  from: number;
  to: number;
  /** Seconds since the first sample of the log. */
  startS: number;
  endS: number;
  /** Clock time (ISO, UTC) of the first and last sample, when the log has timestamps. */
  startTime?: string;
  endTime?: string;
  startLine: number;
  endLine: number;
  /** Why this segment starts a new stretch (absent for the first one). */
  break?: SegmentBreak;
}

export interface SegmentOptions {
  /** A pause longer than this many sample intervals (and at least minGapSeconds) is a gap. */
  gapIntervals: number;
  minGapSeconds: number;
  /** A fall of used RAM larger than this share of total RAM between two samples is a drop. */
  dropShare: number;
  /** ... and at least this many MB. */
  minDropMB: number;
  /** After a drop, used RAM within this share of total of the log's starting level is "back at its start level". */
  resetShare: number;
}

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = { gapIntervals: 5, minGapSeconds: 60, dropShare: 0.1, minDropMB: 300, resetShare: 0.05 };

export interface SeriesInput {
  /** Seconds since the first sample (NaN when unknown). */
  t: ArrayLike<number>;
  usedMB: ArrayLike<number>;
  totalMB: number;
  intervalSeconds: number;
  /** Line of each sample. */
  line: ArrayLike<number>;
  /** True when t comes from timestamps (gaps and clocks going back can only be seen then). */
  timed: boolean;
  /** Epoch seconds of t = 0, for clock times. */
  startEpoch?: number;
  /** Non-sample lines seen after samples began (a logger restarted prints its banner again): sample index that follows, line. */
  headers?: { before: number; line: number }[];
}

/** Drops header breaks when a header precedes most samples (a `date; tegrastats` loop), which is the log's layout, not a restart. */
function restartHeaders(input: SeriesInput, n: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const h of input.headers ?? []) if (h.before > 0 && h.before < n && !out.has(h.before)) out.set(h.before, h.line);
  if (out.size > Math.max(3, n / 4)) out.clear();
  return out;
}

export function splitSeries(input: SeriesInput, o: SegmentOptions = DEFAULT_SEGMENT_OPTIONS): SeriesSegment[] {
  const { t, usedMB: used, totalMB, line } = input;
  const n = t.length;
  const headers = restartHeaders(input, n);
  const gapS = Math.max(o.minGapSeconds, o.gapIntervals * input.intervalSeconds);
  const dropMB = Math.max(o.minDropMB, o.dropShare * (Number.isFinite(totalMB) ? totalMB : 0));
  const startLevel = firstFinite(used);
  const resetMB = Math.max(100, o.resetShare * (Number.isFinite(totalMB) ? totalMB : 0));
  const out: SeriesSegment[] = [];
  let from = 0;
  let startBreak: SegmentBreak | undefined;
  let prevRam = NaN;
  const close = (to: number) => out.push(segment(input, from, to, startBreak));
  for (let i = 0; i < n; i++) {
    let brk: SegmentBreak | undefined;
    if (i > from) {
      const dt = t[i]! - t[i - 1]!;
      const ram = used[i]!;
      const fell = Number.isFinite(ram) && Number.isFinite(prevRam) ? prevRam - ram : NaN;
      // At or below the level the log started at (after a pause: a fresh boot), or back at it (no pause).
      const atOrBelowStart = Number.isFinite(ram) && Number.isFinite(startLevel) && ram <= startLevel + resetMB;
      const atStart = atOrBelowStart && ram >= startLevel - resetMB;
      const dropped = fell > dropMB;
      const ramWords = dropped ? `used RAM fell from ${Math.round(prevRam)} to ${Math.round(ram)} MB` : '';
      if (input.timed && dt < 0) {
        brk = { reason: 'clock-back', line: line[i]!, detail: `the clock went back ${duration(-dt)}${dropped ? ` and ${ramWords}` : ''} (a reboot reset it, or the log was restarted)` };
        if (dropped && atOrBelowStart) brk.reason = 'reboot';
      } else if (input.timed && dt > gapS) {
        const reboot = dropped && atOrBelowStart;
        brk = {
          reason: reboot ? 'reboot' : 'gap',
          line: line[i]!,
          detail: reboot
            ? `no sample for ${duration(dt)} and ${ramWords}, back to the level the log started at: the device rebooted`
            : `no sample for ${duration(dt)}${dropped ? ` and ${ramWords}` : ''} (the log stopped or the device was off)`,
        };
      } else if (headers.has(i)) {
        brk = { reason: 'restart', line: headers.get(i)!, detail: `the logger printed its start again at line ${headers.get(i)} (tegrastats was restarted)${dropped ? `; ${ramWords}` : ''}` };
      } else if (dropped && atStart) {
        brk = { reason: 'ram-reset', line: line[i]!, detail: `${ramWords} in one interval, back to where the log started (a reboot or a restart of the service)` };
      } else if (dropped) {
        brk = { reason: 'ram-drop', line: line[i]!, detail: `${ramWords} in one interval (an OOM kill or a service restart freed it)` };
      }
    }
    if (brk) {
      close(i - 1);
      from = i;
      startBreak = brk;
    }
    if (Number.isFinite(used[i]!)) prevRam = used[i]!;
  }
  if (n > 0) close(n - 1);
  return out;
}

function segment(input: SeriesInput, from: number, to: number, brk: SegmentBreak | undefined): SeriesSegment {
  const s: SeriesSegment = { from, to, startS: input.t[from]!, endS: input.t[to]!, startLine: input.line[from]!, endLine: input.line[to]! };
  if (input.timed && input.startEpoch !== undefined) {
    s.startTime = iso(input.startEpoch + s.startS);
    s.endTime = iso(input.startEpoch + s.endS);
  }
  if (brk) s.break = brk;
  return s;
}

function iso(epochS: number): string {
  return new Date(Math.round(epochS) * 1000).toISOString().replace('.000Z', 'Z');
}

function firstFinite(xs: ArrayLike<number>): number {
  for (let i = 0; i < xs.length; i++) if (Number.isFinite(xs[i]!)) return xs[i]!;
  return NaN;
}

/** Short human duration (the rules' formatDuration lives above the parsers). */
function duration(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round((s / 3600) * 10) / 10} h`;
  return `${Math.round((s / 86400) * 10) / 10} days`;
}
