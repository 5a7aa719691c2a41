/**
 * The declarative signatures (issue #14, mutation testing, session 8): the literal prefilter
 * (signatures/literal.ts), the rule a pack signature becomes (signatures/pack-rule.ts: its
 * docs line, what it needs, its finding's figures, evidence and rendered templates) and the
 * pack loader's refusals and defaults (signatures/pack.ts). User packs here are what a
 * `--rules <dir>` user writes: real Tegra kernel lines, a site's own ids.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requiredLiteral } from '../../src/rules/signatures/literal.js';
import { compilePack, loadPackDir, loadSignatures, packFiles, PackError, readPackJson, type CompiledSignature } from '../../src/rules/signatures/pack.js';
import { hitEvidence, hitTime, packRule, templateData } from '../../src/rules/signatures/pack-rule.js';
import { matchSignatures, type SignatureHit } from '../../src/rules/signatures/match.js';
import { runCase, snapshotFromFiles } from '../../src/rules/tester.js';
import { missingParts } from '../../src/rules/engine.js';
import { dmesg } from '../helpers/bundles.js';
import type { Finding } from '../../src/rules/types.js';

describe('requiredLiteral: the longest top-level literal run every match must contain', () => {
  // [pattern, literal, strings the pattern matches (each must contain the literal)]
  it.each([
    ['abcd(x)efgh', 'abcd', ['abcdxefgh']], // two runs of equal length: the first is kept
    ['ab{2,3}cdef', 'cdef', ['abbcdef', 'abbbcdef']], // a {m,n} quantifier is skipped whole
    ['abcde+?fghij', 'fghij', ['abcdefghij', 'abcdeeefghij']], // lazy +? skipped, 'e' is optional-ish
    ['abcd(efghijk)lm', 'abcd', ['abcdefghijklm']], // nothing inside a group counts
    ['abcd[efghij]klmno', 'klmno', ['abcdeklmno']], // nor inside a class
    ['abcd[\\]efgh]ijklm', 'ijklm', ['abcd]ijklm', 'abcdfijklm']], // an escaped ] does not end the class
    ['abcd[xy]+efgh', 'abcd', ['abcdxyxefgh']], // a quantified class: the quantifier is skipped
    ['abcd[xy]efghi', 'efghi', ['abcdyefghi']], // an unquantified class: the next run starts after it
    ['abcd[xy]{2}efgh', 'abcd', ['abcdxyefgh']],
    ['abcd[xy]??efgh', 'abcd', ['abcdefgh', 'abcdxefgh']],
    ['(a[xy]{2,3})bcdef', 'bcdef', ['axxbcdef']],
    ['ab(xy)?cdef', 'cdef', ['abcdef', 'abxycdef']], // a quantified group: its ? is skipped
    ['abc\\.defg', 'abc.defg', ['abc.defg']], // an escaped dot is a literal dot
    ['ab\\(cd\\)ef', 'ab(cd)ef', ['ab(cd)ef']],
    ['ab\\dcdef', 'cdef', ['ab7cdef']], // \d is no literal
    ['abc\\sdefg', 'defg', ['abc defg']],
    ['ab\\.cd\\s', 'ab.cd', ['ab.cd ']],
    ['abcd(x|y)efg', 'abcd', ['abcdxefg', 'abcdyefg']], // alternation inside a group is fine
    ['abcd(x|y)', 'abcd', ['abcdy']],
    ['^abcd', 'abcd', ['abcd']],
    ['abcd$', 'abcd', ['abcd']],
    ['abc.defg', 'defg', ['abcXdefg']],
    ['abcde?fgh', 'abcd', ['abcdfgh', 'abcdefgh']], // the quantified e breaks the run
    ['x{2}abcd', 'abcd', ['xxabcd']],
    ['abcdefgh\\d{2,3}?ij', 'abcdefgh', ['abcdefgh12ij']],
    ['[a-z]abcd', 'abcd', ['qabcd']],
    ['abcd', 'abcd', ['abcd']],
    ['abcdef{', 'abcde', ['abcdef{']], // an unclosed brace is a literal brace to JS: the scan stops at the end
    ['cma: (?<func>_*cma_alloc\\w*)(?:\\(\\))?: alloc failed, req-size: (?<pages>\\d+)', ': alloc failed, req-size: ', ['cma: cma_alloc: alloc failed, req-size: 4096']],
  ])('%s -> %s', (pattern, literal, samples) => {
    expect(requiredLiteral(pattern)).toBe(literal);
    for (const s of samples) {
      expect(new RegExp(pattern).test(s), s).toBe(true);
      expect(s.includes(literal), s).toBe(true);
    }
  });

  it.each([
    ['abcdef|gh'], // a top-level alternation has no single required literal
    ['abc'], // under four characters: not worth an includes
    ['a.b.c.d'],
    ['(abcdefgh)'],
    ['[abcdefgh]'],
  ])('%s -> null', (pattern) => {
    expect(requiredLiteral(pattern)).toBeNull();
  });
});

/** A site's own pack: Tegra I2C NACKs (real driver wording), rate-limited by the transfer function. */
const I2C = {
  id: 'tegra-i2c-nack',
  title: 'I2C device did not answer',
  category: 'other',
  severity: 'warning',
  confidence: 0.6,
  patterns: [
    'tegra-i2c (?<bus>[0-9a-f]+\\.i2c): no acknowledge from address (?<addr>0x[0-9a-f]+)',
    { regex: 'tegra-i2c (?<bus>[0-9a-f]+\\.i2c): i2c transfer timed out', role: 'detail' },
  ],
  suppressedFunctions: ['tegra_i2c_xfer_msg'],
  kernels: 'L4T r35/r36 tegra-i2c',
  verdict: '{{count}} NACK(s) on {{first.bus}} from {{first.addr}} to {{last.addr}}, {{lines}} printed, {{suppressed}} suppressed; {{firstTime}} to {{lastTime}}.',
  remedy: ['Check the device at {{last.addr}} on {{first.bus}}.', 'Check the bus pull-ups.'],
  references: ['https://docs.kernel.org/i2c/summary.html'],
  tags: ['device:3160000.i2c'],
  examples: ['tegra-i2c 3160000.i2c: no acknowledge from address 0x50'],
};
const userSig = (over: Record<string, unknown> = {}): CompiledSignature => compilePack({ pack: 'site-i2c', signatures: [{ ...I2C, ...over }] }, 'site/i2c.json')[0]!;
const figs = (f: Finding) => Object.fromEntries(f.figures.map((x) => [x.label, x.value]));
const runSig = (sig: CompiledSignature, files: Record<string, string>) => runCase(packRule(sig), { name: sig.id, files }, [sig]);

/** A hit as the matcher gives it, for the time and evidence helpers. */
const hit = (over: Partial<SignatureHit>): SignatureHit => ({ signatureId: 'tegra-i2c-nack', pattern: 0, role: 'primary', record: 0, line: 7, groups: {}, text: 'm', message: 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50', joined: false, boot: 0, ...over });

describe('hitTime and hitEvidence', () => {
  it.each([
    ['the running boot', hit({ monotonic: 100.5 }), '0:01:40 after boot'],
    ['an earlier boot of the same log', hit({ monotonic: 100.5, boot: 1 }), '0:01:40 after boot (boot 2)'],
    ['a boot of another log file (its file names it)', hit({ monotonic: 100.5, boot: 1, file: 'var/log/kern.log.1' }), '0:01:40 after boot'],
    ['with the clock time of the bundle', hit({ monotonic: 3725, clock: Date.UTC(2026, 10, 24, 18, 1, 42) / 1000 }), '1:02:05 after boot (2026-11-24 18:01:42)'],
    ['with the printed wall clock', hit({ monotonic: 100.5, wallClock: 'Nov 24 18:01:42' }), '0:01:40 after boot (Nov 24 18:01:42)'],
    ['a syslog line (wall clock only)', hit({ wallClock: 'Nov 24 18:01:42' }), 'Nov 24 18:01:42'],
    ['a line with no time', hit({ line: 12 }), 'line 12'],
  ])('%s', (_n, h, text) => {
    expect(hitTime(h)).toBe(text);
  });

  it('evidence quotes the line as printed, in the hit\'s own file when it has one', () => {
    const a = hit({ line: 3, prefix: '[  100.500000] ' });
    const b = hit({ line: 9, file: 'var/log/kern.log.1', message: 'tegra-i2c 3160000.i2c: i2c transfer timed out' });
    expect(hitEvidence('dmesg.txt', [a, b])).toEqual([
      { file: 'dmesg.txt', line: 3, text: '[  100.500000] tegra-i2c 3160000.i2c: no acknowledge from address 0x50' },
      { file: 'var/log/kern.log.1', line: 9, text: 'tegra-i2c 3160000.i2c: i2c transfer timed out' },
    ]);
  });

  it('the clock time of a parsed line of the running boot', () => {
    const sig = userSig();
    const s = snapshotFromFiles({ dmesg: dmesg([[100.5, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50']]) });
    const idx = matchSignatures(s.dmesg, [sig], Date.UTC(2026, 10, 24, 18, 0, 0) / 1000);
    expect(hitTime(idx.events(sig.id)[0]!)).toBe('0:01:40 after boot (2026-11-24 18:01:40)');
  });
});

describe('templateData', () => {
  it('with no event: zero counts, every capture name present and empty, no times', () => {
    const sig = userSig();
    const idx = matchSignatures(snapshotFromFiles({ dmesg: dmesg([[5, 'tegra-i2c 3160000.i2c: i2c transfer timed out']]) }).dmesg, [sig]);
    expect(templateData(sig, idx)).toEqual({ count: 0, lines: 0, suppressed: 0, first: { bus: '', addr: '' }, last: { bus: '', addr: '' }, firstTime: '', lastTime: '' });
  });

  it('first and last events, rate-limited repeats counted in', () => {
    const sig = userSig();
    const log = dmesg([
      [100, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50'],
      [101, 'tegra_i2c_xfer_msg: 7 callbacks suppressed'],
      [102, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x51'],
      [105, 'tegra-i2c 3180000.i2c: no acknowledge from address 0x57'],
    ]);
    const idx = matchSignatures(snapshotFromFiles({ dmesg: log }).dmesg, [sig]);
    expect(templateData(sig, idx)).toEqual({
      count: 10,
      lines: 3,
      suppressed: 7,
      first: { bus: '3160000.i2c', addr: '0x50' },
      last: { bus: '3180000.i2c', addr: '0x57' },
      firstTime: '0:01:40 after boot',
      lastTime: '0:01:45 after boot',
    });
  });

  it('an optional capture the event did not fill is empty, not undefined', () => {
    const sig = userSig({ patterns: ['tegra-i2c (?<bus>[0-9a-f]+\\.i2c): no acknowledge(?: from address (?<addr>0x[0-9a-f]+))?'] });
    const idx = matchSignatures(snapshotFromFiles({ dmesg: dmesg([[7, 'tegra-i2c 3160000.i2c: no acknowledge'], [8, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50']]) }).dmesg, [sig]);
    const data = templateData(sig, idx);
    expect(data.first).toEqual({ bus: '3160000.i2c', addr: '' });
    expect(data.last).toEqual({ bus: '3160000.i2c', addr: '0x50' });
  });

  it('a capture the event\'s pattern lacks renders empty', () => {
    const sig = userSig({
      patterns: ['tegra-i2c (?<bus>[0-9a-f]+\\.i2c): i2c transfer timed out', 'tegra-i2c (?<bus>[0-9a-f]+\\.i2c): no acknowledge from address (?<addr>0x[0-9a-f]+)'],
      verdict: 'first {{first.bus}} [{{first.addr}}], last {{last.bus}} [{{last.addr}}]',
    });
    const log = dmesg([[10, 'tegra-i2c 3160000.i2c: i2c transfer timed out'], [11, 'tegra-i2c 3180000.i2c: no acknowledge from address 0x50']]);
    const [f, ...rest] = runSig(sig, { dmesg: log });
    expect(rest).toEqual([]);
    expect(f!.verdict).toBe('first 3160000.i2c [], last 3180000.i2c [0x50]');
  });
});

describe('packRule: the rule a pack signature becomes', () => {
  it('one finding: counts, figures, every hit (detail lines too) as evidence, rendered remedies, tags', () => {
    const sig = userSig();
    const log = dmesg([
      [100, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50'],
      [100.5, 'tegra-i2c 3160000.i2c: i2c transfer timed out'],
      [101, 'tegra_i2c_xfer_msg: 7 callbacks suppressed'],
      [105.25, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x57'],
    ]);
    const [f, ...rest] = runSig(sig, { dmesg: log });
    expect(rest).toEqual([]);
    expect(f!).toMatchObject({ ruleId: 'tegra-i2c-nack', messageId: 'found', severity: 'warning', confidence: 0.6, signatures: ['tegra-i2c-nack'] });
    expect(f!.verdict).toBe('9 NACK(s) on 3160000.i2c from 0x50 to 0x57, 2 printed, 7 suppressed; 0:01:40 after boot to 0:01:45 after boot.');
    expect(f!.figures).toEqual([
      { label: 'occurrences', value: 9 },
      { label: 'rate-limited repeats (callbacks suppressed)', value: 7 },
      { label: 'first seen', value: '0:01:40 after boot' },
      { label: 'last seen', value: '0:01:45 after boot' },
    ]);
    expect(f!.evidence).toEqual([
      { file: 'dmesg', line: 1, text: '[  100.000000] tegra-i2c 3160000.i2c: no acknowledge from address 0x50' },
      { file: 'dmesg', line: 2, text: '[  100.500000] tegra-i2c 3160000.i2c: i2c transfer timed out' },
      { file: 'dmesg', line: 4, text: '[  105.250000] tegra-i2c 3160000.i2c: no acknowledge from address 0x57' },
    ]);
    expect(f!.remedy).toEqual(['Check the device at 0x57 on 3160000.i2c.', 'Check the bus pull-ups.']);
    expect(f!.references).toEqual(['https://docs.kernel.org/i2c/summary.html']);
    expect(f!.tags).toEqual(['device:3160000.i2c', 'signature:tegra-i2c-nack']);
  });

  it('a single event: no repeats figure, no last-seen figure; a signature without tags is tagged with its id only', () => {
    const sig = userSig({ tags: undefined });
    const [f] = runSig(sig, { dmesg: dmesg([[100, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50']]) });
    expect(figs(f!)).toEqual({ occurrences: 1, 'first seen': '0:01:40 after boot' });
    expect(f!.tags).toEqual(['signature:tegra-i2c-nack']);
  });

  it('detail lines alone, or no line at all, report nothing', () => {
    const sig = userSig();
    expect(runSig(sig, { dmesg: dmesg([[5, 'tegra-i2c 3160000.i2c: i2c transfer timed out']]) })).toEqual([]);
    expect(runSig(sig, { dmesg: dmesg([[5, 'usb 1-2: new high-speed USB device number 3 using tegra-xusb']]) })).toEqual([]);
  });

  it('captures are rendered as the line has them, not HTML-escaped', () => {
    const sig = userSig({ patterns: ['(?<comm>\\S+) invoked oom-killer: gfp_mask=(?<gfp>0x[0-9a-f]+\\([^)]*\\))'], verdict: '{{first.comm}} asked with {{first.gfp}}', remedy: [] });
    const [f] = runSig(sig, { dmesg: dmesg([[9, 'python3 invoked oom-killer: gfp_mask=0x1100cca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO), order=0, oom_score_adj=0']]) });
    expect(f!.verdict).toBe('python3 asked with 0x1100cca(GFP_HIGHUSER_MOVABLE|__GFP_ZERO)');
    const q = userSig({ patterns: ['EXT4-fs error \\(device (?<dev>\\w+)\\): (?<what>.+)$'], verdict: '{{first.dev}}: {{first.what}}', remedy: [] });
    const [g] = runSig(q, { dmesg: dmesg([[9, 'EXT4-fs error (device mmcblk0p1): ext4_lookup:1700: inode #2: comm "python3" & co: deleted inode referenced: 12']]) });
    expect(g!.verdict).toBe('mmcblk0p1: ext4_lookup:1700: inode #2: comm "python3" & co: deleted inode referenced: 12');
  });

  it('a template naming a capture no pattern has fails loudly (strict), not silently empty', () => {
    const sig = userSig({ verdict: '{{count}} NACK(s) from {{first.adr}}' });
    expect(() => runSig(sig, { dmesg: dmesg([[100, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50']]) })).toThrow(/adr/);
  });

  it('docs: what the signature reads, its kernels, whether it is a catalogue id; why and seed fall back to title and pack', () => {
    expect(packRule(userSig()).meta.docs).toEqual({
      description: 'I2C device did not answer (kernel message signature; L4T r35/r36 tegra-i2c; own id, not in the catalogue).',
      why: 'Check the device at {{last.addr}} on {{first.bus}}.',
      seed: 'https://docs.kernel.org/i2c/summary.html',
    });
    expect(packRule(userSig({ kernels: undefined, remedy: [], references: [], sources: ['userspace'] })).meta.docs).toEqual({
      description: 'I2C device did not answer (user-space syslog/journal message signature; own id, not in the catalogue).',
      why: 'I2C device did not answer',
      seed: 'rule pack site-i2c',
    });
    expect(packRule(userSig({ kernels: undefined, sources: ['kernel', 'userspace'] })).meta.docs!.description).toBe('I2C device did not answer (kernel or user-space message signature; own id, not in the catalogue).');
    const hung = loadSignatures().find((s) => s.id === 'hung-task')!;
    expect(packRule(hung).meta.docs!.description).toBe(`${hung.title} (kernel message signature).`);
  });

  it('meta: the pack, the signature and its messages; a kernel signature needs the kernel log', () => {
    const m = packRule(userSig()).meta;
    expect(m).toMatchObject({ id: 'tegra-i2c-nack', title: 'I2C device did not answer', category: 'other', pack: 'site-i2c', signatures: ['tegra-i2c-nack'], requires: ['dmesg'], thresholds: {}, remedy: I2C.remedy, references: I2C.references });
    expect(m.messages).toEqual({ found: I2C.verdict });
    expect(m.unavailable).toBeUndefined();
  });

  it('a user-space signature runs on a syslog alone, and says what it lacks when there is neither log', () => {
    const sig = userSig({ sources: ['userspace'], patterns: ['NVPM ERROR: failed to write PARAM (?<param>\\w+)'], verdict: '{{count}} nvpmodel write failure(s), {{first.param}}', remedy: [] });
    const rule = packRule(sig);
    expect(rule.meta.requires).toEqual([]);
    expect(missingParts(rule, snapshotFromFiles({ 'proc/meminfo': 'MemTotal:        7454592 kB\n' }))).toEqual(['kernel log or syslog/journal']);
    // A collector whose dmesg came out empty (no permission): a kernel log with no line, and no syslog.
    expect(missingParts(rule, snapshotFromFiles({ dmesg: '' }))).toEqual(['kernel log or syslog/journal']);
    const error = 'Feb 27 17:26:04 agx-orin nvpmodel[612]: NVPM ERROR: failed to write PARAM TPC_POWER_GATING: ARG TPC_PG_MASK: PATH: /sys/devices/platform/gpu.0/tpc_pg_mask VAL: 128';
    const journal = `Feb 27 17:26:03 agx-orin systemd[1]: Starting NVIDIA power model daemon...\n${error}\n`;
    expect(missingParts(rule, snapshotFromFiles({ 'journal.txt': journal }))).toEqual([]);
    expect(missingParts(rule, snapshotFromFiles({ dmesg: dmesg([[1, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]']]) }))).toEqual([]);
    const [f] = runSig(sig, { 'journal.txt': journal });
    expect(f!.verdict).toBe('1 nvpmodel write failure(s), TPC_POWER_GATING');
    expect(f!.evidence).toEqual([{ file: 'journal.txt', line: 2, text: error }]);
    expect(figs(f!)).toEqual({ occurrences: 1, 'first seen': 'Feb 27 17:26:04' });
  });
});

describe('compilePack: what a user pack may hold, each refusal naming file and field', () => {
  const refuse = (doc: unknown) => {
    try {
      compilePack(doc, 'site/i2c.json');
    } catch (e) {
      expect(e).toBeInstanceOf(PackError);
      return (e as Error).message;
    }
    throw new Error('the pack was accepted');
  };
  const sig = (over: Record<string, unknown>) => ({ pack: 'site-i2c', signatures: [{ ...I2C, ...over }] });

  it.each([
    ['not an object', null, 'site/i2c.json: (top): expected a JSON object'],
    ['a bare string', 'tegra-i2c', 'site/i2c.json: (top): expected a JSON object'],
    ['no signatures and no causes', { pack: 'site-i2c' }, 'site/i2c.json: signatures: expected an array'],
    ['signatures not a list', { pack: 'site-i2c', signatures: { id: 'x' } }, 'site/i2c.json: signatures: expected an array'],
    ['no pack name', { signatures: [I2C] }, 'site/i2c.json: pack: expected a non-empty string, got undefined'],
    ['a signature that is not an object', { pack: 'site-i2c', signatures: [I2C, 'tegra-i2c-nack'] }, 'site/i2c.json: signatures[1]: expected an object'],
    ['a null signature', { pack: 'site-i2c', signatures: [null] }, 'site/i2c.json: signatures[0]: expected an object'],
    ['no id', sig({ id: undefined }), 'site/i2c.json: signatures[0].id: expected a non-empty string, got undefined'],
    ['an id with capitals', sig({ id: 'tegra-I2C-nack' }), 'site/i2c.json: signatures[0].id: "tegra-I2C-nack" is not a lower-case id (a-z, 0-9, -)'],
    ['an id ending in a blank', sig({ id: 'tegra-i2c-nack ' }), 'site/i2c.json: signatures[0].id: "tegra-i2c-nack " is not a lower-case id (a-z, 0-9, -)'],
    ['the same id twice', { pack: 'site-i2c', signatures: [I2C, I2C] }, 'site/i2c.json: signatures[1].id: duplicate id "tegra-i2c-nack"'],
    ['no category', sig({ category: undefined }), 'site/i2c.json: signatures[0].category: expected a non-empty string, got undefined'],
    ['an unknown category', sig({ category: 'bus' }), 'site/i2c.json: signatures[0].category: "bus" is not one of memory, fragmentation, cma, oom, smmu, thermal, power, gpu, camera, storage, other'],
    ['a confidence in words', sig({ confidence: 'high' }), 'site/i2c.json: signatures[0].confidence: expected a number from 0 to 1'],
    ['a confidence under 0', sig({ confidence: -0.1 }), 'site/i2c.json: signatures[0].confidence: expected a number from 0 to 1'],
    ['a confidence over 1', sig({ confidence: 1.5 }), 'site/i2c.json: signatures[0].confidence: expected a number from 0 to 1'],
    ['no patterns', sig({ patterns: [] }), 'site/i2c.json: signatures[0].patterns: expected a non-empty array'],
    ['a pattern string instead of a list', sig({ patterns: 'tegra-i2c' }), 'site/i2c.json: signatures[0].patterns: expected a non-empty array'],
    ['a pattern object without regex', sig({ patterns: [I2C.patterns[0], { role: 'detail' }] }), 'site/i2c.json: signatures[0].patterns[1].regex: expected a non-empty string, got undefined'],
    ['an empty regex', sig({ patterns: [''] }), 'site/i2c.json: signatures[0].patterns[0].regex: expected a non-empty string, got ""'],
    ['an unknown role', sig({ patterns: [I2C.patterns[0], { regex: 'tegra-i2c \\S+: i2c transfer timed out', role: 'context' }] }), 'site/i2c.json: signatures[0].patterns[1].role: "context" is not one of primary, detail, selection, header, row'],
    ['a broken ignoreIf regex', sig({ ignoreIf: { addr: '0x(5' } }), /^site\/i2c\.json: signatures\[0\]\.ignoreIf\.addr: invalid regular expression: .*0x\(5/],
    ['catalogue not a boolean', sig({ catalogue: 'no' }), 'site/i2c.json: signatures[0].catalogue: expected true or false'],
    ['an own id marked as a catalogue id', sig({ catalogue: true }), 'site/i2c.json: signatures[0].catalogue: "tegra-i2c-nack" is not a catalogue id; mark it "catalogue": false (an own id)'],
    ['no title', sig({ title: '' }), 'site/i2c.json: signatures[0].title: expected a non-empty string, got ""'],
    ['no verdict', sig({ verdict: undefined }), 'site/i2c.json: signatures[0].verdict: expected a non-empty string, got undefined'],
    ['a remedy that is not a list', sig({ remedy: 'Check the pull-ups.' }), 'site/i2c.json: signatures[0].remedy: expected an array of strings'],
    ['a remedy with a number in it', sig({ remedy: ['Check the pull-ups.', 4] }), 'site/i2c.json: signatures[0].remedy: expected an array of strings'],
    ['examples not a list', sig({ examples: I2C.examples[0] }), 'site/i2c.json: signatures[0].examples: expected an array of strings'],
    ['near misses not a list', sig({ nonMatching: 'tegra-i2c 3160000.i2c: probe' }), 'site/i2c.json: signatures[0].nonMatching: expected an array of strings'],
    ['kernels as a number', sig({ kernels: 5.15 }), 'site/i2c.json: signatures[0].kernels: expected a non-empty string, got 5.15'],
    ['suppressedFunctions as one string', sig({ suppressedFunctions: 'tegra_i2c_xfer_msg' }), 'site/i2c.json: signatures[0].suppressedFunctions: expected an array of strings'],
    ['reportedBy empty', sig({ reportedBy: '' }), 'site/i2c.json: signatures[0].reportedBy: expected a non-empty string, got ""'],
    ['references as one string', sig({ references: 'https://docs.kernel.org/i2c/' }), 'site/i2c.json: signatures[0].references: expected an array of strings'],
    ['an unknown tag', sig({ tags: ['i2c'] }), /^site\/i2c\.json: signatures\[0\]\.tags\[0\]: unknown tag "i2c"; known tags: memory-pressure, /],
    ['sources empty', sig({ sources: [] }), 'site/i2c.json: signatures[0].sources: expected a non-empty list of kernel, userspace'],
    ['an unknown source', sig({ sources: ['kernel', 'journal'] }), 'site/i2c.json: signatures[0].sources: expected a non-empty list of kernel, userspace'],
    ['a broken remedy template', sig({ remedy: ['Check the pull-ups.', 'Check {{#if first.addr}} the device'] }), /^site\/i2c\.json: signatures\[0\]\.remedy\[1\]: invalid Handlebars template: Parse error on line 1:$/],
  ])('refuses %s', (_n, doc, message) => {
    if (typeof message === 'string') expect(refuse(doc)).toBe(message);
    else expect(refuse(doc)).toMatch(message);
  });

  it('accepts the bounds of confidence and defaults what a pack leaves out', () => {
    expect(compilePack({ pack: 'site-i2c', signatures: [{ ...I2C, confidence: 0 }] }, 'a.json')[0]!.confidence).toBe(0);
    expect(compilePack({ pack: 'site-i2c', signatures: [{ ...I2C, confidence: 1 }] }, 'a.json')[0]!.confidence).toBe(1);
    const bare = compilePack({ pack: 'site-i2c', signatures: [{ id: 'tegra-i2c-nack', title: 'I2C NACK', category: 'other', severity: 'warning', patterns: ['no acknowledge from address (?<addr>0x[0-9a-f]+)'], verdict: '{{count}} NACK(s)' }] }, 'a.json')[0]!;
    expect(bare).toMatchObject({ confidence: 0.8, joinContinuation: false, report: true, sources: ['kernel'], catalogue: false, remedy: [], references: [], examples: [], nonMatching: [], suppressedFunctions: [], tags: [], pack: 'site-i2c', file: 'a.json' });
    expect(bare.kernels).toBeUndefined();
    expect(bare.reportedBy).toBeUndefined();
    expect(bare.patterns.map((p) => [p.role, p.literal])).toEqual([['primary', 'no acknowledge from address ']]);
  });

  it('keeps what a pack says: joined lines, context-only signatures, sources, roles, ignoreIf', () => {
    const s = compilePack(sig({ joinContinuation: true, report: false, sources: ['userspace', 'kernel'], ignoreIf: { addr: '^0x50$' } }), 'a.json')[0]!;
    expect(s).toMatchObject({ joinContinuation: true, report: false, sources: ['userspace', 'kernel'], kernels: 'L4T r35/r36 tegra-i2c', suppressedFunctions: ['tegra_i2c_xfer_msg'], tags: ['device:3160000.i2c'] });
    expect(s.patterns.map((p) => p.role)).toEqual(['primary', 'detail']);
    expect(s.ignore.map(([k, re]) => [k, re.source])).toEqual([['addr', '^0x50$']]);
    expect(compilePack(sig({ joinContinuation: 'yes' }), 'a.json')[0]!.joinContinuation).toBe(false);
    expect(compilePack(sig({ report: true }), 'a.json')[0]!.report).toBe(true);
  });

  it('ignoreIf drops the events whose capture matches (a probe of an absent address), not the others', () => {
    const s = userSig({ ignoreIf: { addr: '^0x50$' } });
    const log = dmesg([
      [100, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x50'],
      [101, 'tegra-i2c 3160000.i2c: no acknowledge from address 0x57'],
    ]);
    const [f] = runSig(s, { dmesg: log });
    expect(figs(f!)).toEqual({ occurrences: 1, 'first seen': '0:01:41 after boot' });
    expect(f!.verdict).toBe('1 NACK(s) on 3160000.i2c from 0x57 to 0x57, 1 printed, 0 suppressed; 0:01:41 after boot to 0:01:41 after boot.');
  });

  it('a root-causes pack in the same folder is left to the causes loader', () => {
    expect(compilePack({ pack: 'site-causes', causes: [{ id: 'x' }] }, 'causes.json')).toEqual([]);
    expect(compilePack({ pack: 'site-i2c', signatures: [I2C], causes: [] }, 'a.json').map((s) => s.id)).toEqual(['tegra-i2c-nack']);
  });

  it('the errno helper names the errno and leaves an absent value empty', () => {
    const s = userSig({
      patterns: ['tegra-xudc (?<dev>\\S+): failed to allocate event ring(?:: (?<ret>-?\\d+))?'],
      verdict: 'USB device mode on {{first.dev}}: ret {{errno first.ret}}; last ret [{{errno last.ret}}]',
      remedy: [],
    });
    const [f] = runSig(s, { dmesg: dmesg([[3, 'tegra-xudc 3550000.xudc: failed to allocate event ring: -12'], [4, 'tegra-xudc 3550000.xudc: failed to allocate event ring']]) });
    expect(f!.verdict).toBe('USB device mode on 3550000.xudc: ret -12 (ENOMEM); last ret []');
  });
});

describe('pack files and folders', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'jetdiag-packs-'));

  it('reads a folder\'s *.json packs in name order, nothing else; a user signature replaces the built-in one of its id', () => {
    const d = dir();
    try {
      const hung = { id: 'hung-task', title: 'Site hung task', category: 'other', severity: 'warning', patterns: ['INFO: task (?<comm>.+):(?<pid>\\d+) blocked for more than (?<secs>\\d+) seconds'], verdict: '{{count}} hung task(s)' };
      writeFileSync(path.join(d, 'b-site.json'), JSON.stringify({ pack: 'site-b', signatures: [hung] }));
      writeFileSync(path.join(d, 'a-i2c.json'), JSON.stringify({ pack: 'site-i2c', signatures: [I2C] }));
      writeFileSync(path.join(d, 'README.md'), '# site packs\n');
      writeFileSync(path.join(d, 'old.json.bak'), '{');
      expect(packFiles(d)).toEqual([path.join(d, 'a-i2c.json'), path.join(d, 'b-site.json')]);
      expect(loadPackDir(d).map((s) => `${s.pack}/${s.id}`)).toEqual(['site-i2c/tegra-i2c-nack', 'site-b/hung-task']);
      const all = loadSignatures([d]);
      expect(all.filter((s) => s.id === 'hung-task').map((s) => [s.pack, s.title, s.file])).toEqual([['site-b', 'Site hung task', path.join(d, 'b-site.json')]]);
      expect(all.find((s) => s.id === 'tegra-i2c-nack')!.file).toBe(path.join(d, 'a-i2c.json'));
      expect(all.length).toBe(loadSignatures().length + 1);
    } finally {
      rmSync(d, { recursive: true });
    }
  });

  it('refuses a file given as the folder, a missing folder, an unreadable or broken pack', () => {
    const d = dir();
    try {
      const file = path.join(d, 'a-i2c.json');
      writeFileSync(file, JSON.stringify({ pack: 'site-i2c', signatures: [I2C] }));
      expect(() => packFiles(file)).toThrow(PackError);
      expect(() => packFiles(file)).toThrow(`${file}: --rules expects a directory of *.json rule packs`);
      expect(() => packFiles(path.join(d, 'missing'))).toThrow(PackError);
      expect(() => packFiles(path.join(d, 'missing'))).toThrow(new RegExp(`^${path.join(d, 'missing').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read rule pack directory \\(`));
      expect(() => readPackJson(path.join(d, 'none.json'))).toThrow(new RegExp(`none\\.json: cannot read rule pack \\(`));
      mkdirSync(path.join(d, 'sub.json'));
      expect(() => readPackJson(path.join(d, 'sub.json'))).toThrow(PackError);
      writeFileSync(path.join(d, 'broken.json'), '{"pack": "site-i2c", "signatures": [');
      expect(() => readPackJson(path.join(d, 'broken.json'))).toThrow(PackError);
      expect(() => readPackJson(path.join(d, 'broken.json'))).toThrow(/broken\.json: not valid JSON \(/);
      expect(readPackJson(file)).toEqual({ pack: 'site-i2c', signatures: [I2C] });
    } finally {
      rmSync(d, { recursive: true });
    }
  });
});
