/**
 * The rules' vocabularies and registry (src/rules/tags.ts, catalogue.ts, registry.ts, types.ts,
 * input-names.ts, define.ts), pinned where a changed comparison or filter would give another
 * answer (issue #14, mutation testing). catalogue.test.ts covers the catalogue against the
 * seed guide but is left out of the Stryker runs (whole-pipeline); these run under Stryker.
 */
import { describe, expect, it } from 'vitest';
import { isTag, tagKey, tagMeaning, tagValue, TAG_MEANINGS, PARAM_TAG_MEANINGS, type Tag } from '../../src/rules/tags.js';
import { CATALOGUE_IDS, catalogueCoverage, isCatalogueId, ownSignatureIds } from '../../src/rules/catalogue.js';
import { allRules, BUILTIN_RULES } from '../../src/rules/registry.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { SEVERITIES, severityRank } from '../../src/rules/types.js';
import { inputName, INPUT_NAMES } from '../../src/rules/input-names.js';
import { defineRule } from '../../src/rules/define.js';

describe('tags', () => {
  it('a parameterised tag needs a known kind before the first colon and a value after it', () => {
    expect(isTag('process:a')).toBe(true);
    expect(isTag('process::')).toBe(true);
    expect(isTag('device:x:y')).toBe(true);
    expect(isTag('process:')).toBe(false);
    expect(isTag(':process')).toBe(false);
    expect(isTag('hasOwnProperty:x')).toBe(false);
    expect(isTag('oom:x')).toBe(false);
    expect(isTag('oom')).toBe(true);
    // No colon at all: not a parameterised tag, even when it begins with a kind's name.
    expect(isTag('devices')).toBe(false);
    expect(isTag('processX')).toBe(false);
  });

  it('tagKey splits at the first colon only when something is before it', () => {
    expect(tagKey('oom')).toBe('oom');
    expect(tagKey('device:8000000.iommu')).toBe('device');
    expect(tagKey(':x' as Tag)).toBe(':x');
    expect(tagValue('process:python3', 'process')).toBe('python3');
    expect(tagValue('processes:python3', 'process')).toBeUndefined();
    expect(tagValue('process:', 'process')).toBe('');
  });

  it('tagMeaning: a plain tag its own meaning, a parameterised one its kind', () => {
    expect(tagMeaning('oom')).toBe(TAG_MEANINGS.oom);
    expect(tagMeaning('process:python3')).toBe(PARAM_TAG_MEANINGS.process);
    expect(tagMeaning('signature:mmc-timeout')).toBe(PARAM_TAG_MEANINGS.signature);
  });
});

describe('catalogue', () => {
  it('50 ids, known ones recognised, others not', () => {
    expect(CATALOGUE_IDS.length).toBe(50);
    expect(new Set(CATALOGUE_IDS).size).toBe(50);
    expect(isCatalogueId('oom-kill-victim')).toBe(true);
    expect(isCatalogueId('kernel-oops')).toBe(true);
    expect(isCatalogueId('oom-kill')).toBe(false);
    expect(isCatalogueId('')).toBe(false);
  });

  it('catalogueCoverage lists, for every id in catalogue order, the rules citing it', () => {
    const cov = catalogueCoverage([
      { meta: { id: 'a', signatures: ['oom-invoked', 'oom-reaper'] } },
      { meta: { id: 'b', signatures: ['oom-reaper'] } },
      { meta: { id: 'c' } },
    ]);
    expect(cov.map((c) => c.id)).toEqual([...CATALOGUE_IDS]);
    expect(cov.find((c) => c.id === 'oom-invoked')!.rules).toEqual(['a']);
    expect(cov.find((c) => c.id === 'oom-reaper')!.rules).toEqual(['a', 'b']);
    expect(cov.find((c) => c.id === 'pcie-aer')!.rules).toEqual([]);
    const builtin = catalogueCoverage(BUILTIN_RULES);
    expect(builtin.find((c) => c.id === 'oom-kill-victim')!.rules).toEqual(['oom-kills', 'memory-leak']);
  });

  it('ownSignatureIds keeps the ids outside the catalogue, with pack and title only', () => {
    expect(ownSignatureIds([
      { id: 'oom-invoked', pack: 'builtin', title: 'OOM' },
      { id: 'fan-stall', pack: 'site', title: 'Fan stalled', extra: 1 } as { id: string; pack: string; title: string },
    ])).toEqual([{ id: 'fan-stall', pack: 'site', title: 'Fan stalled' }]);
    const own = ownSignatureIds(loadSignatures());
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((s) => !isCatalogueId(s.id))).toBe(true);
  });
});

describe('registry', () => {
  it('allRules: the built-in rules first, then one rule per pack signature reporting on its own', () => {
    const sigs = loadSignatures();
    const rules = allRules(sigs);
    expect(rules.slice(0, BUILTIN_RULES.length)).toEqual(BUILTIN_RULES);
    const packIds = rules.slice(BUILTIN_RULES.length).map((r) => r.meta.id);
    const builtinIds = new Set(BUILTIN_RULES.map((r) => r.meta.id));
    const want = sigs.filter((s) => s.report !== false && !s.reportedBy && !builtinIds.has(s.id)).map((s) => s.id);
    expect(packIds).toEqual(want);
    // Each exclusion really excludes something in the shipped pack.
    expect(sigs.some((s) => s.report === false)).toBe(true);
    expect(sigs.some((s) => s.reportedBy)).toBe(true);
    for (const s of sigs.filter((x) => x.report === false || x.reportedBy)) expect(packIds).not.toContain(s.id);
    expect(packIds.length).toBeGreaterThan(0);
  });

  it('a signature named like a built-in rule is not a second rule', () => {
    const sigs = loadSignatures();
    const standalone = sigs.find((s) => s.report !== false && !s.reportedBy)!;
    const clash = [{ ...standalone, id: 'thermal' }];
    expect(allRules(clash).map((r) => r.meta.id)).toEqual(BUILTIN_RULES.map((r) => r.meta.id));
    expect(allRules([standalone]).map((r) => r.meta.id)).toEqual([...BUILTIN_RULES.map((r) => r.meta.id), standalone.id]);
  });
});

describe('severities, input names, defineRule', () => {
  it('ranks critical highest, info lowest', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([4, 3, 2, 1]);
  });

  it('names each input by the file a user would add', () => {
    expect(inputName('meminfo')).toBe('/proc/meminfo');
    expect(inputName('dmesg')).toBe('kernel log (dmesg)');
    expect(Object.keys(INPUT_NAMES).length).toBe(13);
  });

  it('defineRule keeps the meta, copies the signature list, and runs check with the context', () => {
    const ids = ['oom-invoked'] as const;
    let seen: unknown;
    const r = defineRule({
      meta: { id: 'x', title: 'X', category: 'oom', docs: { description: 'd', why: 'w', seed: 's' }, requires: ['dmesg'], thresholds: { n: 1 }, messages: { m: 'm' }, signatures: ids },
      check: (ctx) => {
        seen = ctx;
      },
    });
    expect(r.meta.signatures).toEqual(['oom-invoked']);
    expect(r.meta.signatures).not.toBe(ids);
    expect(r.meta.thresholds).toEqual({ n: 1 });
    const ctx = { marker: 1 } as never;
    r.check(ctx);
    expect(seen).toBe(ctx);
  });
});
