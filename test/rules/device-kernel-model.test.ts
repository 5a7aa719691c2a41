/**
 * A bundle without the device-tree identity files still names its board: the kernel prints
 * the device tree's model once at boot (`Machine model:`) and in every oops and stack dump
 * (`Hardware name: … (DT)`). The lines are real: an Orin Nano Super boot log (OE4T, L4T 36.4.4)
 * and the Xavier NX hung-task panic of test/fixtures/real-audit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deviceContext } from '../../src/rules/device/context.js';
import { TRIP_POINTS } from '../../src/rules/device/boards.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { meminfo, ORIN_NANO_IDENTITY } from '../helpers/bundles.js';

const ctx = (files: Record<string, string>) => deviceContext(snapshotFromFiles(files));
const ORIN_NANO_SUPER_BOOT = [
  '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]',
  '[    0.000000] Linux version 5.15.148-l4t-r36.4.4-1012.12+gc8a82765359e (oe-user@oe-host) (aarch64-oe4t-linux-gcc (GCC) 13.4.0, GNU ld (GNU Binutils) 2.42.0.20240723) #1 SMP PREEMPT Tue Jul 1 10:48:42 UTC 2025 ()',
  '[    0.000000] Machine model: NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super',
  '[    0.000000] efi: EFI v2.70 by EDK II',
].join('\n') + '\n';
const kB = (mib: number) => mib * 1024;

describe('the board from the kernel log, when the identity files are missing', () => {
  it('Machine model at boot plus MemTotal picks the Orin Nano 8GB, citing the log line', () => {
    const c = ctx({ dmesg: ORIN_NANO_SUPER_BOOT, 'proc/meminfo': meminfo({ MemTotal: kB(7620) }) });
    expect(c.soc).toBe('tegra234');
    expect(c.board?.name).toBe('Jetson Orin Nano 8GB');
    expect(c.boardEvidence).toBe('dmesg:3');
    expect(c.trips).toBe(TRIP_POINTS.tegra234);
    expect(c.summary).toBe('Jetson Orin Nano 8GB (tegra234), kernel 5.15.148-l4t-r36.4.4-1012.12+gc8a82765359e');
  });

  it('without MemTotal the SoC is known but not which Orin Nano: the summary gives the model as printed', () => {
    const c = ctx({ dmesg: ORIN_NANO_SUPER_BOOT });
    expect(c.soc).toBe('tegra234');
    expect(c.board).toBeUndefined();
    expect(c.summary).toBe('NVIDIA Jetson Orin Nano Engineering Reference Developer Kit Super (tegra234), kernel 5.15.148-l4t-r36.4.4-1012.12+gc8a82765359e');
  });

  it('Hardware name in a real Xavier NX panic gives the SoC and its trip points, without "(DT)"', () => {
    const log = readFileSync(new URL('../fixtures/real-audit/xaviernx-hung-task-panic/dmesg.txt', import.meta.url), 'utf8');
    const c = ctx({ dmesg: log });
    expect(c.soc).toBe('tegra194');
    expect(c.trips).toBe(TRIP_POINTS.tegra194);
    expect(c.summary).toBe('NVIDIA Jetson Xavier NX Developer Kit (tegra194)');
  });

  it('the identity files win over the kernel log', () => {
    const c = ctx({ ...ORIN_NANO_IDENTITY, dmesg: '[  243.567819] Hardware name: NVIDIA Jetson Xavier NX Developer Kit (DT)\n' });
    expect(c.soc).toBe('tegra234');
    expect(c.board?.name).toBe('Jetson Orin Nano 8GB');
    expect(c.boardEvidence).toBe('proc/device-tree/compatible:1');
  });

  it('a log of several boots names the board of the newest', () => {
    const log = '[    0.000000] Machine model: NVIDIA Jetson TX1 Developer Kit\n[  100.000000] reboot: Restarting system\n' + ORIN_NANO_SUPER_BOOT;
    expect(ctx({ dmesg: log }).soc).toBe('tegra234');
  });

  it('a machine that is no Jetson gives no SoC (a Dell oops line is not read as one)', () => {
    const c = ctx({ dmesg: '[ 5.000000] Hardware name: Dell Inc. PowerEdge R730xd/072T6D, BIOS 2.4.3 01/17/2017\n' });
    expect(c.soc).toBeUndefined();
    expect(c.trips).toBeUndefined();
    expect(c.board).toBeUndefined();
  });

  it('the model must open the message: a line that only quotes it is not read', () => {
    const c = ctx({ dmesg: '[ 5.000000] myapp: config says Machine model: NVIDIA Jetson AGX Orin Developer Kit\n' });
    expect(c.soc).toBeUndefined();
  });
});
