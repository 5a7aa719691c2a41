// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import { loadSnapshot } from '../../src/analyze.js';
import { deviceContext, jetpackFor } from '../../src/rules/device/context.js';
import { parseL4tRelease } from '../../src/parsers/identity/build.js';
import { fixture, writeTree } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function fullBundle(): string {
  return writeTree({
    'proc/meminfo': fixture('meminfo/generic-ubuntu2004-k5.4-x86-01.txt'),
    'proc/buddyinfo': fixture('buddyinfo/generic-x86-k4.x-01.txt'),
    'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt'),
    'proc/iomem': fixture('iomem/generic-arm64-qcom-phone-01.txt'),
    'proc/pagetypeinfo': fixture('pagetypeinfo/synthetic-orin-cma-01.txt'),
    'dmesg.txt': fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt'),
    'tegrastats.log': fixture('tegrastats/jetson-agx-orin-64gb-jp6-01.txt'),
    'etc/nv_tegra_release': '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n# KERNEL_VARIANT: oot\n',
    'proc/device-tree/model': 'NVIDIA Jetson AGX Orin Developer Kit\0',
    'proc/device-tree/compatible': 'nvidia,p3737-0000+p3701-0005\0nvidia,p3701-0005\0nvidia,tegra234\0nvidia,tegra23x\0',
    'uname.txt': 'Linux agx 5.15.148-tegra #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025 aarch64 aarch64 aarch64 GNU/Linux\n',
    'proc/uptime': '35511.24 212345.91\n',
    'proc/cmdline': 'root=/dev/mmcblk0p1 rw rootwait cma=512M console=ttyTCU0,115200 quiet\n',
    'sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
    'sys/class/thermal/thermal_zone0/temp': '48531\n',
    'sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
    'sys/class/thermal/thermal_zone1/temp': '-256000\n',
    'manifest.json': JSON.stringify({ device_id: 'agx-0042', capture_time: '2026-11-24T10:00:00Z' }),
  });
}

describe('jetdiag parse output', () => {
  it('validates against schema/snapshot.schema.json with every part present', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/snapshot.schema.json'), 'utf8'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'parse', fullBundle()], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    const snapshot = JSON.parse(r.stdout);
    for (const part of ['identity', 'meminfo', 'buddyinfo', 'zoneinfo', 'iomem', 'pagetypeinfo', 'dmesg', 'tegrastats']) {
      expect(snapshot, part).toHaveProperty(part);
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const ok = validate(snapshot);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // A broken snapshot does not validate: the schema is not a rubber stamp.
    snapshot.tegrastats.samples = 'many';
    expect(validate(snapshot)).toBe(false);
  });
});

describe('identity and device context', () => {
  it('reads every identity file with its provenance', async () => {
    const s = await loadSnapshot(fullBundle());
    const id = s.identity!;
    expect(id.l4t!.value).toMatchObject({ major: 36, minor: 4, patch: 3, version: '36.4.3', board: 'generic' });
    expect(id.model!.value).toBe('NVIDIA Jetson AGX Orin Developer Kit');
    expect(id.compatible!.value).toEqual(['nvidia,p3737-0000+p3701-0005', 'nvidia,p3701-0005', 'nvidia,tegra234', 'nvidia,tegra23x']);
    expect(id.kernelRelease).toMatchObject({ value: '5.15.148-tegra', source: { file: 'uname.txt', line: 1 } });
    expect(id.hostname!.value).toBe('agx');
    expect(id.uptimeSeconds!.value).toBe(35511.24);
    expect(id.cmdline!.value.params.cma).toBe('512M');
    expect(id.cmdline!.value.params.quiet).toBe(true);
    expect(id.thermalZones).toEqual([
      { zone: 'thermal_zone0', type: 'cpu-thermal', tempC: 48.531, source: { file: 'sys/class/thermal/thermal_zone0/type', line: 1 }, tempLine: { file: 'sys/class/thermal/thermal_zone0/temp', line: 1, text: '48531' } },
      { zone: 'thermal_zone1', type: 'gpu-thermal', tempC: -256, source: { file: 'sys/class/thermal/thermal_zone1/type', line: 1 }, tempLine: { file: 'sys/class/thermal/thermal_zone1/temp', line: 1, text: '-256000' } },
    ]);
    expect(id.manifest!.value).toMatchObject({ deviceId: 'agx-0042', captureTime: '2026-11-24T10:00:00Z' });
    const d = deviceContext(s);
    expect(d.board?.name).toBe('Jetson AGX Orin 64GB');
    expect(d.soc).toBe('tegra234');
    expect(d.jetpack).toBe('6.2');
    expect(d.trips!.zones.tj).toEqual({ throttleC: 99, shutdownC: 104.5 });
  });

  it('decides the SoC from compatible, never from nv_tegra_release BOARD', async () => {
    const s = await loadSnapshot(
      writeTree({
        'etc/nv_tegra_release': '# R32 (release), REVISION: 6.1, GCID: 27863751, BOARD: t186ref, EABI: aarch64, DATE: Mon Jul 26 19:36:31 UTC 2021\n',
        'proc/device-tree/compatible': 'nvidia,p2972-0000\0nvidia,tegra194\0',
      }),
    );
    const d = deviceContext(s);
    expect(d.soc).toBe('tegra194');
    expect(d.board?.name).toBe('Jetson AGX Xavier 16GB');
    expect(d.jetpack).toBe('4.6');
    expect(d.defaultCma).toEqual({ mb: 64, verified: true });
  });

  it('an Orin Nano by model string and visible RAM; an unknown L4T is said, not guessed', async () => {
    const s = await loadSnapshot(
      writeTree({
        'proc/device-tree/model': 'NVIDIA Jetson Orin Nano Developer Kit\0',
        'proc/meminfo': 'MemTotal: 7633536 kB\nMemFree: 1 kB\n',
        'etc/nv_tegra_release': '# R37 (release), REVISION: 1.0, GCID: 1, BOARD: generic, EABI: aarch64, DATE: x\n',
      }),
    );
    const d = deviceContext(s);
    expect(d.board?.name).toBe('Jetson Orin Nano 8GB');
    expect(d.jetpack).toBe('unknown (L4T 37.1.0 is not in jetdiag\'s table)');
    expect(jetpackFor('32.7.1')).toBe('4.6.1');
  });

  it('falls back to the DTS file name (boot log or nvidia,dtsfilename) when compatible is missing', async () => {
    const s = await loadSnapshot(writeTree({ dmesg: fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt') }));
    expect(s.identity!.dtsFilename!.source).toEqual({ file: 'dmesg', line: 72 });
    const d = deviceContext(s);
    expect([d.board?.name, d.soc, d.kernel]).toEqual(['Jetson TX2', 'tegra186', '4.4.38-tegra']);
    const f = await loadSnapshot(writeTree({ 'proc/device-tree/nvidia,dtsfilename': '/dvs/git/dirty/git-master_linux/kernel/kernel-5.10/arch/arm64/boot/dts/../../../../../../hardware/nvidia/platform/t23x/p3768/kernel-dts/tegra234-p3767-0003-p3768-0000-a0.dts\0' }));
    expect(deviceContext(f).board?.name).toBe('Jetson Orin Nano 8GB');
  });

  it('parses nv_tegra_release lines from R32 to R39, including the 12-hour DATE', () => {
    expect(parseL4tRelease('# R39 (release), REVISION: 2.0, GCID: 45755727, BOARD: generic, EABI: aarch64, DATE: Mon Jun  1 09:28:48 PM UTC 2026')).toMatchObject({ version: '39.2.0', buildDate: 'Mon Jun  1 09:28:48 PM UTC 2026' });
    expect(parseL4tRelease('# R36 (release), REVISION: 3.0')).toMatchObject({ version: '36.3.0' });
    expect(parseL4tRelease('R36 something else')).toBeNull();
  });
});
