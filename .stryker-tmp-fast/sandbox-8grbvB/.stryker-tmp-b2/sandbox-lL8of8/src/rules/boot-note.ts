/**
 * Which boot a finding belongs to when the bundle held several kernel logs: a finding whose
 * kernel-log evidence lies only in earlier boots (a pstore record, the previous boot's
 * journal) says so, so nobody reads a crash of the previous boot as one of this boot.
 */
// @ts-nocheck

// 

import type { DmesgBoot, Snapshot } from '../snapshot/types.js';
import type { Evidence } from './types.js';

/** The boot segment a kernel-log evidence line falls in, or undefined for other files. */
export function bootOfEvidence(s: Snapshot, e: Evidence): DmesgBoot | undefined {
  let found: DmesgBoot | undefined;
  for (const b of s.dmesg?.boots ?? []) {
    if (b.file !== e.file || b.line > e.line) continue;
    if (!found || b.line >= found.line) found = b;
  }
  return found;
}

/** A file's name without its folders (the evidence lines carry the full path). */
export const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** Words naming a boot and where it was read, e.g. "previous boot (pstore console-ramoops-0)". */
export function describeBoot(b: DmesgBoot): string {
  const ago = b.bootsAgo ?? 0;
  // A rotated syslog or a serial capture may be several boots back: only its order is known.
  const guessed = b.role === 'serial-console' || /(^|\/)(kern\.log|syslog|messages)\.\d+(\.gz)?$/.test(b.file ?? '');
  const when = ago === 0 ? 'current boot' : guessed ? 'an earlier boot' : ago === 1 ? 'previous boot' : `boot ${ago} boots before the current one`;
  const from = b.role === 'pstore' ? 'pstore' : b.role === 'serial-console' ? 'serial console' : 'from';
  return `${when} (${from} ${baseName(b.file ?? '')})`;
}

/** A lead-in for the verdict when all kernel-log evidence is from earlier boots; null otherwise. */
export function bootNote(s: Snapshot, evidence: Evidence[]): string | null {
  if (!s.dmesg?.sources) return null;
  const boots = new Map<number, DmesgBoot>();
  for (const e of evidence) {
    const b = bootOfEvidence(s, e);
    if (!b) continue;
    const primary = b.sameBootAs !== undefined ? (s.dmesg.boots[b.sameBootAs] ?? b) : b;
    if ((primary.bootsAgo ?? 0) === 0) return null;
    boots.set(b.index, b);
  }
  if (boots.size === 0) return null;
  const list = [...boots.values()];
  const text = list.length === 1 ? describeBoot(list[0]!) : `earlier boots (${[...new Set(list.map((b) => baseName(b.file ?? '')))].join(', ')})`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
