/**
 * Which device a bundle came from and when it was taken: the manifest first, then the
 * identity files (device-tree serial number, hostname, machine-id), then the file name
 * (`<device>-<date>`). The uploads of one device form its history in the fleet report.
 */
// @ts-nocheck

// 

import path from 'node:path';
import type { Snapshot } from '../snapshot/types.js';
import { wallSeconds } from '../util/wallclock.js';
import type { IdentitySource, TimeSource } from './result.js';

export interface BundleIdentity {
  deviceId: string;
  deviceIdSource: IdentitySource;
  capturedAt?: string;
  capturedAtSource: TimeSource;
}

const ARCHIVE_EXT = /(\.tar\.gz|\.tgz|\.tar|\.zip|\.gz)$/i;
// 2026-11-30, 20261130, with an optional time 10:15:00 / 101500 / 10-15-00 and Z.
const NAME_DATE = /(\d{4})-?(\d{2})-?(\d{2})(?:[T_ -]?(\d{2})[:-]?(\d{2})(?:[:-]?(\d{2}))?)?Z?/;

/** Device and date from a name like `orin-17-2026-11-30T101500Z.tgz`. */
export function fromFileName(ref: string): { device?: string; time?: string } {
  const base = path.basename(ref.replace(/[\\/]+$/, '')).replace(ARCHIVE_EXT, '');
  const m = NAME_DATE.exec(base);
  if (!m) return { device: base || undefined };
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1).map((v) => v) as string[];
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  const valid = Number(mo) >= 1 && Number(mo) <= 12 && Number(d) >= 1 && Number(d) <= 31 && Number.isFinite(ms);
  const device = base.slice(0, m.index).replace(/[-_. ]+$/, '') || undefined;
  return { device: device ?? (valid ? undefined : base), time: valid ? new Date(ms).toISOString() : undefined };
}

function isoOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const direct = Date.parse(text);
  if (Number.isFinite(direct)) return new Date(direct).toISOString();
  const s = wallSeconds(text);
  // wallSeconds gives year 2000 to year-less syslog stamps: not a capture date.
  return s !== undefined && s > 978_307_200 ? new Date(s * 1000).toISOString() : undefined;
}

/** Time the bundle itself records: the last tegrastats stamp or the last timed meminfo capture. */
function timeInBundle(s: Snapshot): string | undefined {
  const fromTs = isoOf(s.tegrastats?.lastTimestamp);
  if (fromTs) return fromTs;
  const epoch = s.meminfo?.captures.findLast((c) => c.epoch !== undefined)?.epoch;
  return epoch !== undefined && epoch > 978_307_200 ? new Date(epoch * 1000).toISOString() : undefined;
}

export function bundleIdentity(ref: string, s: Snapshot | undefined, mtimeMs?: number): BundleIdentity {
  const id = s?.identity;
  const name = fromFileName(ref);
  const candidates: [IdentitySource, string | undefined][] = [
    ['manifest', id?.manifest?.value.deviceId],
    ['serial-number', id?.serialNumber?.value],
    ['hostname', id?.hostname?.value],
    ['machine-id', id?.machineId?.value],
    ['file-name', name.device],
  ];
  const [deviceIdSource, deviceId] = candidates.find(([, v]) => v && v.trim()) ?? ['none', 'unknown'];
  const times: [TimeSource, string | undefined][] = [
    ['manifest', isoOf(id?.manifest?.value.captureTime)],
    ['bundle', s ? timeInBundle(s) : undefined],
    ['file-name', name.time],
    ['file-mtime', mtimeMs !== undefined ? new Date(mtimeMs).toISOString() : undefined],
  ];
  const [capturedAtSource, capturedAt] = times.find(([, v]) => v) ?? ['none', undefined];
  return { deviceId: deviceId!.trim(), deviceIdSource, capturedAt, capturedAtSource };
}
