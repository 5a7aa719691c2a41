/**
 * Kernel logs (src/parsers/dmesg/build.ts) where the builder decides at a limit: which plain
 * lines above the first stamped one are a serial console's banners and are dropped, the format
 * named for the capture (its votes after the drop, the serial-console rule's 10 %), and what
 * `dmesg -x` and journal captures vote for. Cases found by mutation testing
 * (docs/mutation-parsers.md, session 9); the lines are real kernel messages (the fixtures under
 * test/fixtures/dmesg) laid out as the captures named in each test print them.
 */
import { describe, expect, it } from 'vitest';
import { dmesgStream, parseDmesg } from '../../src/parsers/dmesg/build.js';
import { monoPrefix } from '../../src/parsers/dmesg/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { forEachTokenLine } from '../../src/parsers/common/chunked-lines.js';
import { dmesgChunkLexer, dmesgLexer } from '../../src/parsers/dmesg/tokens.js';
import { dmesgParser } from '../../src/parsers/dmesg/grammar.js';

function parse(text: string, file = 'dmesg') {
  const sink = new DiagnosticSink(file);
  const d = parseDmesg({ path: file, text, lineOffset: 0 }, sink);
  return { d, diags: sink.finish() };
}

/** Stamped kernel lines of a Jetson boot, `count` of them from `t0` seconds. */
const stamped = (count: number, t0 = 0.5) =>
  Array.from({ length: count }, (_, i) => `[${(t0 + i * 0.013).toFixed(6).padStart(12)}] tegra-xusb 3610000.xhci: Firmware timestamp: 2019-07-24 07:39:09 UTC, Version: 60.09 release`);
/** Lines a kernel printed without a stamp (continuations of `pr_cont`), as a serial console shows them. */
const unstampedLine = 'usb 1-2: new high-speed USB device number 3 using tegra-xusb';

describe('the format named for the capture', () => {
  it('an empty log is plain, with no boot and nothing skipped', () => {
    const { d } = parse('');
    expect(d.format).toBe('plain');
    expect(d.boots).toEqual([]);
    expect(d.skippedLines).toBe(0);
    expect(d.startsMidBoot).toBe(false);
  });

  it('one skipped line per ten kernel lines is not yet a serial console; more is', () => {
    const boot = '[0000.126] [TegraBoot] (version 00.00.2018.01-l4t-8728f3cb)';
    const ten = parse([boot, ...stamped(10)].join('\n')).d;
    expect(ten.skippedLines).toBe(1);
    expect(ten.records).toHaveLength(10);
    expect(ten.format).toBe('dmesg');
    const nine = parse([boot, ...stamped(9)].join('\n')).d;
    expect(nine.skippedLines).toBe(1);
    expect(nine.format).toBe('serial-console');
  });

  it('dmesg -x output cut by grep (`--` between the matches) stays dmesg -x', () => {
    const x = (t: string, msg: string) => `kern  :err   : [${t.padStart(12)}] ${msg}`;
    const text = [
      x('127.000000', 'arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI)'),
      '--',
      x('301.000000', 'arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI)'),
      '--',
      x('402.000000', 'nvgpu: 17000000.gpu     nvgpu_set_err_notifier_locked:143  [ERR]  error notifier set to 31'),
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.facility, r.level])).toEqual([[1, 'kern', 3], [3, 'kern', 3], [5, 'kern', 3]]);
    expect(d.skippedLines).toBe(2);
    expect(d.format).toBe('dmesg-x');
  });

  it('a short journal whose entry wraps onto indented lines is still journal-short', () => {
    const text = [
      'Nov 24 08:00:00 orin kernel: Linux version 5.15.148-tegra (buildbrain@mobile) #1 SMP PREEMPT',
      'Nov 24 08:00:01 orin kernel: Kernel command line: root=/dev/mmcblk0p1 rw rootwait',
      '    console=ttyTCU0,115200 fbcon=map:0',
      'Nov 24 08:00:02 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.groupHead])).toEqual([[1, undefined], [2, undefined], [3, 1], [4, undefined]]);
    expect(d.format).toBe('journal-short');
  });
});

describe('plain lines above the first stamped line (a serial console)', () => {
  it('are dropped when at least half the lines from the first stamp on are stamped', () => {
    // One U-Boot line, then the kernel: 6 stamped lines and 6 unstamped ones.
    const kernel = stamped(6).flatMap((l) => [l, unstampedLine]);
    const half = parse(['U-Boot 2020.04-g6b630d64fd (Feb 19 2021 - 08:38:59 -0800)', ...kernel].join('\n')).d;
    expect(half.records).toHaveLength(12);
    expect(half.records[0]!.line).toBe(2);
    expect(half.boots.map((b) => [b.line, b.firstRecord])).toEqual([[2, 0]]);
    // One more unstamped line: fewer than half are stamped, the U-Boot line stays a record.
    const fewer = parse(['U-Boot 2020.04-g6b630d64fd (Feb 19 2021 - 08:38:59 -0800)', ...kernel, unstampedLine].join('\n')).d;
    expect(fewer.records).toHaveLength(14);
    expect(fewer.records[0]!.line).toBe(1);
  });

  it('the dropped lines no longer count as plain-format lines', () => {
    // 6 stamped and 5 unstamped kernel lines under one U-Boot line: once it is dropped the
    // stamped lines are the most, so the capture is dmesg (1 skipped line of 11: no serial console).
    const kernel = [...stamped(6).slice(0, 5).flatMap((l) => [l, unstampedLine]), stamped(6)[5]!];
    const { d } = parse(['U-Boot 2020.04-g6b630d64fd (Feb 19 2021 - 08:38:59 -0800)', ...kernel].join('\n'));
    expect(d.records).toHaveLength(11);
    expect(d.skippedLines).toBe(1);
    expect(d.format).toBe('dmesg');
  });

  it('are kept when one of them has a level or a wall clock (a kernel line, not a banner)', () => {
    const kernel = stamped(8);
    const level = parse(['<6>Booting Linux on physical CPU 0x0', 'U-Boot 2020.04-g6b630d64fd (Feb 19 2021 - 08:38:59 -0800)', ...kernel].join('\n')).d;
    expect(level.records).toHaveLength(10);
    expect(level.records.slice(0, 2).map((r) => [r.line, r.level])).toEqual([[1, 6], [2, undefined]]);
    expect(level.skippedLines).toBe(0);
    const wall = parse(['[Fri Sep 16 10:37:38 2022] Booting Linux on physical CPU 0x0', ...kernel].join('\n')).d;
    expect(wall.records).toHaveLength(9);
    expect(wall.records[0]).toMatchObject({ line: 1, wallClock: 'Fri Sep 16 10:37:38 2022' });
    expect(wall.skippedLines).toBe(0);
  });

  it('a stamped line indented under the last dropped line is not left pointing at it', () => {
    const text = ['Starting kernel ...', '[    0.000000]   DMA      [mem 0x0000000080000000-0x00000000ffffffff]', ...stamped(4)].join('\n');
    const { d } = parse(text);
    expect(d.records[0]!.line).toBe(2);
    expect(d.records.map((r) => r.groupHead)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(d.groups).toEqual([]);
  });
});

describe('journal lines', () => {
  it('`-- Boot <id> --` and `-- Logs begin at` in a short-monotonic capture are skipped, not kernel messages', () => {
    const text = [
      '-- Logs begin at Mon 2026-11-23 08:00:00 UTC, end at Tue 2026-11-24 09:01:31 UTC. --',
      '[    0.000000] tegra-ubuntu kernel: Booting Linux on physical CPU 0x0',
      '[ 3600.000000] tegra-ubuntu kernel: thermal thermal_zone4: critical temperature reached (128 C), shutting down',
      '-- Boot 3f2a8d9c7b6e4a1f9d8c7b6a5e4d3c2b --',
      '[    0.000000] tegra-ubuntu kernel: Booting Linux on physical CPU 0x0',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.boot, r.message])).toEqual([
      [2, 0, 'Booting Linux on physical CPU 0x0'],
      [3, 0, 'thermal thermal_zone4: critical temperature reached (128 C), shutting down'],
      [5, 1, 'Booting Linux on physical CPU 0x0'],
    ]);
    expect(d.skippedLines).toBe(2);
  });

  it('a syslog entry whose message is empty (trailing blank stripped) is still the kernel\'s', () => {
    const text = ['Nov 24 08:00:00 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb', 'Nov 24 08:00:00 orin kernel:', 'Nov 24 08:00:01 orin kernel: usb 1-2: New USB device found'].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.ident, r.wallClock, r.message])).toEqual([
      [1, 'kernel', 'Nov 24 08:00:00', 'usb 1-2: new high-speed USB device number 3 using tegra-xusb'],
      [2, 'kernel', 'Nov 24 08:00:00', ''],
      [3, 'kernel', 'Nov 24 08:00:01', 'usb 1-2: New USB device found'],
    ]);
    expect(d.userspace).toBeUndefined();
  });
});

describe('sub-lines and continuations', () => {
  const fault = '[  127.000000] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI)';
  it('a tab after the driver prefix continues the same device\'s line; the next plain line of that device does not', () => {
    const text = [fault, '[  127.000010] arm-smmu 12000000.iommu: \tstage 1 translation fault', '[  127.000020] arm-smmu 12000000.iommu: GFSR 0x00000002, GFSYNR0 0x00000000', '[  128.000000] cma: cma_alloc: alloc failed'].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => r.groupHead)).toEqual([undefined, 0, undefined, undefined]);
    expect(d.groups).toEqual([{ kind: 'continuation', head: 0, last: 1 }]);
  });

  it('an excerpt that starts on an indented line reads it as the head of what follows', () => {
    const text = ['[  127.000020]   pc : nvgpu_mem_rd32+0x20/0x40', '[  127.000030]   lr : nvgpu_mem_rd32+0x18/0x40', fault].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.groupHead])).toEqual([[1, undefined], [2, 0], [3, undefined]]);
    expect(d.groups).toEqual([{ kind: 'continuation', head: 0, last: 1 }]);
  });

  it('an OOM report\'s lines that lost their stamps stay in the report; a stamped one much later does not', () => {
    const text = [
      '[  492.650000] python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0',
      'CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1',
      '[  900.000000] Hardware name: NVIDIA Jetson AGX Orin Developer Kit (DT)',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.groupHead])).toEqual([[1, undefined], [2, 0], [3, undefined]]);
    expect(d.groups).toEqual([{ kind: 'oom', head: 0, last: 1 }]);
  });
});

describe('boots', () => {
  it('unstamped: `Booting Linux` starts the next boot (and its version is the next line\'s); lines merely starting with B or L do not', () => {
    const body = Array.from({ length: 21 }, (_, i) => (i % 2 ? `Lowmem reserve ${i}: usb 1-${i} new device` : `Bluetooth: hci${i}: unexpected event`));
    const text = ['Booting Linux on physical CPU 0x0', 'Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)', ...body, 'Booting Linux on physical CPU 0x0', 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)', ...body].join('\n');
    const { d } = parse(text);
    expect(d.boots.map((b) => [b.line, b.firstRecord, b.kernelVersion])).toEqual([[1, 0, '4.9.140-tegra'], [24, 23, '4.9.253-tegra']]);
  });

  it('a banner right after the boot\'s own does not change its kernel version', () => {
    const text = ['Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)', 'usb 1-2: new device', 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)'].join('\n');
    const { d } = parse(text);
    expect(d.boots.map((b) => b.kernelVersion)).toEqual(['4.9.140-tegra']);
  });

  it('time back to zero after an unstamped line still starts a boot', () => {
    const { d } = parse(['[ 3600.000000] thermal thermal_zone4: critical temperature reached (128 C), shutting down', 'reboot: Power down', '[    0.500000] usb 1-2: new high-speed USB device number 3 using tegra-xusb'].join('\n'));
    expect(d.records.map((r) => r.boot)).toEqual([0, 0, 1]);
  });

  it('after `-- Reboot --` the unstamped lines that follow are one boot', () => {
    const { d } = parse(['[ 9000.000000] thermal thermal_zone4: critical temperature reached (128 C), shutting down', '-- Reboot --', 'Booting Linux on physical CPU 0x0', 'usb 1-2: new high-speed USB device number 3 using tegra-xusb'].join('\n'));
    expect(d.records.map((r) => [r.line, r.boot])).toEqual([[1, 0], [3, 1], [4, 1]]);
    expect(d.boots.map((b) => b.line)).toEqual([1, 3]);
  });
});

describe('stamped lines whose message starts like another prefix: the fast path leaves them to the grammar', () => {
  const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', ...Array.from({ length: 8 }, (_, k) => `local${k}`)];
  const LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
  function run(text: string, grammarOnly: boolean) {
    const sink = new DiagnosticSink('k');
    const p = dmesgStream({ path: 'k', lineOffset: 0 }, sink, {}, { grammarOnly });
    p.write(text);
    return { value: p.end(), diagnostics: sink.finish() };
  }
  const around = (line: string) => ['[    5.100000] usb 1-2: new high-speed USB device number 3 using tegra-xusb', line, '[    5.400000] usb 1-2: New USB device found'].join('\n');

  it('a `dmesg -x` facility and level after the stamp, for every facility (and `local0`-`local7`)', () => {
    FACILITIES.forEach((f, k) => {
      // Stamps of two shapes: `5.300000` and `5.399999` (a 9 five characters before the message).
      const line = `[    5.3${k % 2 ? '99999' : '00000'}] ${f}${' '.repeat(k % 3)}:${LEVELS[k % 8]}${' '.repeat(6 - LEVELS[k % 8]!.length)}: random: crng init done`;
      expect(monoPrefix(line), line).toBe(-1);
      const fast = run(around(line), false);
      expect(fast, line).toEqual(run(around(line), true));
      // The grammar reads a facility only before the stamp: the line is reported, not read.
      expect(fast.value.records.map((r) => r.line)).toEqual([1, 3]);
      expect(fast.diagnostics).toEqual([{ severity: 'warning', file: 'k', line: 2, code: 'dmesg.unexpected-line', message: `cannot read line at column 16 (${JSON.stringify(line.slice(15, 39) + '…')}); expected a kernel log line` }]);
    });
  });

  it('words that only start like a facility are messages, read on the fast path', () => {
    for (const w of ['kernel: x', 'local8:x', 'local:x', 'locale: x', 'local7x: y', 'users :x', 'ftpd: x', 'au: x', 'zram0: x', 'hwmon0: x', 'lpddr4: training done', 'bcm: x', 'Local7:x', 'v: x', 'usb 1-2: new device', 'cpu cpu0: x']) {
      const line = `[    5.300000] ${w}`;
      expect(monoPrefix(line), line).toBe(15);
      expect(run(around(line), false)).toEqual(run(around(line), true));
      expect(run(around(line), false).value.records[1]).toMatchObject({ line: 2, message: w, monotonic: 5.3 });
    }
  });

  it('a syslog or ISO head after the stamp (a kern.log pasted into a dmesg)', () => {
    for (const head of ['Nov 24 08:00:00 orin kernel: ', 'Jan  2 08:00:00 orin kernel: ', 'Zzz 24 08:00:00 orin kernel: ', 'Aaa 24 08:00:00 orin kernel: ', '2026-11-24T10:00:00+0000 orin kernel: ', '0000-01-01 00:00:00 orin kernel: ', '9999-12-31 23:59:59 orin kernel: ']) {
      const line = `[    5.300000] ${head}usb 1-2: new device`;
      expect(monoPrefix(line), line).toBe(-1);
      expect(run(around(line), false), line).toEqual(run(around(line), true));
    }
    for (const w of ['@bc 24 x', 'A`c 24 x', 'A{c 24 x', 'Ab` 24 x', 'Ab{ 24 x', 'Abcd 24', '/026-11-24 x', ':026-11-24 x', '2026/11-24 x', '202-11-24 x', '202x-11-24 x']) {
      const line = `[    5.300000] ${w}`;
      expect(monoPrefix(line), line).toBe(15);
      expect(run(around(line), false), line).toEqual(run(around(line), true));
    }
  });
});

describe('a long capture read by the chunked lexer (common/chunked-lines.ts)', () => {
  it('over 64 KiB, whose last line has no line end and crosses the 64 KiB mark: every line is handed over once', () => {
    // `dmesg -r` lines (level first), then a long command line as the last line.
    const lines = stamped(580).map((l) => `<6>${l}`);
    const last = `<6>[   12.000000] Kernel command line: ${Array.from({ length: 60 }, (_, k) => `tegra_param${k}=0x${(k * 4099).toString(16)}`).join(' ')}`;
    const head = lines.join('\n') + '\n';
    expect(head.length).toBeLessThan(64 * 1024);
    const text = head + last;
    expect(text.length).toBeGreaterThan(64 * 1024);
    const lp = { lexer: dmesgLexer(), parser: dmesgParser(), rule: () => null, expected: 'a kernel log line' };
    const seen: [number, string][] = [];
    const sink = new DiagnosticSink('k');
    forEachTokenLine({ path: 'k', text, lineOffset: 0 }, sink, lp, dmesgChunkLexer(), 'dmesg.unexpected-line', (tokens, line, n) => seen.push([n, tokens ? tokens.map((t) => t.tokenType.name).join(' ') : 'ERR']), { maxLineLength: 65536 });
    expect(sink.finish()).toEqual([]);
    expect(seen).toHaveLength(581);
    expect(seen.map(([n]) => n)).toEqual(Array.from({ length: 581 }, (_, k) => k + 1));
    expect(seen[580]).toEqual([581, 'LevelTag MonoTs Message']);
  });
});

describe('empty kernel messages', () => {
  it('an empty `dmesg -r` line (a bare newline printed by the kernel) is a record with an empty message', () => {
    const { d } = parse('<6>[    5.100000] usb 1-2: new device\n<6>[    5.200000] \n<6>[    5.300000] usb 1-2: New USB device found\n');
    expect(d.records.map((r) => [r.line, r.level, r.monotonic, r.message])).toEqual([[1, 6, 5.1, 'usb 1-2: new device'], [2, 6, 5.2, ''], [3, 6, 5.3, 'usb 1-2: New USB device found']]);
  });
});

describe('driver prefixes at the edges of the name characters', () => {
  it('names starting or holding `z`, `Z`, `a` or `A`, devices holding `@`, and a device run not followed by a blank', () => {
    const PREFIX_RE = /^([A-Za-z][\w.\-]*)(?: ([\w.:@\-]+))?: /;
    for (const msg of [
      'zram: Added device: zram0',
      'zswap: loaded using pool lzo/zbud',
      'ACPI: Interpreter disabled.',
      'ALSA device list:',
      'Zz: x',
      'aA: x',
      'regulator-fixed vdd-3v3@0: supplied by vdd_5v0',
      'tegra-i2c 3160000.i2c@0: x',
      'usb 1-2:/x',
      'usb 1-2:x y',
    ]) {
      const m = PREFIX_RE.exec(msg);
      const { d } = parse(`[    5.300000] ${msg}`);
      expect([d.records[0]!.subsystem, d.records[0]!.device], msg).toEqual(m ? [m[1], m[2]] : [undefined, undefined]);
    }
  });
});

describe('more record details', () => {
  it('a journal followed by the dmesg (one file): the WARNING\'s `cut here` line is a kernel record heading its report', () => {
    const text = [
      'Nov 24 08:00:00 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb',
      'Nov 24 08:00:01 orin kernel: usb 1-2: New USB device found, idVendor=0bda',
      '[  240.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb',
      '[  240.100000] ------------[ cut here ]------------',
      '[  240.100001] WARNING: CPU: 3 PID: 2210 at drivers/gpu/nvgpu/common/fifo/channel.c:1234 nvgpu_channel_close+0x40/0x60',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.line, r.message.slice(0, 20)])).toEqual([[1, 'usb 1-2: new high-sp'], [2, 'usb 1-2: New USB dev'], [3, 'usb 1-2: new high-sp'], [4, '------------[ cut he'], [5, 'WARNING: CPU: 3 PID:']]);
    expect(d.skippedLines).toBe(0);
    expect(d.groups.map((g) => [g.kind, g.head])).toContainEqual(['warning', 3]);
  });

  it('report words are not driver names, and a line not starting with a letter has none (not the line above\'s)', () => {
    const text = [
      '[  127.000000] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI)',
      '[  127.100000] 8<--- cut here ---',
      '[  240.100000] INFO: task kworker/u16:2:1234 blocked for more than 120 seconds.',
      '[  240.200000] BUG: scheduling while atomic: swapper/0/0/0x00000002',
      '[  240.300000] Modules linked in: nvgpu',
    ].join('\n');
    const { d } = parse(text);
    expect(d.records.map((r) => [r.subsystem, r.device])).toEqual([['arm-smmu', '12000000.iommu'], [undefined, undefined], [undefined, undefined], [undefined, undefined], [undefined, undefined]]);
  });

  it('as many unstamped continuation lines as stamped ones: the capture is still a dmesg (the first format seen wins a tie)', () => {
    const { d } = parse(['[    5.100000] usb 1-2: new high-speed USB device number 3 using tegra-xusb', 'usb 1-2: New USB device found, idVendor=0bda'].join('\n'));
    expect(d.format).toBe('dmesg');
  });

  it('two ramoops parts joined (each under its own pstore header): both headers are skipped', () => {
    const part = (k: number, t0: number) => [`Panic#1 Part${k}`, ...stamped(3, t0)];
    const { d } = parse([...part(2, 100), ...part(1, 200)].join('\n'));
    expect(d.records.map((r) => r.line)).toEqual([2, 3, 4, 6, 7, 8]);
    expect(d.skippedLines).toBe(2);
  });

  it('a short-monotonic journal line with a tab in its message (read by the grammar) loses its host and ident too', () => {
    const { d } = parse(['[    5.000000] tegra-ubuntu kernel: arm-smmu 12000000.iommu: Unhandled context fault', '[    5.000010] tegra-ubuntu kernel: arm-smmu 12000000.iommu: \tstage 1 translation fault'].join('\n'));
    expect(d.records.map((r) => [r.ident, r.prefix, r.message, r.subsystem])).toEqual([
      ['kernel', '[    5.000000] tegra-ubuntu kernel: ', 'arm-smmu 12000000.iommu: Unhandled context fault', 'arm-smmu'],
      ['kernel', '[    5.000010] tegra-ubuntu kernel: ', 'arm-smmu 12000000.iommu: \tstage 1 translation fault', 'arm-smmu'],
    ]);
  });

  it('unstamped: a banner replayed a few lines into the second boot (console handover) starts no third boot', () => {
    const body = Array.from({ length: 21 }, (_, i) => `usb 1-${i}: new high-speed USB device number ${i} using tegra-xusb`);
    const text = ['Linux version 4.9.140-tegra (buildbrain@mobile-u64-3531)', ...body, 'Booting Linux on physical CPU 0x0', 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)', ...body.slice(0, 8), 'printk: console [ttyS0] enabled, bootconsole disabled', 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5333)', ...body.slice(0, 3)].join('\n');
    const { d } = parse(text);
    expect(d.boots.map((b) => [b.line, b.kernelVersion])).toEqual([[1, '4.9.140-tegra'], [23, '4.9.253-tegra']]);
  });
});

describe('a line over the length limit', () => {
  it('is cut with a warning and read from what is kept; the lines around it are read as usual', () => {
    const long = `<6>[    5.200000] Kernel command line: ${'x'.repeat(300)}`;
    const sink = new DiagnosticSink('k');
    const d = parseDmesg({ path: 'k', text: ['<6>[    5.100000] usb 1-2: new device', long, '<6>[    5.300000] usb 1-2: New USB device found'].join('\n'), lineOffset: 0 }, sink, { maxLineLength: 200 });
    const diags = sink.finish();
    expect(diags.map((x) => [x.line, x.severity])).toEqual([[2, 'warning']]);
    expect(d.records.map((r) => [r.line, r.level, r.monotonic])).toEqual([[1, 6, 5.1], [2, 6, 5.2], [3, 6, 5.3]]);
    expect(d.records[1]!.message.startsWith('Kernel command line: xxx')).toBe(true);
  });
});

describe('a report pasted with an indent (quoted from a mail or an issue, no stamps)', () => {
  it('its head still starts an oops report, and its lines join it', () => {
    const text = [
      '  Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008',
      '  Mem abort info:',
      '    ESR = 0x96000006',
      '  Internal error: Oops: 96000006 [#1] PREEMPT SMP',
    ].join('\n');
    const { d } = parse(text);
    expect(d.groups.map((g) => [g.kind, g.head, g.last])).toEqual([['oops', 0, 2], ['oops', 3, 3]]);
  });
});

describe('formats and groups at their limits (2)', () => {
  const kernel = ['[  240.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb', '[  240.100000] usb 1-2: New USB device found, idVendor=0bda', '[  240.200000] usb 1-2: Product: USB3.0 Hub'];
  it('a journal (or kern.log) followed by the dmesg, with user-space entries skipped, is no serial console', () => {
    const user = (k: number) => `Nov 24 08:00:0${k} orin nvargus-daemon[1234]: Opening channel /dev/nvhost-vic failed`;
    const short = parse([`Nov 24 08:00:00 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb`, user(1), user(2), user(3), ...kernel].join('\n')).d;
    expect(short.skippedLines).toBe(3);
    expect(short.format).toBe('journal-short'); // 4 journal entries (user space counted) to 3 dmesg lines
    // `grep -A1 usb /var/log/kern.log; dmesg`: the grep's `--` separators are skipped.
    const kern = (t: string) => `Nov 24 08:00:00 orin kernel: [  ${t}] usb 1-2: new high-speed USB device number 3 using tegra-xusb`;
    const syslog = parse([kern('239.000000'), '--', kern('239.500000'), '--', ...kernel].join('\n')).d;
    expect(syslog.skippedLines).toBe(2);
    expect(syslog.format).toBe('dmesg');
  });

  it('`dmesg -r` output cut by grep (`--` between the matches) stays dmesg -r', () => {
    const { d } = parse(['<3>[  127.000000] arm-smmu 12000000.iommu: Unhandled context fault', '--', '<3>[  301.000000] arm-smmu 12000000.iommu: Unhandled context fault', '--', '<3>[  402.000000] cma: cma_alloc: alloc failed'].join('\n'));
    expect(d.skippedLines).toBe(2);
    expect(d.format).toBe('dmesg-raw');
  });

  it('a serial capture whose kernel part is half unstamped: a tie between stamped and plain lines names the first seen, plain', () => {
    // One U-Boot line, 5 stamped and 5 unstamped kernel lines: once U-Boot is dropped, 5 votes each.
    const k = stamped(5).flatMap((l) => [l, unstampedLine]);
    const { d } = parse(['U-Boot 2020.04-g6b630d64fd (Feb 19 2021 - 08:38:59 -0800)', ...k].join('\n'));
    expect(d.records).toHaveLength(10);
    expect(d.skippedLines).toBe(1);
    expect(d.format).toBe('plain');
  });

  it('sub-lines: a space after the prefix also continues the device\'s line; the first line of an excerpt has none above; another driver of the same device does not continue it', () => {
    const head = '[  127.000000] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x1f1000000, fsynr=0x11, cb=1, sid=32(0x20 - AFI)';
    expect(parse([head, '[  127.000010] arm-smmu 12000000.iommu:  GFSR 0x00000002, GFSYNR0 0x00000000'].join('\n')).d.records.map((r) => r.groupHead)).toEqual([undefined, 0]);
    expect(parse(['[  127.000010] arm-smmu 12000000.iommu: \tstage 1 translation fault', head].join('\n')).d.records.map((r) => r.groupHead)).toEqual([undefined, undefined]);
    expect(parse(['[    5.000000] tegra-xusb 3610000.xhci: Firmware timestamp: 2019-07-24 07:39:09 UTC', '[    5.000100] xhci-tegra 3610000.xhci: \tnew USB bus registered'].join('\n')).d.records.map((r) => r.groupHead)).toEqual([undefined, undefined]);
  });
});

describe('a level tag around a syslog head', () => {
  it('before it (syslog as sent on the wire, `<PRI>Mmm dd hh:mm:ss host tag: msg`) and after it (a kern.log keeping the kernel\'s `<N>`)', () => {
    const { d, diags } = parse(['<14>Nov 24 08:00:00 orin kernel: usb 1-2: new high-speed USB device number 3 using tegra-xusb', 'Nov 24 08:00:01 orin kernel: <4>[   12.000000] CPU1: shutdown'].join('\n'));
    expect(diags).toEqual([]);
    expect(d.records.map((r) => [r.line, r.level, r.ident, r.wallClock, r.monotonic, r.message])).toEqual([
      [1, 6, 'kernel', 'Nov 24 08:00:00', undefined, 'usb 1-2: new high-speed USB device number 3 using tegra-xusb'],
      [2, 4, 'kernel', 'Nov 24 08:00:01', 12, 'CPU1: shutdown'],
    ]);
    // One journal entry without a stamp, one syslog entry with one: a tie, the first seen wins; the
    // level tags are no `dmesg -r` capture.
    expect(d.format).toBe('journal-short');
  });
});
