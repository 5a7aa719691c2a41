/** Loading root-cause packs: schema validation with file + field, template checks, user packs. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCausesPack, loadCauses } from '../../src/rules/causes/pack.js';
import { PackError } from '../../src/rules/signatures/pack.js';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { FACT_NAMES } from '../../src/facts/facts.js';
import { BOOT_DMESG, dmesg, meminfo, ORIN_NANO_IDENTITY } from '../helpers/bundles.js';
import { causesPackVariant as variant, goodCausesPack as good } from '../helpers/causes-pack.js';
import { writeTree } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('causes pack loading', () => {
  it('the shipped pack loads and every schema enum matches the code', () => {
    expect(loadCauses().length).toBeGreaterThanOrEqual(10);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/root-causes.schema.json'), 'utf8'));
    expect(schema.definitions.fact.enum).toEqual(FACT_NAMES);
  });

  it('the README example is a valid causes pack', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = JSON.parse(/```json\n(\{\n  "pack": "site-causes"[\s\S]*?)```/.exec(readme)![1]!);
    expect(compileCausesPack(example, 'README.md').map((c) => c.id)).toEqual(['enclosure-overheats']);
  });

  it('accepts a good pack', () => {
    expect(compileCausesPack(good(), 'site.json').map((c) => c.id)).toEqual(['fan-failure']);
  });

  it.each([
    ['an unknown trigger tag', variant((c) => (c.triggers = ['thermal', 'fan-stall'])), /site\.json: causes\[0\]\.triggers\[1\]: unknown tag "fan-stall"; known tags: memory-pressure/],
    ['an unknown tag deep in a condition', variant((c) => (c.triggers = [{ all: ['thermal', { not: { tag: 'fan' } }] }])), /causes\[0\]\.triggers\[0\]\.all\[1\]\.not\.tag: unknown tag "fan"/],
    ['an unknown fact', variant((c) => (c.against = [{ when: { fact: 'uptime', lt: 1 }, weight: 0.1, text: 't' }])), /causes\[0\]\.against\[0\]\.when\.fact: unknown fact "uptime"; known facts: uptimeHours/],
    ['a fact condition without an operator', variant((c) => (c.against = [{ when: { fact: 'uptimeHours' }, weight: 0.1, text: 't' }])), /causes\[0\]\.against\[0\]\.when: must NOT have fewer than 2 properties/],
    ['a misspelt operator', variant((c) => (c.against = [{ when: { fact: 'uptimeHours', lte: 1 }, weight: 0.1, text: 't' }])), /causes\[0\]\.against\[0\]\.when: unknown field "lte"/],
    ['a number compared with a string fact', variant((c) => (c.against = [{ when: { fact: 'soc', gt: 3 }, weight: 0.1, text: 't' }])), /causes\[0\]\.conditions: fact "soc" is a string: lt\/le\/gt\/ge compare numbers/],
    ['a boolean fact compared with a string', variant((c) => (c.against = [{ when: { fact: 'cmaIsReleaseDefault', eq: 'yes' }, weight: 0.1, text: 't' }])), /fact "cmaIsReleaseDefault" is a boolean, compared with "yes"/],
    ['a weight out of range', variant((c) => (c.support = [{ when: 'thermal', weight: 2, text: 't' }])), /causes\[0\]\.support\[0\]\.weight: must be <= 0.5/],
    ['no remedy', variant((c) => delete c.remedy), /causes\[0\]: missing field "remedy"/],
    ['an unknown field', variant((c) => (c.priority = 3)), /causes\[0\]: unknown field "priority"/],
    ['a bad id', variant((c) => (c.id = 'Fan Failure')), /causes\[0\]\.id: must match pattern/],
    ['a duplicate id', variant((_c, d) => d.causes.push({ ...d.causes[0]! })), /causes\[1\]\.id: duplicate id "fan-failure"/],
    ['a template naming an unknown fact', variant((c) => (c.summary = 'up {{facts.uptme}}')), /causes\[0\]\.summary: unknown fact "uptme"/],
    ['a template naming an unknown tag', variant((c) => (c.summary = '{{#if has.[fan-stall]}}x{{/if}}')), /causes\[0\]\.summary: unknown tag "fan-stall"/],
    ['a template reading outside its context', variant((c) => (c.summary = '{{device.soc}}')), /causes\[0\]\.summary: "device.soc" is not facts.<fact>/],
    ['an unknown helper', variant((c) => (c.summary = '{{#ifx has.thermal}}x{{/ifx}}')), /causes\[0\]\.summary: unknown helper "ifx"/],
    ['a broken template', variant((c) => (c.support = [{ when: 'thermal', weight: 0.1, text: '{{#if x}}' }])), /causes\[0\]\.support\[0\]\.text: invalid Handlebars template/],
  ])('refuses %s with the file and field', (_name, doc, msg) => {
    expect(() => compileCausesPack(doc, 'site.json')).toThrow(PackError);
    expect(() => compileCausesPack(doc, 'site.json')).toThrow(msg);
  });

  it('a user pack adds a cause and replaces a built-in one by id', () => {
    const dir = writeTree({
      'site-causes.json': JSON.stringify({
        pack: 'site',
        causes: [good().causes[0], { ...good().causes[0], id: 'thermal-throttling', title: 'Our enclosure overheats', base: 0.3 }],
      }),
    });
    const causes = loadCauses([dir]);
    expect(causes.filter((c) => c.id === 'thermal-throttling').map((c) => c.title)).toEqual(['Our enclosure overheats']);
    expect(causes.map((c) => c.id)).toContain('fan-failure');
  });

});

describe('causes end to end: free CMA about the request size', () => {
  // 6144 pages = 24 MiB; CmaFree exactly that, or one page less.
  const bundle = (cmaFreeKiB: number) =>
    analyzeSnapshot(
      snapshotFromFiles({
        ...ORIN_NANO_IDENTITY,
        'proc/uptime': '7200.5 1.0\n',
        'proc/meminfo': meminfo({ CmaFree: cmaFreeKiB, MemAvailable: 3500000, SwapFree: 3816752 }),
        dmesg: dmesg([...BOOT_DMESG, [7000, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
      }),
    );

  it('free CMA equal to the request: fragmentation first', () => {
    const a = bundle(24576);
    expect(a.hypotheses.map((h) => [h.id, h.confidence])).toEqual([
      ['cma-fragmentation', 0.55],
      ['cma-too-small', 0.25],
    ]);
    expect(a.hypotheses[1]!.against).toEqual(['free CMA would fit the failing request: fragmentation, not size']);
  });

  it('one page short: too small first, fragmentation argued against', () => {
    const a = bundle(24572);
    expect(a.hypotheses.map((h) => [h.id, h.confidence])).toEqual([
      ['cma-too-small', 0.7],
      ['cma-fragmentation', 0.1],
    ]);
    expect(a.hypotheses[1]!.against[0]).toMatch(/pool is too small/);
  });
});
