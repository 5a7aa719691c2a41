/**
 * One bundle reference in, one BundleResult out. Never throws: a bundle that cannot be read
 * or analysed is a result with status 'failed' and its error, so a batch never stops on one.
 * Used by the batch worker pool and by the queue workers alike.
 */
import { promises as fsp } from 'node:fs';
import { analyze, type AnalyzeOptions } from '../analyze.js';
import { allRules } from '../rules/registry.js';
import { loadCauses } from '../rules/causes/pack.js';
import { loadSignatures } from '../rules/signatures/pack.js';
import type { Rule } from '../rules/types.js';
import { VERSION } from '../version.js';
import { isS3Url, statS3Object } from '../bundle/s3.js';
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
  if (prepared?.key === key && !options.rules && !options.signatures && !options.causes) return prepared;
  const signatures = options.signatures ?? loadSignatures(options.ruleDirs ?? []);
  const rules = options.rules ?? allRules(signatures);
  // The causes packs too: analyze() would otherwise read and compile them for every bundle.
  const causes = options.causes ?? loadCauses(options.ruleDirs ?? []);
  const p = {
    key,
    options: { ...options, signatures, rules, causes },
    rulesById: new Map(rules.map((r) => [r.meta.id, r])),
    version: rulesetVersion(rules, signatures, options.engine),
  };
  if (!options.rules && !options.signatures && !options.causes) prepared = p;
  return p;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The result of a bundle that could not be analysed: still a row, with its error. */
export function failedResult(ref: string, o: { contentHash?: string; rulesetVersion: string; error: string; mtimeMs?: number; bytes?: number; started?: number }): BundleResult {
  const started = o.started ?? Date.now();
  return {
    resultVersion: RESULT_VERSION,
    path: ref,
    contentHash: o.contentHash ?? '',
    rulesetVersion: o.rulesetVersion,
    jetdiagVersion: VERSION,
    status: 'failed',
    headline: `Could not analyse: ${o.error}`,
    ...bundleIdentity(ref, undefined, o.mtimeMs),
    figures: {},
    findings: [],
    causes: [],
    fingerprints: [],
    error: o.error,
    bundleProblems: 0,
    bytes: o.bytes ?? 0,
    analysedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
  };
}

export async function analyzeBundle(ref: string, options: AnalyzeOneOptions = {}): Promise<BundleResult> {
  const started = Date.now();
  const { contentHash: knownHash, ...rest } = options;
  let version = '';
  let hash = knownHash;
  let mtimeMs: number | undefined;
  let bytes = 0;
  try {
    const ruleset = prepareRuleset(rest);
    version = ruleset.version;
    const st = isS3Url(ref) ? { ...(await statS3Object(ref)), isDirectory: () => false } : await fsp.stat(ref);
    mtimeMs = st.mtimeMs;
    bytes = st.size;
    hash ??= await contentHash(ref);
    const a = await analyze(ref, ruleset.options);
    const findings = a.findings.map((f) => findingRecord(f));
    const { causes, fingerprints } = causesAndFingerprints(a, findings);
    const { status, headline } = statusOf(a);
    const d = a.device;
    return {
      resultVersion: RESULT_VERSION,
      path: ref,
      contentHash: hash,
      rulesetVersion: version,
      jetdiagVersion: VERSION,
      status,
      headline,
      ...bundleIdentity(ref, a.snapshot, mtimeMs),
      ...(a.snapshot.identity?.hostname ? { hostname: a.snapshot.identity.hostname.value } : {}),
      ...(d.board ? { board: d.board.name } : {}),
      ...(d.soc ? { soc: d.soc } : {}),
      ...(d.l4t ? { l4t: d.l4t } : {}),
      ...(d.jetpack ? { jetpack: d.jetpack } : {}),
      ...(d.kernel ? { kernel: d.kernel } : {}),
      figures: keyFigures(a.snapshot),
      findings,
      causes,
      fingerprints,
      bundleProblems: a.snapshot.bundle.problems?.length ?? 0,
      bytes: st.isDirectory() ? (a.snapshot.bundle.totalBytes ?? 0) : st.size,
      analysedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    };
  } catch (e) {
    return failedResult(ref, { contentHash: hash, rulesetVersion: version, error: message(e), mtimeMs, bytes, started });
  }
}
