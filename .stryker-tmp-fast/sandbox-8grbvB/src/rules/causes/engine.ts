/**
 * The causes engine: every cause of the pack whose trigger holds is scored (base, plus each
 * support that holds, minus each argument against that holds) and ranked; equal confidences
 * are ordered by evidence strength, and the report says so.
 */
// @ts-nocheck

import type { Facts } from '../../facts/facts.js';
import { formatDuration } from '../stats.js';
import { severityRank, type Finding, type Severity } from '../types.js';
import { TAG_KINDS, tagValue } from '../tags.js';
import { holds, type ConditionInput } from './conditions.js';
import type { CompiledCause, Condition, RankedCause, Reason } from './types.js';

const MIN_CONFIDENCE = 0.05;
const MAX_CONFIDENCE = 0.95;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** What the summary and reason templates may read. */
function templateContext(input: ConditionInput) {
  const has: Record<string, boolean> = {};
  const values: Record<string, string> = {};
  for (const f of input.findings) for (const t of f.tags) if (!t.includes(':')) has[t] = true;
  for (const kind of TAG_KINDS) {
    const vs = [...new Set(input.findings.flatMap((f) => f.tags.map((t) => tagValue(t, kind)).filter((v): v is string => v !== undefined)))];
    if (vs.length) values[kind] = vs.join(', ');
  }
  const up = input.facts.uptimeHours;
  return { facts: { ...input.facts, uptime: up === undefined ? undefined : formatDuration(up * 3600) }, has, values };
}

const pctOf = (x: number) => `${Math.round(x * 100)}%`;
const FACT_OPS = [['lt', '<'], ['le', '<='], ['gt', '>'], ['ge', '>='], ['eq', '='], ['ne', '!='], ['in', 'in']] as const;

/** A condition in the pack's terms (tags, facts), with a fact's value in this bundle. */
export function describeCondition(c: Condition, facts: Facts): string {
  if (typeof c === 'string') return c;
  if ('tag' in c) return `${c.tag}${c.except?.length ? ` (not with ${c.except.join(', ')})` : ''}${c.atLeast ? ` on at least ${c.atLeast} findings` : ''}`;
  if ('fact' in c) {
    const [k, op] = FACT_OPS.find(([k]) => (c as unknown as Record<string, unknown>)[k] !== undefined) ?? ['eq', '='];
    const want = (c as unknown as Record<string, unknown>)[k];
    const have = facts[c.fact];
    const shown = typeof have === 'number' ? String(Math.round(have * 10) / 10) : String(have);
    return `${c.fact} ${op} ${Array.isArray(want) ? want.join('/') : String(want)}${have !== undefined ? ` (it is ${shown})` : ''}`;
  }
  if ('not' in c) return `not ${describeCondition(c.not, facts)}`;
  const parts = ('all' in c ? c.all : c.any).map((x) => describeCondition(x, facts));
  return `(${parts.join('all' in c ? ' and ' : ' or ')})`.replace(/^\((.*)\)$/, parts.length === 1 ? '$1' : '($1)');
}

function evaluate(cause: CompiledCause, input: ConditionInput, context: object): RankedCause | null {
  const matched = new Set<Finding>();
  const held: string[] = [];
  for (const t of cause.triggers) if (holds(t, input, matched)) held.push(describeCondition(t, input.facts));
  if (!held.length) return null;
  const triggeredBy = { conditions: held, findingIds: input.findings.filter((f) => matched.has(f)).map((f) => f.id) };
  if ((cause.excludedBy ?? []).some((c) => holds(c, input) === true)) return null;
  const reasons: Reason[] = [];
  let confidence = cause.base;
  (cause.support ?? []).forEach((w, i) => {
    if (holds(w.when, input, matched) !== true) return;
    confidence += w.weight;
    reasons.push({ text: cause.render.support[i]!(context), weight: w.weight, when: describeCondition(w.when, input.facts) });
  });
  const against: string[] = [];
  (cause.against ?? []).forEach((w, i) => {
    if (holds(w.when, input) !== true) return;
    confidence -= w.weight;
    const text = cause.render.against[i]!(context);
    against.push(text);
    reasons.push({ text, weight: -w.weight, when: describeCondition(w.when, input.facts) });
  });
  const cited = input.findings.filter((f) => matched.has(f));
  const top = cited.reduce<Severity | 'none'>((best, f) => (best === 'none' || severityRank(f.severity) > severityRank(best) ? f.severity : best), 'none');
  return {
    id: cause.id,
    cause: cause.title,
    summary: cause.render.summary(context).trim(),
    confidence: round2(Math.max(MIN_CONFIDENCE, Math.min(MAX_CONFIDENCE, confidence))),
    supporting: cited.map((f) => ({ findingId: f.id, ruleId: f.ruleId, verdict: f.verdict })),
    against,
    reasons,
    strength: {
      topSeverity: top,
      signals: reasons.filter((r) => r.weight > 0).length,
      evidenceLines: cited.reduce((n, f) => n + (f.evidenceCount ?? f.evidence.length), 0),
    },
    remedy: cause.remedy,
    references: cause.references,
    triggeredBy,
    ranking: '',
  };
}

const sevRank = (s: Severity | 'none') => (s === 'none' ? 0 : severityRank(s));

/** Evidence strength, strongest first: worst supporting severity, signals that held, evidence lines. */
function compareStrength(a: RankedCause, b: RankedCause): number {
  return (
    sevRank(b.strength.topSeverity) - sevRank(a.strength.topSeverity) ||
    b.strength.signals - a.strength.signals ||
    b.strength.evidenceLines - a.strength.evidenceLines
  );
}

/** Why `a` ranks above `b` at the same confidence, in words. */
function tieReason(a: RankedCause, b: RankedCause): string {
  const s = a.strength;
  const t = b.strength;
  if (s.topSeverity !== t.topSeverity) return `its strongest finding is ${s.topSeverity}, against ${t.topSeverity}`;
  if (s.signals !== t.signals) return `${s.signals} supporting signals held, against ${t.signals}`;
  if (s.evidenceLines !== t.evidenceLines) return `${s.evidenceLines} evidence lines, against ${t.evidenceLines}`;
  return 'the evidence is equally strong; listed in id order';
}

export function rankCauses(causes: CompiledCause[], findings: Finding[], facts: Facts): RankedCause[] {
  // Informational findings describe the device; they are not evidence of a failure.
  const input: ConditionInput = { findings: findings.filter((f) => f.severity !== 'info'), facts };
  const context = templateContext(input);
  const ranked = causes
    .map((c) => evaluate(c, input, context))
    .filter((c): c is RankedCause => c !== null)
    .sort((a, b) => b.confidence - a.confidence || compareStrength(a, b) || (a.id < b.id ? -1 : 1));
  ranked.forEach((c, i) => {
    const next = ranked[i + 1];
    if (!next || next.confidence !== c.confidence) return;
    const why = tieReason(c, next);
    const pct = `${Math.round(c.confidence * 100)}%`;
    c.tieBreak = [c.tieBreak, `ranked above "${next.cause}" (also ${pct}): ${why}`].filter(Boolean).join('; ');
    next.tieBreak = `ranked below "${c.cause}" (also ${pct}): ${why}`;
  });
  const bases = new Map(causes.map((c) => [c.id, c.base]));
  ranked.forEach((c, i) => (c.ranking = rankingSentence(c, bases.get(c.id) ?? 0, i, ranked)));
  return ranked;
}

/** Why a cause ranks where it does: position, what raised it, each weight that held, its neighbours. */
function rankingSentence(c: RankedCause, base: number, i: number, ranked: RankedCause[]): string {
  const parts = [`ranked ${i + 1} of ${ranked.length} at ${pctOf(c.confidence)}`];
  const by = c.triggeredBy.findingIds.length ? ` (findings ${c.triggeredBy.findingIds.slice(0, 4).join(', ')}${c.triggeredBy.findingIds.length > 4 ? ` and ${c.triggeredBy.findingIds.length - 4} more` : ''})` : '';
  parts.push(`raised by ${c.triggeredBy.conditions.join(' and ')}${by}`);
  const steps = [`base ${pctOf(base)}`, ...c.reasons.map((r) => `${r.weight > 0 ? '+' : '-'}${pctOf(Math.abs(r.weight))} ${r.weight > 0 ? 'for' : 'against'} ${r.when ?? r.text}`)];
  const raw = base + c.reasons.reduce((a, r) => a + r.weight, 0);
  const capped = Math.abs(round2(raw) - c.confidence) > 0.001 ? `, held within ${pctOf(MIN_CONFIDENCE)}-${pctOf(MAX_CONFIDENCE)}` : '';
  parts.push(`${steps.join(', ')}${capped}`);
  if (!c.reasons.some((r) => r.weight < 0)) parts.push('nothing counted against it');
  const above = ranked[i - 1];
  const below = ranked[i + 1];
  if (above && above.confidence !== c.confidence) parts.push(`below "${above.cause}" (${pctOf(above.confidence)})`);
  if (below && below.confidence !== c.confidence) parts.push(`above "${below.cause}" (${pctOf(below.confidence)})`);
  if (c.tieBreak) parts.push(c.tieBreak);
  return parts.join('; ') + '.';
}
