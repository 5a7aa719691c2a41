/**
 * What the verdict rests on. A bundle supports "healthy" only when it was read whole, nothing
 * in it was cut (by the collector, by damage or by a limit) and the core inputs are there: a
 * kernel log (every failure the kernel saw: OOM kills, SMMU faults, panics, throttling) and
 * /proc/meminfo (the memory state most checks start from). Each gap is said in words a user
 * can act on, naming what is missing or damaged.
 */
// @ts-nocheck

// 

import type { BundleInventory } from '../bundle/inventory.js';
import type { RuleOutcome } from '../rules/types.js';
import type { Snapshot } from '../snapshot/types.js';

export interface CompletenessGap {
  code: string;
  message: string;
  file?: string;
}

export interface Completeness {
  /** Read whole, nothing cut, core inputs present, every check ran without error. */
  complete: boolean;
  /** Most serious first: damage, limits, cut files, missing core inputs, check errors. */
  gaps: CompletenessGap[];
}

/** Inputs without which no verdict of "healthy" is honest. */
export const CORE_INPUTS = [
  { part: 'dmesg', name: 'kernel log (dmesg, journalctl -k or kern.log)' },
  { part: 'meminfo', name: '/proc/meminfo' },
] as const;

export function assessCompleteness(snapshot: Snapshot, outcomes: RuleOutcome[] = []): Completeness {
  const gaps: CompletenessGap[] = [];
  const inv = snapshot.bundle;
  const cutFiles = new Set<string>();
  for (const p of inv.problems) {
    if (p.code === 'archive.damaged') {
      const n = entriesRead(inv, p.file);
      gaps.push({
        code: p.code,
        file: p.file,
        message: `the archive ${p.file ? `${p.file} ` : ''}is damaged after ${n} ${n === 1 ? 'entry' : 'entries'} (how many followed is not known): files after that are unknown`,
      });
    } else if (p.code.startsWith('limit.')) {
      if (p.file) cutFiles.add(p.file);
      gaps.push({ code: p.code, file: p.file, message: `reading stopped at a limit${p.file ? ` (${p.file})` : ''}: ${p.message}` });
    } else if (p.code === 'bundle.cut-by-collector') {
      if (p.file) cutFiles.add(p.file);
      gaps.push({ code: p.code, file: p.file, message: `${p.file} was cut short by the collector: its early lines are missing` });
    } else if (p.code === 'dmesg.boot-lines-missing') {
      gaps.push({ code: p.code, file: p.file, message: `${p.message.replace(/^the kernel log/, `the kernel log ${p.file ?? ''}`.trimEnd())}` });
    }
  }
  for (const e of inv.entries) {
    if (e.truncated && !cutFiles.has(e.path)) {
      gaps.push({ code: 'bundle.file-cut', file: e.path, message: `${e.path} was cut short: its later lines are unknown` });
    }
  }
  for (const core of CORE_INPUTS) {
    if (hasCore(snapshot, core.part)) continue;
    const file = core.part === 'dmesg' ? snapshot.dmesg?.file : snapshot.meminfo?.file;
    gaps.push({
      code: `core.${core.part}-missing`,
      file,
      message: file ? `the ${core.name} ${file} holds nothing jetdiag could read` : `no ${core.name} in the bundle`,
    });
  }
  for (const d of snapshot.diagnostics) {
    if (d.code === 'parser.crashed') gaps.push({ code: d.code, file: d.file, message: `${d.file} could not be parsed: ${d.message}` });
  }
  for (const o of outcomes) {
    if (o.status === 'rule-error') gaps.push({ code: 'rule.error', message: `the ${o.ruleId} check failed (${o.detail ?? 'no reason given'}): what it looks for was not checked` });
  }
  return { complete: gaps.length === 0, gaps };
}

function hasCore(s: Snapshot, part: 'dmesg' | 'meminfo'): boolean {
  return part === 'dmesg' ? (s.dmesg?.records.length ?? 0) > 0 : (s.meminfo?.captures.length ?? 0) > 0;
}

/** Files read from the damaged archive before the damage (its members, or the whole bundle). */
function entriesRead(inv: BundleInventory, archive: string | undefined): number {
  const nested = archive && archive !== inv.source ? `${archive}!/` : '';
  return inv.entries.filter((e) => !e.path.includes('#') && (nested ? e.path.startsWith(nested) : true)).length;
}
