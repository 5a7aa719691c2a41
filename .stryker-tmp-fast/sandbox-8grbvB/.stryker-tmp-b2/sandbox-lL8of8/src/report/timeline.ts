/**
 * Where the report's charts can put kernel events in time: the boot's clock time (from the
 * bundle's manifest) and the events the findings rest on (OOM kills, CMA failures, SMMU
 * faults, over-current alarms, reboots), each at the seconds after boot of its kernel line.
 * Without a boot clock time the events cannot be placed on a clock axis, and none is.
 */
// @ts-nocheck

// 

import type { Snapshot } from '../snapshot/types.js';
import type { Finding } from '../rules/types.js';
import { bootEpoch, currentBoots } from '../util/boot-clock.js';

export { bootEpoch };

export interface ChartEvent {
  kind: string;
  /** Clock time (epoch seconds, device clock). */
  epoch: number;
  /** Events of one kind close together are one marker. */
  count: number;
}

/** Finding rule id -> the event word the chart legend uses. */
const EVENT_KINDS: Record<string, string> = {
  'oom-kills': 'OOM kill',
  cma: 'CMA failure',
  'smmu-faults': 'SMMU faults',
  'over-current': 'over-current alarm',
};

/**
 * The kernel events behind the findings, on the clock, merged per kind when closer than
 * `mergeSeconds` (a burst of 3,000 SMMU faults is one marker, not a black band).
 */
export function chartEvents(s: Snapshot, findings: Finding[], mergeSeconds = 60): ChartEvent[] {
  const d = s.dmesg;
  const boot = bootEpoch(s);
  if (!d || boot === undefined) return [];
  const current = currentBoots(d);
  // Several kernel logs (pstore, rotated syslogs) share line numbers: key by file and line.
  const fileOf = (boot: number) => d.boots[boot]?.file ?? d.file;
  const byLine = new Map<string, { monotonic?: number; boot: number }>();
  for (const r of d.records) byLine.set(`${fileOf(r.boot)}:${r.line}`, r);
  const raw: { kind: string; epoch: number }[] = [];
  for (const f of findings) {
    const kind = EVENT_KINDS[f.ruleId];
    if (!kind) continue;
    for (const e of f.evidence) {
      const r = byLine.get(`${e.file}:${e.line}`);
      // Earlier boots restart the kernel clock: their seconds are not on this boot's scale.
      if (r?.monotonic !== undefined && current.has(r.boot)) raw.push({ kind, epoch: boot + r.monotonic });
    }
  }
  // The running boot began with a reboot when the logs show an earlier boot.
  if (d.boots.length > current.size) raw.push({ kind: 'reboot', epoch: boot });
  raw.sort((a, b) => a.epoch - b.epoch);
  const out: ChartEvent[] = [];
  for (const e of raw) {
    const prev = out.findLast((o) => o.kind === e.kind);
    if (prev && e.epoch - prev.epoch <= mergeSeconds) prev.count++;
    else out.push({ ...e, count: 1 });
  }
  return out;
}
