/** Small formatting helpers shared by the fleet and diff renderers. */
// @ts-nocheck

import { KEY_FIGURES, type KeyFigures } from './result.js';

/** 2026-11-30T10:15:00.000Z -> 2026-11-30 10:15 (UTC, minutes are enough for uploads). */
export function shortTime(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}

export function figureText(key: keyof KeyFigures, v: number | undefined): string {
  if (v === undefined) return '–';
  if (key === 'uptimeSeconds') return v >= 86400 ? `${(v / 86400).toFixed(1)} d` : v >= 3600 ? `${(v / 3600).toFixed(1)} h` : `${Math.round(v / 60)} min`;
  const unit = KEY_FIGURES.find((k) => k.key === key)?.unit ?? '';
  return `${v} ${unit}`.trim();
}

export function signed(v: number | undefined): string {
  if (v === undefined) return '';
  return v > 0 ? `+${v}` : String(v);
}

/** A change of a figure, signed, in the figure's own unit style (uptime as a duration). */
export function signedFigure(key: keyof KeyFigures, delta: number): string {
  if (key !== 'uptimeSeconds') return signed(delta);
  return `${delta < 0 ? '−' : '+'}${figureText(key, Math.abs(delta))}`;
}

/** The figures a timeline row shows, in order. */
export const TIMELINE_FIGURES: (keyof KeyFigures)[] = ['memAvailableMiB', 'cmaFreeMiB', 'largestFreeBlockMiB', 'peakTempC', 'leakSlopeMBPerHour', 'uptimeSeconds'];

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
