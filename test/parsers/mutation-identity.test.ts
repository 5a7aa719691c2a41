/**
 * Identity gaps filled from the boot log, cases found by mutation testing
 * (docs/mutation-parsers.md): the lines are those of the Orin Nano boot quoted in
 * identity.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { parseIdentity } from '../../src/parsers/identity/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import type { Snapshot } from '../../src/snapshot/types.js';

function fromLog(text: string) {
  const dmesg = parseDmesg({ path: 'dmesg.txt', text, lineOffset: 0 }, new DiagnosticSink('dmesg.txt'));
  return { dmesg, id: parseIdentity(new Map(), new DiagnosticSink('bundle'), { dmesg } as Snapshot)! };
}

const BOOT = (version: string) => [
  '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]',
  `[    0.000000] Linux version ${version} (buildbrain@mobile-u64-6336-d7000) #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025`,
  '[    0.000000] Machine model: NVIDIA Jetson Orin Nano Developer Kit',
];

describe('gaps filled from the boot log, boot by boot', () => {
  it('a line the newest boot lacks is taken from an earlier boot, even when that boot gave the rest', () => {
    const older = [...BOOT('5.15.136-tegra'), '[    0.000000] Kernel command line: root=/dev/mmcblk0p1 rw', '[    0.100000] DTS File Name: tegra234-p3767-0003.dts', '[  500.000000] nvgpu: 17000000.gpu  gk20a_pm_finalize_poweron'];
    // The newest boot's command line is lost (a log filtered by a grep, say).
    const newest = [...BOOT('5.15.148-tegra'), '[    0.100000] DTS File Name: tegra234-p3768-0000+p3767-0005-nv.dts'];
    const { dmesg, id } = fromLog([...older, ...newest].join('\n') + '\n');
    expect(dmesg.boots.length).toBe(2);
    expect(id.kernelRelease!.value).toBe('5.15.148-tegra');
    expect(id.dtsFilename!.value).toBe('tegra234-p3768-0000+p3767-0005-nv.dts');
    expect(id.cmdline).toMatchObject({ value: { raw: 'root=/dev/mmcblk0p1 rw' }, source: { file: 'dmesg.txt', line: 4 } });
  });

  it('the same with the kernel release lost from the newest boot', () => {
    const older = [...BOOT('5.15.136-tegra'), '[    0.000000] Kernel command line: root=/dev/mmcblk0p1 rw', '[    0.100000] DTS File Name: tegra234-p3767-0003.dts'];
    const newest = ['[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]', '[    0.000000] Machine model: NVIDIA Jetson Orin Nano Developer Kit', '[    0.000000] Kernel command line: root=/dev/nvme0n1p1 rw', '[    0.100000] DTS File Name: tegra234-p3768-0000+p3767-0005-nv.dts'];
    const { id } = fromLog([...older, ...newest].join('\n') + '\n');
    expect(id.cmdline!.value.raw).toBe('root=/dev/nvme0n1p1 rw');
    expect(id.kernelRelease).toEqual({ value: '5.15.136-tegra', source: { file: 'dmesg.txt', line: 2 } });
  });
});
