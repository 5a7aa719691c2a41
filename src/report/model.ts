/**
 * The report model every renderer reads: the verdict first, then findings with their
 * evidence, the checks that could not be made, and what in the bundle fed nothing.
 */
import type { Analysis } from '../analyze.js';
import type { Finding, RuleOutcome, Severity } from '../rules/types.js';
import type { RankedCause } from '../rules/causes/types.js';
import { uptimeOf } from '../facts/facts.js';
import { formatDuration } from '../rules/stats.js';
import { SEVERITIES } from '../rules/types.js';
import { assessCompleteness, type Completeness } from '../verdict/completeness.js';
import { decideStatus, type ReportStatus } from '../verdict/status.js';
import type { ReportProvenance } from '../verdict/provenance.js';

export interface ReportModel {
  bundle: string;
  device: string;
  /** Hostname, device id, capture time and uptime when the bundle says them. */
  context: { label: string; value: string }[];
  generatedAt: string;
  headline: string;
  /** What the headline is, as the line above it names it when gaps come first. */
  /** What the headline is: the lead cause, the most severe finding (no cause stands out), or the verdict of a healthy or inconclusive bundle. */
  headlineLabel: 'Top cause' | 'Top finding' | 'Verdict';
  /** The id of the cause the report leads with and takes its first remedies from (the first of `hypotheses`): absent when even the likeliest is weak. */
  leadCauseId?: string;
  /** problems | healthy | inconclusive: the word every format leads with. */
  status: ReportStatus;
  /** What the verdict rests on; its gaps come before the findings in every format. */
  completeness: Completeness;
  counts: Record<Severity, number>;
  hypotheses: RankedCause[];
  findings: Finding[];
  /** Not-evaluated checks grouped by what was missing: "no dmesg in bundle" -> rule ids. */
  missing: { reason: string; rules: string[] }[];
  notEvaluated: RuleOutcome[];
  ruleErrors: RuleOutcome[];
  passed: RuleOutcome[];
  inputs: { path: string; kind?: string; size: number; note?: string }[];
  unused: { path: string; reason: string }[];
  problems: { severity: string; file?: string; message: string }[];
  diagnostics: { severity: string; file: string; line?: number; message: string }[];
  /** Generator, schema and rule-set versions, configuration and overrides in effect. */
  provenance: ReportProvenance;
}

/**
 * Below this confidence the likeliest cause is not the answer: something in the bundle counted
 * against it (cause bases are 35-55 %), and leading with it would sound sure without evidence.
 * The headline then gives the most severe finding and names the cause with its confidence.
 */
export const WEAK_CAUSE_CONFIDENCE = 0.3;

/** The cause a report leads with (and the fleet groups a bundle under): the likeliest, unless it is weak. */
export function leadCauseOf(hypotheses: readonly RankedCause[]): RankedCause | undefined {
  const best = hypotheses[0];
  return best && best.confidence >= WEAK_CAUSE_CONFIDENCE ? best : undefined;
}

export function buildReportModel(a: Analysis, now = new Date()): ReportModel {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of a.findings) counts[f.severity]++;
  const notEvaluated = a.outcomes.filter((o) => o.status === 'not-evaluated');
  const ruleErrors = a.outcomes.filter((o) => o.status === 'rule-error');
  const top = a.findings[0];
  const completeness = assessCompleteness(a.snapshot, a.outcomes);
  const status = decideStatus(a.findings, completeness);
  const best = a.hypotheses[0];
  const leadCause = leadCauseOf(a.hypotheses);
  const passed = a.outcomes.filter((o) => o.status === 'passed');
  const passedList = `${passed.map((o) => o.ruleId).slice(0, 8).join(', ')}${passed.length > 8 ? ', …' : ''}`;
  const headline =
    status === 'problems'
      ? leadCause
        ? `${leadCause.cause} (confidence ${pct(leadCause.confidence)}): ${leadCause.summary}`
        : best
          ? `${sentence(top!.verdict)} No cause stands out: the likeliest, ${best.cause}, is at ${pct(best.confidence)}.`
          : top!.verdict
      : status === 'inconclusive'
        ? `Not enough to call this device healthy: ${completeness.gaps[0]!.message}.`
        : `No problem found by the ${passed.length} checks that could be made (${passedList}).`;
  const missing = new Map<string, string[]>();
  for (const o of notEvaluated) missing.set(o.detail ?? '', [...(missing.get(o.detail ?? '') ?? []), o.ruleId]);
  const inv = a.snapshot.bundle;
  const id = a.snapshot.identity;
  const up = uptimeOf(a.snapshot);
  const context = [
    id?.hostname && { label: 'host', value: id.hostname.value },
    id?.manifest?.value.deviceId && { label: 'device id', value: id.manifest.value.deviceId },
    id?.manifest?.value.captureTime && { label: 'captured', value: id.manifest.value.captureTime },
    up !== undefined && { label: 'uptime', value: formatDuration(up) },
  ].filter((x): x is { label: string; value: string } => !!x);
  return {
    bundle: inv.source,
    device: a.device.summary,
    context,
    generatedAt: now.toISOString(),
    headline,
    headlineLabel: status !== 'problems' ? 'Verdict' : leadCause ? 'Top cause' : 'Top finding',
    leadCauseId: leadCause?.id,
    status,
    completeness,
    counts,
    hypotheses: a.hypotheses,
    findings: a.findings,
    missing: [...missing.entries()].map(([reason, rules]) => ({ reason, rules })),
    notEvaluated,
    ruleErrors,
    passed: a.outcomes.filter((o) => o.status === 'passed'),
    inputs: inv.entries.filter((e) => e.kind).map((e) => ({ path: e.path, kind: e.kind, size: e.size, note: [e.truncated ? 'cut short' : '', e.note ?? ''].filter(Boolean).join('; ') || undefined })),
    unused: inv.entries.filter((e) => !e.kind && e.unusedReason).map((e) => ({ path: e.path, reason: e.unusedReason! })),
    problems: inv.problems,
    diagnostics: a.snapshot.diagnostics,
    provenance: a.provenance,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
/** A verdict as a sentence, so the next one can follow it. */
const sentence = (t: string) => (/[.!?]$/.test(t) ? t : `${t}.`);
