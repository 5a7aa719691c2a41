/**
 * One bundle reference in, one BundleResult out. Never throws: a bundle that cannot be read
 * or analysed is a result with status 'failed' and its error, so a batch never stops on one.
 * Used by the batch worker pool and by the queue workers alike.
 */
import { promises as fsp } from 'node:fs';
import { analyze, type AnalyzeOptions } from '../analyze.js';
import { allRules } from '../rules/registry.js';
import { loadSignatures } from '../rules/signatures/pack.js';
import type { Rule } from '../rules/types.js';
import { VERSION } from '../version.js';
import { contentHash } from './content-hash.js';
import { bundleIdentity } from './identity.js';
import { keyFigures } from './key-figures.js';
import { RESULT_VERSION, type BundleResult } from './result.js';
import { rulesetVersion } from './ruleset.js';
import { causesAndFingerprints, findingRecord, statusOf } from './verdict-bridge.js';

export interface AnalyzeOneOptions extends AnalyzeOptions {
  /** Already computed by the caller (it decided to analyse from it). */
  contentHash?: string;
}

/** Rules, signatures and version, built once per process (a worker analyses many bundles). */
interface Prepared {
  key: string;
  options: AnalyzeOptions;
  rulesById: Map<string, Rule>;
  version: string;
}
let prepared: Prepared | undefined;

export function prepareRuleset(options: AnalyzeOptions = {}): Prepared {
  const key = JSON.stringify({ r: options.ruleDirs ?? [], e: options.engine ?? {} });
  if (prepared?.key === key && !options.rules && !options.signatures) return prepared;
  const signatures = options.signatures ?? loadSignatures(options.ruleDirs ?? []);
  const rules = options.rules ?? allRules(signatures);
  const p = {
    key,
    options: { ...options, signatures, rules },
    rulesById: new Map(rules.map((r) => [r.meta.id, r])),
    version: rulesetVersion(rules, signatures, options.engine),
  };
  if (!options.rules && !options.signatures) prepared = p;
  return p;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function analyzeBundle(ref: string, options: AnalyzeOneOptions = {}): Promise<BundleResult> {
  const started = Date.now();
  const { contentHash: knownHash, ...rest } = options;
  let ruleset: Prepared | undefined;
  const base = {
    resultVersion: RESULT_VERSION,
    path: ref,
    contentHash: knownHash ?? '',
    rulesetVersion: '',
    jetdiagVersion: VERSION,
    figures: {},
    findings: [],
    causes: [],
    fingerprints: [],
    bundleProblems: 0,
    bytes: 0,
    analysedAt: new Date(started).toISOString(),
  };
  let mtimeMs: number | undefined;
  try {
    ruleset = prepareRuleset(rest);
    base.rulesetVersion = ruleset.version;
    const st = await fsp.stat(ref);
    mtimeMs = st.mtimeMs;
    base.bytes = st.size;
    base.contentHash = knownHash ?? (await contentHash(ref));
    const a = await analyze(ref, ruleset.options);
    const findings = a.findings.map((f) => findingRecord(f, ruleset!.rulesById));
    const { causes, fingerprints } = causesAndFingerprints(a, findings);
    const { status, headline } = statusOf(a);
    const d = a.device;
    return {
      ...base,
      status,
      headline,
      ...bundleIdentity(ref, a.snapshot, mtimeMs),
      ...(a.snapshot.identity?.hostname ? { hostname: a.snapshot.identity.hostname.value } : {}),
      ...(d.board ? { board: d.board.name } : {}),
      ...(d.soc ? { soc: d.soc } : {}),
      ...(d.l4t ? { l4t: d.l4t } : {}),
      ...(d.jetpack ? { jetpack: d.jetpack } : {}),
      ...(d.kernel ? { kernel: d.kernel } : {}),
      bytes: st.isDirectory() ? a.snapshot.bundle.totalBytes ?? 0 : st.size,
      figures: keyFigures(a.snapshot),
      findings,
      causes,
      fingerprints,
      bundleProblems: a.snapshot.bundle.problems?.length ?? 0,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    return {
      ...base,
      status: 'failed',
      headline: `Could not analyse: ${message(e)}`,
      ...bundleIdentity(ref, undefined, mtimeMs),
      error: message(e),
      durationMs: Date.now() - started,
    };
  }
}
