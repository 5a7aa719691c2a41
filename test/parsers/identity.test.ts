/**
 * The identity files read on their own (no bundle, no CLI): each file's value with the file
 * and line it came from, the warning for a file that does not hold what it should, and the
 * gaps the dmesg banner fills. Values are those of real Jetson captures (nv_tegra_release,
 * device-tree strings and uname of the corpus bundles; the boot logs of test/fixtures/dmesg).
 */
import { describe, expect, it } from 'vitest';
import type { InputKind } from '../../src/bundle/inventory.js';
import type { TextSource } from '../../src/bundle/text.js';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { parseCmdline, parseIdentity, parseL4tRelease } from '../../src/parsers/identity/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import type { Snapshot } from '../../src/snapshot/types.js';
import { fixture } from '../helpers/fixtures.js';

type Files = Partial<Record<InputKind, [path: string, text: string, lineOffset?: number][]>>;

function identity(files: Files, snapshot: Partial<Snapshot> = {}) {
  const inputs = new Map<InputKind, TextSource[]>();
  for (const [kind, list] of Object.entries(files)) {
    inputs.set(kind as InputKind, list.map(([path, text, lineOffset]) => ({ path, text, lineOffset: lineOffset ?? 0 })));
  }
  const sink = new DiagnosticSink('bundle');
  const id = parseIdentity(inputs, sink, snapshot as Snapshot);
  return { id, diags: sink.finish() };
}

const one = (kind: InputKind, path: string, text: string, lineOffset = 0): Files => ({ [kind]: [[path, text, lineOffset]] });

function dmesgSnapshot(text: string): Partial<Snapshot> {
  const sink = new DiagnosticSink('dmesg.txt');
  return { dmesg: parseDmesg({ path: 'dmesg.txt', text, lineOffset: 0 }, sink) };
}

describe('nv_tegra_release', () => {
  it('reads R36.4.3 with board and date, citing the first non-blank line', () => {
    const { id, diags } = identity(one('nv-tegra-release', 'etc/nv_tegra_release', '\n# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n# KERNEL_VARIANT: oot\n'));
    expect(diags).toEqual([]);
    expect(id!.l4t).toEqual({
      value: { major: 36, minor: 4, patch: 3, version: '36.4.3', board: 'generic', buildDate: 'Wed Jan  8 01:49:37 UTC 2025', raw: '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025' },
      source: { file: 'etc/nv_tegra_release', line: 2 },
    });
  });

  it('a release line read on its own is trimmed', () => {
    expect(parseL4tRelease('  # R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023  ')).toMatchObject({
      version: '35.4.1',
      buildDate: 'Tue Aug  1 19:57:35 UTC 2023',
      raw: '# R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, DATE: Tue Aug  1 19:57:35 UTC 2023',
    });
  });

  it('an old release without a patch number is .0; the line number counts from the file part', () => {
    expect(parseL4tRelease('# R28 (release), REVISION: 1, GCID: 9234578, BOARD: t186ref, EABI: aarch64, DATE: Thu Jul 20 07:45:59 UTC 2017')).toMatchObject({ major: 28, minor: 1, patch: 0, version: '28.1.0', board: 't186ref' });
    const { id } = identity(one('nv-tegra-release', 'bugreport.log', '# R32 (release), REVISION: 7.1\n', 40));
    expect(id!.l4t!.source).toEqual({ file: 'bugreport.log', line: 41 });
    expect(id!.l4t!.value.buildDate).toBeUndefined();
  });

  it('a file that is not a release line is a warning naming the file and what was expected', () => {
    const { id, diags } = identity(one('nv-tegra-release', 'etc/nv_tegra_release', 'cat: /etc/nv_tegra_release: No such file or directory\n'));
    expect(id).toBeUndefined();
    expect(diags).toMatchObject([{ severity: 'warning', code: 'identity.nv-tegra-release', message: 'etc/nv_tegra_release: expected "# R<major> (release), REVISION: <minor>.<patch>, ..." on the first line' }]);
  });

  it('an empty file is the same warning', () => {
    expect(identity(one('nv-tegra-release', 'etc/nv_tegra_release', '\n\n')).diags.map((d) => d.code)).toEqual(['identity.nv-tegra-release']);
  });
});

describe('device tree strings', () => {
  it('model and DTS file name: the first non-blank line, its number counted from the file part', () => {
    const { id } = identity({
      'dt-model': [['proc/device-tree/model', '\nNVIDIA Jetson Orin Nano Developer Kit\r\n', 10]],
      'dt-dtsfilename': [['proc/device-tree/nvidia,dtsfilename', 'tegra234-p3767-0003-p3768-0000-a0.dts\n']],
    });
    expect(id!.model).toEqual({ value: 'NVIDIA Jetson Orin Nano Developer Kit', source: { file: 'proc/device-tree/model', line: 12 } });
    expect(id!.dtsFilename).toEqual({ value: 'tegra234-p3767-0003-p3768-0000-a0.dts', source: { file: 'proc/device-tree/nvidia,dtsfilename', line: 1 } });
  });

  it('a value padded by the NUL at the end of a device-tree string is trimmed', () => {
    expect(identity(one('dt-model', 'proc/device-tree/model', 'NVIDIA Jetson AGX Orin Developer Kit \n')).id!.model!.value).toBe('NVIDIA Jetson AGX Orin Developer Kit');
  });

  it('compatible: NUL-separated (decoded to newlines) or pasted with the NULs lost', () => {
    const nul = identity(one('dt-compatible', 'proc/device-tree/compatible', 'nvidia,p3768-0000+p3767-0005\nnvidia,p3767-0005\nnvidia,tegra234\n', 3));
    expect(nul.id!.compatible).toEqual({ value: ['nvidia,p3768-0000+p3767-0005', 'nvidia,p3767-0005', 'nvidia,tegra234'], source: { file: 'proc/device-tree/compatible', line: 4 } });
    const pasted = identity(one('dt-compatible', 'compatible.txt', 'nvidia,p3768-0000+p3767-0005nvidia,p3767-0005nvidia,tegra234'));
    expect(pasted.id!.compatible!.value).toEqual(['nvidia,p3768-0000+p3767-0005', 'nvidia,p3767-0005', 'nvidia,tegra234']);
    expect(identity(one('dt-compatible', 'c', 'arm,vexpressbrcm,bcm2711')).id!.compatible!.value).toEqual(['arm,vexpress', 'brcm,bcm2711']);
    expect(identity(one('dt-compatible', 'c', 'qcom,sdm845')).id!.compatible!.value).toEqual(['qcom,sdm845']);
  });

  it('empty files give nothing and no warning', () => {
    const { id, diags } = identity({ 'dt-model': [['m', '\n']], 'dt-compatible': [['c', ' \n']], 'dt-dtsfilename': [['d', '']] });
    expect(id).toBeUndefined();
    expect(diags).toEqual([]);
  });

  it('serial number: printable, 4 to 64 characters, else a warning', () => {
    expect(identity(one('dt-serial-number', 'proc/device-tree/serial-number', '1421019039347\n')).id!.serialNumber).toEqual({ value: '1421019039347', source: { file: 'proc/device-tree/serial-number', line: 1 } });
    expect(identity(one('dt-serial-number', 's', 'ABCD')).id!.serialNumber!.value).toBe('ABCD');
    expect(identity(one('dt-serial-number', 's', 'x'.repeat(64))).id!.serialNumber!.value).toHaveLength(64);
    for (const bad of ['ABC', 'x'.repeat(65), '1421 0190 3934']) {
      const { id, diags } = identity(one('dt-serial-number', 'proc/device-tree/serial-number', bad));
      expect(id).toBeUndefined();
      expect(diags).toMatchObject([{ severity: 'warning', code: 'identity.serial-number', message: 'proc/device-tree/serial-number: expected one serial number (4 to 64 printable characters, no spaces)' }]);
    }
    expect(identity(one('dt-serial-number', 's', '\n')).diags).toEqual([]);
  });
});

describe('machine id, uname, hostname, cmdline, uptime', () => {
  it('machine-id: 32 hex digits, kept in lower case; anything else is a warning', () => {
    expect(identity(one('machine-id', 'etc/machine-id', '\nB1F3C6E2A4D94F0E8C7A5B3D2E1F0A9C\n')).id!.machineId).toEqual({ value: 'b1f3c6e2a4d94f0e8c7a5b3d2e1f0a9c', source: { file: 'etc/machine-id', line: 2 } });
    for (const bad of ['b1f3c6e2a4d94f0e8c7a5b3d2e1f0a9', 'b1f3c6e2a4d94f0e8c7a5b3d2e1f0a9cc', 'g1f3c6e2a4d94f0e8c7a5b3d2e1f0a9c']) {
      expect(identity(one('machine-id', 'etc/machine-id', bad)).diags).toMatchObject([{ severity: 'warning', code: 'identity.machine-id', message: 'etc/machine-id: expected a machine id (32 hexadecimal digits)' }]);
    }
    expect(identity(one('machine-id', 'etc/machine-id', '')).diags).toEqual([]);
  });

  it('uname -a gives the kernel release and the host name; uname -r the release only', () => {
    const a = identity(one('uname', 'uname.txt', 'Linux agx 5.15.148-tegra #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025 aarch64 aarch64 aarch64 GNU/Linux\n', 2));
    expect(a.id).toEqual({ kernelRelease: { value: '5.15.148-tegra', source: { file: 'uname.txt', line: 3 } }, hostname: { value: 'agx', source: { file: 'uname.txt', line: 3 } } });
    const r = identity(one('uname', 'uname.txt', '4.9.337-tegra\n'));
    expect(r.id).toEqual({ kernelRelease: { value: '4.9.337-tegra', source: { file: 'uname.txt', line: 1 } } });
  });

  it('uname output of another shape is a warning naming the file and both accepted forms', () => {
    for (const bad of ['Darwin mac 23.1.0 Darwin Kernel Version 23.1.0', '4.9.337-tegra aarch64', 'Linux']) {
      const { id, diags } = identity(one('uname', 'uname.txt', bad));
      expect(id).toBeUndefined();
      expect(diags).toMatchObject([{ severity: 'warning', code: 'identity.uname', message: 'uname.txt: expected "uname -a" or "uname -r" output' }]);
    }
  });

  it('empty uname, hostname and cmdline files give nothing and no warning', () => {
    const { id, diags } = identity({ uname: [['uname.txt', '\n']], hostname: [['etc/hostname', '']], cmdline: [['proc/cmdline', '  \n']] });
    expect(id).toBeUndefined();
    expect(diags).toEqual([]);
  });

  it('the hostname file wins over the name in uname -a', () => {
    const { id } = identity({ uname: [['uname.txt', 'Linux agx 5.15.148-tegra #1 SMP aarch64 GNU/Linux']], hostname: [['etc/hostname', '\nnano-lab-07\n']] });
    expect(id!.hostname).toEqual({ value: 'nano-lab-07', source: { file: 'etc/hostname', line: 2 } });
  });

  it('the kernel command line with its parameters, quoted values whole', () => {
    const { id } = identity(one('cmdline', 'proc/cmdline', 'root=/dev/mmcblk0p1 rw rootwait cma=512M console=ttyTCU0,115200 dyndbg="file nvmap.c +p" quiet\n'));
    expect(id!.cmdline).toEqual({
      value: { raw: 'root=/dev/mmcblk0p1 rw rootwait cma=512M console=ttyTCU0,115200 dyndbg="file nvmap.c +p" quiet', params: { root: '/dev/mmcblk0p1', rw: true, rootwait: true, cma: '512M', console: 'ttyTCU0,115200', dyndbg: 'file nvmap.c +p', quiet: true } },
      source: { file: 'proc/cmdline', line: 1 },
    });
    expect(parseCmdline('')).toEqual({});
    expect(parseCmdline('a=b=c empty=')).toEqual({ a: 'b=c', empty: '' });
  });

  it('uptime: seconds, with or without the idle figure; anything else is a warning', () => {
    expect(identity(one('uptime', 'proc/uptime', '35511.24 212345.91\n')).id!.uptimeSeconds).toEqual({ value: 35511.24, source: { file: 'proc/uptime', line: 1 } });
    expect(identity(one('uptime', 'proc/uptime', '\n86400', 4)).id!.uptimeSeconds).toEqual({ value: 86400, source: { file: 'proc/uptime', line: 6 } });
    expect(identity(one('uptime', 'proc/uptime', '35511 212345')).id!.uptimeSeconds!.value).toBe(35511);
    for (const bad of ['up 3 days', '35511.24 idle', '35511.24 212345.91 7', '']) {
      const { id, diags } = identity(one('uptime', 'proc/uptime', bad));
      expect(id).toBeUndefined();
      expect(diags).toMatchObject([{ severity: 'warning', code: 'identity.uptime', message: 'proc/uptime: expected "/proc/uptime" content ("<seconds> <idle seconds>")' }]);
    }
  });
});

describe('thermal zones', () => {
  it('type and temperature joined per zone, sorted by zone number; the reading line kept verbatim', () => {
    const { id } = identity({
      'thermal-type': [
        ['sys/class/thermal/thermal_zone10/type', 'tj-thermal\n'],
        ['sys/class/thermal/thermal_zone2/type', 'gpu-thermal\n'],
      ],
      'thermal-temp': [
        ['sys/class/thermal/thermal_zone2/temp', '\n41500\r\n'],
        ['sys/class/thermal/thermal_zone10/temp', 'N/A\n'],
        ['sys/class/thermal/thermal_zone7/temp', '-40000\n'],
      ],
    });
    expect(id!.thermalZones).toEqual([
      { zone: 'thermal_zone2', type: 'gpu-thermal', tempC: 41.5, source: { file: 'sys/class/thermal/thermal_zone2/type', line: 1 }, tempLine: { file: 'sys/class/thermal/thermal_zone2/temp', line: 2, text: '41500' } },
      { zone: 'thermal_zone7', tempC: -40, source: { file: 'sys/class/thermal/thermal_zone7/temp', line: 1 }, tempLine: { file: 'sys/class/thermal/thermal_zone7/temp', line: 1, text: '-40000' } },
      { zone: 'thermal_zone10', type: 'tj-thermal', source: { file: 'sys/class/thermal/thermal_zone10/type', line: 1 } },
    ]);
  });

  it('a temperature inside a bigger file is quoted from its own line', () => {
    const { id } = identity({ 'thermal-temp': [['bugreport/thermal_zone0/temp', '48531\n', 120]] });
    expect(id!.thermalZones![0]).toMatchObject({ zone: 'thermal_zone0', tempC: 48.531, tempLine: { line: 121, text: '48531' } });
    expect(identity({ 'thermal-temp': [['t/temp', '']] }).id!.thermalZones).toEqual([{ zone: 't/temp', source: { file: 't/temp', line: 1 } }]);
    expect(identity({ 'thermal-type': [['sys/class/thermal/thermal_zone3/type', '\n']] }).id!.thermalZones).toEqual([{ zone: 'thermal_zone3', type: undefined, source: { file: 'sys/class/thermal/thermal_zone3/type', line: 1 } }]);
  });
});

describe('manifest', () => {
  it('device id and capture time under any of their usual names; all fields kept', () => {
    const m = identity(one('manifest', 'manifest.json', JSON.stringify({ device_id: 'agx-0042', capture_time: '2026-11-24T10:00:00Z', site: 'lab' })));
    expect(m.id!.manifest).toEqual({ value: { deviceId: 'agx-0042', captureTime: '2026-11-24T10:00:00Z', fields: { device_id: 'agx-0042', capture_time: '2026-11-24T10:00:00Z', site: 'lab' } }, source: { file: 'manifest.json', line: 1 } });
    const alt = identity(one('manifest', 'manifest.json', JSON.stringify({ deviceId: 7, serial: '1421019039347', timestamp: '2026-11-24T10:00:00Z' })));
    expect(alt.id!.manifest!.value).toMatchObject({ deviceId: '1421019039347', captureTime: '2026-11-24T10:00:00Z' });
    for (const key of ['device_id', 'deviceId', 'serial', 'device']) {
      expect(identity(one('manifest', 'm.json', JSON.stringify({ [key]: 'agx-0042' }))).id!.manifest!.value.deviceId, key).toBe('agx-0042');
    }
    for (const key of ['capture_time', 'captureTime', 'collected_at', 'start_time', 'timestamp', 'time']) {
      expect(identity(one('manifest', 'm.json', JSON.stringify({ [key]: '2026-11-24T10:00:00Z' }))).id!.manifest!.value.captureTime, key).toBe('2026-11-24T10:00:00Z');
    }
    // the first name present wins
    expect(identity(one('manifest', 'm.json', JSON.stringify({ time: 'b', capture_time: 'a', device: 'y', device_id: 'x' }))).id!.manifest!.value).toMatchObject({ deviceId: 'x', captureTime: 'a' });
    const none = identity(one('manifest', 'manifest.json', '{}'));
    expect(none.id!.manifest!.value).toEqual({ deviceId: undefined, captureTime: undefined, fields: {} });
  });

  it('a manifest that is not JSON is a warning naming the file and the parse error', () => {
    const { id, diags } = identity(one('manifest', 'manifest.json', '{"device_id": '));
    expect(id).toBeUndefined();
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ severity: 'warning', code: 'identity.manifest' });
    expect(diags[0]!.message).toMatch(/^manifest\.json: not valid JSON \(.+\)$/);
  });
});

describe('gaps filled from the boot log', () => {
  it('kernel release, command line and DTS file name from a TX2 boot, each citing its dmesg line', () => {
    const { id } = identity({}, dmesgSnapshot(fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt')));
    expect(id!.kernelRelease).toEqual({ value: '4.4.38-tegra', source: { file: 'dmesg.txt', line: 5 } });
    expect(id!.cmdline!.source).toEqual({ file: 'dmesg.txt', line: 25 });
    expect(id!.cmdline!.value.params).toMatchObject({ root: '/dev/mmcblk0p1', console: 'tty0', OS: 'l4t' });
    expect(id!.dtsFilename!.source).toEqual({ file: 'dmesg.txt', line: 72 });
    expect(id!.dtsFilename!.value).toMatch(/tegra186-quill-p3310-1000-c03-00-base\.dts$/);
    expect(id!.model).toBeUndefined();
  });

  it('files win over the boot log; the machine model line fills the model', () => {
    const log = '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n[    0.000000] Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d7000) (aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025\n[    0.000000] Machine model: NVIDIA Jetson Orin Nano Developer Kit \n';
    const files: Files = { uname: [['uname.txt', '5.15.136-tegra\n']], cmdline: [['proc/cmdline', 'root=/dev/nvme0n1p1 rw\n']], 'dt-dtsfilename': [['dts', 'tegra234-p3768-0000+p3767-0005-nv.dts\n']] };
    const { id } = identity(files, dmesgSnapshot(`${log}[    0.000000] Kernel command line: root=/dev/mmcblk0p1 rw\n[    0.100000] DTS File Name: tegra234-p3767-0003.dts\n[    0.200000] Machine model: NVIDIA Jetson AGX Orin\n[    0.300000] Kernel command line: quiet\n`));
    expect(id!.kernelRelease!.value).toBe('5.15.136-tegra');
    expect(id!.cmdline!.value.raw).toBe('root=/dev/nvme0n1p1 rw');
    expect(id!.dtsFilename!.value).toBe('tegra234-p3768-0000+p3767-0005-nv.dts');
    const fromLog = identity({}, dmesgSnapshot(`${log}[    0.000000] Kernel command line: root=/dev/mmcblk0p1 rw\n[    0.300000] Kernel command line: quiet\n`)).id!;
    expect(fromLog.cmdline!.value.raw).toBe('root=/dev/mmcblk0p1 rw');
    expect(identity(one('dt-model', 'proc/device-tree/model', 'NVIDIA Jetson Orin NX Engineering Reference Developer Kit\n'), dmesgSnapshot(log)).id!.model!.value).toBe('NVIDIA Jetson Orin NX Engineering Reference Developer Kit');
    expect(id!.model).toEqual({ value: 'NVIDIA Jetson Orin Nano Developer Kit', source: { file: 'dmesg.txt', line: 3 } });
  });

  it('with two boots in the log, the newest boot is read first', () => {
    const two = `${fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt')}${fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-02.txt')}`;
    const snap = dmesgSnapshot(two);
    expect(snap.dmesg!.boots.length).toBe(2);
    const { id } = identity({}, snap);
    const second = snap.dmesg!.records[snap.dmesg!.boots[1]!.firstRecord]!.line;
    expect(id!.kernelRelease).toEqual({ value: '4.4.38', source: { file: 'dmesg.txt', line: second + 4 } });
  });

  it('a log without any boot banner is still searched', () => {
    const { id } = identity({}, dmesgSnapshot('[  100.000000] Kernel command line: root=/dev/nvme0n1p1 cma=256M\n'));
    expect(id!.cmdline!.value.params.cma).toBe('256M');
  });
});
