/**
 * One way to write each kind of figure, shared by rule messages and reports, so one report
 * never says "MiB" in one sentence and "MB" in the next, or "43302.650 s" beside "12 h".
 *
 * Conventions (the README states them):
 * - memory sizes in MiB (KiB below 1 MiB, GiB from 10 GiB); tegrastats' own "MB" figures are
 *   MiB too (it divides by 1024), so they are written as MiB;
 * - times after boot as h:mm:ss ("12:01:42 after boot"), with the clock time beside them when
 *   the bundle gives it;
 * - errno values with their name ("-12 (ENOMEM)");
 * - fit quality R² with two decimals.
 */
// @ts-nocheck

// 


/** h:mm:ss for a number of seconds (hours are not wrapped into days: "50:12:03"). */
export function formatHms(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Clock time of an epoch in seconds as the device printed it: "2026-11-24 18:01:42". */
export function formatClock(epochSeconds: number): string {
  if (!Number.isFinite(epochSeconds)) return 'unknown';
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * When a kernel event happened: "12:01:42 after boot", plus the clock time when known
 * (from the line's own wall-clock stamp or the bundle's boot time).
 */
export function formatBootTime(monotonic: number, clock?: { epoch?: number; printed?: string }): string {
  const base = `${formatHms(monotonic)} after boot`;
  if (clock?.epoch !== undefined && Number.isFinite(clock.epoch)) return `${base} (${formatClock(clock.epoch)})`;
  if (clock?.printed) return `${base} (${clock.printed})`;
  return base;
}

/** Memory size from bytes: "512 KiB", "243 MiB", "7454.6 MiB", "14.2 GiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'unknown';
  const KiB = 1024;
  const MiB = KiB * 1024;
  const GiB = MiB * 1024;
  if (Math.abs(bytes) < MiB) return `${trim(bytes / KiB, bytes < 10 * KiB ? 1 : 0)} KiB`;
  if (Math.abs(bytes) < 10 * GiB) return `${trim(bytes / MiB, bytes < 1000 * MiB ? 0 : 1)} MiB`;
  return `${trim(bytes / GiB, 1)} GiB`;
}

/** Memory size from kB as /proc prints it (kB there means KiB). */
export const formatKiB = (kib: number) => formatBytes(kib * 1024);

function trim(v: number, digits: number): string {
  return String(Math.round(v * 10 ** digits) / 10 ** digits);
}

/** R² of a fit, always two decimals ("0.97", "1.00"), never a bare "1". */
export function formatR2(r2: number): string {
  return Number.isFinite(r2) ? (Math.round(r2 * 100) / 100).toFixed(2) : 'unknown';
}

/** Linux errno numbers met in Jetson kernel logs (asm-generic/errno-base.h and errno.h). */
const ERRNO: Record<number, string> = {
  1: 'EPERM',
  2: 'ENOENT',
  4: 'EINTR',
  5: 'EIO',
  6: 'ENXIO',
  11: 'EAGAIN',
  12: 'ENOMEM',
  13: 'EACCES',
  14: 'EFAULT',
  16: 'EBUSY',
  19: 'ENODEV',
  22: 'EINVAL',
  28: 'ENOSPC',
  32: 'EPIPE',
  61: 'ENODATA',
  62: 'ETIME',
  71: 'EPROTO',
  84: 'EILSEQ',
  95: 'EOPNOTSUPP',
  110: 'ETIMEDOUT',
  121: 'EREMOTEIO',
  512: 'ERESTARTSYS',
  517: 'EPROBE_DEFER',
};

/** "-12 (ENOMEM)"; a number the table does not know stays as printed. */
export function formatErrno(value: number | string): string {
  // Decimal only: kernel logs print errno in decimal, and "0x10" is an address or a flag.
  if (!/^-?\d+$/.test(String(value).trim())) return String(value);
  const n = Number(value);
  const name = ERRNO[Math.abs(n)];
  return name ? `${value} (${name})` : String(value);
}

/**
 * The largest free block, one wording per source and always in KiB (blocks are 4 KiB to
 * 4 MiB), so a report does not say "lfb 2MB" here and "2048 kB" there.
 */
export function largestFreeBlockFigure(source: 'tegrastats' | 'buddyinfo' | 'show-mem' | 'cma', bytes: number, when?: string) {
  const what = {
    tegrastats: 'largest free block (tegrastats lfb)',
    buddyinfo: 'largest free block (buddyinfo)',
    'show-mem': 'largest free block outside CMA (kernel memory report)',
    cma: 'largest free CMA block',
  }[source];
  return { label: when ? `${what}, ${when}` : what, value: Math.round((bytes / 1024) * 10) / 10, unit: 'KiB' };
}
