/**
 * Rule packs through the compiled CLI (child processes): `jetdiag rules` lists jetdiag's own
 * signature ids apart from the catalogue's and the root causes, and `--rules` adds a user signature
 * or causes pack at run time. Kept apart
 * from test/rules (which Stryker runs against mutants in-process): a child process never sees a
 * mutant. The pack tests themselves are in test/rules (l4t-services, signatures, causes-pack).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dmesg } from '../helpers/bundles.js';
import { causesPackVariant as variant, goodCausesPack as good } from '../helpers/causes-pack.js';
import { writeTree } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The L4T service signatures of rules/l4t-services.json, jetdiag's own ids. */
const OWN = ['nvpmodel-set-failed', 'l4t-service-failed'];

describe('L4T service signatures in `jetdiag rules`', () => {
  it('`jetdiag rules` lists them apart from the catalogue ids, and --json names them per rule', () => {
    const text = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'rules'], { encoding: 'utf8' }).stdout;
    const [catalogue, rest] = text.split(/\nOwn signature ids \(\d+\), not in the catalogue[^\n]*\n/);
    expect(rest).toBeDefined();
    for (const id of OWN) {
      expect(rest).toMatch(new RegExp(`^  ${id} +\\S.* \\(pack l4t-services\\)$`, 'm'));
      expect(catalogue!.split('Catalogue signature ids')[1]).not.toMatch(new RegExp(`^  ${id} `, 'm'));
    }
    const json = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'rules', '--json'], { encoding: 'utf8' }).stdout) as { id: string; ownSignatures: string[] }[];
    expect(json.find((r) => r.id === 'nvpmodel-set-failed')!.ownSignatures).toEqual(['nvpmodel-set-failed']);
    expect(json.find((r) => r.id === 'oom-kills')!.ownSignatures).toEqual([]);
  }, 30_000);
});

describe('user packs with --rules', () => {
  it('--rules adds a user pack at run time; a bad pack exits 2 with the file named', () => {
    const dir = writeTree({
      'site.json': JSON.stringify({
        pack: 'site',
        signatures: [{ id: 'fan-stalled', title: 'Fan stalled', category: 'thermal', severity: 'warning', patterns: ['pwm-fan (?<dev>\\S+): fan stalled'], verdict: 'The fan stalled {{count}} time(s).', remedy: ['Replace the fan ({{first.dev}}).'], references: [], examples: ['pwm-fan fan0: fan stalled'] }],
      }),
    });
    const bundle = writeTree({ dmesg: dmesg([[10, 'pwm-fan fan0: fan stalled'], [20, 'pwm-fan fan0: fan stalled']]) });
    const bin = path.join(ROOT, 'bin/jetdiag.js');
    const r = spawnSync(process.execPath, [bin, 'analyze', bundle, '--rules', dir, '--json'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const f = JSON.parse(r.stdout).report.findings.find((x: { ruleId: string }) => x.ruleId === 'fan-stalled');
    expect(f.verdict).toBe('The fan stalled 2 time(s).');
    expect(f.remedy).toEqual(['Replace the fan (fan0).']);
    const listed = spawnSync(process.execPath, [bin, 'rules', '--rules', dir], { encoding: 'utf8' }).stdout;
    expect(listed).toMatch(/^fan-stalled\s+thermal/m);
    const bad = writeTree({ 'broken.json': '{"pack": "b", "signatures": [' });
    const e = spawnSync(process.execPath, [bin, 'analyze', bundle, '--rules', bad], { encoding: 'utf8' });
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});

describe('user causes packs with --rules', () => {
  it('--rules: a folder with signatures and causes feeds both; a bad causes pack exits 2 naming file and field', () => {
    const bin = path.join(ROOT, 'bin/jetdiag.js');
    const bundle = writeTree({ dmesg: dmesg([[10, 'pwm-fan fan0: fan stalled']]) });
    const dir = writeTree({
      'fans.json': JSON.stringify({
        pack: 'fans',
        signatures: [{ id: 'fan-stalled', title: 'Fan stalled', category: 'thermal', severity: 'error', patterns: ['pwm-fan (?<dev>\\S+): fan stalled'], verdict: 'Fan stalled.', tags: ['thermal-throttling'] }],
      }),
      'fan-causes.json': JSON.stringify(good()),
    });
    const r = spawnSync(process.execPath, [bin, 'analyze', bundle, '--rules', dir, '--json'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const hyps = JSON.parse(r.stdout).report.hypotheses as { id: string; supporting: { findingId: string }[] }[];
    expect(hyps.map((h) => h.id)).toEqual(['fan-failure', 'thermal-throttling']);
    expect(hyps[0]!.supporting.map((s) => s.findingId)).toEqual(['fan-stalled/found']);
    const bad = writeTree({ 'causes.json': JSON.stringify(variant((c) => (c.triggers = ['fan-stall']))) });
    const e = spawnSync(process.execPath, [bin, 'analyze', bundle, '--rules', bad], { encoding: 'utf8' });
    expect(e.status).toBe(2);
    expect(e.stderr).toMatch(/causes\.json: causes\[0\]\.triggers\[0\]: unknown tag "fan-stall"/);
  }, 30_000);
});

describe('jetdiag rules', () => {
  it('lists the root causes (a user pack included) and, with --tags, the tag vocabulary with meanings', () => {
    const bin = path.join(ROOT, 'bin/jetdiag.js');
    const dir = writeTree({ 'fan-causes.json': JSON.stringify(good()) });
    const text = spawnSync(process.execPath, [bin, 'rules', '--rules', dir], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/^Root causes \(\d+\) the findings are ranked into:$/m);
    expect(text).toMatch(/^  cma-fragmentation\s+CMA fragmentation after hours of operation$/m);
    expect(text).toMatch(/^  fan-failure\s+Fan failure$/m);
    const tags = JSON.parse(spawnSync(process.execPath, [bin, 'rules', '--tags', '--json'], { encoding: 'utf8' }).stdout) as { tag: string; meaning: string }[];
    expect(tags.map((t) => t.tag)).toEqual(expect.arrayContaining(['cma-failure', 'leak-sawtooth', 'process:<value>']));
    expect(tags.every((t) => t.meaning.length > 20)).toBe(true);
  }, 30_000);
});
