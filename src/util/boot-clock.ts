/**
 * The clock time of the running boot, when the bundle says it: the collector manifest's boot
 * time, else its capture time minus the uptime. Kernel lines carry seconds after boot; with
 * this they can be told in clock time too (findings, chart markers).
 *
 * Times are on the device's clock, as its logs print them: tegrastats and syslog stamp local
 * time without a zone. The collector writes its times in UTC and the device's offset from UTC
 * (`utc_offset`, from `date +%z`), so a zoned manifest time is moved onto the device's clock;
 * a manifest without the offset (older collectors, other tools) is taken as the device's clock.
 */
import type { Dmesg, Snapshot } from '../snapshot/types.js';
import { wallSeconds } from './wallclock.js';

/** `+0100`, `-0530`, `+01:00`, `Z` as seconds east of UTC, or undefined. */
export function parseUtcOffset(v: unknown): number | undefined {
  if (v === 'Z') return 0;
  const m = typeof v === 'string' ? /^([+-])(\d\d):?(\d\d)$/.exec(v.trim()) : null;
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

/** The device's offset from UTC in seconds, when its manifest records it. */
export function deviceUtcOffset(s: Pick<Snapshot, 'identity'>): number | undefined {
  const f = s.identity?.manifest?.value.fields;
  return parseUtcOffset(f?.utc_offset ?? f?.utcOffset);
}

/** A manifest time on the device's clock: a zoned time is shifted by the device's offset. */
function deviceClockSeconds(v: unknown, offset: number | undefined): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = wallSeconds(v);
  if (t === undefined) return undefined;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/.test(v.trim());
  return zoned ? t + (offset ?? 0) : t;
}

export function bootEpoch(s: Pick<Snapshot, 'identity'>): number | undefined {
  const m = s.identity?.manifest?.value;
  const offset = deviceUtcOffset(s);
  const boot = deviceClockSeconds(m?.fields?.boot_time ?? m?.fields?.bootTime, offset);
  if (boot !== undefined) return boot;
  const capture = deviceClockSeconds(m?.captureTime, offset);
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
