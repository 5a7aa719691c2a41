/** Builds evidence lines from snapshot values (rules never read files). */
// @ts-nocheck

import type { DmesgRecord, Meminfo, MeminfoCapture, Snapshot, Tegrastats } from '../snapshot/types.js';
import type { Evidence } from './types.js';

/** The verbatim /proc/meminfo line of `key` in capture `c`, or null when its text was not kept (never re-typed). */
export function meminfoEvidence(m: Meminfo, c: MeminfoCapture, key: string): Evidence | null {
  const line = c.lines[key];
  const text = c.text?.[key];
  if (line === undefined || text === undefined) return null;
  return { file: m.file, line, text };
}

/** The kernel-log line of record `r`, verbatim (its printed prefix and message). */
export function dmesgEvidence(s: Snapshot, r: DmesgRecord): Evidence {
  return { file: s.dmesg!.boots[r.boot]?.file ?? s.dmesg!.file, line: r.line, text: (r.prefix ?? '') + r.message };
}

/** The verbatim kernel-log line at `file:line` (a show-mem line, say), or null when the log has none there. */
export function dmesgLineEvidence(s: Snapshot, file: string | undefined, line: number): Evidence | null {
  const d = s.dmesg;
  if (!d) return null;
  const inFile = (r: DmesgRecord) => (d.boots[r.boot]?.file ?? d.file) === (file ?? d.file);
  const r = d.records.find((x) => x.line === line && inFile(x));
  return r ? dmesgEvidence(s, r) : null;
}

/**
 * The verbatim line of tegrastats sample `i` (the one holding `field` when the sample wraps
 * over several lines), or null when the parser did not keep that line's text: it keeps only
 * the lines evidence may cite (segment ends and extremes), and a value is never re-typed.
 */
export function tegrastatsEvidence(t: Tegrastats, i: number, field?: string): Evidence | null {
  if (i < 0 || i >= t.samples) return null;
  const first = t.line[i]!;
  const end = i + 1 < t.samples ? t.line[i + 1]! : first + 8;
  for (let l = first; l < end; l++) {
    const text = t.quoted?.[l];
    if (text !== undefined && (field === undefined || text.includes(field))) return { file: t.file, line: l, text };
  }
  return null;
}

export function compact<T>(xs: (T | null | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== null && x !== undefined);
}
