/** Builds evidence lines from snapshot values (rules never read files). */
import type { DmesgRecord, Meminfo, MeminfoCapture, Snapshot, Tegrastats } from '../snapshot/types.js';
import type { Evidence } from './types.js';

export function meminfoEvidence(m: Meminfo, c: MeminfoCapture, key: string): Evidence | null {
  const line = c.lines[key];
  const v = c.values[key];
  if (line === undefined || v === undefined) return null;
  const text = key.startsWith('HugePages_') ? `${key}: ${v}` : `${key}: ${Math.round(v / 1024)} kB`;
  return { file: m.file, line, text };
}

export function dmesgEvidence(s: Snapshot, r: DmesgRecord): Evidence {
  const ts = r.monotonic !== undefined ? `[${r.monotonic.toFixed(6).padStart(12)}] ` : r.wallClock ? `${r.wallClock} ` : '';
  return { file: s.dmesg!.boots[r.boot]?.file ?? s.dmesg!.file, line: r.line, text: ts + r.message };
}

/** A tegrastats sample quoted by the fields a rule looked at. */
export function tegrastatsEvidence(t: Tegrastats, i: number, text: string): Evidence {
  return { file: t.file, line: t.line[i]!, text };
}

export function compact<T>(xs: (T | null | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== null && x !== undefined);
}
