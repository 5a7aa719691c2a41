/** The one-way pipeline: bundle -> parsers -> snapshot -> rules -> findings. */
import { assembleBundle } from './bundle/assemble.js';
import { DEFAULT_LIMITS, type IntakeLimits } from './bundle/limits.js';
import { readBundle } from './bundle/read.js';
import type { ParserOptions } from './parsers/registry.js';
import { buildSnapshot, DEFAULT_PARSER_OPTIONS } from './snapshot/build.js';
import type { Snapshot } from './snapshot/types.js';
import { runRules, type EngineOptions, type EngineResult } from './rules/engine.js';
import type { Rule } from './rules/types.js';
import { BUILTIN_RULES } from './rules/registry.js';

export interface AnalyzeOptions {
  limits?: Partial<IntakeLimits>;
  parser?: Partial<ParserOptions>;
  engine?: EngineOptions;
  rules?: Rule[];
}

export interface Analysis extends EngineResult {
  snapshot: Snapshot;
}

export async function loadSnapshot(input: string, options: AnalyzeOptions = {}): Promise<Snapshot> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const read = await readBundle(input, limits);
  const assembled = assembleBundle(input, read);
  return buildSnapshot(assembled, { ...DEFAULT_PARSER_OPTIONS, ...options.parser }, limits.maxLineLength);
}

export async function analyze(input: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const snapshot = await loadSnapshot(input, options);
  const result = runRules(options.rules ?? BUILTIN_RULES, snapshot, options.engine);
  return { snapshot, ...result };
}
