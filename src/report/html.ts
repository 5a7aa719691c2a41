/**
 * The HTML report: one self-contained file (no script, no external resource) to attach to a
 * ticket. Verdict first, then the likely causes, trend charts, findings with their evidence,
 * what was checked, and what in the bundle fed nothing. Every log line goes through the
 * template's escaping; the SVG charts are built here from numbers and escaped labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { Snapshot } from '../snapshot/types.js';
import type { DeviceContext } from '../rules/device/context.js';
import { describeOverride } from '../verdict/provenance.js';
import type { ReportModel } from './model.js';
import { lineChart } from './charts.js';
import { fieldInputSeries } from './field-series.js';

function templateText(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/report/templates, or dist/src/report -> src/report/templates in a built package
  for (const dir of [path.join(here, 'templates'), path.resolve(here, '../../../src/report/templates')]) {
    try {
      return readFileSync(path.join(dir, 'report.hbs'), 'utf8');
    } catch {
      /* try the next layout */
    }
  }
  throw new Error('report template report.hbs not found');
}

let compiled: HandlebarsTemplateDelegate | null = null;
const hb = Handlebars.create();
hb.registerHelper('pct', (v: number) => Math.round(v * 100));
hb.registerHelper('lower', (v: string) => String(v).toLowerCase());
hb.registerHelper('gt', (a: number, b: number) => a > b);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
hb.registerHelper('join', (xs: string[], sep: string) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : ', ') : ''));

/** Trend charts from periodic /proc captures (a collector logging meminfo/buddyinfo). */
function procCharts(s: Snapshot): (string | null)[] {
  const out: (string | null)[] = [];
  const timed = (s.meminfo?.captures ?? []).filter((c) => c.epoch !== undefined);
  if (timed.length >= 3) {
    const t0 = timed[0]!.epoch!;
    const mib = (v: number | undefined) => (v === undefined ? NaN : v / 1024 / 1024);
    out.push(
      lineChart({
        title: 'MemAvailable and CmaFree (periodic /proc/meminfo)',
        unit: 'MiB',
        t: timed.map((c) => c.epoch! - t0),
        series: [
          { name: 'MemAvailable', values: timed.map((c) => mib(c.values.MemAvailable)), color: '#2563eb' },
          { name: 'CmaFree', values: timed.map((c) => mib(c.values.CmaFree)), color: '#db2777' },
        ],
        yMin: 0,
      }),
    );
  }
  const caps = s.buddyinfo?.captures ?? [];
  if (caps.length >= 3) {
    const zones = [...new Set(caps.flatMap((c) => c.zones.map((z) => `${z.node}:${z.zone}`)))];
    const colours = ['#059669', '#0891b2', '#9333ea', '#ea580c'];
    const x = caps.map((c, i) => (c.epoch !== undefined && caps[0]!.epoch !== undefined ? c.epoch - caps[0]!.epoch : i));
    out.push(
      lineChart({
        title: 'Free blocks of 256 KiB and larger (periodic /proc/buddyinfo)',
        unit: caps[0]!.epoch !== undefined ? 'blocks' : 'blocks (per capture)',
        t: x,
        series: zones.slice(0, 4).map((key, k) => ({
          name: `zone ${key.split(':')[1]}`,
          values: caps.map((c) => {
            const z = c.zones.find((q) => `${q.node}:${q.zone}` === key);
            return z ? z.counts.slice(6).reduce((a, b) => a + b, 0) : NaN;
          }),
          color: colours[k]!,
        })),
        yMin: 0,
      }),
    );
  }
  const colours = ['#2563eb', '#db2777', '#059669', '#ea580c'];
  for (const f of fieldInputSeries(s)) {
    out.push(lineChart({ title: f.title, unit: f.unit, t: f.t, series: f.series.map((x, k) => ({ ...x, color: colours[k % colours.length]! })), yMin: 0 }));
  }
  return out;
}

/** Trend charts from the tegrastats series and periodic /proc captures. */
export function chartsFor(s: Snapshot, device: DeviceContext): string[] {
  const t = s.tegrastats;
  if (!t || t.samples < 2) return procCharts(s).filter((c): c is string => c !== null);
  const out: (string | null)[] = procCharts(s);
  const total = t.ramTotalMB[t.samples - 1]!;
  out.push(
    lineChart({
      title: 'RAM used (tegrastats)',
      unit: 'MB',
      t: t.t,
      series: [{ name: 'RAM used', values: t.ramUsedMB, color: '#2563eb' }, { name: 'swap used', values: t.swapUsedMB, color: '#9333ea' }],
      refs: Number.isFinite(total) ? [{ y: total, label: `total ${total} MB`, color: '#6b7280' }] : [],
      yMin: 0,
    }),
  );
  out.push(
    lineChart({
      title: 'Largest free block (tegrastats lfb)',
      unit: 'kB',
      t: t.t,
      series: [{ name: 'largest free block', values: t.lfbBlockKB, color: '#059669' }],
      yMin: 0,
    }),
  );
  const temps = Object.entries(t.tempC).filter(([k]) => !/^(pmic|thermal|charger)$/i.test(k));
  if (temps.length) {
    const max = new Float64Array(t.samples).fill(NaN);
    for (const [, col] of temps) for (let i = 0; i < t.samples; i++) if (Number.isFinite(col[i]!) && !(col[i]! <= max[i]!)) max[i] = col[i]!;
    const trips = Object.values(device.trips?.zones ?? {});
    const throttle = trips.length ? Math.min(...trips.map((z) => z.throttleC)) : undefined;
    out.push(
      lineChart({
        title: 'Hottest sensor (°C)',
        unit: '°C',
        t: t.t,
        series: [{ name: 'max temperature', values: max, color: '#dc2626' }],
        refs: throttle !== undefined ? [{ y: throttle, label: `throttle trip ${throttle} °C`, color: '#f59e0b' }] : [],
      }),
    );
  }
  // The board's total-input rail (VDD_IN, POM_5V_IN, VIN) says what the module drew.
  const rail = device.totalPowerRail && t.railCurrentMW[device.totalPowerRail];
  if (rail) {
    out.push(
      lineChart({
        title: `Board input power (${device.totalPowerRail}, mW)`,
        unit: 'mW',
        t: t.t,
        series: [{ name: device.totalPowerRail!, values: rail, color: '#7c3aed' }],
        yMin: 0,
      }),
    );
  }
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
    out.push(
      lineChart({
        title: 'Clocks (MHz)',
        unit: 'MHz',
        t: t.t,
        series: [{ name: 'GPU', values: t.gr3dFreqMHz, color: '#0891b2' }, { name: 'fastest CPU core', values: cpuMax, color: '#4b5563' }],
        yMin: 0,
      }),
    );
  }
  out.push(
    lineChart({
      title: 'GPU and memory-controller load (%)',
      unit: '%',
      t: t.t,
      series: [{ name: 'GPU (GR3D)', values: t.gr3dLoad, color: '#0891b2' }, { name: 'EMC', values: t.emcLoad, color: '#ea580c' }],
      yMin: 0,
    }),
  );
  return out.filter((c): c is string => c !== null);
}

export function renderHtml(model: ReportModel, snapshot: Snapshot, device: DeviceContext): string {
  compiled ??= hb.compile(templateText());
  return compiled({ ...model, overrides: model.provenance.config.overrides.map(describeOverride), charts: chartsFor(snapshot, device), statusClass: model.status === 'problems' ? model.findings[0]?.severity ?? 'info' : model.status });
}
