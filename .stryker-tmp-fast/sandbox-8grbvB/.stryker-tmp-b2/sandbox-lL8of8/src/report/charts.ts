/**
 * The HTML report's charts: which ones the bundle supports (tegrastats trends, periodic /proc
 * captures, buddyinfo by order, the iomem map), as Vega-Lite specs drawn twice, for a desktop
 * page and a phone, so chart text stays at least 11 px on both.
 */
// @ts-nocheck

// 

import type { Snapshot, Tegrastats } from '../snapshot/types.js';
import type { DeviceContext } from '../rules/device/context.js';
import type { Finding } from '../rules/types.js';
import { wallSeconds } from '../util/wallclock.js';
import { formatBytes } from '../util/format.js';
import { fieldInputSeries } from './field-series.js';
import { buddySpec, iomemSpec, timeSeriesSpec, type MapRegion, type TimeSeriesInput, type VlSpec } from './chart-specs.js';
import { chartEvents, type ChartEvent } from './timeline.js';

export { niceStep } from './chart-specs.js';

/** Widths (CSS px) the two variants are drawn at; the page shows one per screen width. */
export const WIDE = 720;
export const NARROW = 340;

export type ChartPlan = (width: number) => VlSpec | null;

/** Clock time of the first tegrastats sample, when the log has clock stamps. */
export function tegrastatsEpoch0(t: Tegrastats): number | undefined {
  if (t.timeSource !== 'timestamps' || !t.firstTimestamp) return undefined;
  const m = /^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)/.exec(t.firstTimestamp);
  if (m) return Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, +m[4]!, +m[5]!, +m[6]!) / 1000;
  return wallSeconds(t.firstTimestamp);
}

function series(input: TimeSeriesInput): ChartPlan {
  return (w) => timeSeriesSpec(input, w);
}

function hexGiB(hex: string): number {
  return Number(BigInt(`0x${hex}`)) / 2 ** 30;
}

function procPlans(s: Snapshot, events: ChartEvent[]): ChartPlan[] {
  const out: ChartPlan[] = [];
  const timed = (s.meminfo?.captures ?? []).filter((c) => c.epoch !== undefined);
  if (timed.length >= 3) {
    const mib = (v: number | undefined) => (v === undefined ? NaN : v / 1024 / 1024);
    out.push(
      series({
        title: 'MemAvailable and CmaFree (periodic /proc/meminfo)',
        unit: 'MiB',
        epoch0: timed[0]!.epoch!,
        t: timed.map((c) => c.epoch! - timed[0]!.epoch!),
        series: [
          { name: 'MemAvailable', values: timed.map((c) => mib(c.values.MemAvailable)) },
          { name: 'CmaFree', values: timed.map((c) => mib(c.values.CmaFree)) },
        ],
        events,
        yMin: 0,
      }),
    );
  }
  const caps = s.buddyinfo?.captures ?? [];
  const pageSize = s.buddyinfo?.pageSize ?? 4096;
  const last = caps[caps.length - 1];
  if (last) out.push((w) => buddySpec(last.zones, pageSize, w, caps.length > 1 ? `last of ${caps.length} captures` : undefined));
  const ep = caps.filter((c) => c.epoch !== undefined);
  if (ep.length >= 3) {
    const zones = [...new Set(ep.flatMap((c) => c.zones.map((z) => `${z.node}:${z.zone}`)))];
    out.push(
      series({
        title: `Free memory in blocks of ${formatBytes(pageSize * 64)} and larger (periodic /proc/buddyinfo)`,
        unit: 'MiB',
        epoch0: ep[0]!.epoch!,
        t: ep.map((c) => c.epoch! - ep[0]!.epoch!),
        series: zones.slice(0, 4).map((key) => ({
          name: `zone ${key.split(':')[1]}`,
          values: ep.map((c) => {
            const z = c.zones.find((q) => `${q.node}:${q.zone}` === key);
            return z ? z.freeBytesPerOrder.slice(6).reduce((a, b) => a + b, 0) / 1024 / 1024 : NaN;
          }),
        })),
        events,
        yMin: 0,
      }),
    );
  }
  const io = s.iomem;
  if (io && !io.addressesHidden) {
    const regions: MapRegion[] = [];
    const walk = (rs: typeof io.regions) => {
      for (const r of rs) {
        regions.push({ name: r.name, kind: r.kind, start: hexGiB(r.start), end: hexGiB(r.end) + 1 / 2 ** 30 });
        if (r.depth < 2) walk(r.children);
      }
    };
    walk(io.regions);
    const t = io.totals;
    const caption = `System RAM ${formatBytes(t['system-ram'])}, carve-outs ${formatBytes(t.carveout + t.reserved)}, CMA ${formatBytes(t.cma)}`;
    out.push((w) => iomemSpec(regions, w, caption));
  }
  for (const f of fieldInputSeries(s)) out.push(series({ ...f, events, yMin: 0 }));
  return out;
}

/** Every chart the bundle supports, in reading order. */
export function chartPlans(s: Snapshot, device: DeviceContext, findings: Finding[]): ChartPlan[] {
  const events = chartEvents(s, findings);
  const t = s.tegrastats;
  const out = procPlans(s, events);
  if (!t || t.samples < 2) return out;
  // The parser's segments (reboot, gap, restart, RAM drop) break every tegrastats line.
  const segmentStarts = (t.segments ?? []).slice(1).map((g) => g.from);
  const base = { t: t.t, epoch0: tegrastatsEpoch0(t), events, segmentStarts };
  const total = t.ramTotalMB[t.samples - 1]!;
  out.unshift(
    series({
      ...base,
      title: 'RAM and swap used (tegrastats)',
      unit: 'MiB',
      series: [
        { name: 'RAM used', values: t.ramUsedMB },
        { name: 'swap used', values: t.swapUsedMB },
      ],
      refs: Number.isFinite(total) ? [{ y: total, label: `RAM total ${total} MiB` }] : [],
      yMin: 0,
    }),
    series({
      ...base,
      title: 'Largest free block (tegrastats lfb)',
      unit: 'MiB',
      series: [{ name: 'largest free block', values: Float64Array.from(t.lfbBlockKB, (v) => v / 1024) }],
      yMin: 0,
    }),
  );
  const temps = Object.entries(t.tempC).filter(([k]) => !/^(pmic|thermal|charger)$/i.test(k));
  if (temps.length) {
    const max = new Float64Array(t.samples).fill(NaN);
    for (const [, col] of temps) for (let i = 0; i < t.samples; i++) if (Number.isFinite(col[i]!) && !(col[i]! <= max[i]!)) max[i] = col[i]!;
    const zones = Object.values(device.trips?.zones ?? {});
    const refs: { y: number; label: string }[] = [];
    if (zones.length) {
      const throttle = Math.min(...zones.map((z) => z.throttleC));
      refs.push({ y: throttle, label: `throttle trip ${throttle} °C` });
      const shutdown = Math.min(...zones.map((z) => z.shutdownC));
      if (Number.isFinite(shutdown)) refs.push({ y: shutdown, label: `shutdown trip ${shutdown} °C` });
    }
    out.push(series({ ...base, title: 'Hottest sensor', unit: '°C', series: [{ name: 'max temperature', values: max }], refs }));
  }
  // The board's total-input rail (VDD_IN, POM_5V_IN, VIN) says what the module drew.
  const rail = device.totalPowerRail && t.railCurrentMW[device.totalPowerRail];
  if (rail) out.push(series({ ...base, title: `Board input power (${device.totalPowerRail})`, unit: 'mW', series: [{ name: device.totalPowerRail!, values: rail }], yMin: 0 }));
  // Clocks only when they moved: a falling clock under load is how throttling shows.
  const cpuMax = new Float64Array(t.samples).fill(NaN);
  for (const col of t.cpuFreqMHz) for (let i = 0; i < t.samples; i++) if (Number.isFinite(col[i]!) && !(col[i]! <= cpuMax[i]!)) cpuMax[i] = col[i]!;
  const varies = (col: ArrayLike<number>) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i]!)) [lo, hi] = [Math.min(lo, col[i]!), Math.max(hi, col[i]!)];
    return hi > lo * 1.1;
  };
  if (varies(t.gr3dFreqMHz) || varies(cpuMax)) {
    out.push(series({ ...base, title: 'Clocks', unit: 'MHz', series: [{ name: 'GPU', values: t.gr3dFreqMHz }, { name: 'fastest CPU core', values: cpuMax }], yMin: 0 }));
  }
  out.push(series({ ...base, title: 'GPU and memory-controller load', unit: '%', series: [{ name: 'GPU (GR3D)', values: t.gr3dLoad }, { name: 'EMC', values: t.emcLoad }], yMin: 0 }));
  return out;
}

/** Each chart as a desktop and a phone SVG (the page's CSS shows one). */
export async function renderCharts(plans: ChartPlan[]): Promise<string[]> {
  const { renderSvg } = await import('./vega-render.js');
  const out: string[] = [];
  for (const plan of plans) {
    const wide = plan(WIDE);
    const narrow = plan(NARROW);
    if (!wide || !narrow) continue;
    out.push(`<figure class="chart-box">${await renderSvg(wide, 'wide')}${await renderSvg(narrow, 'narrow')}</figure>`);
  }
  return out;
}
