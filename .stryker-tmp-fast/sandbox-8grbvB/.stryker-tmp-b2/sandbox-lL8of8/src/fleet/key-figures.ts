/** The per-bundle figures a fleet timeline follows, read from the snapshot once. */
// @ts-nocheck

// 

import type { Snapshot } from '../snapshot/types.js';
import { uptimeOf } from '../facts/facts.js';
import { linearFit, round } from '../rules/stats.js';
import type { KeyFigures } from './result.js';

const MiB = 1024 * 1024;

function lastFinite(col: ArrayLike<number>): number | undefined {
  for (let i = col.length - 1; i >= 0; i--) if (Number.isFinite(col[i]!)) return col[i]!;
  return undefined;
}

export function keyFigures(s: Snapshot): KeyFigures {
  const k: KeyFigures = {};
  const mem = s.meminfo?.captures.at(-1)?.values;
  if (mem) {
    if (mem.MemTotal !== undefined) k.memTotalMiB = round(mem.MemTotal / MiB);
    if (mem.MemAvailable !== undefined) k.memAvailableMiB = round(mem.MemAvailable / MiB);
    if (mem.CmaTotal !== undefined) k.cmaTotalMiB = round(mem.CmaTotal / MiB);
    if (mem.CmaFree !== undefined) k.cmaFreeMiB = round(mem.CmaFree / MiB);
  }
  const ts = s.tegrastats;
  if (ts && ts.samples > 0) {
    const lfbKB = lastFinite(ts.lfbBlockKB);
    if (lfbKB !== undefined) k.largestFreeBlockMiB = round(lfbKB / 1024);
    let peak = -Infinity;
    for (const col of Object.values(ts.tempC)) for (let i = 0; i < col.length; i++) if (col[i]! > peak) peak = col[i]!;
    if (Number.isFinite(peak)) k.peakTempC = round(peak);
    // Slope over the whole log: a timeline wants the trend even when the leak rule stays quiet.
    const fit = ts.samples >= 60 ? linearFit(ts.t, ts.ramUsedMB) : null;
    if (fit) k.leakSlopeMBPerHour = round(fit.slope * 3600);
  }
  if (k.largestFreeBlockMiB === undefined) {
    const zones = s.buddyinfo?.captures.at(-1)?.zones ?? [];
    if (zones.length) k.largestFreeBlockMiB = round(Math.max(...zones.map((z) => z.largestBlockBytes)) / MiB);
  }
  if (k.peakTempC === undefined) {
    const temps = (s.identity?.thermalZones ?? []).map((z) => z.tempC).filter((t): t is number => t !== undefined);
    if (temps.length) k.peakTempC = round(Math.max(...temps));
  }
  const up = uptimeOf(s);
  if (up !== undefined) k.uptimeSeconds = Math.round(up);
  return k;
}
