/** The shapes shared by the rule engine, the built-in rules and the renderers. */
// @ts-nocheck

// 

import type { Snapshot, SnapshotPart } from '../snapshot/types.js';
import type { DeviceContext } from './device/context.js';
import type { SignatureIndex } from './signatures/match.js';
import type { Tag } from './tags.js';

export const SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

export interface Evidence {
  file: string;
  line: number;
  text: string;
}

export interface Figure {
  label: string;
  value: number | string;
  unit?: string;
}

export interface Finding {
  /** Stable id: rule id / message id / subject (see finding-id.ts); causes refer to it. */
  id: string;
  ruleId: string;
  /** Which of the rule's messages this is (stable, for tests and machine-readable output). */
  messageId: string;
  title: string;
  category: string;
  severity: Severity;
  /** 0..1: how sure the rule is that the finding is real and means what the verdict says. */
  confidence: number;
  verdict: string;
  figures: Figure[];
  evidence: Evidence[];
  /** Total evidence lines before the list was cut for the report. */
  evidenceCount?: number;
  remedy: string[];
  references: string[];
  /** Facts the root causes correlate on (closed vocabulary, see tags.ts), e.g. `process:python3`. */
  tags: Tag[];
  /** Catalogue signature ids the finding rests on (the fleet's grouping key). */
  signatures: string[];
}

export interface RuleDocs {
  description: string;
  why: string;
  /** The seed guide section(s) or catalogue entry the rule implements. */
  seed: string;
}

export interface RuleMeta {
  id: string;
  title: string;
  category: string;
  docs: RuleDocs;
  /** All of these parts must be in the bundle. */
  requires: SnapshotPart[];
  /** At least one of these parts must be in the bundle (when given). */
  requiresAny?: SnapshotPart[];
  /** Parts read when present. */
  uses?: SnapshotPart[];
  /** A finer availability test than parts: the missing input's description, or null. */
  unavailable?: (s: Snapshot) => string | null;
  thresholds: Record<string, number>;
  /** Message templates by id; `{{name}}` placeholders filled from the report's data. */
  messages: Record<string, string>;
  remedy?: string[];
  references?: string[];
  /** Catalogue signature ids (shared/signatures.md) this rule reports or derives. */
  signatures?: string[];
  /** Declarative rules: the pack they come from. */
  pack?: string;
  /** The rule names the boot its findings are about itself (no "Previous boot (…):" lead-in). */
  namesBoot?: boolean;
}

export interface FindingInput {
  messageId: string;
  data?: Record<string, string | number>;
  /** Already-rendered verdict (declarative rules render their Handlebars template). */
  rendered?: string;
  severity: Severity;
  confidence: number;
  figures?: Figure[];
  evidence?: Evidence[];
  remedy?: string[];
  tags?: Tag[];
  /** What the finding is about (a process, device, zone); part of its stable id. */
  subject?: string;
  /** Catalogue ids the finding rests on; must be among the rule's `meta.signatures`. */
  signatures?: readonly string[];
}

export interface RuleContext {
  snapshot: Snapshot;
  device: DeviceContext;
  thresholds: Record<string, number>;
  /** Kernel-message signature hits, matched once per analysis. */
  signatures: SignatureIndex;
  report(f: FindingInput): void;
  /**
   * The rule cannot judge this bundle although its inputs are present (a series check given
   * a single capture): the outcome is "not evaluated" with this reason, never "passed".
   */
  notEvaluated(reason: string): never;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** What happened to each rule in a run. */
export interface RuleOutcome {
  ruleId: string;
  title: string;
  status: 'fired' | 'passed' | 'not-evaluated' | 'rule-error' | 'disabled';
  /** For not-evaluated: the missing inputs; for rule-error: the error. */
  detail?: string;
}
