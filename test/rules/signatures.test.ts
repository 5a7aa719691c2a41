import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { BUILTIN_RULES, allRules } from '../../src/rules/registry.js';
import { compilePack, loadSignatures, PackError } from '../../src/rules/signatures/pack.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { packRule } from '../../src/rules/signatures/pack-rule.js';
import { checkInvalid, checkValid } from '../../src/rules/tester.js';
import { requiredLiteral } from '../../src/rules/signatures/literal.js';
import { dmesg } from '../helpers/bundles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SIGNATURES = loadSignatures();

/** The 49 ids of shared/signatures.md §12 (kernel-panic / kernel-oops is one entry there). */
const CATALOGUE = [
  'page-alloc-stall', 'show-mem-zone', 'meminfo-memavailable-low', 'memavailable-downtrend', 'nvmap-userspace-alloc-failed',
  'page-alloc-failure', 'show-mem-buddy', 'buddyinfo-high-orders-empty', 'tegrastats-ram-lfb',
  'cma-alloc-failed', 'alloc-contig-range-busy', 'cma-reserved',
  'oom-invoked', 'oom-kill-victim', 'oom-kill-summary', 'oom-task-table', 'oom-reaper', 'oom-panic',
  'arm-smmu-context-fault', 'arm-smmu-global-fault', 'arm-smmu-tlb-sync-timeout', 'arm-smmu-v3-event', 'tegra-mc-error',
  'thermal-critical-shutdown', 'soctherm-trip-config', 'tegrastats-temps-clocks',
  'soctherm-oc-alarm', 'oc-throttle-notification', 'pmic-event-recorder',
  'nvgpu-dma-alloc-failed', 'nvgpu-mmu-fault', 'nvgpu-channel-timeout', 'nvgpu-error-notifier', 'nvgpu-init-failed', 'nvrm-xid',
  'camrtc-capture-timeout', 'camrtc-corr-err', 'vi-syncpt-timeout', 'argus-scf-error',
  'ext4-fs-error', 'block-io-error', 'mmc-timeout',
  'hung-task', 'soft-lockup', 'rcu-stall', 'kernel-panic', 'cbb-fabric-error', 'pcie-aer', 'nvmap-no-tag-warning',
];

/** Lines as a kernel log, or (for a signature that reads user space only) as a syslog of a daemon. */
function hitsFor(lines: string[], userspaceOnly = false) {
  const text = lines.map((l, i) => (userspaceOnly ? `Jul 28 09:27:${String(10 + i).padStart(2, '0')} jetson daemon[886]: ${l}` : `[${(100 + i).toFixed(6).padStart(12)}] ${l}`)).join('\n');
  const d = parseDmesg({ path: 'dmesg', text, lineOffset: 0 }, new DiagnosticSink('dmesg'));
  return matchSignatures(d, SIGNATURES);
}

describe('shipped signature packs', () => {
  it('cover every signature of the catalogue, under its own id', () => {
    const inPacks = new Set(SIGNATURES.map((s) => s.id));
    const derived = new Set(BUILTIN_RULES.flatMap((r) => r.meta.signatures ?? []));
    const missing = CATALOGUE.filter((id) => !inPacks.has(id) && !derived.has(id));
    expect(missing).toEqual([]);
    expect(CATALOGUE).toHaveLength(49);
  });

  it('name an existing built-in rule in every reportedBy, and that rule lists the signature', () => {
    const ids = new Map(BUILTIN_RULES.map((r) => [r.meta.id, r]));
    for (const s of SIGNATURES.filter((x) => x.reportedBy)) {
      expect(ids.has(s.reportedBy!), `${s.id} -> ${s.reportedBy}`).toBe(true);
      expect(ids.get(s.reportedBy!)!.meta.signatures, `${s.reportedBy} should list ${s.id}`).toContain(s.id);
    }
  });

  it.each(SIGNATURES.map((s) => [s.id, s] as const))('%s matches each of its catalogue example lines', (id, s) => {
    expect(s.examples.length).toBeGreaterThan(0);
    for (const example of s.examples) {
      const idx = hitsFor([example], s.sources?.includes('kernel') === false);
      expect(idx.hits(id).map((h) => h.line), example).toEqual([1]);
    }
  });

  // Near misses: a neighbouring real message, or the example cut before the part that makes it
  // this failure (captures do cut lines). One per pattern, so dropping a pattern's anchor fails.
  it.each(SIGNATURES.map((s) => [s.id, s] as const))('%s has near misses beside its examples, one per pattern, none matching', (id, s) => {
    expect(s.nonMatching.length, `${id}: ${s.patterns.length} pattern(s)`).toBeGreaterThanOrEqual(s.patterns.length);
    for (const line of s.nonMatching) expect(hitsFor([line], s.sources?.includes('kernel') === false).hits(id), line).toEqual([]);
  });

  it('standalone signatures produce a finding with every placeholder filled', () => {
    for (const s of SIGNATURES.filter((x) => x.report !== false && !x.reportedBy)) {
      const rule = packRule(s);
      const example = s.examples.find((e) => !s.ignore.some(([k, re]) => re.test(new RegExp(s.patterns[0]!.regex).exec(e)?.groups?.[k] ?? '')))!;
      const log = s.sources?.includes('kernel') === false ? `Jul 28 09:27:35 jetson daemon[886]: ${example}\n` : dmesg([[42.5, example]]);
      checkInvalid(rule, { name: s.id, files: { dmesg: log }, findings: [{ messageId: 'found', severity: s.severity }] }, SIGNATURES);
      checkValid(rule, { name: `${s.id} absent`, files: { dmesg: dmesg([[1, 'usb 1-2: new high-speed USB device number 3 using tegra-xusb']]) } }, SIGNATURES);
    }
  });

  it('ignoreIf drops benign values (PMIC event recorder 0x0)', () => {
    const idx = hitsFor(['max77620-power max77620-power: Event recorder REG_NVERC : 0x0']);
    expect(idx.hits('pmic-event-recorder')).toHaveLength(1);
    expect(idx.events('pmic-event-recorder')).toHaveLength(0);
  });

  it('adds "callbacks suppressed" to the count of the signature it belongs to', () => {
    const idx = hitsFor([
      'arm-smmu 15000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7',
      'arm_smmu_context_fault: 83 callbacks suppressed',
      'tegra_mc_irq: 12 callbacks suppressed',
      'some_other_fn: 4 callbacks suppressed',
    ]);
    expect(idx.suppressed('arm-smmu-context-fault')).toBe(83);
    expect(idx.suppressed('tegra-mc-error')).toBe(12);
  });

  it('joins an author-wrapped OOM victim line and nvgpu MMU fault with the next line', () => {
    const idx = hitsFor([
      'Out of memory: Killed process 2210 (python3) total-vm:9382712kB,',
      'anon-rss:4938268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0',
      'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294  [ERR]  [MMU FAULT] mmu engine id:  18, ch id:  479, fault addr: 0x0, fault addr aperture: 0, fault type: invalid pde, access type: virt rea',
      'd,',
    ]);
    const v = idx.hits('oom-kill-victim')[0]!;
    expect(v).toMatchObject({ joined: true, line: 1 });
    expect(v.groups.anon_rss_kb).toBe('4938268');
    expect(idx.hits('nvgpu-mmu-fault')[0]!.groups.access).toBe('virt read');
  });

  it('knows the kernel variants: 4.9 critical-shutdown spelling and the 5.12+ one without temperature', () => {
    const idx = hitsFor([
      'thermal thermal_zone1: critical temperature reached(105 C),shutting down',
      'thermal thermal_zone0: cpu-thermal: critical temperature reached, shutting down',
      'NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:4:4202]',
    ]);
    expect(idx.events('thermal-critical-shutdown').map((h) => h.groups.temp_c)).toEqual(['105', undefined]);
    expect(idx.events('soft-lockup')).toHaveLength(1);
  });

  it('extracts a literal prefilter that every match contains', () => {
    expect(requiredLiteral('cma: (?<func>_*cma_alloc\\w*)(?:\\(\\))?: alloc failed, req-size: (?<pages>\\d+)')).toBe(': alloc failed, req-size: ');
    expect(requiredLiteral('a|b')).toBeNull();
    expect(requiredLiteral('INFO: task (?<comm>.+):(?<pid>\\d+) blocked for more than')).toBe(' blocked for more than');
  });
});

describe('rule pack loading', () => {
  const good = { pack: 'p', signatures: [{ id: 'x-fault', title: 'X', category: 'other', severity: 'error', confidence: 0.5, patterns: ['x-fault: (?<n>\\d+)'], verdict: '{{count}} x', remedy: [], references: [], examples: ['x-fault: 1'] }] };
  const variant = (f: (s: Record<string, unknown>) => void) => {
    const d = structuredClone(good) as { pack: string; signatures: Record<string, unknown>[] };
    f(d.signatures[0]!);
    return d;
  };

  it('accepts a good pack', () => {
    expect(compilePack(good, 'my.json')).toHaveLength(1);
  });

  it('the shipped pack and the README example validate against schema/rule-pack.schema.json', async () => {
    const { readFileSync } = await import('node:fs');
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/rule-pack.schema.json'), 'utf8')));
    for (const name of ['kernel-signatures.json', 'l4t-services.json']) {
      const shipped = JSON.parse(readFileSync(path.join(ROOT, 'rules', name), 'utf8'));
      expect(validate(shipped), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(good)).toBe(true);
    expect(validate({ pack: 'p', signatures: [{ ...good.signatures[0], severity: 'high' }] })).toBe(false);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = JSON.parse(/```json\n(\{\n  "pack"[\s\S]*?)```/.exec(readme)![1]!);
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(compilePack(example, 'README.md')).toHaveLength(1);
  });

  it.each([
    ['an invalid regex', variant((s) => (s.patterns = ['x(']) ), /my\.json: signatures\[0\]\.patterns\[0\]\.regex: invalid regular expression/],
    ['an unknown category', variant((s) => (s.category = 'misc')), /my\.json: signatures\[0\]\.category: "misc" is not one of/],
    ['an unknown severity', variant((s) => (s.severity = 'high')), /signatures\[0\]\.severity: "high" is not one of critical, error, warning, info/],
    ['a missing verdict', variant((s) => delete s.verdict), /signatures\[0\]\.verdict: expected a non-empty string/],
    ['a broken template', variant((s) => (s.verdict = '{{#if}}')), /signatures\[0\]\.verdict: invalid Handlebars template/],
    ['a bad id', variant((s) => (s.id = 'X Fault')), /signatures\[0\]\.id: "X Fault" is not a lower-case id/],
  ])('refuses %s, naming the file and field', (_n, doc, msg) => {
    expect(() => compilePack(doc, 'my.json')).toThrow(PackError);
    expect(() => compilePack(doc, 'my.json')).toThrow(msg);
  });


  it('every rule of a run has a unique id', () => {
    const ids = allRules(SIGNATURES).map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
