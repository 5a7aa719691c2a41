/**
 * What changed between two results of one device (or any two bundles): findings that
 * appeared, cleared or changed (by stable id), the verdict, and how the key figures moved.
 * `jetdiag diff` renders it; the fleet timeline shows it between consecutive uploads.
 */
// @ts-nocheck

// 

import { KEY_FIGURES, type BundleResult, type FindingRecord, type KeyFigures } from './result.js';

export interface FigureMove {
  key: keyof KeyFigures;
  label: string;
  unit: string;
  before?: number;
  after?: number;
  delta?: number;
}

export interface ResultDiff {
  old: { path: string; status: string; headline: string; capturedAt?: string; deviceId: string };
  new: { path: string; status: string; headline: string; capturedAt?: string; deviceId: string };
  statusChanged: boolean;
  appeared: FindingRecord[];
  cleared: FindingRecord[];
  /** Same finding, another severity or verdict. */
  changed: { before: FindingRecord; after: FindingRecord }[];
  issuesAppeared: string[];
  issuesCleared: string[];
  figures: FigureMove[];
  /** Nothing but figure noise changed. */
  same: boolean;
}

type DiffInput = Pick<BundleResult, 'path' | 'status' | 'headline' | 'capturedAt' | 'deviceId' | 'findings' | 'fingerprints' | 'figures'>;

const head = (r: DiffInput) => ({ path: r.path, status: r.status, headline: r.headline, capturedAt: r.capturedAt, deviceId: r.deviceId });

function byStableId(fs: FindingRecord[]): Map<string, FindingRecord> {
  const m = new Map<string, FindingRecord>();
  for (const f of fs) if (!m.has(f.stableId)) m.set(f.stableId, f);
  return m;
}

export function diffResults(a: DiffInput, b: DiffInput): ResultDiff {
  const before = byStableId(a.findings);
  const after = byStableId(b.findings);
  const appeared = [...after.values()].filter((f) => !before.has(f.stableId));
  const cleared = [...before.values()].filter((f) => !after.has(f.stableId));
  const changed = [...after.values()]
    .filter((f) => before.has(f.stableId))
    .map((f) => ({ before: before.get(f.stableId)!, after: f }))
    .filter(({ before: x, after: y }) => x.severity !== y.severity || x.verdict !== y.verdict);
  const figures: FigureMove[] = [];
  for (const { key, label, unit } of KEY_FIGURES) {
    const x = a.figures[key];
    const y = b.figures[key];
    if (x === undefined && y === undefined) continue;
    const move: FigureMove = { key, label, unit, ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) };
    if (x !== undefined && y !== undefined) move.delta = Math.round((y - x) * 10) / 10;
    figures.push(move);
  }
  const issuesAppeared = b.fingerprints.filter((f) => !a.fingerprints.includes(f));
  const issuesCleared = a.fingerprints.filter((f) => !b.fingerprints.includes(f));
  const statusChanged = a.status !== b.status;
  return {
    old: head(a),
    new: head(b),
    statusChanged,
    appeared,
    cleared,
    changed,
    issuesAppeared,
    issuesCleared,
    figures,
    same: !statusChanged && !appeared.length && !cleared.length && !changed.length,
  };
}
