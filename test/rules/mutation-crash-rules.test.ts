/**
 * The crash and bus-error rules of session 7 (issue #14, mutation testing, session 8):
 * cbb-fabric-error (one error per block, what each code means, the remedies), kernel-oops (the
 * lines of one oops, the SErrors of one instant, by time or by line) and kernel-register-dump
 * (which first lines explain a dump, and how far above it). Kernel lines in the formats of the
 * rules' own tests (real T234/T194 blocks, arm64 oops and SError lines).
 */
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/rules/tester.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import type { Finding } from '../../src/rules/types.js';

const run = (id: string, lines: [number, string][]): Finding[] => runCase(ruleById(id), { name: id, files: { dmesg: dmesg(lines) } }, SIGNATURES);
const one = (id: string, lines: [number, string][]): Finding => {
  const found = run(id, lines);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const lines = (f: Finding) => f.evidence.map((e) => e.line);
const BOOT = 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]';
const runFiles = (id: string, files: Record<string, string>): Finding[] => runCase(ruleById(id), { name: id, files }, SIGNATURES);
/** Lines of other drivers between the lines of a block (a busy console). */
const filler = (n: number, t: number): [number, string][] => Array.from({ length: n }, (_, i) => [t, `usb 1-2: device descriptor read/64, error -71 (${i})`]);

const USER_SPACE_REMEDY = /^A user-space program \(an unprivileged CCPLEX access: \/dev\/mem or a GPIO\/PWM library mapping registers\) touched a register it may not/;
const FIND_WHO = 'Find who touched the register: the initiator (MASTER_ID) and the address name it; the stack under the WARNING beside it names the driver.';
const POWER = /^A target that errors or times out is usually powered off, clock-gated or in reset when the access comes/;

/** A T234 block: the interrupt header, the Errmon header, then the fields asked for. */
const t234 = (t: number, fields: string[], cpu = 0): [number, string][] => [
  [t, `CPU:${cpu}, Error: cbb-fabric@0x13a00000, irq=25`],
  [t, '**************************************'],
  [t, `CPU:${cpu}, Error:cbb-fabric, Errmon:2`],
  ...fields.map((f): [number, string] => [t, `\t  ${f}`]),
];

describe('cbb-fabric-error', () => {
  it('a user-space firewall error: figures, the user-space remedy first, no power remedy', () => {
    const f = one('cbb-fabric-error', t234(1796.382888, ['Error Code\t\t: FIREWALL_ERR', 'MASTER_ID\t\t: CCPLEX', 'Address\t\t: 0x32e0000', 'Protection\t\t: 0x2 -- Unprivileged, Non-Secure, Data Access', 'Access_Type\t\t: Read']));
    expect(f.figures).toEqual([
      { label: 'occurrences', value: 1 },
      { label: 'first seen', value: '0:29:56 after boot' },
      { label: 'error codes', value: 'FIREWALL_ERR' },
      { label: 'initiator (first)', value: 'CCPLEX' },
      { label: 'address (first)', value: '0x32e0000' },
    ]);
    expect(f.remedy).toHaveLength(2);
    expect(f.remedy[0]).toMatch(USER_SPACE_REMEDY);
    expect(f.remedy[1]).toBe(FIND_WHO);
    expect(f).toMatchObject({ severity: 'error', confidence: 0.85 });
  });

  it('a privileged or secure access, or one by another initiator, is not user space', () => {
    const priv = one('cbb-fabric-error', t234(52, ['Error Code\t\t: FIREWALL_ERR', 'MASTER_ID\t\t: CCPLEX', 'Address\t\t: 0x2430000', 'Protection\t\t: 0x1 -- Privileged, Secure, Data Access', 'Access_Type\t\t: Write']));
    expect(priv.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: FIREWALL_ERR, a write by CCPLEX at 0x2430000 (privileged, secure); the register firewall refused the access (that initiator may not touch that register).');
    expect(priv.remedy).toEqual([FIND_WHO]);
    const ape = one('cbb-fabric-error', t234(52, ['Error Code\t\t: FIREWALL_ERR', 'MASTER_ID\t\t: APE', 'Protection\t\t: 0x2 -- Unprivileged, Non-Secure, Data Access']));
    expect(ape.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: FIREWALL_ERR, an access by APE (unprivileged, non-secure); the register firewall refused the access (that initiator may not touch that register).');
    expect(ape.remedy).toEqual([FIND_WHO]);
    expect(ape.figures.map((x) => x.label)).toEqual(['occurrences', 'first seen', 'error codes', 'initiator (first)']);
  });

  it.each([
    ['SLAVE_ERR', 'the target returned an error (powered off, clock-gated, in reset, or the register is not implemented)', true],
    ['SLV', 'the target returned an error (powered off, clock-gated, in reset, or the register is not implemented)', true],
    ['TIMEOUT_ERR', 'the target did not answer in time (powered off, clock-gated or in reset)', true],
    ['TMO', 'the target did not answer in time (powered off, clock-gated or in reset)', true],
    ['DISC', 'the target was disconnected (powered down)', true],
    ['DECODE_ERR', 'no target answers at that address', false],
    ['DEC', 'no target answers at that address', false],
    ['SEC', 'the access broke the target\'s security policy', false],
    ['HIDE', 'the access broke the target\'s security policy', false],
    ['UNS', 'the target does not support that kind of request', false],
    ['ARB_ERR', 'the access was refused', false],
  ])('error code %s: %s', (code, meaning, power) => {
    const f = one('cbb-fabric-error', t234(20, [`Error Code\t\t: ${code}`, 'Address\t\t: 0x3810000', 'Access_Type\t\t: Write']));
    expect(f.verdict).toBe(`1 CBB fabric error(s) on cbb-fabric: ${code}, a write at 0x3810000; ${meaning}.`);
    expect(f.remedy.length).toBe(power ? 2 : 1);
    if (power) expect(f.remedy[1]).toMatch(POWER);
  });

  it('a power remedy when a later error timed out, though the first was a firewall error', () => {
    const f = one('cbb-fabric-error', [...t234(10, ['Error Code\t\t: FIREWALL_ERR']), ...t234(12, ['Error Code\t\t: TIMEOUT_ERR'], 1)]);
    expect(f.verdict).toBe('2 CBB fabric error(s) on cbb-fabric: FIREWALL_ERR, an access; the register firewall refused the access (that initiator may not touch that register).');
    expect(f.figures).toEqual([
      { label: 'occurrences', value: 2 },
      { label: 'first seen', value: '0:00:10 after boot' },
      { label: 'error codes', value: 'FIREWALL_ERR, TIMEOUT_ERR' },
    ]);
    expect(f.remedy).toEqual([FIND_WHO, expect.stringMatching(POWER)]);
    expect(lines(f)).toEqual([1, 3, 4, 5, 7, 8]);
  });

  it('headers alone: a register access was refused; no code, initiator or address figures', () => {
    const f = one('cbb-fabric-error', [[5, 'CPU:3, Error: cbb-fabric@0x13a00000, irq=25']]);
    expect(f.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: a register access was refused.');
    expect(f.figures).toEqual([{ label: 'occurrences', value: 1 }, { label: 'first seen', value: '0:00:05 after boot' }]);
    expect(f.remedy).toEqual([FIND_WHO]);
  });

  it('an address without a code', () => {
    const f = one('cbb-fabric-error', t234(5, ['Address\t\t: 0x3810000']));
    expect(f.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: an access at 0x3810000; a register access was refused.');
  });

  it('fields up to 40 lines under the block\'s last line belong to it, not further', () => {
    const near = one('cbb-fabric-error', [[5, 'CPU:0, Error:cbb-fabric, Errmon:2'], ...filler(39, 5), [5, '\t  Error Code\t\t: SLAVE_ERR']]);
    expect(near.verdict).toMatch(/: SLAVE_ERR, an access; /);
    expect(lines(near)).toEqual([1, 41]);
    const far = one('cbb-fabric-error', [[5, 'CPU:0, Error:cbb-fabric, Errmon:2'], ...filler(40, 5), [5, '\t  Error Code\t\t: SLAVE_ERR']]);
    expect(far.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: a register access was refused.');
    expect(lines(far)).toEqual([1]);
  });

  it('the first of a repeated field is the one read', () => {
    const f = one('cbb-fabric-error', t234(5, ['Error Code\t\t: DECODE_ERR', 'Address\t\t: 0x2430000', 'Error Code\t\t: SLAVE_ERR', 'Address\t\t: 0x3810000']));
    expect(f.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: DECODE_ERR, an access at 0x2430000; no target answers at that address.');
    expect(lines(f)).toEqual([1, 3, 4, 5]);
  });

  it('the Errmon header belongs to the interrupt header at most 3 lines above it, before any field', () => {
    const gap3 = one('cbb-fabric-error', [[5, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'], ...filler(2, 5), [5, 'CPU:0, Error:cbb-fabric, Errmon:2']]);
    expect(gap3.figures[0]).toEqual({ label: 'occurrences', value: 1 });
    const gap4 = one('cbb-fabric-error', [[5, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'], ...filler(3, 5), [5, 'CPU:0, Error:cbb-fabric, Errmon:2']]);
    expect(gap4.figures[0]).toEqual({ label: 'occurrences', value: 2 });
    const afterFields = one('cbb-fabric-error', [[5, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'], [5, '\t  Error Code\t\t: SLAVE_ERR'], [5, 'CPU:0, Error:cbb-fabric, Errmon:2']]);
    expect(afterFields.figures[0]).toEqual({ label: 'occurrences', value: 2 });
    const twoErrmon = one('cbb-fabric-error', [[5, 'CPU:0, Error:cbb-fabric, Errmon:2'], [5, 'CPU:1, Error:cbb-fabric, Errmon:2']]);
    expect(twoErrmon.figures[0]).toEqual({ label: 'occurrences', value: 2 });
    const twoIrq = one('cbb-fabric-error', [[5, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'], [5, 'CPU:1, Error: cbb-fabric@0x13a00000, irq=25']]);
    expect(twoIrq.figures[0]).toEqual({ label: 'occurrences', value: 2 });
  });
});

describe('lines of another boot or another log file are not part of a block', () => {
  it('cbb-fabric-error: a field line after a reboot, or in the other kernel log, is not the field of the header before it', () => {
    const reboot = one('cbb-fabric-error', [[1796.38, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'], [0, BOOT], [0.5, '\t  Error Code\t\t: SLAVE_ERR']]);
    expect(reboot.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: a register access was refused.');
    expect(lines(reboot)).toEqual([1]);
    const [other, ...rest] = runFiles('cbb-fabric-error', { 'dmesg.0': dmesg([[0, BOOT], [0.5, 'tegra-xudc 3550000.xudc: EP 3 (type: intr, dir: in) error'], [0.6, '\t  Error Code\t\t: SLAVE_ERR']]), dmesg: dmesg([[0, BOOT], [50, 'CPU:1, Error: cbb-fabric@0x13a00000, irq=25']]) });
    expect(rest).toEqual([]);
    expect(other!.verdict).toBe('1 CBB fabric error(s) on cbb-fabric: a register access was refused.');
    expect(other!.evidence.map((e) => `${e.file}:${e.line}`)).toEqual(['dmesg:2']);
  });

  it('kernel-oops: an Internal error after a reboot is another oops; SErrors of two boots are two errors', () => {
    const oops = one('kernel-oops', [[624.4, 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000'], [0, BOOT], [3.2, 'Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP']]);
    expect(oops.figures[0]).toEqual({ label: 'occurrences', value: 2 });
    const serr = one('kernel-oops', [[99.3856, 'CPU0: SError detected, daif=140, spsr=0x20000000, mpidr=80000100, esr=bf000000'], [0, BOOT], [0.4, 'CPU4: SError detected, daif=140, spsr=0x20000000, mpidr=80000102, esr=bf40c000']]);
    expect(serr.figures.slice(0, 2)).toEqual([{ label: 'occurrences', value: 2 }, { label: 'SErrors', value: 2 }]);
  });

  it('kernel-register-dump: a WARN of the boot before does not explain a dump after the reboot', () => {
    const f = one('kernel-register-dump', [[10.65, '------------[ cut here ]------------'], [10.66, 'WARNING: CPU: 0 PID: 2147 at mm/slab_common.c:98 kmem_cache_create+0x1cc/0x258'], [0, BOOT], [7.47, 'pc : tegra_xudc_unpowergate+0x148/0x760']]);
    expect(lines(f)).toEqual([4]);
  });
});

describe('kernel-oops', () => {
  const UNABLE = 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000';
  const INTERNAL = 'Internal error: Oops: 96000005 [#1] PREEMPT SMP';

  it('figures: one oops has no SError or last-seen figure; two have both times', () => {
    const a = one('kernel-oops', [[624.479058, UNABLE], [624.532213, INTERNAL]]);
    expect(a.figures).toEqual([{ label: 'occurrences', value: 1 }, { label: 'first seen', value: '0:10:24 after boot' }]);
    const b = one('kernel-oops', [[624.479058, UNABLE], [624.532213, INTERNAL], [3725.5, 'SError Interrupt on CPU2, code 0xbf000002 -- SError']]);
    expect(b.figures).toEqual([
      { label: 'occurrences', value: 2 },
      { label: 'SErrors', value: 1 },
      { label: 'first seen', value: '0:10:24 after boot' },
      { label: 'last seen', value: '1:02:05 after boot' },
    ]);
    expect(b.verdict).toBe('2 kernel oops: a driver dereferenced a bad pointer.');
    expect(b).toMatchObject({ severity: 'critical', confidence: 0.9 });
  });

  it('the Internal error line up to 40 lines under "Unable to handle" is the same oops, not further', () => {
    const near = one('kernel-oops', [[624.4, UNABLE], ...filler(39, 624.5), [624.6, INTERNAL]]);
    expect(near.figures[0]).toEqual({ label: 'occurrences', value: 1 });
    expect(lines(near)).toEqual([1, 41]);
    const far = one('kernel-oops', [[624.4, UNABLE], ...filler(40, 624.5), [624.6, INTERNAL]]);
    expect(far.figures[0]).toEqual({ label: 'occurrences', value: 2 });
  });

  it('a second Internal error under one oops is another oops; so is a second "Unable to handle"', () => {
    expect(one('kernel-oops', [[1, UNABLE], [1.1, INTERNAL], [1.2, 'Internal error: Oops: 96000044 [#2] PREEMPT SMP']]).figures[0]).toEqual({ label: 'occurrences', value: 2 });
    expect(one('kernel-oops', [[1, UNABLE], [1.1, 'Unable to handle kernel paging request at virtual address ffff800011813070']]).figures[0]).toEqual({ label: 'occurrences', value: 2 });
  });

  it('SErrors of other CPUs within a second are one error, past a second another', () => {
    const serr = (cpu: number) => `CPU${cpu}: SError detected, daif=140, spsr=0x20000000, mpidr=8000010${cpu}, esr=bf40c000`;
    const within = one('kernel-oops', [[99, serr(0)], [100, serr(3)]]);
    expect(within.verdict).toMatch(/^1 kernel oops or SError: the CPUs took one SError at once \(CPU0, CPU3\), /);
    expect(within.figures).toEqual([{ label: 'occurrences', value: 1 }, { label: 'SErrors', value: 1 }, { label: 'first seen', value: '0:01:39 after boot' }]);
    const past = one('kernel-oops', [[99, serr(0)], [100.01, serr(3)]]);
    expect(past.verdict).toBe('2 kernel oops or SError: the CPU took an SError (CPU0), an uncorrectable error the hardware reported (bad register access, bus or DRAM error).');
    expect(past.figures.slice(0, 2)).toEqual([{ label: 'occurrences', value: 2 }, { label: 'SErrors', value: 2 }]);
  });

  it('without time stamps, SError lines up to 20 lines apart are one error', () => {
    const text = (gap: number) => ['CPU0: SError detected, daif=140, spsr=0x20000000, mpidr=80000100, esr=bf000000', ...Array.from({ length: gap - 1 }, (_, i) => `usb 1-2: device descriptor read/64, error -71 (${i})`), 'CPU4: SError detected, daif=140, spsr=0x20000000, mpidr=80000102, esr=bf40c000'].join('\n') + '\n';
    const runText = (t: string) => runCase(ruleById('kernel-oops'), { name: 'plain', files: { dmesg: t } }, SIGNATURES);
    const [near] = runText(text(20));
    expect(near!.verdict).toMatch(/^1 kernel oops or SError: the CPUs took one SError at once \(CPU0, CPU4\)/);
    expect(near!.figures).toContainEqual({ label: 'first seen', value: 'line 1' });
    const [far] = runText(text(21));
    expect(far!.figures[0]).toEqual({ label: 'occurrences', value: 2 });
  });
});

describe('kernel-register-dump', () => {
  const PC = 'pc : tegra_xudc_unpowergate+0x148/0x760';

  it('figures and evidence of an orphan dump with its task and workqueue lines', () => {
    const f = one('kernel-register-dump', [
      [7.454936, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS'],
      [7.464392, 'Workqueue: events tegra_xudc_usb_role_sw_work'],
      [7.470248, PC],
      [9.1, 'pc : tegra_xudc_powergate+0x30/0x100'],
    ]);
    expect(f.figures).toEqual([
      { label: 'register dumps without a first line', value: 2 },
      { label: 'first seen', value: '0:00:07 after boot' },
      { label: 'function (first)', value: 'tegra_xudc_unpowergate+0x148/0x760' },
    ]);
    expect(lines(f)).toEqual([1, 2, 3, 4]);
    expect(f.verdict).toMatch(/^2 kernel register dump\(s\) .*\(first: the CPU was in tegra_xudc_unpowergate\+0x148\/0x760, task kworker\/6:1 on CPU 6, workqueue events tegra_xudc_usb_role_sw_work\)/);
    expect(f).toMatchObject({ severity: 'warning', confidence: 0.6 });
  });

  it('of several task and workqueue lines above the dump, the nearest are its own', () => {
    const f = one('kernel-register-dump', [
      [7.41, 'CPU: 2 PID: 77 Comm: irq/45-tegra-xudc Not tainted 5.10.104 #1-NixOS'],
      [7.42, 'Workqueue: pm pm_runtime_work'],
      [7.454936, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS'],
      [7.464392, 'Workqueue: events tegra_xudc_usb_role_sw_work'],
      [7.470248, PC],
    ]);
    expect(f.verdict).toMatch(/, task kworker\/6:1 on CPU 6, workqueue events tegra_xudc_usb_role_sw_work\): /);
    expect(lines(f)).toEqual([3, 4, 5]);
  });

  it('the task and workqueue lines count up to 12 lines above the dump', () => {
    const at12 = one('kernel-register-dump', [[7, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS'], ...filler(11, 7), [7.4, PC]]);
    expect(at12.verdict).toMatch(/tegra_xudc_unpowergate\+0x148\/0x760, task kworker\/6:1 on CPU 6\): /);
    const at13 = one('kernel-register-dump', [[7, 'Workqueue: events tegra_xudc_usb_role_sw_work'], ...filler(12, 7), [7.4, PC]]);
    expect(at13.verdict).toMatch(/tegra_xudc_unpowergate\+0x148\/0x760\): /);
    expect(lines(at13)).toEqual([14]);
    const below = one('kernel-register-dump', [[7.4, PC], [7.5, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS']]);
    expect(below.verdict).toMatch(/tegra_xudc_unpowergate\+0x148\/0x760\): /);
  });

  it('a first line up to 60 lines above explains the dump; further, or under it, it does not', () => {
    for (const head of ['------------[ cut here ]------------', 'NMI backtrace for cpu 1', 'Kernel panic - not syncing: Oops: Fatal exception', 'rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:', 'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:4:4202]', 'Internal error: Oops: 96000005 [#1] PREEMPT SMP', 'WARNING: CPU: 0 PID: 2147 at mm/slab_common.c:98 kmem_cache_create+0x1cc/0x258']) {
      expect(run('kernel-register-dump', [[7, head], ...filler(59, 7), [7.4, PC]]), head).toEqual([]);
      expect(run('kernel-register-dump', [[7, head], ...filler(60, 7), [7.4, PC]]), head).toHaveLength(1);
    }
    expect(run('kernel-register-dump', [[7.4, PC], [7.5, '------------[ cut here ]------------']])).toHaveLength(1);
    // A task line is no first line.
    expect(run('kernel-register-dump', [[7, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS'], [7.4, PC]])).toHaveLength(1);
  });
});
