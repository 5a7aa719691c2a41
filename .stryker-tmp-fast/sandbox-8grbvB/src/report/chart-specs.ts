/**
 * Vega-Lite specifications of the report's charts, built from numbers only (no rendering
 * here, so they are cheap to test): time series with clock or elapsed time axes, event
 * markers, labelled threshold lines placed so their labels never overlap, and breaks where
 * samples are missing; buddyinfo free memory by order per zone; the physical memory map.
 */
// @ts-nocheck

import { formatBytes } from '../util/format.js';
import type { ChartEvent } from './timeline.js';

// Dark enough for 4.5:1 on the white chart card (the labels are drawn in these colours too).
export const PALETTE = ['#1d4ed8', '#be185d', '#047857', '#c2410c', '#7e22ce', '#0e7490', '#4b5563'];
const EVENT_COLOURS: Record<string, string> = {
  'OOM kill': '#b91c1c',
  'CMA failure': '#a21caf',
  'SMMU faults': '#92400e',
  'over-current alarm': '#c2410c',
  reboot: '#374151',
};
const TEXT = '#1f2937';
const MUTED = '#4b5563';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Smallest font in any chart: 11 px at the width it is drawn for. */
export const MIN_FONT = 11;
const MAX_POINTS = 600;

export type VlSpec = Record<string, unknown>;

export interface TimeSeriesInput {
  title: string;
  /** Unit of the y axis, shown as the axis title. */
  unit: string;
  /** Clock time of t = 0 (epoch seconds) when the samples have clock stamps. */
  epoch0?: number;
  /** Seconds since the first sample. */
  t: ArrayLike<number>;
  series: { name: string; values: ArrayLike<number> }[];
  refs?: { y: number; label: string }[];
  events?: ChartEvent[];
  yMin?: number;
  /** Sample indices where a new segment starts (a restart of the logger, a reboot). */
  segmentStarts?: number[];
}

/** Axis steps of 1, 2, 2.5 or 5 x 10^n. */
export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

/** Indices i where the line must break before sample i: a pause far longer than the usual interval. */
export function gapsIn(t: ArrayLike<number>, segmentStarts: number[] = []): number[] {
  const dts: number[] = [];
  for (let i = 1; i < t.length; i++) if (Number.isFinite(t[i]!) && Number.isFinite(t[i - 1]!)) dts.push(t[i]! - t[i - 1]!);
  if (!dts.length) return [...segmentStarts];
  const sorted = [...dts].sort((a, b) => a - b);
  const median = sorted[sorted.length >> 1]!;
  const limit = Math.max(median * 3, median + 30);
  const out = new Set(segmentStarts.filter((i) => i > 0 && i < t.length));
  for (let i = 1; i < t.length; i++) if (t[i]! - t[i - 1]! > limit || t[i]! < t[i - 1]!) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** Min and max per bucket, so spikes survive thinning a day of samples to a few hundred. */
function thin(n: number, v: ArrayLike<number>, breaks: Set<number>): number[] {
  const step = Math.max(1, Math.ceil(n / (MAX_POINTS / 2)));
  if (step === 1) return [...Array(n).keys()];
  const keep: number[] = [];
  for (let i = 0; i < n; i += step) {
    let lo = -1;
    let hi = -1;
    const end = Math.min(n, i + step);
    for (let k = i; k < end; k++) {
      if (breaks.has(k) && k > i) keep.push(k - 1, k); // keep both sides of a gap
      if (!Number.isFinite(v[k]!)) continue;
      if (lo < 0 || v[k]! < v[lo]!) lo = k;
      if (hi < 0 || v[k]! > v[hi]!) hi = k;
    }
    if (lo >= 0) keep.push(lo, hi);
  }
  return [...new Set(keep)].sort((a, b) => a - b);
}

/** The y range rounded out to nice steps; the threshold lines are inside it. */
export function yDomain(values: number[], refs: number[], yMin?: number): [number, number] {
  const ys = [...values, ...refs].filter(Number.isFinite);
  if (!ys.length) return [0, 1];
  let lo = yMin ?? Math.min(...ys);
  let hi = Math.max(...ys);
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const step = niceStep((hi - lo) / 4);
  hi = Math.ceil(hi / step) * step;
  if (yMin === undefined) lo = Math.floor(lo / step) * step;
  // Head room so a line at the top of the range is not under the labels.
  return [lo, hi === Math.max(...ys) ? hi + step : hi];
}

/**
 * Pixel rows for threshold labels (text baseline), from the wanted rows: sorted and pushed
 * apart by at least one line height, kept inside the plot. Overlap is impossible by
 * construction as long as the plot is tall enough for all of them.
 */
export function placeLabels(wanted: number[], height: number, lineHeight = MIN_FONT + 3): number[] {
  const order = wanted.map((y, i) => ({ y: Math.min(height, Math.max(lineHeight, y)), i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + lineHeight);
  // Pushed past the bottom: shift the whole stack up, never above the top.
  const overflow = (order[order.length - 1]?.y ?? 0) - height;
  if (overflow > 0) for (const o of order) o.y = Math.max(lineHeight, o.y - overflow);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + lineHeight);
  const out = new Array<number>(wanted.length);
  for (const o of order) out[o.i] = o.y;
  return out;
}

const H_PLOT = 150;

function baseConfig(width: number) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width,
    background: '#ffffff',
    padding: 6,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: {
      font: FONT,
      view: { stroke: '#d1d5db' },
      title: { fontSize: 13, fontWeight: 600, color: TEXT, anchor: 'start', offset: 8 },
      axis: { labelFontSize: MIN_FONT, titleFontSize: 12, labelColor: MUTED, titleColor: TEXT, titleFontWeight: 500, gridColor: '#e5e7eb', domainColor: '#9ca3af', tickColor: '#9ca3af', labelOverlap: 'greedy', labelFlush: true },
      legend: { labelFontSize: MIN_FONT, titleFontSize: 12, labelColor: TEXT, titleColor: TEXT, orient: 'bottom', direction: 'horizontal', columns: width < 480 ? 2 : 4, labelLimit: width < 480 ? 150 : 220, symbolStrokeWidth: 3 },
      text: { fontSize: MIN_FONT },
    },
  };
}

/** Titles wrap onto lines instead of being cut ("Largest free block (tegrastats…"). */
export function wrapTitle(title: string, width: number, fontSize = 13): string | string[] {
  // Vega measures text without a canvas as 0.8 em per character (generous): wrap by that.
  const max = Math.floor((width - 16) / (fontSize * 0.8));
  if (title.length <= max) return title;
  const lines: string[] = [];
  let cur = '';
  for (const w of title.split(' ')) {
    if (cur && (cur + ' ' + w).length > max) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** Hours as "h:mm" on an elapsed-time axis. */
const HMM = "floor(datum.value) + ':' + (floor((datum.value % 1) * 60 + 0.5) < 10 ? '0' : '') + floor((datum.value % 1) * 60 + 0.5)";

export function timeSeriesSpec(input: TimeSeriesInput, width: number): VlSpec | null {
  const n = input.t.length;
  const clock = input.epoch0 !== undefined;
  const breaks = new Set(gapsIn(input.t, input.segmentStarts));
  // Elapsed time in h:mm from two hours on; shorter logs in minutes (h:mm would repeat "0:01").
  const tEnd = n ? input.t[n - 1]! - input.t[0]! : 0;
  const hours = tEnd >= 7200;
  const xOf = (sec: number) => (clock ? (input.epoch0! + sec) * 1000 : hours ? sec / 3600 : sec / 60);
  const rows: { x: number; s: string; v: number | null }[] = [];
  const values: number[] = [];
  for (const s of input.series) {
    const keep = thin(Math.min(n, s.values.length), s.values, breaks);
    let drawn = 0;
    let prev = -1;
    for (const i of keep) {
      // A row with no value between the two sides of a gap breaks the line there.
      if (prev >= 0 && [...breaks].some((b) => b > prev && b <= i)) rows.push({ x: xOf((input.t[prev]! + input.t[i]!) / 2), s: s.name, v: null });
      const v = s.values[i]!;
      rows.push({ x: xOf(input.t[i]!), s: s.name, v: Number.isFinite(v) ? v : null });
      if (Number.isFinite(v)) {
        values.push(v);
        drawn++;
      }
      prev = i;
    }
    if (drawn < 2) for (let k = rows.length - 1; k >= 0; k--) if (rows[k]!.s === s.name) rows.splice(k, 1);
  }
  const names = input.series.map((s) => s.name).filter((nm) => rows.some((r) => r.s === nm));
  if (!names.length) return null;
  const refs = (input.refs ?? []).filter((r) => Number.isFinite(r.y));
  const [y0, y1] = yDomain(values, refs.map((r) => r.y), input.yMin);
  const xs = rows.map((r) => r.x);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const span = x1 - x0 || 1;
  // Events outside the samples' time range are not drawn (the chart says how many); those
  // just past either end widen the axis so their marker is not on the frame.
  const events = clock ? (input.events ?? []).filter((e) => e.epoch * 1000 >= x0 - span * 0.02 && e.epoch * 1000 <= x1 + span * 0.02) : [];
  if (events.length) {
    const ex = events.map((e) => e.epoch * 1000);
    [x0, x1] = [Math.min(x0, ...ex) - span * 0.005, Math.max(x1, ...ex) + span * 0.005];
  }
  const eventKinds = [...new Set(events.map((e) => e.kind))];
  const colourDomain = [...names, ...eventKinds];
  const colourRange = [...names.map((_, i) => PALETTE[i % PALETTE.length]!), ...eventKinds.map((k) => EVENT_COLOURS[k] ?? MUTED)];
  const labelRows = placeLabels(refs.map((r) => H_PLOT * (1 - (r.y - y0) / (y1 - y0)) - 3), H_PLOT);
  const xField = clock
    ? { field: 'x', type: 'temporal', scale: { type: 'utc', domain: [x0, x1], nice: false }, axis: { title: 'clock time (device)', format: x1 - x0 > 36 * 3600e3 ? '%d %b %H:%M' : '%H:%M', tickCount: width < 480 ? 4 : 8 } }
    : {
        field: 'x',
        type: 'quantitative',
        scale: { domain: [x0, x1], nice: false, zero: false },
        axis: hours ? { title: 'time since the log started (h:mm)', labelExpr: HMM, tickCount: width < 480 ? 4 : 8 } : { title: 'minutes since the log started', tickCount: width < 480 ? 4 : 8 },
      };
  // One line and no event: the title names it, a legend would only repeat it.
  const colour = { field: 's', type: 'nominal', scale: { domain: colourDomain, range: colourRange }, legend: colourDomain.length > 1 ? { title: null } : null };
  const layers: VlSpec[] = [
    {
      data: { values: rows },
      mark: { type: 'line', strokeWidth: 1.6, invalid: 'break-paths-show-domains' },
      encoding: {
        x: xField,
        y: { field: 'v', type: 'quantitative', scale: { domain: [y0, y1], nice: false, zero: false }, axis: { title: input.unit, tickCount: 4 } },
        color: colour,
      },
    },
  ];
  if (refs.length) {
    layers.push({
      data: { values: refs.map((r, i) => ({ y: r.y, label: r.label, row: labelRows[i] })) },
      layer: [
        { mark: { type: 'rule', strokeDash: [5, 4], color: '#b45309', strokeWidth: 1.2 }, encoding: { y: { field: 'y', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, color: '#92400e', fontSize: MIN_FONT, fontWeight: 600 }, encoding: { x: { value: 'width' }, y: { field: 'row', type: 'quantitative', scale: null }, text: { field: 'label' } } },
      ],
    });
  }
  if (events.length) {
    layers.push({
      data: { values: events.map((e) => ({ x: e.epoch * 1000, s: e.kind, count: e.count })) },
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5, strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'temporal' }, color: colour } },
        { mark: { type: 'point', shape: 'triangle-down', filled: true, size: 70, opacity: 1 }, encoding: { x: { field: 'x', type: 'temporal' }, y: { value: 0 }, color: colour } },
      ],
    });
  }
  const outside = clock ? (input.events ?? []).length - events.length : 0;
  const subtitle = outside > 0 ? wrapTitle(`${outside} kernel event${outside > 1 ? 's' : ''} outside this log's time range ${outside > 1 ? 'are' : 'is'} not marked`, width, MIN_FONT) : undefined;
  return {
    ...baseConfig(width),
    title: { text: wrapTitle(input.title, width), ...(subtitle ? { subtitle, subtitleFontSize: MIN_FONT, subtitleColor: MUTED } : {}) },
    height: H_PLOT,
    layer: layers,
  };
}

/** Free memory per block order in each zone of one buddyinfo capture. */
export function buddySpec(zones: { zone: string; freeBytesPerOrder: number[] }[], pageSize: number, width: number, when?: string): VlSpec | null {
  const rows = zones.flatMap((z) =>
    z.freeBytesPerOrder.map((b, order) => ({ order: formatBytes(pageSize * 2 ** order), k: order, zone: `zone ${z.zone}`, mib: b / 1024 / 1024 })),
  );
  if (!rows.length) return null;
  const zoneNames = [...new Set(rows.map((r) => r.zone))];
  return {
    ...baseConfig(width),
    title: { text: wrapTitle(`Free memory by block size (buddyinfo${when ? `, ${when}` : ''})`, width) },
    height: H_PLOT,
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'order', type: 'ordinal', sort: { field: 'k' }, axis: { title: 'block size', labelAngle: width < 480 ? -90 : 0, labelOverlap: false } },
      xOffset: { field: 'zone' },
      y: { field: 'mib', type: 'quantitative', axis: { title: 'free MiB', tickCount: 4 } },
      color: { field: 'zone', type: 'nominal', scale: { domain: zoneNames, range: PALETTE.slice(0, zoneNames.length) }, legend: zoneNames.length > 1 ? { title: null } : null },
    },
  };
}

export interface MapRegion {
  name: string;
  kind: string;
  /** GiB from address 0. */
  start: number;
  end: number;
}

const MAP_KINDS: Record<string, { label: string; colour: string }> = {
  'system-ram': { label: 'System RAM', colour: '#1d4ed8' },
  cma: { label: 'CMA', colour: '#be185d' },
  carveout: { label: 'carve-out', colour: '#c2410c' },
  reserved: { label: 'reserved', colour: '#4b5563' },
  kernel: { label: 'kernel', colour: '#047857' },
};

/** The physical address map: System RAM on one row, carve-outs, reserved ranges and CMA on the next. */
export function iomemSpec(regions: MapRegion[], width: number, caption: string): VlSpec | null {
  const rows = regions
    .filter((r) => MAP_KINDS[r.kind])
    .map((r) => ({ ...r, row: r.kind === 'system-ram' ? 'System RAM' : 'set aside', what: MAP_KINDS[r.kind]!.label }));
  if (!rows.some((r) => r.kind === 'system-ram')) return null;
  const kinds = Object.keys(MAP_KINDS).filter((k) => rows.some((r) => r.kind === k));
  return {
    ...baseConfig(width),
    title: { text: 'Physical memory map (iomem)', subtitle: wrapTitle(caption, width, MIN_FONT), subtitleFontSize: MIN_FONT, subtitleColor: MUTED },
    height: 70,
    data: { values: rows },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'start', type: 'quantitative', scale: { zero: false }, axis: { title: 'physical address (GiB)', tickCount: width < 480 ? 4 : 8 } },
      x2: { field: 'end' },
      y: { field: 'row', type: 'nominal', sort: ['System RAM', 'set aside'], axis: { title: null, labelLimit: width < 480 ? 90 : 160 } },
      color: { field: 'what', type: 'nominal', scale: { domain: kinds.map((k) => MAP_KINDS[k]!.label), range: kinds.map((k) => MAP_KINDS[k]!.colour) }, legend: { title: null } },
    },
  };
}
