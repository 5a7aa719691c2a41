/** The one-way pipeline: bundle -> parsers -> snapshot -> rules -> findings -> facts -> ranked causes. */
import { assembleBundle } from './bundle/assemble.js';
import { DEFAULT_LIMITS, type IntakeLimits } from './bundle/limits.js';
import { readBundle, type ReadResult } from './bundle/read.js';
import { describeBundle, findBundles } from './bundle/bundles.js';
import { UserInputError } from './errors.js';
import type { ParserOptions } from './parsers/options.js';
import { buildSnapshot, DEFAULT_PARSER_OPTIONS } from './snapshot/build.js';
import type { Snapshot } from './snapshot/types.js';
import { runRules, type EngineOptions, type EngineResult } from './rules/engine.js';
import type { Rule } from './rules/types.js';
import { allRules } from './rules/registry.js';
import { loadSignatures, type CompiledSignature } from './rules/signatures/pack.js';
import { computeFacts, type Facts } from './facts/facts.js';
import { loadCauses } from './rules/causes/pack.js';
import { rankCauses } from './rules/causes/engine.js';
import type { CompiledCause, RankedCause } from './rules/causes/types.js';

export interface AnalyzeOptions {
  limits?: Partial<IntakeLimits>;
  parser?: Partial<ParserOptions>;
  engine?: Omit<EngineOptions, 'signatures'>;
  /** Extra rule-pack directories (--rules). */
  ruleDirs?: string[];
  /** Replaces the rule set (tests). */
  rules?: Rule[];
  signatures?: CompiledSignature[];
  /** Compiled causes packs (loaded from the rules folders when not given). */
  causes?: CompiledCause[];
}

export interface Analysis extends EngineResult {
  snapshot: Snapshot;
  facts: Facts;
  /** The root causes that apply, most likely first. */
  hypotheses: RankedCause[];
}

export async function loadSnapshot(input: string, options: AnalyzeOptions = {}): Promise<Snapshot> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = await readBundle(input, limits);
  refuseSeveralBundles(input, read);
  const assembled = assembleBundle(input, read);
  return buildSnapshot(assembled, { ...DEFAULT_PARSER_OPTIONS, ...options.parser }, limits.maxLineLength);
}

export function analyzeSnapshot(snapshot: Snapshot, options: AnalyzeOptions = {}): Analysis {
  const signatures = options.signatures ?? loadSignatures(options.ruleDirs ?? []);
  const rules = options.rules ?? allRules(signatures);
  const causes = options.causes ?? loadCauses(options.ruleDirs ?? []);
  const result = runRules(rules, snapshot, { ...options.engine, signatures });
  const facts = computeFacts(snapshot, result.device);
  return { snapshot, ...result, facts, hypotheses: rankCauses(causes, result.findings, facts) };
}

export async function analyze(input: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const snapshot = await loadSnapshot(input, options);
  return analyzeSnapshot(snapshot, options);
}

/** Thrown when the input holds several bundles (exit 2): they are never merged into one device. */
export class SeveralBundlesError extends UserInputError {}

function refuseSeveralBundles(input: string, read: ReadResult): void {
  const bundles = findBundles(read.entries);
  if (bundles.length < 2) return;
  const shown = bundles.slice(0, 20).map((b) => `  - ${describeBundle(b)}`);
  if (bundles.length > 20) shown.push(`  - and ${bundles.length - 20} more`);
  throw new SeveralBundlesError(
    [
      `"${input}" holds ${bundles.length} bundles, not one; analyze reads one device at a time (merged, they would describe a device that does not exist):`,
      ...shown,
      `Analyse each one on its own (jetdiag analyze <one of them>), or all of them with: jetdiag batch ${input}`,
    ].join('\n'),
  );
}
