/**
 * RuleTester, in the manner of ESLint's: a rule is run on small bundles given as files;
 * `valid` cases must produce no finding, `invalid` cases must produce the listed message ids
 * (and, when given, severities, verdict patterns, evidence file:line, tags, catalogue ids and
 * key figures). Every quoted evidence line must be the line of the case file it cites. Unknown message ids and unfilled placeholders fail the case, and a rule
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
import type { Figure, Finding, Rule, Severity } from './types.js';

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

/** Where a finding's evidence must point: the bundle file and its 1-based line. */
export interface ExpectedEvidence {
  file: string;
  line: number;
}

/** One expected finding of an invalid case; everything but the message id is optional. */
export interface ExpectedFinding {
  messageId: string;
  severity?: Severity;
  verdict?: RegExp;
  /** The evidence lines, all of them, in order (file and line; the text is checked against the file). */
  evidence?: ExpectedEvidence[];
  /** The finding's tags, as a set. */
  tags?: readonly string[];
  /** The catalogue signature ids the finding rests on, as a set. */
  signatures?: readonly string[];
  /** Key figures by label (the finding may have more). */
  figures?: Record<string, string | number>;
}

export interface InvalidCase extends ValidCase {
  /** Expected findings in order. */
  findings: ExpectedFinding[];
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

const sameSet = (a: readonly string[], b: readonly string[]) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

/** The text of a case file (by its bundle path, or by its last path segment when unique). */
function caseFileLines(files: BundleFiles, file: string): string[] | null {
  let content = files[file];
  if (content === undefined) {
    const hits = Object.keys(files).filter((k) => k === file || k.endsWith(`/${file}`) || file.endsWith(`/${k}`));
    if (hits.length !== 1) return null;
    content = files[hits[0]!]!;
  }
  return (Buffer.isBuffer(content) ? content.toString('utf8') : content).split(/\r?\n/);
}

/** Decimal numbers written one way (97.500 and 97.5 are the same reading), runs of blanks as one. */
const normalNumbers = (t: string) => t.replace(/\d+\.\d+/g, (n) => String(Number(n))).replace(/\s+/g, ' ');

/**
 * A quoted line must be the line it says it is. Kernel-log quotes (with their timestamp) hold
 * the message verbatim;
 * quotes of fields (meminfo, tegrastats, sysfs) hold at least one distinctive token of the
 * line: a word with a digit, a capital or punctuation in it (a key, a reading, a device).
 */
export function evidenceMismatch(files: BundleFiles, e: { file: string; line: number; text: string }): string | null {
  const lines = caseFileLines(files, e.file);
  if (!lines) return `evidence cites ${e.file}, which is not a file of the case`;
  if (!Number.isInteger(e.line) || e.line < 1 || e.line > lines.length) return `evidence cites ${e.file}:${e.line}, beyond the file's ${lines.length} line(s)`;
  const source = normalNumbers(lines[e.line - 1]!);
  const stamped = /^\[\s*\d+\.\d+\]/.test(e.text);
  const body = normalNumbers(e.text.replace(/^\[\s*\d+\.\d+\]\s*/, '').trim());
  if (body && source.includes(body)) return null;
  if (stamped) return `evidence ${e.file}:${e.line} quotes "${e.text}" but that line is "${lines[e.line - 1]}"`;
  const tokens = body.split(/[\s,;()]+/).map((w) => w.replace(/:$/, '')).filter((w) => w.length >= 3 && /[\dA-Z@._\/-]/.test(w));
  if (tokens.some((w) => source.includes(w))) return null;
  return `evidence ${e.file}:${e.line} quotes "${e.text}" but that line is "${source}"`;
}

/** What is wrong with a figure a report would print (a label and a real value), or null. */
export function figureProblem(x: unknown): string | null {
  const fig = x as Partial<Figure> | null;
  if (typeof fig !== 'object' || fig === null) return 'is not a labelled figure';
  if (typeof fig.label !== 'string' || !fig.label.trim()) return 'has no label';
  if (typeof fig.value === 'number' ? !Number.isFinite(fig.value) : typeof fig.value !== 'string' || !fig.value.trim() || /undefined|NaN|null/.test(fig.value)) return 'has no real value';
  if (fig.unit !== undefined && (typeof fig.unit !== 'string' || !fig.unit.trim())) return 'has an empty unit';
  return null;
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
    const at = `invalid case "${c.name}": finding ${i} (${f.messageId})`;
    const badFigure = f.figures.find((x) => figureProblem(x) !== null);
    if (badFigure) throw new Error(`${at}: figure ${JSON.stringify(badFigure)} ${figureProblem(badFigure)}`);
    for (const e of f.evidence) {
      const bad = evidenceMismatch(c.files, e);
      if (bad) throw new Error(`${at}: ${bad}`);
    }
    if (w.evidence) {
      const got = f.evidence.map((e) => `${e.file}:${e.line}`);
      const want = w.evidence.map((e) => `${e.file}:${e.line}`);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${at}: evidence at ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    if (w.tags && !sameSet(f.tags, w.tags)) throw new Error(`${at}: tags ${JSON.stringify(f.tags)}, expected ${JSON.stringify(w.tags)}`);
    if (w.signatures && !sameSet(f.signatures, w.signatures)) throw new Error(`${at}: catalogue ids ${JSON.stringify(f.signatures)}, expected ${JSON.stringify(w.signatures)}`);
    for (const [label, value] of Object.entries(w.figures ?? {})) {
      const fig = f.figures.find((x) => x.label === label);
      if (!fig) throw new Error(`${at}: no figure "${label}" (has ${f.figures.map((x) => x.label).join(', ') || 'none'})`);
      if (fig.value !== value) throw new Error(`${at}: figure "${label}" is ${JSON.stringify(fig.value)}, expected ${JSON.stringify(value)}`);
    }
  });
  return found;
}
