/** The one-way pipeline: bundle -> parsers -> snapshot -> rules -> findings -> facts -> ranked causes. */
// @ts-nocheck

// 

import { loadSnapshot, type LoadOptions } from './snapshot/load.js';
import type { Snapshot } from './snapshot/types.js';
import { runRules, type EngineOptions, type EngineResult } from './rules/engine.js';
import type { Rule } from './rules/types.js';
import { allRules } from './rules/registry.js';
import { loadSignatures, type CompiledSignature } from './rules/signatures/pack.js';
import { reportProvenance, type ConfigInEffect, type ReportProvenance } from './verdict/provenance.js';
import { computeFacts, type Facts } from './facts/facts.js';
import { loadCauses } from './rules/causes/pack.js';
import { rankCauses } from './rules/causes/engine.js';
import type { CompiledCause, RankedCause } from './rules/causes/types.js';

// Reading a bundle into a snapshot lives in snapshot/load.ts (so `parse` loads no rules).
export { loadSnapshot, SeveralBundlesError } from './snapshot/load.js';

export interface AnalyzeOptions extends LoadOptions {
  engine?: Omit<EngineOptions, 'signatures'>;
  /** Extra rule-pack directories (--rules). */
  ruleDirs?: string[];
  /** Replaces the rule set (tests). */
  rules?: Rule[];
  signatures?: CompiledSignature[];
  /** The configuration file and overrides in effect (the CLI fills it), for the report's provenance. */
  config?: ConfigInEffect;
  /** Compiled causes packs (loaded from the rules folders when not given). */
  causes?: CompiledCause[];
}

export interface Analysis extends EngineResult {
  snapshot: Snapshot;
  facts: Facts;
  /** The root causes that apply, most likely first. */
  hypotheses: RankedCause[];
  provenance: ReportProvenance;
}

export function analyzeSnapshot(snapshot: Snapshot, options: AnalyzeOptions = {}): Analysis {
  const signatures = options.signatures ?? loadSignatures(options.ruleDirs ?? []);
  const rules = options.rules ?? allRules(signatures);
  const causes = options.causes ?? loadCauses(options.ruleDirs ?? []);
  const result = runRules(rules, snapshot, { ...options.engine, signatures });
  const facts = computeFacts(snapshot, result.device);
  const provenance = reportProvenance(rules, signatures, options.config);
  return { snapshot, ...result, facts, hypotheses: rankCauses(causes, result.findings, facts), provenance };
}

export async function analyze(input: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const snapshot = await loadSnapshot(input, options);
  return analyzeSnapshot(snapshot, options);
}
