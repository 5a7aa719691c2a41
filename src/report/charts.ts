/**
 * Inline SVG line charts for the HTML report (no script, no external resource): a trend says
 * more than a table for RAM, the largest free block, temperatures and loads over hours.
 */
import { escapeHtml } from './escape.js';

export interface ChartSeries {
  name: string;
  values: ArrayLike<number>;
  color: string;
}

export interface ChartSpec {
  title: string;
  unit: string;
  t: ArrayLike<number>;
  series: ChartSeries[];
  /** Horizontal reference lines (a trip point, the RAM total). */
  refs?: { y: number; label: string; color: string }[];
  yMin?: number;
  /** Where the series breaks (a reboot, a gap): a dashed marker, and lines are not drawn across it. */
  breaks?: { t: number; label: string }[];
}

const W = 720;
const H = 180;
const PAD = { l: 52, r: 12, t: 24, b: 26 };
const MAX_POINTS = 400;

/** Min/max per bucket so spikes survive downsampling of day-long logs. */
function downsample(t: ArrayLike<number>, v: ArrayLike<number>): [number, number][] {
  const n = Math.min(t.length, v.length);
  const out: [number, number][] = [];
  const step = Math.max(1, Math.ceil(n / (MAX_POINTS / 2)));
  for (let i = 0; i < n; i += step) {
    let lo = -1;
    let hi = -1;
    for (let k = i; k < Math.min(n, i + step); k++) {
      if (!Number.isFinite(v[k]!)) continue;
      if (lo < 0 || v[k]! < v[lo]!) lo = k;
      if (hi < 0 || v[k]! > v[hi]!) hi = k;
    }
    if (lo < 0) continue;
    for (const k of lo <= hi ? [lo, hi] : [hi, lo]) if (!out.length || out[out.length - 1]![0] !== t[k]!) out.push([t[k]!, v[k]!]);
  }
  return out;
}

export function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
}

function fmtTime(s: number): string {
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${Math.round((s / 3600) * 10) / 10} h`;
}

export function lineChart(spec: ChartSpec): string | null {
  const lines = spec.series.map((s) => ({ ...s, pts: downsample(spec.t, s.values) })).filter((s) => s.pts.length > 1);
  if (!lines.length) return null;
  const xs = lines.flatMap((l) => l.pts.map((p) => p[0]));
  const ys = [...lines.flatMap((l) => l.pts.map((p) => p[1])), ...(spec.refs ?? []).map((r) => r.y)];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = spec.yMin ?? Math.min(...ys);
  let y1 = Math.max(...ys);
  if (y1 === y0) {
    y1 += 1;
    y0 -= 1;
  }
  // Round the axis out to "nice" steps (1, 2, 2.5, 5 x 10^n) so tick labels read cleanly.
  const step = niceStep((y1 - y0) / 4);
  y1 = Math.ceil(y1 / step) * step;
  if (spec.yMin === undefined) y0 = Math.floor(y0 / step) * step;
  const ticks = Math.round((y1 - y0) / step);
  const X = (x: number) => PAD.l + ((x - x0) / (x1 - x0 || 1)) * (W - PAD.l - PAD.r);
  const Y = (y: number) => PAD.t + (1 - (y - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const parts: string[] = [];
  parts.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(spec.title)}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<text x="${PAD.l}" y="15" class="chart-title">${escapeHtml(spec.title)}</text>`);
  for (let k = 0; k <= ticks; k++) {
    const y = y0 + step * k;
    parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${Y(y).toFixed(1)}" y2="${Y(y).toFixed(1)}" class="grid"/>`);
    parts.push(`<text x="${PAD.l - 6}" y="${(Y(y) + 4).toFixed(1)}" class="axis" text-anchor="end">${+y.toPrecision(6)}</text>`);
  }
  parts.push(`<text x="${PAD.l}" y="${H - 6}" class="axis">0</text>`);
  parts.push(`<text x="${W - PAD.r}" y="${H - 6}" class="axis" text-anchor="end">${escapeHtml(fmtTime(x1 - x0))}</text>`);
  parts.push(`<text x="${W / 2}" y="${H - 6}" class="axis" text-anchor="middle">${escapeHtml(spec.unit)} over time</text>`);
  for (const r of spec.refs ?? []) {
    parts.push(`<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${Y(r.y).toFixed(1)}" y2="${Y(r.y).toFixed(1)}" stroke="${r.color}" class="ref"/>`);
    parts.push(`<text x="${PAD.l + 6}" y="${(Y(r.y) - 4).toFixed(1)}" class="label" fill="${r.color}">${escapeHtml(r.label)}</text>`);
  }
  const breaks = (spec.breaks ?? []).filter((b) => b.t > x0 && b.t <= x1);
  for (const b of breaks) {
    parts.push(`<line x1="${X(b.t).toFixed(1)}" x2="${X(b.t).toFixed(1)}" y1="${PAD.t}" y2="${H - PAD.b}" stroke="#6b7280" stroke-dasharray="4 3" class="break"/>`);
    parts.push(`<text x="${(X(b.t) + 3).toFixed(1)}" y="${PAD.t + 10}" class="label" fill="#6b7280">${escapeHtml(b.label)}</text>`);
  }
  const across = (a: number, b: number) => breaks.some((x) => a < x.t && x.t <= b) || b < a;
  lines.forEach((l, i) => {
    const d = l.pts.map((p, k) => `${k && !across(l.pts[k - 1]![0], p[0]) ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${l.color}" stroke-width="1.5"/>`);
    // Legends sit on the title row, right-aligned, so they never cover a line.
    parts.push(`<text x="${W - PAD.r - (lines.length - 1 - i) * 130}" y="15" class="label legend" text-anchor="end" fill="${l.color}">${escapeHtml(l.name)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
