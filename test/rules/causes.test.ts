/**
 * The causes pack's scenario cases (test/causes/*.json, one file per cause plus near ties):
 * findings (tags, severity, evidence count) and facts in, the full ranked list out.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCauses } from '../../src/rules/causes/pack.js';
import { rankCauses } from '../../src/rules/causes/engine.js';
import type { Facts } from '../../src/facts/facts.js';
import type { Finding, Severity } from '../../src/rules/types.js';
import type { Tag } from '../../src/rules/tags.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../causes');
const CAUSES = loadCauses();

interface CaseFinding {
  id: string;
  tags: Tag[];
  severity?: Severity;
  evidence?: number;
}
interface Case {
  name: string;
  facts: Facts;
  findings: CaseFinding[];
  expect: [string, number][];
  supporting?: Record<string, string[]>;
  summary?: Record<string, string>;
  summaryNot?: Record<string, string>;
  against?: Record<string, string[]>;
  tieBreak?: Record<string, string>;
  ranking?: Record<string, string>;
}
interface CaseFile {
  cause?: string;
  about?: string;
  cases: Case[];
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const docs = files.map((f) => ({ file: f, doc: JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as CaseFile }));

function finding(c: CaseFinding): Finding {
  const [ruleId, messageId] = c.id.split('/');
  return {
    id: c.id,
    ruleId: ruleId!,
    messageId: messageId ?? 'found',
    title: ruleId!,
    category: 'other',
    severity: c.severity ?? 'error',
    confidence: 0.8,
    verdict: `verdict of ${c.id}`,
    figures: [],
    evidence: [],
    evidenceCount: c.evidence ?? 1,
    remedy: [],
    references: [],
    tags: c.tags,
  } as Finding;
}

describe.each(docs)('causes cases: $file', ({ doc }) => {
  it.each(doc.cases)('$name', (c) => {
    const ranked = rankCauses(CAUSES, c.findings.map(finding), c.facts);
    expect(ranked.map((r) => [r.id, r.confidence])).toEqual(c.expect);
    const byId = new Map(ranked.map((r) => [r.id, r]));
    for (const [id, ids] of Object.entries(c.supporting ?? {})) expect(byId.get(id)!.supporting.map((s) => s.findingId)).toEqual(ids);
    for (const [id, text] of Object.entries(c.summary ?? {})) expect(byId.get(id)!.summary).toContain(text);
    for (const [id, text] of Object.entries(c.summaryNot ?? {})) expect(byId.get(id)!.summary).not.toContain(text);
    for (const [id, texts] of Object.entries(c.against ?? {})) for (const t of texts) expect(byId.get(id)!.against.join(' | ')).toContain(t);
    for (const [id, text] of Object.entries(c.tieBreak ?? {})) expect(byId.get(id)!.tieBreak).toContain(text);
    // Confidences mean something: the reasons add up to them (within the 5-95 % clamp).
    for (const r of ranked) {
      const spec = CAUSES.find((x) => x.id === r.id)!;
      const sum = spec.base + r.reasons.reduce((n, x) => n + x.weight, 0);
      expect(r.confidence).toBeCloseTo(Math.max(0.05, Math.min(0.95, sum)), 2);
      // A tie is explained exactly when a neighbour has the same confidence.
      const i = ranked.indexOf(r);
      const tied = [ranked[i - 1], ranked[i + 1]].some((n) => n?.confidence === r.confidence);
      expect(r.tieBreak !== undefined, `${r.id} tie explanation`).toBe(tied);
      // Every cause explains its place: position and confidence, what raised it, every weight
      // that held (with the condition in tags and facts), what counted against it, its neighbours.
      expect(r.ranking.startsWith(`ranked ${i + 1} of ${ranked.length} at ${Math.round(r.confidence * 100)}%; raised by ${r.triggeredBy.conditions.join(' and ')}`), r.ranking).toBe(true);
      expect(r.triggeredBy.findingIds.length).toBeGreaterThan(0);
      for (const x of r.reasons) expect(r.ranking).toContain(`${x.weight > 0 ? '+' : '-'}${Math.round(Math.abs(x.weight) * 100)}% ${x.weight > 0 ? 'for' : 'against'} ${x.when}`);
      if (!r.reasons.some((x) => x.weight < 0)) expect(r.ranking).toContain('nothing counted against it');
      if (r.tieBreak) expect(r.ranking).toContain(r.tieBreak);
      expect(r.ranking).not.toMatch(/undefined|NaN|null/);
    }
    for (const [id, text] of Object.entries(c.ranking ?? {})) expect(byId.get(id)!.ranking).toBe(text);
  });
});

describe('every cause has its cases', () => {
  it.each(CAUSES.map((c) => c.id))('%s: a case that fires it and a near miss that must not', (id) => {
    const own = docs.find((d) => d.doc.cause === id);
    expect(own, `test/causes/${id}.json`).toBeDefined();
    const fires = own!.doc.cases.filter((c) => c.expect.some(([x]) => x === id));
    const misses = own!.doc.cases.filter((c) => !c.expect.some(([x]) => x === id));
    expect(fires.length).toBeGreaterThan(0);
    expect(misses.length).toBeGreaterThan(0);
    // The firing case ranks it first at least once.
    expect(fires.some((c) => c.expect[0]![0] === id)).toBe(true);
  });

  it('no case file names a cause the pack does not have', () => {
    for (const d of docs) if (d.doc.cause) expect(CAUSES.map((c) => c.id)).toContain(d.doc.cause);
    for (const d of docs) for (const c of d.doc.cases) for (const [id] of c.expect) expect(CAUSES.map((x) => x.id), `${d.file}: ${c.name}`).toContain(id);
  });
});

/** The raw pack, for the terms as written (the compiled causes keep only renderers). */
const RAW = JSON.parse(readFileSync(path.resolve(DIR, '../../rules/root-causes.json'), 'utf8')) as {
  causes: { id: string; support?: { weight: number; text: string }[]; against?: { weight: number; text: string }[] }[];
};

describe('every scoring term of every cause is exercised by a case', () => {
  // Each case's reasons, by cause: a term that no case ever applies could be dropped, or have
  // its weight changed, and every ranking above would stay the same.
  const seen = new Map<string, { text: string; weight: number }[]>();
  for (const { doc } of docs) {
    for (const c of doc.cases) {
      for (const r of rankCauses(CAUSES, c.findings.map(finding), c.facts)) seen.set(r.id, [...(seen.get(r.id) ?? []), ...r.reasons]);
    }
  }
  const terms = RAW.causes.flatMap((c) => [
    ...(c.support ?? []).map((t) => [c.id, 'support', t.text, t.weight] as const),
    ...(c.against ?? []).map((t) => [c.id, 'against', t.text, -t.weight] as const),
  ]);
  it.each(terms)('%s %s: "%s"', (id, _kind, text, weight) => {
    const literal = text.split('{{')[0]!;
    const applied = (seen.get(id) ?? []).some((r) => r.weight === weight && r.text.startsWith(literal));
    expect(applied).toBe(true);
  });
});

describe('every tag a cause reads is one some rule or signature reports', () => {
  // A cause condition on a tag nothing emits can never hold on a real bundle, whatever its
  // synthetic cases above say (the sawtooth's leak-sawtooth was such a tag).
  const read = new Set<string>();
  const walk = (c: unknown): void => {
    if (typeof c === 'string') read.add(c);
    else if (Array.isArray(c)) c.forEach(walk);
    else if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      if (typeof o.tag === 'string') read.add(o.tag);
      for (const k of ['any', 'all', 'not', 'except']) if (o[k] !== undefined) walk(o[k]);
    }
  };
  const pack = JSON.parse(readFileSync(path.resolve(DIR, '../../rules/root-causes.json'), 'utf8')) as { causes: Record<string, unknown>[] };
  for (const c of pack.causes) for (const k of ['triggers', 'excludedBy']) walk(c[k]);
  for (const c of pack.causes) for (const k of ['support', 'against']) for (const t of (c[k] as { when: unknown }[] | undefined) ?? []) walk(t.when);

  const builtinDir = path.resolve(DIR, '../../src/rules/builtin');
  const source = readdirSync(builtinDir).map((f) => readFileSync(path.join(builtinDir, f), 'utf8')).join('\n');
  const signaturePack = JSON.parse(readFileSync(path.resolve(DIR, '../../rules/kernel-signatures.json'), 'utf8')) as { signatures: { id: string; tags?: string[] }[] };
  // A declarative signature's finding also carries signature:<its id> (pack-rule.ts).
  const emitted = new Set([
    ...signaturePack.signatures.flatMap((s) => [...(s.tags ?? []), `signature:${s.id}`]),
    ...[...source.matchAll(/'([a-z][a-z-]*)'/g)].map((m) => m[1]!),
  ]);

  it.each([...read].sort())('%s', (tag) => {
    expect(emitted.has(tag)).toBe(true);
  });
});
