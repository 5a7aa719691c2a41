/**
 * The clock time of the running boot, when the bundle says it: the collector manifest's boot
 * time, else its capture time minus the uptime. Kernel lines carry seconds after boot; with
 * this they can be told in clock time too (findings, chart markers).
 */
// @ts-nocheck

// 

import type { Dmesg, Snapshot } from '../snapshot/types.js';

function isoSeconds(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t / 1000 : undefined;
}

export function bootEpoch(s: Pick<Snapshot, 'identity'>): number | undefined {
  const m = s.identity?.manifest?.value;
  const boot = isoSeconds(m?.fields?.boot_time);
  if (boot !== undefined) return boot;
  const capture = isoSeconds(m?.captureTime);
  const up = s.identity?.uptimeSeconds?.value;
  return capture !== undefined && up !== undefined ? capture - up : undefined;
}

/**
 * Boot segments of the running boot: the newest one read (bootsAgo 0, or the last segment in
 * a bundle with one kernel log) and any segment read from another file of the same boot.
 */
export function currentBoots(d: Pick<Dmesg, 'boots'>): Set<number> {
  const out = new Set<number>();
  const last = d.boots.length - 1;
  d.boots.forEach((b, i) => {
    if ((b.bootsAgo ?? (i === last ? 0 : 1)) === 0) out.add(i);
  });
  d.boots.forEach((b, i) => {
    if (b.sameBootAs !== undefined && out.has(b.sameBootAs)) out.add(i);
  });
  if (!d.boots.length) out.add(0);
  return out;
}
