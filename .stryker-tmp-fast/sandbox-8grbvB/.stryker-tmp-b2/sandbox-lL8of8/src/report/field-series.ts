/**
 * Trend series from the periodic captures of the collector's inputs (vmstat counters, DMA-BUF
 * totals, NVMM per process), renderer-neutral: a chart renderer (SVG now, Vega-Lite later)
 * draws each as a line chart. Only series with at least three timed captures are returned:
 * a trend needs points, and one capture is a table, not a chart.
 */
// @ts-nocheck

// 

import type { SegmentBreakReason, Snapshot } from '../snapshot/types.js';
import { dmaBufBytes, vmstatCounter } from '../facts/field-inputs.js';

export interface TrendSeries {
  title: string;
  unit: string;
  /** Seconds since the first capture. */
  t: number[];
  /** Clock time of the first capture (epoch seconds). */
  epoch0?: number;
  series: { name: string; values: number[] }[];
}

const MiB = 1024 * 1024;

function timeline<C extends { epoch?: number }>(caps: C[]): { caps: C[]; t: number[]; epoch0: number } | null {
  const timed = caps.filter((c) => c.epoch !== undefined);
  if (timed.length < 3) return null;
  return { caps: timed, t: timed.map((c) => c.epoch! - timed[0]!.epoch!), epoch0: timed[0]!.epoch! };
}

/** Events per capture interval from a cumulative counter (the first point is 0). */
function perInterval(values: (number | undefined)[]): number[] {
  return values.map((v, i) => (i === 0 || v === undefined || values[i - 1] === undefined ? (i === 0 ? 0 : NaN) : Math.max(0, v - values[i - 1]!)));
}

export function fieldInputSeries(s: Snapshot): TrendSeries[] {
  const out: TrendSeries[] = [];
  const vm = timeline(s.vmstat?.captures ?? []);
  if (vm) {
    const series = ['compact_stall', 'compact_fail', 'allocstall', 'cma_alloc_fail']
      .map((k) => ({ name: k, values: perInterval(vm.caps.map((c) => vmstatCounter(c, k))) }))
      .filter((x) => x.values.some((v) => v > 0));
    if (series.length) out.push({ title: 'Compaction, reclaim stalls and CMA failures per capture (/proc/vmstat)', unit: 'events', t: vm.t, epoch0: vm.epoch0, series });
  }
  const db = timeline(s.dmaBuf?.captures ?? []);
  if (db) {
    out.push({
      title: 'DMA-BUF buffers held (bufinfo)',
      unit: 'MiB',
      t: db.t,
      epoch0: db.epoch0,
      series: [{ name: 'total', values: db.caps.map((c) => dmaBufBytes(c) / MiB) }],
    });
  }
  const nv = timeline(s.nvmapClients?.captures ?? []);
  if (nv) {
    // The processes holding the most at the end, one line each.
    const last = nv.caps[nv.caps.length - 1]!;
    const top = [...last.clients].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 4);
    out.push({
      title: 'NVMM memory per process (nvmap clients)',
      unit: 'MiB',
      t: nv.t,
      epoch0: nv.epoch0,
      series: top.map((p) => ({
        name: `${p.process}${p.pid !== undefined ? ` (${p.pid})` : ''}`,
        values: nv.caps.map((c) => {
          const x = c.clients.find((q) => q.process === p.process && q.pid === p.pid);
          return x ? x.sizeBytes / MiB : NaN;
        }),
      })),
    });
  }
  return out;
}

/** Short chart label of each kind of break. */
const BREAK_LABELS: Record<SegmentBreakReason, string> = {
  gap: 'gap',
  'clock-back': 'clock went back',
  reboot: 'reboot',
  restart: 'logger restarted',
  'ram-reset': 'RAM back to start level',
  'ram-drop': 'RAM dropped',
};

/** One stretch of the tegrastats log, for charts that draw where the series breaks. */
export interface ChartSegment {
  /** 1-based, as the findings number them ("segment 3"). */
  segment: number;
  /** Seconds since the first sample (the charts' x axis). */
  startS: number;
  endS: number;
  startTime?: string;
  endTime?: string;
  /** Why the series breaks before this segment: a short label, the line and the full reason. */
  break?: { reason: SegmentBreakReason; label: string; line: number; detail: string };
}

/** The tegrastats segments (gaps, reboots, restarts) in chart terms; empty without tegrastats. */
export function tegrastatsSegments(s: Snapshot): ChartSegment[] {
  const t = s.tegrastats;
  if (!t?.segments) return [];
  return t.segments.map((g, k) => ({
    segment: k + 1,
    startS: g.startS,
    endS: g.endS,
    ...(g.startTime ? { startTime: g.startTime } : {}),
    ...(g.endTime ? { endTime: g.endTime } : {}),
    ...(g.break ? { break: { reason: g.break.reason, label: BREAK_LABELS[g.break.reason], line: g.break.line, detail: g.break.detail } } : {}),
  }));
}
