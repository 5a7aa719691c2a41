/**
 * The one place the fleet derives what other parts of jetdiag are about to provide:
 * the bundle's status, a finding's stable id, and the issue fingerprints. When the report carries them itself, switch here and nowhere else.
 */
import type { Analysis } from '../analyze.js';
import { buildReportModel } from '../report/model.js';
import type { Finding } from '../rules/types.js';
import type { BundleStatus, CauseRecord, FindingRecord } from './result.js';

export function statusOf(a: Analysis): { status: BundleStatus; headline: string } {
  const model = buildReportModel(a);
  const status: BundleStatus = model.status === 'incomplete' ? 'inconclusive' : model.status;
  return { status, headline: model.headline };
}

/** The catalogue ids the finding rests on (the engine fills them). */
export function catalogueIdsOf(f: Finding): string[] {
  return [...new Set(f.signatures ?? [])].sort();
}

/** Rule and message id plus the subject tag (process:, device:), so wording changes keep the id. */
export function stableIdOf(f: Finding): string {
  const subject = f.tags.find((t) => /^(process|device|smmu|zone|channel):/.test(t));
  return [f.ruleId, f.messageId, subject].filter(Boolean).join('/');
}

export function findingRecord(f: Finding): FindingRecord {
  const ev = f.evidence[0];
  return {
    stableId: stableIdOf(f),
    ruleId: f.ruleId,
    messageId: f.messageId,
    severity: f.severity,
    confidence: f.confidence,
    catalogueIds: catalogueIdsOf(f),
    verdict: f.verdict,
    figures: f.figures.map((x) => ({ label: x.label, value: x.value, ...(x.unit ? { unit: x.unit } : {}) })),
    ...(ev ? { firstEvidence: `${ev.file}:${ev.line}` } : {}),
  };
}

function fingerprint(head: string, catalogueIds: string[]): string {
  const ids = [...new Set(catalogueIds)].sort();
  return ids.length ? `${head}:${ids.join(',')}` : head;
}

/**
 * Causes with fingerprints, and the bundle's issue fingerprints: its top cause, plus each
 * warning-or-worse finding that cause does not explain (as `rule/message`).
 */
export function causesAndFingerprints(a: Analysis, findings: FindingRecord[]): { causes: CauseRecord[]; fingerprints: string[] } {
  const catalogueByRule = new Map<string, string[]>();
  for (const f of findings) catalogueByRule.set(f.ruleId, [...(catalogueByRule.get(f.ruleId) ?? []), ...f.catalogueIds]);
  const causes: CauseRecord[] = a.hypotheses.map((h, rank) => {
    const supportingRules = [...new Set(h.supporting.map((s) => s.ruleId))];
    return {
      causeId: h.id,
      cause: h.cause,
      confidence: h.confidence,
      rank,
      supportingRules,
      fingerprint: fingerprint(h.id, supportingRules.flatMap((r) => catalogueByRule.get(r) ?? [])),
    };
  });
  const prints = new Set<string>();
  const top = causes[0];
  if (top) prints.add(top.fingerprint);
  const explained = new Set(top?.supportingRules ?? []);
  for (const f of findings) {
    if (f.severity === 'info' || explained.has(f.ruleId)) continue;
    prints.add(fingerprint(`${f.ruleId}/${f.messageId}`, f.catalogueIds));
  }
  return { causes, fingerprints: [...prints] };
}
