/**
 * RuleTester, in the manner of ESLint's: a rule is run on small bundles given as files;
 * `valid` cases must produce no finding, `invalid` cases must produce the listed message ids
 * (and severities). Unknown message ids and unfilled placeholders fail the case, and a rule
 * without docs fails before any case runs. Usable from any test runner: it throws.
 */
import { assembleBundle } from '../bundle/assemble.js';
import type { ReadResult } from '../bundle/read.js';
import { buildSnapshot } from '../snapshot/build.js';
import type { Snapshot } from '../snapshot/types.js';
import { deviceContext } from './device/context.js';
import { missingParts, runRule } from './engine.js';
import { matchSignatures } from './signatures/match.js';
import type { CompiledSignature } from './signatures/pack.js';
import type { Finding, Rule, Severity } from './types.js';

export type BundleFiles = Record<string, string | Buffer>;

/** Builds a snapshot from in-memory files, exactly as a directory bundle would be read. */
export function snapshotFromFiles(files: BundleFiles): Snapshot {
  const read: ReadResult = {
    kind: 'directory',
    problems: [],
    totalBytes: 0,
    entries: Object.entries(files).map(([path, content]) => {
      const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
      return { path, size: data.length, data };
    }),
  };
  return buildSnapshot(assembleBundle('test-bundle', read));
}

export interface ValidCase {
  name: string;
  files: BundleFiles;
  thresholds?: Record<string, number>;
}

export interface InvalidCase extends ValidCase {
  /** Expected findings in order: message id, and optionally severity and a verdict pattern. */
  findings: { messageId: string; severity?: Severity; verdict?: RegExp }[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function assertRuleDocumented(rule: Rule): void {
  const m = rule.meta;
  const missing = (['description', 'why', 'seed'] as const).filter((k) => !m.docs?.[k]?.trim());
  if (missing.length) throw new Error(`rule ${m.id} has no docs.${missing.join(', docs.')}`);
  if (!Object.keys(m.messages).length) throw new Error(`rule ${m.id} has no messages`);
  if (!m.title || !m.category) throw new Error(`rule ${m.id} needs a title and a category`);
}

/** Runs one rule on a case and returns its findings, or throws with a readable reason. */
export function runCase(rule: Rule, c: ValidCase, signatures: CompiledSignature[]): Finding[] {
  const snapshot = snapshotFromFiles(c.files);
  const missing = missingParts(rule, snapshot);
  if (missing.length) throw new Error(`case "${c.name}": the rule would not be evaluated (${missing.join(', ')})`);
  const thresholds = c.thresholds ? { [rule.meta.id]: c.thresholds } : undefined;
  return runRule(rule, snapshot, deviceContext(snapshot), matchSignatures(snapshot.dmesg, signatures), { thresholds });
}

export function checkValid(rule: Rule, c: ValidCase, signatures: CompiledSignature[]): void {
  const found = runCase(rule, c, signatures).filter((f) => f.severity !== 'info');
  if (found.length) throw new Error(`valid case "${c.name}" produced ${found.length} finding(s): ${found.map((f) => f.verdict).join(' | ')}`);
}

export function checkInvalid(rule: Rule, c: InvalidCase, signatures: CompiledSignature[]): Finding[] {
  const found = runCase(rule, c, signatures);
  const ids = found.map((f) => f.messageId);
  const want = c.findings.map((f) => f.messageId);
  if (JSON.stringify(ids) !== JSON.stringify(want)) {
    throw new Error(`invalid case "${c.name}": expected findings ${JSON.stringify(want)}, got ${JSON.stringify(ids)} (${found.map((f) => f.verdict).join(' | ')})`);
  }
  c.findings.forEach((w, i) => {
    const f = found[i]!;
    if (w.severity && f.severity !== w.severity) throw new Error(`invalid case "${c.name}": finding ${i} has severity ${f.severity}, expected ${w.severity}`);
    if (w.verdict && !w.verdict.test(f.verdict)) throw new Error(`invalid case "${c.name}": verdict "${f.verdict}" does not match ${w.verdict}`);
    if (/\{\{|\}\}|undefined|NaN/.test(f.verdict)) throw new Error(`invalid case "${c.name}": verdict has an unfilled value: "${f.verdict}"`);
    if (f.evidence.length === 0) throw new Error(`invalid case "${c.name}": finding ${i} quotes no evidence`);
  });
  return found;
}
