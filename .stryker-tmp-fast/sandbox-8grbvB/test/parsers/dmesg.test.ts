// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

function parse(name: string, text = fixture(`dmesg/${name}`)) {
  const sink = new DiagnosticSink(name);
  const d = parseDmesg({ path: name, text, lineOffset: 0 }, sink);
  const diags = sink.finish();
  return { d, problems: diags.filter((x) => x.severity !== 'info') };
}

describe('dmesg formats on real captures', () => {
  it('plain dmesg: timestamps, subsystem and device prefixes, boot banner', () => {
    const { d, problems } = parse('jetson-tx2-l4t28.1-k4.4-boot-01.txt');
    expect(problems).toEqual([]);
    expect(d.format).toBe('dmesg');
    expect(d.records).toHaveLength(1024);
    expect(d.boots).toHaveLength(1);
    expect(d.boots[0]!.kernelVersion).toBe('4.4.38-tegra');
    expect(d.startsMidBoot).toBe(false);
    const smmu = d.records.find((r) => r.line === 127)!;
    expect(smmu).toMatchObject({ monotonic: 0.173966, subsystem: 'arm-smmu', device: '12000000.iommu', message: 'arm-smmu 12000000.iommu: SMMUv2 with:' });
    // TAB-indented sub-lines of the SMMU probe are grouped under it.
    expect(d.records.find((r) => r.line === 128)!.groupHead).toBe(d.records.indexOf(smmu));
  });

  it('Jetson Nano boot: cma line, leading-space continuation after the timestamp', () => {
    const { d } = parse('jetson-nano-jp4.2-k4.9.140-boot-01.txt');
    const cma = d.records.find((r) => r.line === 15)!;
    expect(cma).toMatchObject({ subsystem: 'cma', message: 'cma: Reserved 64 MiB at 0x00000000fac00000', monotonic: 0 });
    const vpr = d.records.find((r) => r.line === 274)!;
    expect(vpr.message.startsWith(' dma-vpr:')).toBe(true);
    expect(vpr.groupHead).toBe(d.records.findIndex((r) => r.line === 273));
  });

  it('kern.log (syslog prefix + dmesg stamp) reads like the same boot in dmesg', () => {
    const { d, problems } = parse('generic-ubuntu2004-k5.4-x86-kernlog-01.txt');
    expect(problems).toEqual([]);
    expect(d.format).toBe('syslog');
    expect(d.records[0]).toMatchObject({ wallClock: 'Feb 11 18:58:28', ident: 'kernel', monotonic: 0, line: 1 });
    expect(d.boots[0]!.kernelVersion).toBe('5.4.0-99-generic');
  });

  it('journalctl with catalog blocks: user-space lines and banners skipped, kernel lines kept', () => {
    const { d, problems } = parse('generic-rhcos-k4.18-journalctl-catalog-01.txt');
    expect(problems).toEqual([]);
    expect(d.format).toBe('journal-short');
    expect(d.records.every((r) => r.ident === 'kernel')).toBe(true);
    expect(d.skippedLines).toBeGreaterThan(100);
    expect(d.records[0]!.message).toMatch(/^Linux version 4\.18\.0/);
  });

  it('serial console: banner and bootloader lines skipped, kernel found at its first stamp', () => {
    const { d } = parse('jetson-tx2-l4t32-antmicro-serial-01.txt');
    expect(d.format).toBe('serial-console');
    expect(d.records[0]!.line).toBe(381);
    expect(d.boots[0]!.kernelVersion).toBe('4.9.140-antmicro');
    expect(d.startsMidBoot).toBe(false);
  });

  it('bootloader timestamps [0000.126] are not kernel time', () => {
    const { d } = parse('jetson-nano-jp4.2-bootloader-serial-01.txt');
    expect(d.records.every((r) => r.monotonic === undefined || r.monotonic < 1)).toBe(true);
    expect(d.skippedLines).toBeGreaterThan(300);
  });

  it('an excerpt starting mid-boot is flagged; bracketed hex in a message is not a timestamp', () => {
    const { d } = parse('jetson-xavier-nx-l4t32-audio-01.txt');
    expect(d.startsMidBoot).toBe(true);
    const r = d.records.find((x) => x.line === 45)!;
    expect(r.monotonic).toBe(534.757217);
    expect(r.message).toBe('tegra-asoc: sound: ASoC: no source widget found for [78 00] HPOUTL');
  });

  it('an oops with its continuation lines forms one group', () => {
    const { d } = parse('generic-rhel7-k3.10-x86-oops-01.txt');
    const g = d.groups.find((x) => x.kind === 'oops')!;
    expect(d.records[g.head]!.line).toBe(4);
    expect(d.records[g.last]!.line).toBeGreaterThanOrEqual(11);
    expect(d.records.find((r) => r.line === 9)!.groupHead).toBe(g.head);
  });
});

describe('dmesg formats from the signature catalogue', () => {
  it('dmesg -T, raw <N>, dmesg -x, journal ISO, logread and indented pastes', () => {
    const text = [
      '[Fri Sep 16 10:37:38 2022] Tasks state (memory values in pages):',
      '<4>[ 7530.032030] adec_send_aacst invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0',
      'kern  :err   : [  142.838190] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms',
      '2026-11-24T10:00:00+0000 orin kernel: nvgpu: 17000000.gpu     nvgpu_set_err_notifier_locked:143  [ERR]  error notifier set to 31 for ch 479 owned by consumer_thread',
      'Sat Jan 25 09:40:15 2020 kern.err kernel: [22043.040139] Out of memory: Kill process 1039 (netifd) score 2 or sacrifice child',
      '                  [ 5300.229390] watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]',
      'Jul 10 16:36:36 jetson-agx-orin-devkit kernel[851]: [   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12',
    ].join('\n');
    const { d, problems } = parse('mixed', text);
    expect(problems).toEqual([]);
    const [t, raw, x, iso, logread, indented, journal] = d.records;
    expect(t).toMatchObject({ wallClock: 'Fri Sep 16 10:37:38 2022', message: 'Tasks state (memory values in pages):' });
    expect(raw).toMatchObject({ level: 4, monotonic: 7530.03203 });
    expect(x).toMatchObject({ facility: 'kern', level: 3, monotonic: 142.83819, subsystem: 'tegra-camrtc-capture-vi' });
    expect(iso).toMatchObject({ ident: 'kernel', subsystem: 'nvgpu', device: '17000000.gpu' });
    expect(logread).toMatchObject({ monotonic: 22043.040139, message: 'Out of memory: Kill process 1039 (netifd) score 2 or sacrifice child' });
    expect(indented).toMatchObject({ monotonic: 5300.22939, subsystem: 'watchdog' });
    expect(journal).toMatchObject({ ident: 'kernel', monotonic: 13.879784, subsystem: 'cma' });
  });

  it('an OOM report is grouped from its header to the victim line', () => {
    const text = [
      '[  492.650000] python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0',
      '[  492.650100] CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1',
      '[  492.650200] Hardware name: NVIDIA Jetson Orin Nano Developer Kit (DT)',
      '[  492.650300] Call trace:',
      '[  492.650400]  dump_backtrace+0x0/0x1d0',
      '[  492.659000] Mem-Info:',
      '[  492.659081] Normal free:19112kB boost:0kB min:10428kB low:11228kB high:12028kB reserved_highatomic:0KB free_cma:13592kB',
      '[  492.674226] [  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name',
      '[  492.674300] [   2210]  1000  2210  2345678  1234567  9876543        0             0 python3',
      '[  492.680000] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=python3,pid=2210,uid=1000',
      '[  492.680100] Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:4938268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0',
      '[  492.700000] usb 1-2: new high-speed USB device number 3 using tegra-xusb',
    ].join('\n');
    const { d } = parse('oom', text);
    expect(d.groups).toEqual([{ kind: 'oom', head: 0, last: 10 }]);
    expect(d.records[10]!.groupHead).toBe(0);
    expect(d.records[11]!.groupHead).toBeUndefined();
  });

  it('a second boot appended to kern.log is found even when the first one lasted under a second', () => {
    const first = fixture('dmesg/generic-ubuntu2004-k5.4-x86-kernlog-01.txt').split('\n').slice(0, 200);
    const text = [...first, ...first.map((l) => l.replace('Feb 11', 'Feb 12'))].join('\n');
    const { d } = parse('kern.log', text);
    expect(d.boots.map((b) => [b.line, b.kernelVersion])).toEqual([[1, '5.4.0-99-generic'], [201, '5.4.0-99-generic']]);
  });

  it('journalctl "-- Reboot --" starts a new boot', () => {
    const text = [
      'Nov 24 08:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT',
      'Nov 24 09:00:00 orin kernel: soctherm: OC ALARM 0x00000001',
      '-- Reboot --',
      'Nov 24 09:01:30 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT',
      'Nov 24 09:01:31 orin systemd[1]: Started Journal Service.',
    ].join('\n');
    const { d } = parse('journal', text);
    expect(d.records.map((r) => r.boot)).toEqual([0, 0, 1]);
    expect(d.skippedLines).toBe(2);
  });

  it('time running back to zero starts a new boot segment', () => {
    const text = [
      '[    0.000000] Booting Linux on physical CPU 0x0',
      '[ 9000.000000] thermal thermal_zone4: critical temperature reached (128 C), shutting down',
      '[    0.000000] Booting Linux on physical CPU 0x0',
      '[    0.000000] Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT',
      '[    1.000000] cma: Reserved 256 MiB at 0x0000000100000000',
    ].join('\n');
    const { d } = parse('reboot', text);
    expect(d.boots.map((b) => b.line)).toEqual([1, 3]);
    expect(d.records.map((r) => r.boot)).toEqual([0, 0, 1, 1, 1]);
    expect(d.boots[1]!.kernelVersion).toBe('5.15.148-tegra');
  });
});
