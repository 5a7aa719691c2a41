/**
 * The kernel-panic and usb-reconnect-loop rules (src/rules/builtin/kernel-panic.ts,
 * usb-reconnect-loop.ts) where a changed window, key or count would change the verdict,
 * figures or evidence (issue #14, mutation testing). Everything runs inside the `it` bodies.
 *
 * Kernel lines: the hung-task, soft-lockup and panic lines of the rule's own tests (public
 * reports: balena-jetson#166, ArduCAM MIPI_Camera#145) and the Orin NX R36.5 USB loop (NVIDIA
 * forum thread 367500), re-stamped where a case needs other times.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import type { Finding } from '../../src/rules/types.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import { inLogOrder, type SignatureHit } from '../../src/rules/signatures/match.js';

const findings = (id: string, files: Record<string, string>) => runRules([ruleById(id)], snapshotFromFiles(files), { signatures: SIGNATURES }).findings;
const figure = (f: Finding, label: string) => f.figures.find((x) => x.label === label)?.value;
const where = (f: Finding) => f.evidence.map((e) => `${e.file}:${e.line}`);

const HUNG = 'INFO: task balenad:4049 blocked for more than 120 seconds.';
const PANIC_HUNG = 'Kernel panic - not syncing: hung_task: blocked tasks';
/** `n` stack lines, as the hung-task detector prints between its line and the panic. */
const stack = (t: number, n: number): [number, string][] => Array.from({ length: n }, (_, k) => [t + k * 1e-6, `[<ffffff80080${String(83900 + k).padStart(5, '0')}>] el0_svc_naked+0x34/0x38`]);

describe('kernel-panic: the trigger window', () => {
  it('a detector line 400 lines above the panic is quoted; 401 lines above, it is not', () => {
    // Three boot lines first: the window is counted from the panic, not from the top of the log.
    const lead: [number, string][] = [[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [0, 'Machine model: NVIDIA Jetson Xavier NX Developer Kit'], [0.5, 'arm-smmu 12000000.iommu: probing hardware configuration...']];
    const at = (gap: number) => findings('kernel-panic', { dmesg: dmesg([...lead, [243.5, HUNG], ...stack(243.51, gap - 1), [243.6, PANIC_HUNG]]) })[0]!;
    const near = at(400);
    expect(near.verdict).toBe(`The kernel panicked: hung_task: blocked tasks, set off by: ${HUNG.replace(/\.$/, '')}.`);
    expect(near.signatures).toEqual(['kernel-panic', 'hung-task']);
    expect(where(near)).toEqual(['dmesg:4', 'dmesg:404']);
    const far = at(401);
    expect(far.verdict).toBe('The kernel panicked: hung_task: blocked tasks.');
    expect(far.signatures).toEqual(['kernel-panic']);
  });

  it('a detector line exactly 60 s before the panic is quoted', () => {
    const f = findings('kernel-panic', { dmesg: dmesg([[200, HUNG], [260, PANIC_HUNG]]) })[0]!;
    expect(f.verdict).toMatch(/, set off by: INFO: task balenad:4049 blocked/);
  });

  it('the detector line of the boot before (another log file) is not this panic\'s trigger', () => {
    // dmesg.0: the previous boot ended with a hung task and no panic; dmesg: this boot panicked.
    const f = findings('kernel-panic', {
      'dmesg.0': dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [500, HUNG]]),
      dmesg: dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [30, PANIC_HUNG]]),
    })[0]!;
    expect(f.verdict).toBe('The kernel panicked: hung_task: blocked tasks.');
    expect(where(f)).toEqual(['dmesg:2']);
  });
});

describe('kernel-panic: which detector line', () => {
  const SOFT = 'watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]';
  const HARD = 'NMI watchdog: Watchdog detected hard LOCKUP on cpu 3';

  it('a soft-lockup panic quotes the soft-lockup line even when a hard-lockup line is closer', () => {
    const f = findings('kernel-panic', { dmesg: dmesg([[5300.1, SOFT], [5300.2, HARD], [5300.3, 'Kernel panic - not syncing: softlockup: hung tasks']]) })[0]!;
    expect(f.verdict).toBe(`The kernel panicked: softlockup: hung tasks, set off by: ${SOFT}.`);
    expect(where(f)).toEqual(['dmesg:1', 'dmesg:3']);
  });

  it('a hard-lockup panic quotes the hard-lockup line even when a soft-lockup line is closer', () => {
    const f = findings('kernel-panic', { dmesg: dmesg([[812.0, HARD], [812.1, SOFT], [812.2, 'Kernel panic - not syncing: Hard LOCKUP']]) })[0]!;
    expect(f.verdict).toBe(`The kernel panicked: Hard LOCKUP, set off by: ${HARD}.`);
  });

  it('a reason that names no detector (root fs not found): the reason alone', () => {
    const f = findings('kernel-panic', { dmesg: dmesg([[3.2, HUNG], [3.9, 'Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(179,1)']]) })[0]!;
    expect(f.verdict).toBe('The kernel panicked: VFS: Unable to mount root fs on unknown-block(179,1).');
    expect(f.signatures).toEqual(['kernel-panic']);
  });

  it('only the final full stop of the detector line is dropped', () => {
    const f = findings('kernel-panic', { dmesg: dmesg([[243.5, 'INFO: task gst-launch-1.0:4049 blocked for more than 120 seconds.'], [243.6, PANIC_HUNG]]) })[0]!;
    expect(f.verdict).toBe('The kernel panicked: hung_task: blocked tasks, set off by: INFO: task gst-launch-1.0:4049 blocked for more than 120 seconds.');
  });

  it('the detector line of the boot before in the same file is not this panic\'s trigger', () => {
    const boot = 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]';
    const f = findings('kernel-panic', { dmesg: dmesg([[0, boot], [500, HUNG], [0, boot], [30, PANIC_HUNG]]) })[0]!;
    expect(f.verdict).toBe('The kernel panicked: hung_task: blocked tasks.');
  });
});

describe('kernel-panic: several panics', () => {
  it('two panics in one boot, each with its own detector line: the first keeps its own, the second is found past the first', () => {
    const f = findings('kernel-panic', {
      dmesg: dmesg([[100, 'INFO: task sync:40 blocked for more than 120 seconds.'], [100.1, PANIC_HUNG], [100.2, 'INFO: task jbd2/mmcblk0p1-:212 blocked for more than 120 seconds.'], [100.3, PANIC_HUNG]]),
    })[0]!;
    expect(f.verdict).toBe('The kernel panicked: hung_task: blocked tasks, set off by: INFO: task sync:40 blocked for more than 120 seconds.');
    expect(where(f)).toEqual(['dmesg:1', 'dmesg:2', 'dmesg:3', 'dmesg:4']);
  });

  it('panics in two boots: the first in log order leads, both triggers are named, first and last seen', () => {
    const f = findings('kernel-panic', {
      dmesg: dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [120, HUNG], [120.5, PANIC_HUNG]]),
      'dmesg.0': dmesg([[0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [5300.22939, 'watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]'], [5300.23, 'Kernel panic - not syncing: softlockup: hung tasks']]),
    });
    expect(f.length).toBe(1);
    const p = f[0]!;
    expect(p.verdict).toBe('The kernel panicked: softlockup: hung tasks, set off by: watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629].');
    expect(p.signatures).toEqual(['kernel-panic', 'soft-lockup', 'hung-task']);
    expect(figure(p, 'occurrences')).toBe(2);
    expect(String(figure(p, 'first seen'))).toMatch(/^1:28:20/);
    expect(String(figure(p, 'last seen'))).toMatch(/^0:02:00/);
    expect(where(p)).toEqual(['dmesg.0:2', 'dmesg.0:3', 'dmesg:2', 'dmesg:3']);
  });

  it('one panic: no last-seen figure', () => {
    const p = findings('kernel-panic', { dmesg: dmesg([[120, HUNG], [120.5, PANIC_HUNG]]) })[0]!;
    expect(p.figures.map((x) => x.label)).toEqual(['occurrences', 'first seen']);
  });
});

// ---- usb-reconnect-loop

const disc = (port: string, n: number) => `usb ${port}: USB disconnect, device number ${n}`;
const enumd = (port: string, n: number) => `usb ${port}: new SuperSpeed USB device number ${n} using tegra-xusb`;
/** `cycles` disconnect/re-enumerate pairs on `port`, `stepS` seconds apart, from `t0`, device numbers from `num`. */
const loop = (port: string, cycles: number, stepS: number, t0 = 100, num = 4): [number, string][] =>
  Array.from({ length: cycles }, (_, k): [number, string][] => [[t0 + k * stepS, disc(port, num + k)], [t0 + k * stepS + 1, enumd(port, num + k + 1)]]).flat();

describe('usb-reconnect-loop: bursts', () => {
  it('without time stamps the span is counted in log lines', () => {
    const lines = loop('2-2', 4, 5).map(([, m]) => m);
    const f = findings('usb-reconnect-loop', { dmesg: lines.join('\n') + '\n' })[0]!;
    // Four disconnects on lines 1, 3, 5, 7; the last re-enumeration (line 8) came after the last disconnect.
    expect(f.verdict).toBe('The USB device on port 2-2 dropped off the bus 4 time(s) in 7 log lines and was enumerated again 3 time(s) in between (device numbers 4 to 7): it keeps resetting or losing its link.');
    expect(figure(f, 're-enumerations')).toBe(3);
    expect(figure(f, 'first seen')).toBe('line 1');
    expect(figure(f, 'last seen')).toBe('line 7');
    expect(where(f)).toEqual(['dmesg:1', 'dmesg:2', 'dmesg:3', 'dmesg:4', 'dmesg:5', 'dmesg:6', 'dmesg:7']);
  });

  it('a loop over ten minutes gives its span as h:mm:ss', () => {
    // Twelve disconnects 55 s apart: 605 s from the first to the last.
    const f = findings('usb-reconnect-loop', { dmesg: dmesg(loop('1-3', 12, 55)) })[0]!;
    expect(f.verdict).toMatch(/dropped off the bus 12 time\(s\) in 0:10:05 \(h:mm:ss\) and was enumerated again 11 time\(s\)/);
    expect(figure(f, 'disconnects')).toBe(12);
    expect(figure(f, 'host controller')).toBe('tegra-xusb');
  });

  it('a span of exactly ten minutes is given as h:mm:ss', () => {
    const f = findings('usb-reconnect-loop', { dmesg: dmesg(loop('1-3', 11, 60)) })[0]!;
    expect(f.verdict).toMatch(/dropped off the bus 11 time\(s\) in 0:10:00 \(h:mm:ss\)/);
  });

  it('four disconnects and the device back only after the last: not a loop', () => {
    const lines: [number, string][] = [[100, disc('1-3', 4)], [101, disc('1-3', 5)], [102, disc('1-3', 6)], [103, disc('1-3', 7)], [104, enumd('1-3', 8)]];
    expect(findings('usb-reconnect-loop', { dmesg: dmesg(lines) })).toEqual([]);
  });

  it('a pause over a minute ends a burst: 61 s apart is no loop, 60 s apart is', () => {
    expect(findings('usb-reconnect-loop', { dmesg: dmesg(loop('1-3', 4, 61)) })).toEqual([]);
    const f = findings('usb-reconnect-loop', { dmesg: dmesg(loop('1-3', 4, 60)) })[0]!;
    expect(f.verdict).toMatch(/4 time\(s\) in 180 s/);
  });

  it('the device found at boot, before any disconnect, is not a re-enumeration', () => {
    const f = findings('usb-reconnect-loop', { dmesg: dmesg([[2, enumd('2-2', 3)], ...loop('2-2', 4, 5)]) })[0]!;
    expect(figure(f, 're-enumerations')).toBe(3);
    expect(where(f)[0]).toBe('dmesg:2');
  });

  it('two disconnects of the port in each of two boots are not one burst of four', () => {
    const boot = 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]';
    const two = (t0: number): [number, string][] => [[0, boot], ...loop('2-2', 2, 5, t0)];
    expect(findings('usb-reconnect-loop', { 'dmesg.0': dmesg(two(100)), dmesg: dmesg(two(10)) })).toEqual([]);
    // Two boots of one file (the boot banner in the middle): not one burst either.
    const one = dmesg([...two(100), ...two(120)]);
    expect(findings('usb-reconnect-loop', { dmesg: one })).toEqual([]);
  });
});

describe('log order of hits (inLogOrder, used by the crash and USB rules)', () => {
  // Hits as the scan makes them: kernel lines index the merged kernel log (oldest boot first),
  // user-space lines index dmesg.userspace and are ordered by file, then line.
  const hit = (over: Partial<SignatureHit>): SignatureHit => ({ signatureId: 's', pattern: 0, role: 'primary', record: 0, line: 1, groups: {}, text: '', message: '', joined: false, boot: 0, ...over });

  it('kernel lines by record, across files: the boot before (dmesg.0) first', () => {
    const prev = hit({ record: 3, line: 40, file: 'dmesg.0' });
    const cur = hit({ record: 9, line: 2, file: 'dmesg' });
    expect([cur, prev].sort(inLogOrder)).toEqual([prev, cur]);
    expect(inLogOrder(prev, cur)).toBeLessThan(0);
    expect(inLogOrder(cur, prev)).toBeGreaterThan(0);
    expect(inLogOrder(cur, cur)).toBe(0);
  });

  it('kernel lines before user-space lines, whatever their numbers', () => {
    const k = hit({ record: 50, line: 50 });
    const u = hit({ record: 1, line: 1, userspace: true, file: 'var/log/syslog' });
    expect(inLogOrder(k, u)).toBeLessThan(0);
    expect(inLogOrder(u, k)).toBeGreaterThan(0);
  });

  it('user-space lines by file name, then line, not by record', () => {
    const a = hit({ record: 7, line: 30, userspace: true, file: 'journal.txt' });
    const b = hit({ record: 2, line: 10, userspace: true, file: 'syslog' });
    const c = hit({ record: 1, line: 12, userspace: true, file: 'syslog' });
    expect([c, b, a].sort(inLogOrder)).toEqual([a, b, c]);
    expect(inLogOrder(b, c)).toBeLessThan(0);
    expect(inLogOrder(c, c)).toBe(0);
    // A line without a file name sorts before the named ones.
    expect(inLogOrder(hit({ record: 9, line: 99, userspace: true }), a)).toBeLessThan(0);
    expect(inLogOrder(a, hit({ record: 9, line: 99, userspace: true }))).toBeGreaterThan(0);
  });
});
