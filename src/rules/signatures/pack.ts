/**
 * Declarative rule packs (`rules/*.json`): kernel-message signatures with named-capture
 * regexes, category, severity and Handlebars verdict/remedy templates. Loaded at run time;
 * `--rules <dir>` adds a user's packs. A bad pack is refused with the file and field named.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from '../../util/handlebars.js';
import { formatErrno } from '../../util/format.js';
import { SEVERITIES, type Severity } from '../types.js';
import { requiredLiteral } from './literal.js';
import { plainReason, UserInputError } from '../../errors.js';
import { isTag, PLAIN_TAGS, TAG_KINDS, type Tag } from '../tags.js';
import { isCatalogueId } from '../catalogue.js';

export interface PatternSpec {
  regex: string;
  /** `primary` lines count as events; `detail` lines only enrich them. */
  role?: 'primary' | 'detail' | 'selection' | 'header' | 'row';
  kernels?: string;
  /** Text that marks a line worth re-trying joined with the next one (author-wrapped pastes). */
  joinAnchor?: string;
}

export interface SignatureSpec {
  id: string;
  title: string;
  category: string;
  severity: Severity;
  confidence: number;
  patterns: PatternSpec[];
  joinContinuation?: boolean;
  kernels?: string;
  suppressedFunctions?: string[];
  /** Capture name -> regex: hits whose capture matches are ignored (e.g. NVERC 0x0). */
  ignoreIf?: Record<string, string>;
  /** Id of the built-in rule that reports this signature's hits. */
  reportedBy?: string;
  /** false: context only, never a finding of its own. */
  report?: boolean;
  /** Which lines the patterns run on: kernel messages (default) and/or user-space syslog/journal lines. */
  sources?: ('kernel' | 'userspace')[];
  /**
   * false: jetdiag's own id, not one of the catalogue's documented ids (listed apart by
   * `jetdiag rules`). Left out, an id is a catalogue id exactly when the catalogue has it.
   */
  catalogue?: boolean;
  verdict: string;
  remedy: string[];
  references: string[];
  /** From the closed vocabulary in tags.ts; an unknown tag refuses the pack. */
  tags?: Tag[];
  /** Real lines the signature must match (the tester checks them). */
  examples: string[];
  /** Near misses the signature must not match, at least one per pattern (the tests check them). */
  nonMatching: string[];
}

export interface CompiledPattern extends PatternSpec {
  re: RegExp;
  /** A literal every match contains: a cheap `includes` before the regex. */
  literal: string | null;
}

export interface CompiledSignature extends Omit<SignatureSpec, 'patterns' | 'catalogue'> {
  /** A catalogue id (the stable documented set) or jetdiag's / a user pack's own id. */
  catalogue: boolean;
  pack: string;
  file: string;
  patterns: CompiledPattern[];
  ignore: [string, RegExp][];
  verdictTemplate: HandlebarsTemplateDelegate;
  remedyTemplates: HandlebarsTemplateDelegate[];
}

export class PackError extends UserInputError {}

const CATEGORIES = ['memory', 'fragmentation', 'cma', 'oom', 'smmu', 'thermal', 'power', 'gpu', 'camera', 'storage', 'other'];
const ROLES = ['primary', 'detail', 'selection', 'header', 'row'];

function fail(file: string, where: string, msg: string): never {
  throw new PackError(`${file}: ${where}: ${msg}`);
}

function str(file: string, where: string, v: unknown, optional = false): string | undefined {
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string' || v === '') fail(file, where, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function strList(file: string, where: string, v: unknown, optional = false): string[] {
  if (v === undefined && optional) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(file, where, 'expected an array of strings');
  return v as string[];
}

const KNOWN_TAGS = [...PLAIN_TAGS, ...TAG_KINDS.map((k) => `${k}:<value>`)].join(', ');

/** Tags must come from the closed vocabulary: a typo would silently feed no cause. */
export function tagList(file: string, where: string, v: unknown): Tag[] {
  const list = strList(file, where, v, true);
  list.forEach((t, k) => {
    if (!isTag(t)) fail(file, `${where}[${k}]`, `unknown tag "${t}"; known tags: ${KNOWN_TAGS}`);
  });
  return list as Tag[];
}

// `{{errno first.ret}}` -> "-12 (ENOMEM)": a bare errno number means nothing to most readers.
Handlebars.registerHelper('errno', (v: unknown) => (v === undefined || v === '' ? '' : formatErrno(v as string)));

function template(file: string, where: string, text: string): HandlebarsTemplateDelegate {
  try {
    const t = Handlebars.compile(text, { noEscape: true, strict: true });
    // Surfaces syntax errors now, not at first use. Text without `{{` is one piece of content
    // that cannot fail (half the packs' texts, most remedies): not parsed twice.
    if (text.includes('{{')) Handlebars.parse(text);
    return t;
  } catch (e) {
    fail(file, where, `invalid Handlebars template: ${(e as Error).message.split('\n')[0]}`);
  }
}

const SOURCES = ['kernel', 'userspace'] as const;

function sourcesOf(file: string, where: string, v: unknown): ('kernel' | 'userspace')[] {
  if (v === undefined) return ['kernel'];
  const list = strList(file, where, v);
  const bad = list.find((x) => !(SOURCES as readonly string[]).includes(x));
  if (bad !== undefined || list.length === 0) fail(file, where, `expected a non-empty list of ${SOURCES.join(', ')}`);
  return list as ('kernel' | 'userspace')[];
}

/** Validates and compiles one pack document. */
export function compilePack(doc: unknown, file: string): CompiledSignature[] {
  if (typeof doc !== 'object' || doc === null) fail(file, '(top)', 'expected a JSON object');
  const d = doc as Record<string, unknown>;
  // A root-causes pack shares the folder; the causes loader reads it.
  if (d.signatures === undefined && d.causes !== undefined) return [];
  const pack = str(file, 'pack', d.pack)!;
  if (!Array.isArray(d.signatures)) fail(file, 'signatures', 'expected an array');
  const seen = new Set<string>();
  return (d.signatures as unknown[]).map((raw, i) => {
    const at = (f: string) => `signatures[${i}].${f}`;
    if (typeof raw !== 'object' || raw === null) fail(file, `signatures[${i}]`, 'expected an object');
    const s = raw as Record<string, unknown>;
    const id = str(file, at('id'), s.id)!;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) fail(file, at('id'), `"${id}" is not a lower-case id (a-z, 0-9, -)`);
    if (seen.has(id)) fail(file, at('id'), `duplicate id "${id}"`);
    seen.add(id);
    const category = str(file, at('category'), s.category)!;
    if (!CATEGORIES.includes(category)) fail(file, at('category'), `"${category}" is not one of ${CATEGORIES.join(', ')}`);
    const severity = str(file, at('severity'), s.severity)! as Severity;
    if (!SEVERITIES.includes(severity)) fail(file, at('severity'), `"${severity}" is not one of ${SEVERITIES.join(', ')}`);
    const confidence = s.confidence ?? 0.8;
    if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) fail(file, at('confidence'), 'expected a number from 0 to 1');
    if (!Array.isArray(s.patterns) || s.patterns.length === 0) fail(file, at('patterns'), 'expected a non-empty array');
    const patterns: CompiledPattern[] = (s.patterns as unknown[]).map((p, k) => {
      const where = at(`patterns[${k}]`);
      const spec = (typeof p === 'string' ? { regex: p } : p) as PatternSpec;
      const source = str(file, `${where}.regex`, spec.regex)!;
      let re: RegExp;
      try {
        re = new RegExp(source);
      } catch (e) {
        fail(file, `${where}.regex`, `invalid regular expression: ${(e as Error).message}`);
      }
      if (spec.role && !ROLES.includes(spec.role)) fail(file, `${where}.role`, `"${spec.role}" is not one of ${ROLES.join(', ')}`);
      return { ...spec, role: spec.role ?? 'primary', re, literal: requiredLiteral(source) };
    });
    const ignore: [string, RegExp][] = Object.entries((s.ignoreIf as Record<string, string>) ?? {}).map(([k, v]) => {
      try {
        return [k, new RegExp(v)];
      } catch (e) {
        fail(file, at(`ignoreIf.${k}`), `invalid regular expression: ${(e as Error).message}`);
      }
    });
    if (s.catalogue !== undefined && typeof s.catalogue !== 'boolean') fail(file, at('catalogue'), 'expected true or false');
    if (s.catalogue === false && isCatalogueId(id)) fail(file, at('catalogue'), `"${id}" is a catalogue id: it cannot be marked as an own id`);
    if (s.catalogue === true && !isCatalogueId(id)) fail(file, at('catalogue'), `"${id}" is not a catalogue id; mark it "catalogue": false (an own id)`);
    const verdict = str(file, at('verdict'), s.verdict)!;
    const remedy = strList(file, at('remedy'), s.remedy, true);
    const examples = strList(file, at('examples'), s.examples, true);
    const nonMatching = strList(file, at('nonMatching'), s.nonMatching, true);
    return {
      id,
      title: str(file, at('title'), s.title)!,
      category,
      severity,
      confidence: confidence as number,
      patterns,
      joinContinuation: s.joinContinuation === true,
      kernels: str(file, at('kernels'), s.kernels, true),
      suppressedFunctions: strList(file, at('suppressedFunctions'), s.suppressedFunctions, true),
      ignoreIf: s.ignoreIf as Record<string, string> | undefined,
      reportedBy: str(file, at('reportedBy'), s.reportedBy, true),
      report: s.report !== false,
      sources: sourcesOf(file, at('sources'), s.sources),
      catalogue: isCatalogueId(id),
      verdict,
      remedy,
      references: strList(file, at('references'), s.references, true),
      tags: tagList(file, at('tags'), s.tags),
      examples,
      nonMatching,
      pack,
      file,
      ignore,
      verdictTemplate: template(file, at('verdict'), verdict),
      remedyTemplates: remedy.map((r, k) => template(file, at(`remedy[${k}]`), r)),
    };
  });
}

export function loadPackFile(file: string): CompiledSignature[] {
  return compilePack(readPackJson(file), file);
}

/** One pack file's JSON document (signature and causes packs alike). */
export function readPackJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PackError(`${file}: cannot read rule pack (${plainReason(e)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new PackError(`${file}: not valid JSON (${(e as Error).message})`);
  }
}

/** Loads every `*.json` pack in a directory (sorted, so results are stable). */
export function loadPackDir(dir: string): CompiledSignature[] {
  return packFiles(dir).flatMap(loadPackFile);
}

/** The `*.json` files of a rules directory, sorted so results are stable. */
export function packFiles(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new PackError(`${dir}: --rules expects a directory of *.json rule packs`);
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    if (e instanceof PackError) throw e;
    throw new PackError(`${dir}: cannot read rule pack directory (${plainReason(e)})`);
  }
  return names.map((n) => path.join(dir, n));
}

/** The packs shipped in the package's rules/ folder. */
export function builtinPackDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/rules/signatures or dist/src/rules/signatures -> package root
  for (const up of ['../../..', '../../../..']) {
    const dir = path.resolve(here, up, 'rules');
    try {
      if (statSync(path.join(dir, 'kernel-signatures.json')).isFile()) return dir;
    } catch {
      /* try the next layout */
    }
  }
  throw new PackError('built-in rule packs not found (rules/kernel-signatures.json)');
}

/** Built-in packs plus user packs; a user signature with a built-in id replaces it. */
export function loadSignatures(extraDirs: string[] = []): CompiledSignature[] {
  const byId = new Map<string, CompiledSignature>();
  for (const s of loadPackDir(builtinPackDir())) byId.set(s.id, s);
  for (const dir of extraDirs) for (const s of loadPackDir(dir)) byId.set(s.id, s);
  return [...byId.values()];
}
