/**
 * Kernel log records one field at a time: the verbatim prefix evidence quotes, level,
 * facility, ident, subsystem and device, lines skipped and why, boots, report groups, and the
 * format named for the capture. Lines are real (test/fixtures/dmesg, test/rules/data and the
 * signature catalogue); where a test lays them out another way (a journal, a paste) it says so.
 */
import { describe, expect, it } from 'vitest';
import { dmesgStream, parseDmesg } from '../../src/parsers/dmesg/build.js';
import { monoPrefix } from '../../src/parsers/dmesg/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture, realLog } from '../helpers/fixtures.js';

function parse(text: string, file = 'dmesg') {
  const sink = new DiagnosticSink(file);
  const d = parseDmesg({ path: file, text, lineOffset: 0 }, sink);
  return { d, diags: sink.finish() };
}

describe('record fields', () => {
  it('the prefix before the message is kept verbatim; trailing blanks leave the message', () => {
    const { d } = parse('[  142.838190] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms   \n<3>[ 7530.032030] cma: cma_alloc: alloc failed\nno prefix at all\n');
    expect(d.records.map((r) => [r.prefix, r.message])).toEqual([
      ['[  142.838190] ', 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
      ['<3>[ 7530.032030] ', 'cma: cma_alloc: alloc failed'],
      [undefined, 'no prefix at all'],
    ]);
  });

  it('levels: raw <N> with the facility bits masked off, and dmesg -x names', () => {
    const { d } = parse('<12>[    5.000000] systemd-journald[200]: Received SIGTERM\n<6>[    5.100000] usb 1-2: new device\nkern  :warn  : [    5.200000] nvgpu: 17000000.gpu gk20a_fifo_handle_pbdma_intr_0:2716 [ERR]  pbdma_intr_0(0):0x00080000\nuser  :notice: [    5.300000] random: crng init done\n');
    expect(d.records.map((r) => [r.level, r.facility])).toEqual([[4, undefined], [6, undefined], [4, 'kern'], [5, 'user']]);
    expect(d.records[2]).toMatchObject({ subsystem: 'nvgpu', device: '17000000.gpu' });
    expect(parse('kern  :info  : [    5.300000] random: crng init done\n').d.format).toBe('dmesg-x');
    expect(parse('<6>[    5.100000] usb 1-2: new device\n').d.format).toBe('dmesg-raw');
  });

  it('subsystem and device; report words are not subsystems; nvgpu names its device after the colon', () => {
    const text = [
      '[  127.000000] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI), pgd=0, pud=0, pmd=0, pte=0',
      '[  128.000000] cma: Reserved 64 MiB at 0x00000000fac00000',
      '[  129.000000] Out of memory: Killed process 2210 (python3) total-vm:9382712kB',
      '[  130.000000] Kernel panic - not syncing: hung_task: blocked tasks',
      '[  131.000000] nvgpu: 17000000.gpu     nvgpu_set_err_notifier_locked:143  [ERR]  error notifier set to 31',
      '[  132.000000] 1234: not a name',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.subsystem, r.device])).toEqual([
      ['arm-smmu', '12000000.iommu'],
      ['cma', undefined],
      [undefined, undefined],
      [undefined, undefined],
      ['nvgpu', '17000000.gpu'],
      [undefined, undefined],
    ]);
  });

  it('dmesg -T keeps the wall clock; plain lines have no time', () => {
    const t = parse('[Fri Sep 16 10:37:38 2022] Tasks state (memory values in pages):\n[Fri Sep 16 10:37:39 2022] oom-kill:constraint=CONSTRAINT_NONE\n');
    expect(t.d.records.map((r) => [r.wallClock, r.monotonic])).toEqual([['Fri Sep 16 10:37:38 2022', undefined], ['Fri Sep 16 10:37:39 2022', undefined]]);
    expect(t.d.format).toBe('dmesg-T');
    const p = parse('Booting Linux on physical CPU 0x0\nLinux version 4.9.140-tegra (buildbrain@mobile-u64-3531)\n');
    expect(p.d.format).toBe('plain');
    expect(p.d.records.every((r) => r.monotonic === undefined && r.wallClock === undefined)).toBe(true);
  });

  it('an empty log is a warning', () => {
    for (const text of ['', '\n   \n']) {
      expect(parse(text, 'dmesg.txt').diags).toEqual([{ file: 'dmesg.txt', severity: 'warning', code: 'dmesg.empty', message: 'no kernel messages found' }]);
    }
  });
});

describe('journals and syslog', () => {
  it('short-monotonic (previous boot): host and ident leave the message, the record is the kernel\'s', () => {
    const { d } = parse(realLog('journal-b1-tk1-oom-short-monotonic.log'));
    expect(d.records[0]).toMatchObject({ ident: 'kernel', monotonic: 0, message: 'Booting Linux on physical CPU 0x0', prefix: '[    0.000000] tegra-ubuntu kernel: ' });
    expect(d.boots[0]!.kernelVersion).toBe('4.9.140-tegra');
    expect(d.format).toBe('dmesg');
  });

  it('user-space entries are kept apart, their ident and time with them', () => {
    const { d } = parse(realLog('journal-meta-tegra-964-nvargus-failed.log'));
    expect(d.records).toEqual([]);
    expect(d.skippedLines).toBe(6);
    expect(d.userspace!.map((r) => r.ident)).toEqual(['systemd', 'nvargus-daemon', 'nvargus-daemon', 'nvargus-daemon', 'systemd', 'systemd']);
    expect(d.userspace![2]).toMatchObject({ line: 3, wallClock: 'Apr 19 01:53:18', message: "Couldn't create ddkvic Session: Cannot allocate memory", boot: 0 });
    expect(d.format).toBe('journal-short');
  });

  it('journald\'s indented wrapped lines follow their entry: kept under a kernel entry, skipped under a user one', () => {
    // The show-mem counters of raspberrypi/linux#3872 as journalctl prints a wrapped kernel entry.
    const text = [
      'Nov 24 09:00:00 orin kernel: active_anon:242 inactive_anon:7885 isolated_anon:0',
      '                active_file:25813 inactive_file:6405 isolated_file:163',
      'Nov 24 09:00:01 orin nvargus-daemon[522]: Opening channel /dev/nvhost-vic failed  ',
      '                continued text of the daemon',
      'Nov 24 09:00:02 orin kernel: cma: cma_alloc: alloc failed, req-size: 62864 pages, ret: -12',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.ident])).toEqual([[1, 'kernel'], [2, 'kernel'], [5, 'kernel']]);
    expect(d.records[1]!.groupHead).toBe(0);
    expect(d.skippedLines).toBe(2);
    expect(d.userspace!.map((r) => r.message)).toEqual(['Opening channel /dev/nvhost-vic failed']);
  });

  it('a catalog line inside a boot does not end it', () => {
    const text = ['Nov 24 08:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT', '-- Subject: A start job for unit nvargus-daemon.service has finished successfully', 'Nov 24 08:00:01 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb'].join('\n');
    expect(parse(text).d.boots).toHaveLength(1);
  });

  it('journal separators and catalog lines are skipped; -- Reboot -- ends the boot', () => {
    const text = [
      '-- Logs begin at Mon 2026-11-23 08:00:00 UTC, end at Tue 2026-11-24 09:01:31 UTC. --',
      'Nov 24 08:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT',
      '-- Subject: A start job for unit nvargus-daemon.service has finished successfully',
      '-- Defined-By: systemd',
      '--',
      '-- Reboot --',
      'Nov 24 09:01:30 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.boot])).toEqual([[2, 0], [7, 1]]);
    expect(d.boots.map((b) => b.line)).toEqual([2, 7]);
    expect(d.skippedLines).toBe(5);
    expect(d.format).toBe('journal-short');
  });

  it('a -- Reboot -- in a plain paste also starts a new boot', () => {
    const text = ['[ 9000.000000] thermal thermal_zone4: critical temperature reached (128 C), shutting down', '-- Reboot --', '[ 9100.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb', '[ 9101.000000] usb 1-2: New USB device found'].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => r.boot)).toEqual([0, 1, 1]);
    expect(d.skippedLines).toBe(1);
  });

  it('journal ISO heads vote for their own format', () => {
    const { d } = parse('2026-11-24T10:00:00+0000 orin kernel: nvgpu: 17000000.gpu     nvgpu_set_err_notifier_locked:143  [ERR]  error notifier set to 31 for ch 479\n2026-11-24T10:00:01+0000 orin kernel: usb 1-2: new device\n');
    expect(d.format).toBe('journal-iso');
    expect(d.records[0]).toMatchObject({ wallClock: '2026-11-24T10:00:00+0000', ident: 'kernel' });
  });
});

describe('skipped lines', () => {
  it('the -- between groups of `dmesg | grep -A` output is not a message', () => {
    const text = ['[  492.650000] python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0', '[  492.650100] CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1', '--', '[  901.000000] python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0'].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(d.skippedLines).toBe(1);
    expect(d.boots).toHaveLength(1);
  });

  it('a pstore record header above a dmesg does not make it a serial console', () => {
    const boot = fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt').split('\n').slice(0, 40).join('\n');
    const { d } = parse(`Oops#1 Part1\n${boot}`);
    expect(d.skippedLines).toBe(1);
    expect(d.format).toBe('dmesg');
  });


  it('pstore record headers and bootloader stamps are not kernel messages', () => {
    const text = ['Panic#1 Part1', fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt').split('\n').slice(0, 6).join('\n'), '[0000.126] [TegraBoot] (version 00.00.2018.01-l4t-8728f3cb)'].join('\n');
    const { d } = parse(text);
    expect(d.skippedLines).toBe(2);
    expect(d.records[0]!.line).toBe(2);
    expect(d.records.at(-1)!.line).toBe(7);
  });
});

describe('boots', () => {
  it('a banner well after the last one starts a boot in an unstamped log; one right after the last does not', () => {
    const body = Array.from({ length: 21 }, (_, i) => `usb 1-${i}: new high-speed USB device number ${i} using tegra-xusb`);
    const text = ['Booting Linux on physical CPU 0x0', 'Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)', ...body, 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)'].join('\n');
    const { d } = parse(text);
    expect(d.boots.map((b) => [b.line, b.kernelVersion])).toEqual([[1, '4.9.140-tegra'], [24, '4.9.253-tegra']]);
    const short = parse(['Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)', ...body.slice(0, 19), 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)'].join('\n')).d;
    expect(short.boots).toHaveLength(1);
  });

  it('stamped: a banner counts only when time went back; time must fall below 5 s to restart alone', () => {
    const later = parse('[    0.000000] Linux version 5.15.148-tegra (a)\n[    3.000000] x: y\n[    4.000000] Linux version 5.15.148-tegra (b)\n').d;
    expect(later.boots).toHaveLength(1);
    const back = parse('[    0.000000] Linux version 5.15.148-tegra (a)\n[    3.000000] x: y\n[    2.500000] Linux version 5.15.149-tegra (b)\n').d;
    expect(back.boots.map((b) => b.kernelVersion)).toEqual(['5.15.148-tegra', '5.15.149-tegra']);
    const notZero = parse('[  100.000000] x: a\n[   50.000000] x: b\n[    5.000000] x: c\n[    4.000000] x: d\n').d;
    expect(notZero.boots.map((b) => b.line)).toEqual([1]);
    const zero = parse('[  100.000000] x: a\n[    4.900000] x: b\n').d;
    expect(zero.boots.map((b) => b.line)).toEqual([1, 2]);
    const jitter = parse('[    4.500000] x: a\n[    3.600000] x: b\n').d;
    expect(jitter.boots).toHaveLength(1);
  });

  it('an excerpt starting mid-boot is flagged; one starting at its banner, or under a second of uptime, is not', () => {
    expect(parse('[  534.757217] tegra-asoc: sound: ASoC: no source widget found\n').d.startsMidBoot).toBe(true);
    expect(parse('[    0.900000] cma: Reserved 64 MiB\n').d.startsMidBoot).toBe(false);
    expect(parse('[    1.000000] cma: Reserved 64 MiB\n').d.startsMidBoot).toBe(false);
    expect(parse('[    1.000001] cma: Reserved 64 MiB\n').d.startsMidBoot).toBe(true);
    expect(parse('x: a\nx: b\nx: c\nx: d\nLinux version 4.9.140-tegra (buildbrain@mobile)\n').d.startsMidBoot).toBe(false);
    expect(parse('x: a\nx: b\nx: c\nx: d\nx: e\nLinux version 4.9.140-tegra (buildbrain@mobile)\n').d.startsMidBoot).toBe(true);
  });
});

describe('report groups', () => {
  it('each kind of report head starts its group', () => {
    const heads = [
      ['Renderer: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=user.slice,mems_allowed=0', 'page-alloc-failure'],
      ['Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008', 'oops'],
      ['Internal error: Oops: 96000005 [#1] PREEMPT SMP', 'oops'],
      ['BUG: kernel NULL pointer dereference, address: 0000000000000008', 'oops'],
      ['------------[ cut here ]------------', 'warning'],
      ['WARNING: CPU: 2 PID: 1034 at drivers/gpu/nvgpu/common/fifo/channel.c:1432 nvgpu_channel_free+0x3c/0x4c0', 'warning'],
      ['INFO: task jbd2/vda2-8:472 blocked for more than 120 seconds.', 'hung-task'],
      ['python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0', 'oom'],
    ];
    for (const [line, kind] of heads) {
      const { d } = parse(`[  100.000000] ${line}\n[  100.000100] CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1\n`);
      expect(d.groups, line).toEqual([{ kind, head: 0, last: 1 }]);
    }
    // Through the cheap gate (`BUG: `) but no head pattern: no report.
    expect(parse('[  100.000000] BUG: scheduling while atomic: swapper/0/0/0x00000002\n[  100.000100] CPU: 3 PID: 0\n').d.groups).toEqual([]);
  });

  it('continuation lines more than 2 s after the report do not join it', () => {
    const { d } = parse('[  100.000000] INFO: task jbd2/vda2-8:472 blocked for more than 120 seconds.\n[  103.000000] Call trace:\n[  103.500000] Call trace:\n');
    expect(d.groups).toEqual([{ kind: 'hung-task', head: 0, last: 0 }]);
    expect(d.records[1]!.groupHead).toBeUndefined();
    const near = parse('[  100.000000] INFO: task jbd2/vda2-8:472 blocked for more than 120 seconds.\n[  102.000000] Call trace:\n').d;
    expect(near.groups).toEqual([{ kind: 'hung-task', head: 0, last: 1 }]);
  });

  it('an OOM group closes at its victim line; indented sub-lines of one device form a continuation group', () => {
    const text = [
      '[  492.650000] python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0',
      '[  492.680100] Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:4938268kB',
      '[  492.680200] Node 0 active_anon:968kB inactive_anon:32280kB',
      '[    0.173966] arm-smmu 12000000.iommu: SMMUv2 with:',
      '[    0.173970] arm-smmu 12000000.iommu: \tstage 1 translation',
      '[    0.173975] arm-smmu 12000000.iommu: \tstage 2 translation',
      '[    0.173980] arm-smmu 13000000.iommu: \tstage 1 translation',
    ].join('\n');
    const { d } = parse(text);
    expect(d.groups).toEqual([
      { kind: 'oom', head: 0, last: 1 },
      { kind: 'continuation', head: 3, last: 5 },
    ]);
    expect(d.records.map((r) => r.groupHead)).toEqual([undefined, 0, undefined, undefined, 3, 3, undefined]);
  });

  it('in a stamped log an unstamped line continues the line above', () => {
    const { d } = parse('[  100.000000] Kernel panic - not syncing: hung_task: blocked tasks\nSMP: stopping secondary CPUs\n');
    expect(d.records[1]!.groupHead).toBe(0);
    expect(d.groups).toEqual([{ kind: 'continuation', head: 0, last: 1 }]);
  });
});

describe('serial consoles', () => {
  it('banner lines before the first stamp are dropped, record indexes and groups shifted with them', () => {
    const serial = fixture('dmesg/jetson-tx2-l4t32-antmicro-serial-01.txt').split('\n').slice(0, 700);
    const { d } = parse(serial.join('\n'));
    expect(d.records[0]!.line).toBe(381);
    expect(d.boots[0]).toMatchObject({ firstRecord: 0, line: 381 });
    expect(d.format).toBe('serial-console');
    // the same kernel lines without the bootloader text before them
    const direct = parse(serial.slice(380).join('\n')).d;
    expect(d.skippedLines - direct.skippedLines).toBeGreaterThan(300);
    expect(d.records.map((r) => r.line - 380)).toEqual(direct.records.map((r) => r.line));
    expect(direct.groups.length).toBeGreaterThan(0);
    expect(d.records.map((r) => r.groupHead)).toEqual(direct.records.map((r) => r.groupHead));
    expect(d.groups).toEqual(direct.groups);
  });

  it('a report starting at the first stamped line keeps its group when the banner lines are dropped', () => {
    const serial = fixture('dmesg/jetson-tx2-l4t32-antmicro-serial-01.txt').split('\n').slice(0, 3);
    const boot = fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt').split('\n');
    const text = [...serial, ...boot.slice(126, 131), ...boot.slice(131, 160)].join('\n');
    const { d } = parse(text);
    expect(d.records[0]!.message).toBe('arm-smmu 12000000.iommu: SMMUv2 with:');
    expect(d.records.slice(1, 4).map((r) => r.groupHead)).toEqual([0, 0, 0]);
    expect(d.groups[0]).toEqual({ kind: 'continuation', head: 0, last: 4 });
  });

  it('plain lines before the first stamp stay when the log is not mostly stamped', () => {
    const { d } = parse('first plain line\n[    1.000000] cma: Reserved 64 MiB\nsecond plain line\nthird\nfourth\n');
    expect(d.records).toHaveLength(5);
    expect(d.skippedLines).toBe(0);
    expect(d.format).toBe('plain');
  });
});

describe('the fast path agrees with the grammar on the lines where they could part', () => {
  function both(text: string) {
    const run = (grammarOnly: boolean) => {
      const sink = new DiagnosticSink('k');
      const p = dmesgStream({ path: 'k', lineOffset: 0 }, sink, { tegrastatsIntervalSeconds: 1 }, { grammarOnly });
      p.write(text);
      return { value: p.end(), diagnostics: sink.finish() };
    };
    return [run(false), run(true)] as const;
  }

  it.each([
    // usual lines: the fast path takes them
    ['[  142.838190] cma: cma_alloc: alloc failed', 15],
    ['[1.000000] cma: Reserved 64 MiB', 11],
    ['[ 1234.567] x: y', 12],
    ['[    5.000000]  two blanks: kept in the message', 15],
    ['[    5.000000]', 14],
    ['[    5.000000]x', 14],
    ['[    5.000000] kernel: not a facility', 15],
    ['[    5.000000] 2026 was the year', 15],
    // lines the grammar must read
    ['[0000.126] [TegraBoot] (version 00.00.2018.01-l4t-8728f3cb)', -1],
    ['[    5.000000] <6>usb 1-2: new device', -1],
    ['[    5.000000]  <6>usb 1-2: new device', -1],
    ['[    5.000000] [    6.000000] doubled stamp', -1],
    ['[    5.000000] kern  :info  : usb 1-2: new device', -1],
    ['[    5.000000] Nov 24 10:00:00 orin kernel: usb 1-2', -1],
    ['[    5.000000] 2026-11-24T10:00:00+0000 orin kernel: usb', -1],
    ['[    5.000000] arm-smmu 12000000.iommu: \tstage 1 translation', -1],
    ['[    5.000000] cma: Reserved 64 MiB\r', -1],
    ['[    .000000] x', -1],
    ['[    5.] x', -1],
    ['[    5.000000 x', -1],
    ['[    5,000000] x', -1],
    [' [    5.000000] x', -1],
  ])('%s', (line, at) => {
    expect(monoPrefix(line)).toBe(at);
    const text = `[    1.000000] Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)\n${line}\n[    9.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb\n`;
    const [fast, grammar] = both(text);
    expect(fast).toEqual(grammar);
  });
});
