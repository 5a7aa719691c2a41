/**
 * The clock time of the running boot, when the bundle says it: the collector manifest's boot
 * time, else its capture time minus the uptime. Kernel lines carry seconds after boot; with
 * this they can be told in clock time too (findings, chart markers).
 */
import type { Snapshot } from '../snapshot/types.js';

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
