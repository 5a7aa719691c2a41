/**
 * What jetdiag-collect.sh's manifest says it could not collect becomes part of the report's
 * capture problems: a check "not evaluated" then has its reason (denied, not present, cut),
 * and a file the collector cut is marked cut in the inventory.
 */
// @ts-nocheck

// 

import type { Snapshot } from './types.js';

interface ManifestItem {
  name?: unknown;
  status?: unknown;
  file?: unknown;
  note?: unknown;
}

const SEVERITY = { denied: 'warning', cut: 'warning', missing: 'info' } as const;

export function noteCollectorManifest(s: Snapshot): void {
  const m = s.identity?.manifest;
  const items = m?.value.fields.items;
  if (!m || !Array.isArray(items)) return;
  for (const raw of items as ManifestItem[]) {
    const status = typeof raw?.status === 'string' ? raw.status : '';
    if (!(status in SEVERITY)) continue;
    const name = typeof raw.name === 'string' ? raw.name : 'an item';
    const note = typeof raw.note === 'string' && raw.note ? `: ${raw.note}` : '';
    const file = typeof raw.file === 'string' ? raw.file : undefined;
    if (status === 'cut' && file) {
      for (const e of s.bundle.entries) if (e.path === file || e.path.endsWith(`/${file}`)) e.truncated = true;
    }
    s.bundle.problems.push({
      severity: SEVERITY[status as keyof typeof SEVERITY],
      code: `collector.item-${status}`,
      file: m.source.file,
      message: `the collector reports ${name} ${status === 'cut' ? 'cut short' : status}${note}`,
    });
  }
}
