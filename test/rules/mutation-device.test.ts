/**
 * The device a bundle came from (src/rules/device/context.ts, boards.ts): the board from the
 * device-tree compatible string, else the DTS file name, else the model and the visible RAM;
 * the SoC, the release, the default CMA and the summary line (issue #14, mutation testing).
 * Identity strings are the ones real L4T images print (jetson-reference §1-2).
 */
import { describe, expect, it } from 'vitest';
import { deviceContext, jetpackFor } from '../../src/rules/device/context.js';
import { defaultCmaMB, TRIP_POINTS } from '../../src/rules/device/boards.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { dmesg, meminfo, ORIN_NANO_IDENTITY, tegrastats, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';

const ctx = (files: Record<string, string>) => deviceContext(snapshotFromFiles(files));
const R32_NANO = '# R32 (release), REVISION: 7.4, GCID: 33514132, BOARD: t210ref, EABI: aarch64, DATE: Fri Jun  9 04:25:08 UTC 2023\n';
const kB = (mib: number) => mib * 1024;

describe('deviceContext', () => {
  it('Orin Nano 8GB from its compatible string, with release, kernel, trips and summary', () => {
    const c = ctx(ORIN_NANO_IDENTITY);
    expect(c.board?.name).toBe('Jetson Orin Nano 8GB');
    expect(c.soc).toBe('tegra234');
    expect(c.boardEvidence).toBe('proc/device-tree/compatible:1');
    expect(c.l4t).toBe('36.4.3');
    expect(c.jetpack).toBe('6.2');
    expect(c.kernel).toBe('5.15.148-tegra');
    expect(c.trips).toBe(TRIP_POINTS.tegra234);
    expect(c.defaultCma).toBeUndefined();
    expect(c.totalPowerRail).toBe('VDD_IN');
    expect(c.summary).toBe('Jetson Orin Nano 8GB (tegra234), L4T 36.4.3 / JetPack 6.2, kernel 5.15.148-tegra');
  });

  it('AGX Xavier on R32: the default CMA of R28-R35 is 64 MiB', () => {
    const c = ctx(XAVIER_R32_IDENTITY);
    expect(c.board?.name).toBe('Jetson AGX Xavier 16GB');
    expect(c.soc).toBe('tegra194');
    expect(c.defaultCma).toEqual({ mb: 64, verified: true });
    expect(c.summary).toBe('Jetson AGX Xavier 16GB (tegra194), L4T 32.6.1 / JetPack 4.6');
    expect(c.totalPowerRail).toBeUndefined();
  });

  it('Nano on R32: 464 MiB of CMA', () => {
    const c = ctx({ 'etc/nv_tegra_release': R32_NANO, 'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,jetson-nano\0nvidia,tegra210\0' });
    expect(c.board?.name).toBe('Jetson Nano 4GB');
    expect(c.soc).toBe('tegra210');
    expect(c.defaultCma).toEqual({ mb: 464, verified: true });
    expect(c.jetpack).toBe('4.6.4');
  });

  it('tegra23x in the compatible string is tegra234', () => {
    expect(ctx({ 'proc/device-tree/compatible': 'nvidia,p3737-0000+p3701-0005\0nvidia,p3701-0005\0nvidia,tegra23x\0' }).soc).toBe('tegra234');
    expect(ctx({ 'proc/device-tree/compatible': 'nvidia,p3701-0005\0nvidia,tegra23x\0' }).board?.name).toBe('Jetson AGX Orin 64GB');
  });

  it('a part number matches whole: followed by -super, at the end, or at a word boundary only', () => {
    expect(ctx({ 'proc/device-tree/compatible': 'nvidia,p3768-0000+p3767-0005-super\0nvidia,tegra234\0' }).board?.name).toBe('Jetson Orin Nano 8GB');
    expect(ctx({ 'proc/device-tree/compatible': 'nvidia,p3767-00051\0nvidia,tegra234\0' }).board).toBeUndefined();
    expect(ctx({ 'proc/device-tree/compatible': 'nvidia,p3767-0004' }).board?.name).toBe('Jetson Orin Nano 4GB');
  });

  it('no compatible: the DTS file name in the boot log names board and SoC', () => {
    const c = ctx({ dmesg: dmesg([[0, 'Booting Linux on physical CPU 0x0'], [0, 'DTS File Name: /dvs/git/dirty/git-master_linux/kernel/kernel-4.9/arch/arm64/boot/dts/../../../../../../hardware/nvidia/platform/t210/porg/kernel-dts/tegra210-p3448-0000-p3449-0000-b00.dts']]) });
    expect(c.board?.name).toBe('Jetson Nano 4GB');
    expect(c.boardEvidence).toBe('dmesg:2');
    expect(c.soc).toBe('tegra210');
  });

  it('a DTS name with no known part still gives the SoC, and does not override the compatible one', () => {
    const c = ctx({ dmesg: dmesg([[0, 'DTS File Name: arch/arm64/boot/dts/tegra194-p9999-0000.dts']]) });
    expect(c.board).toBeUndefined();
    expect(c.soc).toBe('tegra194');
    const both = ctx({ 'proc/device-tree/compatible': 'nvidia,tegra186\0', dmesg: dmesg([[0, 'DTS File Name: arch/arm64/boot/dts/tegra194-p9999-0000.dts']]) });
    expect(both.soc).toBe('tegra186');
  });

  it('model only: the SoC from the name, the board chosen by the visible RAM', () => {
    const model = { 'proc/device-tree/model': 'NVIDIA Jetson Xavier NX Developer Kit\0' };
    const nx8 = ctx({ ...model, 'proc/meminfo': meminfo({ MemTotal: kB(6834) }) });
    expect(nx8.soc).toBe('tegra194');
    expect(nx8.board?.name).toBe('Jetson Xavier NX 8GB');
    expect(nx8.boardEvidence).toBe('proc/device-tree/model:1');
    expect(nx8.ramTotalMB).toBe(6834);
    // Exactly the nominal size still fits that board; one MiB more needs the larger one.
    expect(ctx({ ...model, 'proc/meminfo': meminfo({ MemTotal: kB(8192) }) }).board?.name).toBe('Jetson Xavier NX 8GB');
    expect(ctx({ ...model, 'proc/meminfo': meminfo({ MemTotal: kB(8193) }) }).board?.name).toBe('Jetson Xavier NX 16GB');
    // Two candidates and no RAM figure: no guess.
    const none = ctx(model);
    expect(none.board).toBeUndefined();
    expect(none.summary).toBe('NVIDIA Jetson Xavier NX Developer Kit (tegra194)');
  });

  it('model only with one candidate board: that board, whatever the RAM', () => {
    const c = ctx({ 'proc/device-tree/model': 'NVIDIA Jetson TX1\0' });
    expect(c.soc).toBe('tegra210');
    expect(c.board?.name).toBe('Jetson TX1');
  });

  it.each([
    ['NVIDIA Jetson AGX Orin Developer Kit', 'tegra234'],
    ['quill', 'tegra186'],
    ['NVIDIA Jetson TX2', 'tegra186'],
    ['NVIDIA Jetson Nano Developer Kit', 'tegra210'],
    ['NVIDIA Jetson AGX Thor Developer Kit', 'tegra264'],
    ['Raspberry Pi 4 Model B Rev 1.4', undefined],
  ])('the SoC of model %s', (model, soc) => {
    expect(ctx({ 'proc/device-tree/model': `${model}\0` }).soc).toBe(soc);
  });

  it('RAM from the tegrastats total when there is no meminfo', () => {
    const c = ctx({ 'tegrastats.log': tegrastats(3, () => ({})) });
    expect(c.ramTotalMB).toBe(7620);
    expect(ctx({ 'proc/meminfo': meminfo({ MemTotal: kB(7454) }), 'tegrastats.log': tegrastats(3, () => ({})) }).ramTotalMB).toBe(7454);
  });

  it('nothing known: an unknown board', () => {
    const c = ctx({ 'proc/meminfo': meminfo() });
    expect(c.summary).toBe('unknown board');
    expect(c.soc).toBeUndefined();
    expect(c.trips).toBeUndefined();
    expect(c.defaultCma).toBeUndefined();
  });
});

describe('jetpackFor and defaultCmaMB', () => {
  it.each([
    ['36.4.3', '6.2'],
    ['32.5', '4.5'],
    ['35.1', '5.0.2'],
    ['36.4', '6.1'],
    ['32.2.0', '4.2.1'],
    ['28.2.1', '3.3 | 3.2.1'],
    ['99.1.2', 'unknown (L4T 99.1.2 is not in jetdiag\'s table)'],
  ])('L4T %s is JetPack %s', (l4t, jp) => {
    expect(jetpackFor(l4t)).toBe(jp);
  });

  it('default CMA by release and SoC, at the range ends', () => {
    expect(defaultCmaMB(undefined, 'tegra210')).toBeUndefined();
    expect(defaultCmaMB(32, 'tegra210')).toEqual({ mb: 464, verified: true });
    expect(defaultCmaMB(28, 'tegra210')).toEqual({ mb: 64, verified: true });
    expect(defaultCmaMB(27, 'tegra186')).toBeUndefined();
    expect(defaultCmaMB(28, 'tegra186')).toEqual({ mb: 64, verified: true });
    expect(defaultCmaMB(35, 'tegra234')).toEqual({ mb: 64, verified: true });
    expect(defaultCmaMB(36, 'tegra234')).toBeUndefined();
    expect(defaultCmaMB(32, undefined)).toEqual({ mb: 64, verified: true });
  });
});
