/**
 * The signature scan (signatures/match.ts; issue #14, mutation testing, session 8): which lines
 * a signature is tried on (kernel or user-space, the literal gate, patterns without a literal),
 * the rate-limit notices, lines wrapped by whoever pasted them, and what a hit knows of its line
 * (the file of a bundle with several kernel logs, the clock time of the running boot only).
 */
import { describe, expect, it } from 'vitest';
import { compilePack, loadSignatures } from '../../src/rules/signatures/pack.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { dmesg } from '../helpers/bundles.js';

const SHIPPED = loadSignatures();
const kernel = (lines: [number, string][]) => snapshotFromFiles({ dmesg: dmesg(lines) }).dmesg;
const SMMU = 'arm-smmu 15000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7';
const NACK = (addr: string) => `tegra-i2c 3160000.i2c: no acknowledge from address ${addr}`;

/** A site pack with the scan's corner cases: a pattern with no literal, two patterns, a join. */
function sitePack(over: Record<string, unknown> = {}) {
  return compilePack({
    pack: 'site',
    signatures: [{
      id: 'tegra-i2c-nack',
      title: 'I2C NACK',
      category: 'other',
      severity: 'warning',
      patterns: ['tegra-i2c (?<bus>\\S+): no acknowledge from address (?<addr>0x[0-9a-f]+)', 'tegra-i2c (?<bus>\\S+): i2c transfer timed out'],
      suppressedFunctions: ['tegra_i2c_xfer_msg'],
      verdict: '{{count}} NACK(s)',
      ...over,
    }],
  }, 'site.json');
}

describe('what a signature is tried on', () => {
  it('the first of its patterns that matches a line makes the hit; a line with only the second pattern\'s literal still matches', () => {
    const [sig] = sitePack();
    const idx = matchSignatures(kernel([[1, NACK('0x50')], [2, 'tegra-i2c 3160000.i2c: i2c transfer timed out'], [3, 'tegra-i2c 3160000.i2c: probe done']]), [sig!]);
    expect(idx.hits('tegra-i2c-nack').map((h) => [h.line, h.pattern, h.groups.bus])).toEqual([[1, 0, '3160000.i2c'], [2, 1, '3160000.i2c']]);
  });

  it('a pattern with no literal to gate it (a top-level alternation) is tried on every line', () => {
    const [sig] = sitePack({ patterns: ['tegra-i2c (?<bus>\\S+): (?:no acknowledge|arbitration lost)|i2c (?<bus2>\\S+): bus reset'] });
    expect(sig!.patterns[0]!.literal).toBeNull();
    const idx = matchSignatures(kernel([[1, 'tegra-i2c 3160000.i2c: arbitration lost'], [2, 'i2c 3180000.i2c: bus reset'], [3, 'usb 1-2: reset high-speed USB device']]), [sig!]);
    expect(idx.events('tegra-i2c-nack').map((h) => h.line)).toEqual([1, 2]);
  });

  it('a kernel signature reads no syslog line, a user-space one no kernel line, one of both reads both', () => {
    const journal = 'Feb 27 17:26:03 agx-orin systemd[1]: Starting NVIDIA power model daemon...\nFeb 27 17:26:04 agx-orin i2c-probe[612]: tegra-i2c 3160000.i2c: no acknowledge from address 0x50\n';
    const files = { 'journal.txt': journal, dmesg: dmesg([[5, NACK('0x57')]]) };
    const d = snapshotFromFiles(files).dmesg;
    const addrs = (sources: string[]) => matchSignatures(d, sitePack({ sources })).events('tegra-i2c-nack').map((h) => [h.groups.addr, h.userspace ?? false]);
    expect(addrs(['kernel'])).toEqual([['0x57', false]]);
    expect(addrs(['userspace'])).toEqual([['0x50', true]]);
    expect(addrs(['kernel', 'userspace'])).toEqual([['0x57', false], ['0x50', true]]);
  });

  it('no kernel log at all: nothing, and every list empty', () => {
    const idx = matchSignatures(undefined, SHIPPED);
    expect(idx.hits('arm-smmu-context-fault')).toEqual([]);
    expect(idx.events('arm-smmu-context-fault')).toEqual([]);
    expect(idx.suppressed('arm-smmu-context-fault')).toBe(0);
  });

  it('the same events list for every rule that asks; ignoreIf leaves hits without that capture alone', () => {
    const [sig] = sitePack({ ignoreIf: { addr: '^0x50$' } });
    const idx = matchSignatures(kernel([[1, NACK('0x50')], [2, 'tegra-i2c 3160000.i2c: i2c transfer timed out'], [3, NACK('0x51')]]), [sig!]);
    expect(idx.events('tegra-i2c-nack').map((h) => h.line)).toEqual([2, 3]);
    expect(idx.events('tegra-i2c-nack')).toBe(idx.events('tegra-i2c-nack'));
    expect(idx.hits('tegra-i2c-nack')).toHaveLength(3);
    expect(idx.events('no-such-signature')).toEqual([]);
  });
});

describe('rate-limit notices', () => {
  it('add up per signature; a function no signature names is ignored; the notice line is no hit', () => {
    const [sig] = sitePack();
    const idx = matchSignatures(kernel([
      [1, NACK('0x50')],
      [2, 'tegra_i2c_xfer_msg: 7 callbacks suppressed'],
      [3, 'tegra_i2c_xfer_msg: 5 callbacks suppressed'],
      [4, 'nvgpu_submit: 9 callbacks suppressed'],
    ]), [sig!]);
    expect(idx.suppressed('tegra-i2c-nack')).toBe(12);
    expect(idx.hits('tegra-i2c-nack').map((h) => h.line)).toEqual([1]);
  });

  it('a notice is not matched against the signatures even when a pattern would match it', () => {
    const [sig] = sitePack({ patterns: ['(?<fn>\\w+): (?<n>\\d+) callbacks suppressed'], suppressedFunctions: [] });
    const idx = matchSignatures(kernel([[2, 'tegra_i2c_xfer_msg: 7 callbacks suppressed']]), [sig!]);
    expect(idx.hits('tegra-i2c-nack')).toEqual([]);
  });
});

describe('lines wrapped by whoever pasted them', () => {
  const VICTIM = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB,';
  const REST = 'anon-rss:4938268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';

  it('the next line, indented, is joined trimmed; the hit cites the first line', () => {
    const idx = matchSignatures(kernel([[10, VICTIM], [10, `    ${REST}`]]), SHIPPED);
    const [v, ...rest] = idx.hits('oom-kill-victim');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ line: 1, joined: true, text: `${VICTIM} ${REST}` });
    expect(v!.groups.anon_rss_kb).toBe('4938268');
  });

  it('a line that matches as it is is not joined', () => {
    const full = `Out of memory: Killed process 2210 (python3) total-vm:9382712kB, ${REST}`;
    const [v] = matchSignatures(kernel([[10, full], [10, 'oom_reaper: reaped process 2210 (python3), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB']]), SHIPPED).hits('oom-kill-victim');
    expect(v).toMatchObject({ line: 1, joined: false, text: full });
  });

  it('no join when the joined text does not match either, or the wrapped line is the last one', () => {
    expect(matchSignatures(kernel([[10, VICTIM], [11, 'usb 1-2: new high-speed USB device number 3 using tegra-xusb']]), SHIPPED).hits('oom-kill-victim')).toEqual([]);
    expect(matchSignatures(kernel([[10, VICTIM]]), SHIPPED).hits('oom-kill-victim')).toEqual([]);
  });

  it('a line cut mid-word rejoins without a space, one cut after a comma with one', () => {
    const GPU = 'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294  [ERR]  [MMU FAULT] mmu engine id:  18, ch id:  479, fault addr: 0x0, fault addr aperture: 0, fault type: invalid pde, access type: virt';
    const midWord = matchSignatures(kernel([[10, `${GPU} rea`], [10, 'd,']]), SHIPPED).hits('nvgpu-mmu-fault');
    expect(midWord.map((h) => [h.line, h.joined, h.groups.access])).toEqual([[1, true, 'virt read']]);
    // Cut after a comma: the pieces are joined with a space.
    const head = GPU.slice(0, GPU.indexOf(' access type:'));
    const atComma = matchSignatures(kernel([[10, head], [10, 'access type: virt write,']]), SHIPPED).hits('nvgpu-mmu-fault');
    expect(atComma.map((h) => [h.line, h.joined, h.groups.access, h.text])).toEqual([[1, true, 'virt write', `${head} access type: virt write,`]]);
  });

  it('a signature that does not join: the wrapped line is not retried', () => {
    const [sig] = sitePack({ patterns: ['tegra-i2c (?<bus>\\S+): no acknowledge from address (?<addr>0x[0-9a-f]+)'] });
    expect(matchSignatures(kernel([[1, 'tegra-i2c 3160000.i2c: no acknowledge from address'], [1, '0x50']]), [sig!]).hits('tegra-i2c-nack')).toEqual([]);
    const joining = sitePack({ patterns: [{ regex: 'tegra-i2c (?<bus>\\S+): no acknowledge from address (?<addr>0x[0-9a-f]+)', joinAnchor: 'no acknowledge' }], joinContinuation: true });
    const hits = matchSignatures(kernel([[1, 'tegra-i2c 3160000.i2c: no acknowledge from address'], [1, '0x50']]), joining).hits('tegra-i2c-nack');
    expect(hits.map((h) => [h.line, h.joined, h.groups.addr])).toEqual([[1, true, '0x50']]);
    // Without its anchor in the line, no retry.
    const noAnchor = sitePack({ patterns: [{ regex: 'tegra-i2c (?<bus>\\S+): no acknowledge from address (?<addr>0x[0-9a-f]+)', joinAnchor: 'i2c transfer' }], joinContinuation: true });
    expect(matchSignatures(kernel([[1, 'tegra-i2c 3160000.i2c: no acknowledge from address'], [1, '0x50']]), noAnchor).hits('tegra-i2c-nack')).toEqual([]);
  });
});

describe('what a hit knows of its line', () => {
  it('the clock time only for lines of the running boot, only with the boot time known', () => {
    const log = dmesg([[100, SMMU], [0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [200.5, SMMU]]);
    const d = snapshotFromFiles({ dmesg: log }).dmesg;
    const boot = Date.UTC(2026, 10, 24, 18, 0, 0) / 1000;
    const hits = matchSignatures(d, SHIPPED, boot).hits('arm-smmu-context-fault');
    expect(hits.map((h) => [h.line, h.boot, h.monotonic, h.clock])).toEqual([[1, 0, 100, undefined], [3, 1, 200.5, boot + 200.5]]);
    expect(matchSignatures(d, SHIPPED).hits('arm-smmu-context-fault').map((h) => h.clock)).toEqual([undefined, undefined]);
  });

  it('a user-space line has its wall clock, never a boot clock time', () => {
    const journal = 'Feb 27 17:26:03 agx-orin systemd[1]: Starting NVIDIA power model daemon...\nFeb 27 17:26:04 agx-orin nvpmodel[612]: NVPM ERROR: failed to write PARAM TPC_POWER_GATING: ARG TPC_PG_MASK: PATH: /sys/devices/platform/gpu.0/tpc_pg_mask VAL: 128\n';
    const d = snapshotFromFiles({ 'journal.txt': journal, dmesg: dmesg([[5, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]']]) }).dmesg;
    const hits = matchSignatures(d, SHIPPED, Date.UTC(2026, 1, 27, 17, 0, 0) / 1000).hits('nvpmodel-set-failed');
    expect(hits.map((h) => [h.line, h.userspace, h.wallClock, h.clock, h.prefix])).toEqual([[2, true, 'Feb 27 17:26:04', undefined, 'Feb 27 17:26:04 agx-orin nvpmodel[612]: ']]);
  });

  it('in a bundle with several kernel logs, each hit names its file; with one log, none', () => {
    const prev = dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [900.1, SMMU]]);
    const cur = dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [50, SMMU]]);
    const two = matchSignatures(snapshotFromFiles({ 'dmesg.0': prev, dmesg: cur }).dmesg, SHIPPED).hits('arm-smmu-context-fault');
    expect(two.map((h) => [h.file, h.line, h.monotonic])).toEqual([['dmesg.0', 2, 900.1], ['dmesg', 2, 50]]);
    const one = matchSignatures(snapshotFromFiles({ dmesg: cur }).dmesg, SHIPPED).hits('arm-smmu-context-fault');
    expect(one.map((h) => [h.file, h.line])).toEqual([[undefined, 2]]);
  });

  it('each hit has its own captures, an optional one absent as undefined', () => {
    const [sig] = sitePack({ patterns: ['tegra-i2c (?<bus>\\S+): no acknowledge(?: from address (?<addr>0x[0-9a-f]+))?'] });
    const hits = matchSignatures(kernel([[1, NACK('0x50')], [2, 'tegra-i2c 3180000.i2c: no acknowledge'], [3, NACK('0x57')]]), [sig!]).hits('tegra-i2c-nack');
    expect(hits.map((h) => Object.entries(h.groups))).toEqual([
      [['bus', '3160000.i2c'], ['addr', '0x50']],
      [['bus', '3180000.i2c'], ['addr', undefined]],
      [['bus', '3160000.i2c'], ['addr', '0x57']],
    ]);
    expect(hits.map((h) => [h.signatureId, h.role, h.record, h.joined])).toEqual([['tegra-i2c-nack', 'primary', 0, false], ['tegra-i2c-nack', 'primary', 1, false], ['tegra-i2c-nack', 'primary', 2, false]]);
  });
});
