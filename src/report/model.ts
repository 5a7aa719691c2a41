/**
 * The report model every renderer reads: the verdict first, then findings with their
 * evidence, the checks that could not be made, and what in the bundle fed nothing.
 */
import type { Analysis } from '../analyze.js';
import type { Finding, RuleOutcome, Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';

export interface ReportModel {
  bundle: string;
  device: string;
  generatedAt: string;
  headline: string;
  status: 'healthy' | 'problems' | 'incomplete';
  counts: Record<Severity, number>;
  findings: Finding[];
  notEvaluated: RuleOutcome[];
  ruleErrors: RuleOutcome[];
  passed: RuleOutcome[];
  inputs: { path: string; kind?: string; size: number; note?: string }[];
  unused: { path: string; reason: string }[];
  problems: { severity: string; file?: string; message: string }[];
  diagnostics: { severity: string; file: string; line?: number; message: string }[];
}

export function buildReportModel(a: Analysis, now = new Date()): ReportModel {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of a.findings) counts[f.severity]++;
  const notEvaluated = a.outcomes.filter((o) => o.status === 'not-evaluated');
  const ruleErrors = a.outcomes.filter((o) => o.status === 'rule-error');
  const top = a.findings[0];
  const status = top && top.severity !== 'info' ? 'problems' : notEvaluated.length === a.outcomes.length ? 'incomplete' : 'healthy';
  const headline =
    status === 'problems'
      ? top!.verdict
      : status === 'incomplete'
        ? 'No check could be made: the bundle holds none of the inputs the rules need.'
        : `No problem found by the ${a.outcomes.length - notEvaluated.length} checks that could be made.`;
  const inv = a.snapshot.bundle;
  return {
    bundle: inv.source,
    device: a.device.summary,
    generatedAt: now.toISOString(),
    headline,
    status,
    counts,
    findings: a.findings,
    notEvaluated,
    ruleErrors,
    passed: a.outcomes.filter((o) => o.status === 'passed'),
    inputs: inv.entries.filter((e) => e.kind).map((e) => ({ path: e.path, kind: e.kind, size: e.size, note: e.truncated ? 'cut short' : undefined })),
    unused: inv.entries.filter((e) => !e.kind && e.unusedReason).map((e) => ({ path: e.path, reason: e.unusedReason! })),
    problems: inv.problems,
    diagnostics: a.snapshot.diagnostics,
  };
}
