/**
 * What the fleet takes from an analysis, in one place: the bundle's status and headline (the
 * report model's), each finding's stable id and catalogue ids (the engine's), and the issue
 * fingerprints (derived here).
 */
import type { Analysis } from '../analyze.js';
import { buildReportModel, leadCauseOf } from '../report/model.js';
import type { Finding } from '../rules/types.js';
import type { BundleStatus, CauseRecord, FindingRecord } from './result.js';

export function statusOf(a: Analysis): { status: BundleStatus; headline: string } {
  const model = buildReportModel(a);
  return { status: model.status, headline: model.headline };
}

/** The catalogue ids the finding rests on (the engine fills them). */
export function catalogueIdsOf(f: Finding): string[] {
  return [...new Set(f.signatures ?? [])].sort();
}


export function findingRecord(f: Finding): FindingRecord {
  const ev = f.evidence[0];
  return {
    stableId: f.id,
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
 * warning-or-worse finding that cause does not explain (as `rule/message`). A top cause under
 * WEAK_CAUSE_CONFIDENCE (see leadCauseOf) is not the bundle's issue (the report does not lead with it either):
 * its findings count on their own.
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
  // causes follow a.hypotheses in order: the lead cause, when there is one, is the first.
  const top = leadCauseOf(a.hypotheses) ? causes[0] : undefined;
  if (top) prints.add(top.fingerprint);
  const explained = new Set(top?.supportingRules ?? []);
  for (const f of findings) {
    if (f.severity === 'info' || explained.has(f.ruleId)) continue;
    prints.add(fingerprint(`${f.ruleId}/${f.messageId}`, f.catalogueIds));
  }
  return { causes, fingerprints: [...prints] };
}
