/**
 * Loads root-cause packs: every `*.json` with a `causes` array in the built-in rules/ folder and
 * in each `--rules <dir>`. A pack is validated against schema/root-causes.schema.json (compiled
 * by ajv ahead of time) and its templates are compiled and checked; a bad pack is refused with
 * its file and field.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import Handlebars from '../../util/handlebars.js';
import { FACT_MEANINGS, FACT_NAMES } from '../../facts/facts.js';
import { builtinPackDir, PackError, packFiles, readPackJson } from '../signatures/pack.js';
import { isTag, PLAIN_TAGS, TAG_KINDS } from '../tags.js';
import { factsOf } from './conditions.js';
import { validate as compiledValidator } from './schema-validator.js';
import type { CauseSpec, CompiledCause } from './types.js';

/**
 * schema/root-causes.schema.json, compiled by ajv ahead of time (scripts/causes-validator.mjs):
 * compiling it here cost ~0.1 s of CPU on every run.
 */
const validateSchema = compiledValidator as unknown as ValidateFunction;

function fail(file: string, where: string, msg: string): never {
  throw new PackError(`${file}: ${where}: ${msg}`);
}

/** `/causes/3/triggers/0` -> `causes[3].triggers[0]`. */
function fieldOf(instancePath: string): string {
  const parts = instancePath.split('/').slice(1);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('') || '(top)';
}

function valueAt(doc: unknown, instancePath: string): unknown {
  return instancePath.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc);
}

function describe(e: ErrorObject, doc: unknown): string {
  const v = valueAt(doc, e.instancePath);
  if (e.schemaPath.includes('/definitions/tag/')) {
    return `unknown tag ${JSON.stringify(v)}; known tags: ${[...PLAIN_TAGS, ...TAG_KINDS.map((k) => `${k}:<value>`)].join(', ')}`;
  }
  if (e.schemaPath.includes('/definitions/fact/')) return `unknown fact ${JSON.stringify(v)}; known facts: ${FACT_NAMES.join(', ')}`;
  if (e.keyword === 'additionalProperties') return `unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'required') return `missing field "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === 'enum') return `${JSON.stringify(v)} is not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return `${e.message ?? 'invalid'} (got ${JSON.stringify(v)})`;
}

const HELPERS = new Set(['if', 'unless', 'each', 'with', 'eq']);

/** A private Handlebars with the one helper causes need beyond the built-ins. */
const hbs = Handlebars.create();
hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

/** Names a template may read: facts.<fact>, facts.uptime, has.[<tag>], values.<kind>. */
function checkPath(parts: string[]): string | null {
  if (parts.length === 0) return null;
  const [head, key, ...rest] = parts;
  if (rest.length || key === undefined) return `"${parts.join('.')}" is not facts.<fact>, has.[<tag>] or values.<kind>`;
  if (head === 'facts') return key === 'uptime' || Object.hasOwn(FACT_MEANINGS, key) ? null : `unknown fact "${key}"`;
  if (head === 'has') return isTag(key) && !key.includes(':') ? null : `unknown tag "${key}"`;
  if (head === 'values') return (TAG_KINDS as string[]).includes(key) ? null : `"${key}" is not a tag kind (${TAG_KINDS.join(', ')})`;
  return `"${parts.join('.')}" is not facts.<fact>, has.[<tag>] or values.<kind>`;
}

type Node = { type?: string; [k: string]: unknown };

function templateProblems(node: unknown, out: string[]): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => templateProblems(n, out));
  const n = node as Node;
  if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && (n.params as unknown[]).length) {
    const helper = (n.path as { original: string }).original;
    if (!HELPERS.has(helper)) out.push(`unknown helper "${helper}"`);
    for (const [k, v] of Object.entries(n)) if (k !== 'path') templateProblems(v, out);
    return;
  }
  if (n.type === 'PathExpression' && !n.data) {
    const problem = checkPath(n.parts as string[]);
    if (problem) out.push(problem);
    return;
  }
  for (const v of Object.values(n)) templateProblems(v, out);
}

function template(file: string, where: string, text: string): HandlebarsTemplateDelegate {
  let ast: unknown;
  try {
    ast = hbs.parse(text);
  } catch (e) {
    fail(file, where, `invalid Handlebars template: ${(e as Error).message.split('\n')[0]}`);
  }
  const problems: string[] = [];
  templateProblems(ast, problems);
  if (problems.length) fail(file, where, problems[0]!);
  return hbs.compile(text, { noEscape: true });
}

/** Validates and compiles one causes pack document. */
export function compileCausesPack(doc: unknown, file: string): CompiledCause[] {
  if (!validateSchema(doc)) {
    const e = validateSchema.errors![0]!;
    fail(file, fieldOf(e.instancePath), describe(e, doc));
  }
  const { pack, causes } = doc as { pack: string; causes: CauseSpec[] };
  const seen = new Set<string>();
  return causes.map((c, i) => {
    const at = (f: string) => `causes[${i}].${f}`;
    if (seen.has(c.id)) fail(file, at('id'), `duplicate id "${c.id}"`);
    seen.add(c.id);
    const conditions = [...c.triggers, ...(c.excludedBy ?? []), ...(c.support ?? []).map((w) => w.when), ...(c.against ?? []).map((w) => w.when)];
    for (const fc of conditions.flatMap(factsOf)) {
      const type = FACT_MEANINGS[fc.fact].type;
      const ordered = fc.lt ?? fc.le ?? fc.gt ?? fc.ge;
      if (ordered !== undefined && type !== 'number') fail(file, at('conditions'), `fact "${fc.fact}" is a ${type}: lt/le/gt/ge compare numbers`);
      const eq = fc.eq ?? fc.ne;
      if (eq !== undefined && typeof eq !== type) fail(file, at('conditions'), `fact "${fc.fact}" is a ${type}, compared with ${JSON.stringify(eq)}`);
    }
    return {
      ...c,
      pack,
      file,
      render: {
        summary: template(file, at('summary'), c.summary),
        support: (c.support ?? []).map((w, k) => template(file, at(`support[${k}].text`), w.text)),
        against: (c.against ?? []).map((w, k) => template(file, at(`against[${k}].text`), w.text)),
      },
    };
  });
}

/** The causes packs of one directory (files with a `causes` array), in name order. */
export function loadCausesDir(dir: string): CompiledCause[] {
  return packFiles(dir).flatMap((file) => {
    const doc = readPackJson(file);
    const isCauses = typeof doc === 'object' && doc !== null && 'causes' in doc;
    return isCauses ? compileCausesPack(doc, file) : [];
  });
}

/** Built-in causes plus the users'; a user cause with a built-in id replaces it. */
export function loadCauses(extraDirs: string[] = []): CompiledCause[] {
  const byId = new Map<string, CompiledCause>();
  for (const c of loadCausesDir(builtinPackDir())) byId.set(c.id, c);
  for (const dir of extraDirs) for (const c of loadCausesDir(dir)) byId.set(c.id, c);
  return [...byId.values()];
}
