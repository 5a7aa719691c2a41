/**
 * Stable finding ids: `<rule id>/<message id>` plus `/<subject>` when the rule names what the
 * finding is about (a process, a device, a zone). The same bundle gives the same ids on every
 * run, so causes, fleet stores and tickets can refer to a finding without quoting its text.
 */
// @ts-nocheck

import type { Finding, FindingInput } from './types.js';

/** Tags whose value names the subject of a finding, in order of preference. */
const SUBJECT_TAGS = ['process', 'device'];
/** Template data fields that name a subject when no tag does. */
const SUBJECT_FIELDS = ['process', 'victim', 'device', 'zone', 'sensor', 'rail', 'channel'];

export function findingSubject(f: Pick<FindingInput, 'subject' | 'tags' | 'data'>): string | undefined {
  if (f.subject) return f.subject;
  for (const name of SUBJECT_TAGS) {
    const tag = f.tags?.find((t) => t.startsWith(`${name}:`));
    if (tag && tag.length > name.length + 1) return tag.slice(name.length + 1);
  }
  for (const name of SUBJECT_FIELDS) {
    const v = f.data?.[name];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

export function findingId(ruleId: string, messageId: string, subject?: string): string {
  const clean = subject?.replace(/\s+/g, '_');
  return clean ? `${ruleId}/${messageId}/${clean}` : `${ruleId}/${messageId}`;
}

/** Makes ids unique within one analysis: a repeated id gets `#2`, `#3` in report order. */
export function uniqueFindingIds(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const n = (seen.get(f.id) ?? 0) + 1;
    seen.set(f.id, n);
    if (n > 1) f.id = `${f.id}#${n}`;
  }
}
