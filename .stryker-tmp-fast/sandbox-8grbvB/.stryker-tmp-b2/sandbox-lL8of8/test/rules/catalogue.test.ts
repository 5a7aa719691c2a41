// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { realLog } from '../helpers/fixtures.js';
import { CATALOGUE_IDS, catalogueCoverage, isCatalogueId } from '../../src/rules/catalogue.js';
import { allRules, BUILTIN_RULES } from '../../src/rules/registry.js';
import { builtinPackDir, loadSignatures, packFiles } from '../../src/rules/signatures/pack.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Ids from the catalogue's `### id — title` headers; `### a / b — title` names two ids. */
function catalogueIdsFromMarkdown(md: string): string[] {
  return [...md.matchAll(/^### ([a-z0-9][a-z0-9 /-]*?) — /gm)].flatMap((m) => m[1]!.split('/').map((s) => s.trim()));
}

const SIGNATURES = loadSignatures();
const FROM_DOC = catalogueIdsFromMarkdown(readFileSync(path.join(ROOT, 'test/rules/data/catalogue-signatures.md'), 'utf8'));

describe('catalogue ids', () => {
  it('are exactly the ids of the catalogue document (49 entries, kernel-panic / kernel-oops is one entry with two ids)', () => {
    expect(FROM_DOC.length).toBe(50);
    expect(new Set(FROM_DOC).size).toBe(50);
    expect([...CATALOGUE_IDS].sort()).toEqual([...FROM_DOC].sort());
  });

  it('every shipped pack signature is a catalogue id, or marked as jetdiag\'s own ("catalogue": false)', () => {
    const own = new Set(packFiles(builtinPackDir()).flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')).signatures ?? []).filter((s: { catalogue?: boolean }) => s.catalogue === false).map((s: { id: string }) => s.id)));
    expect(SIGNATURES.map((s) => s.id).filter((id) => !isCatalogueId(id) && !own.has(id))).toEqual([]);
    expect([...own].filter((id) => isCatalogueId(id))).toEqual([]);
  });

  it('every catalogue id is cited by some rule, so `jetdiag rules` lists them all', () => {
    const cov = catalogueCoverage(allRules(SIGNATURES));
    const context = SIGNATURES.filter((s) => s.report === false).map((s) => s.id);
    expect(cov.map((c) => c.id).sort()).toEqual([...FROM_DOC].sort());
    expect(cov.filter((c) => c.rules.length === 0).map((c) => c.id)).toEqual(context);
  });

  it('`jetdiag rules` prints every catalogue id; --json carries them on the rules', () => {
    const text = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'rules'], { encoding: 'utf8' }).stdout;
    const listed = text.split('Catalogue signature ids')[1] ?? '';
    for (const id of FROM_DOC) expect(listed).toMatch(new RegExp(`^  ${id} `, 'm'));
    const json = JSON.parse(spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'rules', '--json'], { encoding: 'utf8' }).stdout) as { signatures: string[] }[];
    const cited = new Set(json.flatMap((r) => r.signatures));
    const context = SIGNATURES.filter((s) => s.report === false).map((s) => s.id);
    expect(FROM_DOC.filter((id) => !cited.has(id))).toEqual(context);
  }, 30_000);

  it('a built-in rule that declares ids declares only catalogue ids', () => {
    for (const r of BUILTIN_RULES) expect((r.meta.signatures ?? []).filter((id) => !isCatalogueId(id))).toEqual([]);
  });
});

describe('findings carry the catalogue ids they rest on', () => {
  const samples = readdirSync(path.join(ROOT, 'samples')).filter((n) => n.endsWith('.tgz'));
  // ram-size and emc-bandwidth check something no catalogue entry describes; so do the rules
  // on the collector's vmstat, DMA-BUF and nvmap captures (no kernel message to cite).
  const NO_CATALOGUE_ENTRY = new Set(['ram-size', 'emc-bandwidth', 'vmstat-compaction', 'dmabuf-buffers', 'nvmap-clients']);
  it.each(samples)('%s', async (name) => {
    const r = await analyze(path.join(ROOT, 'samples', name));
    for (const f of r.findings) {
      if (NO_CATALOGUE_ENTRY.has(f.ruleId)) continue;
      expect(f.signatures.length, `${f.ruleId}/${f.messageId} cites no id`).toBeGreaterThan(0);
      for (const id of f.signatures) expect(isCatalogueId(id) || SIGNATURES.some((s) => s.id === id && !s.catalogue), id).toBe(true);
    }
  });
});

describe('findings on real logs carry their ids', () => {
  // Every real log kept for the rule tests (test/rules/data, each header names its public source).
  const DATA = path.join(ROOT, 'test/rules/data');
  const logs = readdirSync(DATA).filter((n) => n.endsWith('.log'));
  const expected: Record<string, string[]> = {
    'oom-catalogue-legacy-victim.log': ['oom-kill-victim'],
    'oom-catalogue-invoker-only.log': ['oom-invoked'],
    'oom-docker-1001-memcg-burst.log': ['oom-kill-victim'],
    'tx1-mcerr-xusb-hostw.log': ['tegra-mc-error'],
    'syslog-nano-nvargus-visiond-6.log': ['argus-scf-error'],
    'journal-arducam-73-nvargus.log': ['argus-scf-error'],
    'journal-meta-tegra-1864-nvpmodel.log': ['nvpmodel-set-failed', 'l4t-service-failed'],
    'journal-jetpack-nixos-202-nvpmodel.log': ['nvpmodel-set-failed', 'l4t-service-failed'],
    'journal-meta-tegra-964-nvargus-failed.log': ['l4t-service-failed'],
  };
  it.each(logs)('%s', (name) => {
    const text = realLog(name);
    const file = /^(journal|syslog)/.test(name) ? 'var/log/syslog' : 'dmesg.txt';
    const a = analyzeSnapshot(snapshotFromFiles({ [file]: text }), { signatures: SIGNATURES });
    const cited = new Set(a.findings.flatMap((f) => f.signatures));
    for (const f of a.findings) {
      expect(f.signatures.length, `${f.ruleId}/${f.messageId} cites no id`).toBeGreaterThan(0);
      for (const id of f.signatures) expect(isCatalogueId(id) || SIGNATURES.some((s) => s.id === id && !s.catalogue), id).toBe(true);
    }
    for (const id of expected[name] ?? []) expect([...cited], name).toContain(id);
  });
});

