// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isTag, paramTag, PLAIN_TAGS, TAG_KINDS, tagKey, tagMeaning, tagValue, type Tag } from '../../src/rules/tags.js';
import { compilePack, loadSignatures, PackError } from '../../src/rules/signatures/pack.js';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import type { Rule } from '../../src/rules/types.js';
import { HEALTHY_MEMINFO } from '../helpers/bundles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('tag vocabulary', () => {
  it('accepts listed tags and kind:value tags, nothing else', () => {
    expect(isTag('cma-failure')).toBe(true);
    expect(isTag('process:python3')).toBe(true);
    expect(isTag('device:8000000.iommu')).toBe(true);
    expect(isTag('signature:mmc-timeout')).toBe(true);
    for (const bad of ['cma-fail', 'CMA-FAILURE', 'process:', 'process', 'proc:python3', ':x', '', 'toString', 'constructor']) expect(isTag(bad), bad).toBe(false);
  });

  it('splits parameterised tags and gives every tag a meaning', () => {
    expect(paramTag('process', 'nvargus-daemon')).toBe('process:nvargus-daemon');
    expect(tagKey('process:a:b')).toBe('process');
    expect(tagValue('process:a:b', 'process')).toBe('a:b');
    expect(tagValue('device:x', 'process')).toBeUndefined();
    for (const t of [...PLAIN_TAGS, ...TAG_KINDS.map((k) => `${k}:x` as Tag)]) expect(tagMeaning(t).length, t).toBeGreaterThan(20);
  });

  it('every schema that names tags lists exactly this vocabulary', () => {
    const schemas = ['schema/rule-pack.schema.json', 'schema/root-causes.schema.json'];
    for (const file of schemas) {
      const def = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')).definitions.tag;
      expect(def.anyOf[0].enum, `${file} (after a new tag: npm run build && node scripts/sync-tag-schemas.mjs)`).toEqual(PLAIN_TAGS);
      expect(def.anyOf[1].pattern, file).toBe(`^(${TAG_KINDS.join('|')}):.+$`);
    }
  });

  it('the shipped signature pack uses only vocabulary tags', () => {
    for (const s of loadSignatures()) for (const t of s.tags ?? []) expect(isTag(t), `${s.id}: ${t}`).toBe(true);
  });

  it('a pack with an unknown tag is refused with its file and field', () => {
    const doc = {
      pack: 'site',
      signatures: [{ id: 'fan', title: 'Fan', category: 'thermal', severity: 'warning', patterns: ['fan stalled'], verdict: 'v', tags: ['thermal', 'fan-stall'] }],
    };
    expect(() => compilePack(doc, 'site.json')).toThrow(PackError);
    expect(() => compilePack(doc, 'site.json')).toThrow(/site\.json: signatures\[0\]\.tags\[1\]: unknown tag "fan-stall"; known tags: memory-pressure, .*process:<value>/);
    expect(compilePack({ ...doc, signatures: [{ ...doc.signatures[0], tags: ['thermal', 'device:fan0'] }] }, 'site.json')[0]!.tags).toEqual(['thermal', 'device:fan0']);
  });

  it('a rule that slips an unknown tag past the compiler is a rule error, not a silent tag', () => {
    const rule: Rule = {
      meta: { id: 'sneaky', title: 'sneaky', category: 'memory', docs: { description: 'd', why: 'w', seed: 's' }, requires: ['meminfo'], thresholds: {}, messages: { m: 'm' } },
      check: ({ report }) => report({ messageId: 'm', severity: 'warning', confidence: 1, tags: ['cma-fail' as Tag] }),
    };
    const r = runRules([rule], snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO }));
    expect(r.outcomes[0]).toMatchObject({ status: 'rule-error', detail: 'rule sneaky reported unknown tag "cma-fail"' });
  });
});
