/**
 * The SoC family from a tegrastats log alone (src/rules/device/context.ts), when nothing else in
 * the bundle names the board: only fields one family prints count (jetson-reference §3.1, §4.1,
 * §6), and the line that carries them is named. Real captures from test/fixtures/tegrastats.
 */
import { describe, expect, it } from 'vitest';
import { deviceContext } from '../../src/rules/device/context.js';
import { TRIP_POINTS } from '../../src/rules/device/boards.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { fixture } from '../helpers/fixtures.js';

const fromTegrastats = (name: string) => deviceContext(snapshotFromFiles({ 'tegrastats.log': fixture(`tegrastats/${name}`) }));

describe('SoC family from tegrastats alone', () => {
  it.each([
    ['jetson-nano-jp4-01.txt', 'tegra210', 'the IRAM field'],
    ['jetson-tx2-jp4-01.txt', 'tegra186', 'BCPU/MCPU'],
    ['jetson-tx2-4gb-01.txt', 'tegra186', 'BCPU/MCPU'],
    ['jetson-agx-xavier-32gb-jp4-01.txt', 'tegra194', 'AUX sensor'],
    ['jetson-xavier-nx-jp5-01.txt', 'tegra194', 'AUX sensor'],
    ['jetson-agx-orin-12core-jp5-01.txt', 'tegra234', 'CV0/SOC0'],
    ['jetson-agx-orin-64gb-jp6-01.txt', 'tegra234', 'CV0/SOC0'],
    ['jetson-orin-nano-8gb-jp6-01.txt', 'tegra234', 'CV0/SOC0'],
  ])('%s: %s, from %s', (name, soc, why) => {
    const c = fromTegrastats(name);
    expect(c.soc).toBe(soc);
    expect(c.socEvidence).toMatch(/^tegrastats\.log:\d+, /);
    expect(c.socEvidence).toContain(why);
    expect(c.summary).toBe(`unknown board (${soc}, inferred from ${c.socEvidence})`);
    expect(c.trips).toBe(TRIP_POINTS[soc as keyof typeof TRIP_POINTS]);
    // The board itself is not guessed from the family.
    expect(c.board).toBeUndefined();
  });

  it('the Nano line with POM_5V_IN but no IRAM field (a capture without root): tegra210 from the rail', () => {
    const c = deviceContext(snapshotFromFiles({
      'tegrastats.log': 'RAM 2375/3964MB (lfb 107x4MB) SWAP 2/1982MB (cached 0MB) CPU [40%@1479,28%@1479,60%@1479,40%@1479] EMC_FREQ 0% GR3D_FREQ 22% PLL@48.5C CPU@53C PMIC@100C GPU@51C AO@60C thermal@51.75C POM_5V_IN 6759/6959 POM_5V_GPU 2016/2352 POM_5V_CPU 1432/1338\n',
    }));
    expect(c.soc).toBe('tegra210');
    expect(c.socEvidence).toBe('tegrastats.log:1, the POM_5V_IN rail of the Jetson Nano module');
  });

  it('a log with no family-specific field (T210 of a Nintendo Switch, L4T): the SoC stays unknown', () => {
    const c = fromTegrastats('tegra-x1-switch-l4t-01.txt');
    expect(c.soc).toBeUndefined();
    expect(c.socEvidence).toBeUndefined();
    expect(c.summary).toBe('unknown board');
  });

  it('markers of two families in one log decide nothing', () => {
    const nano = fixture('tegrastats/jetson-nano-jp4-01.txt').split('\n')[0]!;
    const tx2 = fixture('tegrastats/jetson-tx2-jp4-01.txt').split('\n')[0]!;
    const c = deviceContext(snapshotFromFiles({ 'tegrastats.log': `${nano}\n${tx2}\n` }));
    expect(c.soc).toBeUndefined();
  });

  // A line in the shape jetson-reference §4.1 documents for Thor (labels cpu tj soc012 gpu soc345), composed.
  it('Thor prints soc012/soc345, not soc0: no Orin claim from them', () => {
    const c = deviceContext(snapshotFromFiles({
      'tegrastats.log': '08-25-2025 10:00:00 RAM 20642/125772MB (lfb 1x2MB) CPU [23%@2201,10%@2201] EMC_FREQ 3%@3199 cpu@52.968C tj@53C soc012@48.4C gpu@47.6C soc345@47.1C VIN 30000mW/30000mW\n',
    }));
    expect(c.soc).toBeUndefined();
  });

  it('the device tree still wins over tegrastats', () => {
    const c = deviceContext(snapshotFromFiles({
      'proc/device-tree/compatible': 'nvidia,p3767-0005\0nvidia,tegra234\0',
      'tegrastats.log': fixture('tegrastats/jetson-nano-jp4-01.txt'),
    }));
    expect(c.soc).toBe('tegra234');
    expect(c.socEvidence).toBeUndefined();
  });
});

describe('SoC family from the boot CPU', () => {
  const fromDmesg = (text: string) => deviceContext(snapshotFromFiles({ dmesg: text }));

  it('NVIDIA Carmel (4.9 "Boot CPU" line of a Xavier NX, antmicro/jetson-nano-baseboard#24): tegra194, the line named', () => {
    const c = fromDmesg('[    0.000000] Booting Linux on physical CPU 0x0\n[    0.000000] Boot CPU: AArch64 Processor [4e0f0040]\n');
    expect(c.soc).toBe('tegra194');
    expect(c.socEvidence).toBe("dmesg:2, the boot CPU is NVIDIA Carmel, the Xavier's (T194) core");
    expect(c.trips).toBe(TRIP_POINTS.tegra194);
  });

  it('Cortex-A78AE (5.x "Booting Linux" line of an Orin Nano, ArduCAM/Arducam_tof_camera#37): tegra234', () => {
    const c = fromDmesg('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n');
    expect(c.soc).toBe('tegra234');
    expect(c.socEvidence).toMatch(/^dmesg:1, the boot CPU is a Cortex-A78AE/);
  });

  it('Cortex-A57 boots both the Nano/TX1 (T210) and the TX2 (T186): no SoC from it', () => {
    expect(fromDmesg('[    0.000000] Boot CPU: AArch64 Processor [411fd071]\n').soc).toBeUndefined();
    expect(fromDmesg('[    0.000000] Boot CPU: AArch64 Processor [411fd073]\n').soc).toBeUndefined();
  });

  it('the machine model, when the log prints one, decides before the CPU', () => {
    const c = fromDmesg('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n[    0.000000] Machine model: NVIDIA Orin Nano Developer Kit\n');
    expect(c.soc).toBe('tegra234');
    expect(c.socEvidence).toBeUndefined();
  });
});
