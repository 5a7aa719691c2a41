/**
 * Runs the rules over a snapshot. A rule whose required inputs are missing is reported as
 * not evaluated (never as healthy); a rule that throws is a rule error and the others run.
 */
// @ts-nocheck

// 

import type { Snapshot, SnapshotPart } from '../snapshot/types.js';
import { deviceContext, type DeviceContext } from './device/context.js';
import { fillTemplate } from './format.js';
import type { Finding, FindingInput, Rule, RuleOutcome } from './types.js';
import { matchSignatures, type SignatureIndex } from './signatures/match.js';
import type { CompiledSignature } from './signatures/pack.js';
import { severityRank } from './types.js';
import { findingId, findingSubject, uniqueFindingIds } from './finding-id.js';
import { isTag } from './tags.js';
import { inputName } from './input-names.js';
import { bootEpoch } from '../util/boot-clock.js';
import { bootNote } from './boot-note.js';

export interface EngineOptions {
  /** Per-rule threshold overrides: { "memory-pressure": { "availablePctCritical": 3 } }. */
  thresholds?: Record<string, Record<string, number>>;
  /** Compiled signature packs (built-in plus --rules). */
  signatures?: CompiledSignature[];
  /** Rule ids switched off by configuration. */
  disabled?: string[];
  /** Evidence lines kept per finding (the count of all is kept too); 0 keeps every line. */
  maxEvidence?: number;
}

export const DEFAULT_MAX_EVIDENCE = 50;

export interface EngineResult {
  device: DeviceContext;
  findings: Finding[];
  outcomes: RuleOutcome[];
  signatures: SignatureIndex;
}

/** The inputs a rule needs that the bundle lacks (empty when it can run). */
export function missingParts(rule: Rule, s: Snapshot): string[] {
  const missing: string[] = rule.meta.requires.filter((p) => !hasPart(s, p)).map(inputName);
  const any = rule.meta.requiresAny ?? [];
  if (any.length && !any.some((p) => hasPart(s, p))) missing.push(any.map(inputName).join(' or '));
  const custom = missing.length ? null : rule.meta.unavailable?.(s);
  if (custom) missing.push(custom);
  return missing;
}

export function hasPart(s: Snapshot, p: SnapshotPart): boolean {
  const v = s[p];
  if (!v) return false;
  if (p === 'meminfo') return s.meminfo!.captures.length > 0;
  if (p === 'tegrastats') return s.tegrastats!.samples > 0;
  if (p === 'dmesg') return s.dmesg!.records.length > 0;
  if (p === 'buddyinfo') return s.buddyinfo!.captures.length > 0;
  return true;
}

/** Thrown inside a rule's check by ctx.notEvaluated: the run records it, nothing else sees it. */
export class NotEvaluated extends Error {}

export function runRule(
  rule: Rule,
  snapshot: Snapshot,
  device: DeviceContext,
  signatures: SignatureIndex,
  options: EngineOptions = {},
): Finding[] {
  const found: Finding[] = [];
  const thresholds = { ...rule.meta.thresholds, ...(options.thresholds?.[rule.meta.id] ?? {}) };
  rule.check({
    snapshot,
    device,
    thresholds,
    signatures,
    notEvaluated(reason: string): never {
      throw new NotEvaluated(reason);
    },
    report(f: FindingInput) {
      const template = rule.meta.messages[f.messageId];
      if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${f.messageId}"`);
      const badTag = f.tags?.find((t) => !isTag(t));
      if (badTag !== undefined) throw new Error(`rule ${rule.meta.id} reported unknown tag "${badTag}"`);
      const evidence = f.evidence ?? [];
      const cited = [...new Set(f.signatures ?? [])];
      const verdict = f.rendered ?? fillTemplate(template, f.data);
      const boot = rule.meta.namesBoot ? null : bootNote(snapshot, evidence);
      const unknown = cited.filter((id) => !rule.meta.signatures?.includes(id));
      if (unknown.length) throw new Error(`rule ${rule.meta.id} cited signature id(s) it does not declare: ${unknown.join(', ')}`);
      found.push({
        id: findingId(rule.meta.id, f.messageId, findingSubject(f)),
        ruleId: rule.meta.id,
        messageId: f.messageId,
        title: rule.meta.title,
        category: rule.meta.category,
        severity: f.severity,
        confidence: Math.max(0, Math.min(1, f.confidence)),
        verdict: boot ? `${boot}: ${verdict}` : verdict,
        figures: f.figures ?? [],
        evidence: options.maxEvidence === 0 ? evidence : evidence.slice(0, options.maxEvidence ?? DEFAULT_MAX_EVIDENCE),
        evidenceCount: evidence.length,
        remedy: f.remedy ?? rule.meta.remedy ?? [],
        references: rule.meta.references ?? [],
        tags: f.tags ?? [],
        signatures: cited,
      });
    },
  });
  return found;
}

export function runRules(rules: Rule[], snapshot: Snapshot, options: EngineOptions = {}): EngineResult {
  const device = deviceContext(snapshot);
  const signatures = matchSignatures(snapshot.dmesg, options.signatures ?? [], bootEpoch(snapshot));
  const findings: Finding[] = [];
  const outcomes: RuleOutcome[] = [];
  const disabled = new Set(options.disabled ?? []);
  for (const rule of rules) {
    if (disabled.has(rule.meta.id)) {
      outcomes.push({ ruleId: rule.meta.id, title: rule.meta.title, status: 'disabled', detail: 'switched off in the configuration' });
      continue;
    }
    const missing = missingParts(rule, snapshot);
    if (missing.length) {
      outcomes.push({
        ruleId: rule.meta.id,
        title: rule.meta.title,
        status: 'not-evaluated',
        detail: `${missing.map((m) => `no ${m}`).join(' and ')} in bundle`,
      });
      continue;
    }
    try {
      const f = runRule(rule, snapshot, device, signatures, options);
      findings.push(...f);
      outcomes.push({ ruleId: rule.meta.id, title: rule.meta.title, status: f.length ? 'fired' : 'passed' });
    } catch (e) {
      if (e instanceof NotEvaluated) outcomes.push({ ruleId: rule.meta.id, title: rule.meta.title, status: 'not-evaluated', detail: e.message });
      else outcomes.push({ ruleId: rule.meta.id, title: rule.meta.title, status: 'rule-error', detail: (e as Error).message });
    }
  }
  findings.sort(compareFindings);
  uniqueFindingIds(findings);
  return { device, findings, outcomes, signatures };
}

/**
 * Report order, the same on every run: severity, then confidence, then evidence strength
 * (more evidence lines, then more catalogue signatures behind the finding), then rule and
 * message id and verdict so that equal findings never swap places between runs or machines.
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    b.confidence - a.confidence ||
    (b.evidenceCount ?? b.evidence.length) - (a.evidenceCount ?? a.evidence.length) ||
    b.signatures.length - a.signatures.length ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.messageId, b.messageId) ||
    cmp(a.verdict, b.verdict)
  );
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
