/**
 * The largest-free-block rule (src/rules/builtin/lfb-fragmentation.ts) and the kernel timeline
 * (src/rules/timeline.ts), case by case where a changed comparison or a dropped branch would
 * give the engineer another verdict, figure or evidence line (issue #14, mutation testing).
 * Everything runs inside the `it` bodies: Stryker switches a mutant on only while tests run.
 *
 * The tegrastats lines are the JetPack 6 Orin Nano format of the real captures
 * (helpers/bundles.ts); the kernel lines are the current kernel's OOM-kill line.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { kernelTimeline, placeOnSegments } from '../../src/rules/timeline.js';
import type { Tegrastats } from '../../src/snapshot/types.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { shiftStamps, tegrastats, type TegraSample } from '../helpers/bundles.js';

const lfbRun = (log: string) => runRules([ruleById('lfb-fragmentation')], snapshotFromFiles({ 'tegrastats.log': log }), { signatures: SIGNATURES });
const lines = (log: string) => log.split('\n');
/** The log's line `n` (1-based) without its `(lfb …)` part: a sample whose RAM field has no lfb. */
const withoutLfb = (log: string, ...ns: number[]) =>
  lines(log)
    .map((l, i) => (ns.includes(i + 1) ? l.replace(/ \(lfb [^)]*\)/, '') : l))
    .join('\n');
/** `a` then, after a 10 min pause (the device rebooted, tegrastats restarted), `b`. */
const afterReboot = (a: string, aSamples: number, b: string) => a + shiftStamps(b, aSamples + 600);
const fig = (f: { figures: { label: string; value: number | string }[] }, label: string) => f.figures.find((x) => x.label === label)?.value;

describe('lfb-fragmentation: how many samples it needs', () => {
  it('one sample or two: not evaluated, saying how many there are', () => {
    const one = lfbRun(tegrastats(1, () => ({ lfb: '1x512kB' })));
    expect(one.findings).toEqual([]);
    expect(one.outcomes[0]).toMatchObject({ status: 'not-evaluated' });
    expect(one.outcomes[0]!.detail).toBe('a single tegrastats sample: whether the largest free block collapsed needs a series of at least 3 samples');
    const two = lfbRun(tegrastats(2, (i) => ({ lfb: i ? '1x512kB' : '28x4MB' })));
    expect(two.findings).toEqual([]);
    expect(two.outcomes[0]!.detail).toBe('only 2 tegrastats samples: whether the largest free block collapsed needs a series of at least 3 samples');
  });

  it('three samples are a series: a collapse in them is reported', () => {
    const log = tegrastats(3, (i) => ({ ramMB: 3400, lfb: ['28x4MB', '6x2MB', '1x512kB'][i] }));
    const r = lfbRun(log);
    expect(r.findings.map((f) => f.verdict)).toEqual(['The largest free block fell to 1x512 KiB (from 28x4096 KiB) while RAM was only 45% used: memory is fragmented.']);
    expect(r.findings[0]!.evidence.map((e) => e.line)).toEqual([1, 3]);
  });
});

describe('lfb-fragmentation: which sample is the worst', () => {
  it('RAM nearly full everywhere: a small block then is expected, no finding', () => {
    // 7000/7620 MB is 92 % used: over ramFullPct (90 %), every sample is left out.
    const r = lfbRun(tegrastats(20, (i) => ({ ramMB: 7000, lfb: i < 10 ? '3x4MB' : '1x512kB' })));
    expect(r.findings).toEqual([]);
    expect(r.outcomes[0]!.status).not.toBe('not-evaluated');
  });

  it('the smallest block at a nearly-full sample is left out; the worst of the others is reported', () => {
    // The last sample (line 12) has 1x256kB at 92 % used; before it the block fell to 2x1MB at 45 %.
    const log = tegrastats(12, (i): TegraSample => (i === 11 ? { ramMB: 7000, lfb: '1x256kB' } : { ramMB: 3400, lfb: i < 6 ? '28x4MB' : '2x1MB' }));
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 2x1024 KiB \(from 28x4096 KiB\) while RAM was only 45% used/);
    expect(f.severity).toBe('warning');
    expect(f.evidence.map((e) => e.line)).toEqual([1, 7]);
  });

  it('the log starts collapsed: the first sample is the worst, compared with itself', () => {
    // Fragmented at the start of the capture (a long-running device), recovering later.
    const log = tegrastats(10, (i) => ({ ramMB: 3400, lfb: i === 0 ? '1x512kB' : '4x2MB' }));
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 1x512 KiB \(from 1x512 KiB\)/);
    expect(fig(f, 'time into the log')).toBe('0 s');
    expect(f.evidence.every((e) => e.line === 1)).toBe(true);
  });

  it('samples whose RAM field has no lfb are skipped, even the first', () => {
    // Lines 1 and 2 print RAM without `(lfb …)`: the start is the first sample that has one
    // (line 3, 8 s before the collapse; the parser keeps no quote of it, so only line 11 is quoted).
    const log = withoutLfb(tegrastats(20, (i) => ({ ramMB: 3400, lfb: i < 10 ? '20x4MB' : '1x512kB' })), 1, 2);
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 1x512 KiB \(from 20x4096 KiB\) while RAM was only 45% used/);
    expect(f.evidence.map((e) => e.line)).toEqual([11]);
    expect(fig(f, 'time into the log')).toBe('8 s');
  });
});

describe('lfb-fragmentation: compared with the start of the same run', () => {
  // First boot: 28x4MB, never collapsing. After the reboot: 12x4MB, collapsing to 1x512kB.
  const boot1 = tegrastats(30, () => ({ ramMB: 3400, lfb: '28x4MB' }));
  const boot2 = (lfb: (i: number) => string) => tegrastats(40, (i) => ({ ramMB: 3400, lfb: lfb(i) }));

  it('a collapse after a reboot is measured from the first sample after the reboot', () => {
    const log = afterReboot(boot1, 30, boot2((i) => (i < 25 ? '12x4MB' : '1x512kB')));
    const s = snapshotFromFiles({ 'tegrastats.log': log });
    expect(s.tegrastats!.segments.length).toBe(2);
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 1x512 KiB \(from 12x4096 KiB\)/);
    expect(f.evidence.map((e) => e.line)).toEqual([31, 56]);
    expect(f.evidence.map((e) => e.text)).toEqual([lines(log)[30], lines(log)[55]]);
    // 25 s after the run's first sample, not counted from the start of the log.
    expect(fig(f, 'time into the log')).toBe('25 s');
  });

  it('a run that starts collapsed is compared with its own first sample, not with the run before', () => {
    const log = afterReboot(boot1, 30, boot2((i) => (i === 0 ? '1x512kB' : '6x4MB')));
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 1x512 KiB \(from 1x512 KiB\)/);
    expect(fig(f, 'time into the log')).toBe('0 s');
  });

  it('a collapse at the last sample of the middle run of three is measured from that run\'s start', () => {
    // Three boots; the second run's block falls to 1x512kB at its last sample, the third recovers.
    const b2 = tegrastats(20, (i) => ({ ramMB: 3400, lfb: i < 19 ? '12x4MB' : '1x512kB' }));
    const b3 = tegrastats(20, () => ({ ramMB: 3400, lfb: '20x4MB' }));
    const log = afterReboot(afterReboot(boot1, 30, b2), 30 + 600 + 20, b3);
    expect(snapshotFromFiles({ 'tegrastats.log': log }).tegrastats!.segments.map((g) => [g.from, g.to])).toEqual([[0, 29], [30, 49], [50, 69]]);
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/^The largest free block fell to 1x512 KiB \(from 12x4096 KiB\)/);
    expect(fig(f, 'time into the log')).toBe('19 s');
    expect(f.evidence.map((e) => e.line)).toEqual([31, 50]);
  });

  it('the run starts with samples without lfb: the start is its first sample that has one', () => {
    const log = withoutLfb(afterReboot(boot1, 30, boot2((i) => (i < 2 ? '9x4MB' : i < 25 ? '12x4MB' : '1x512kB'))), 31, 32);
    const f = lfbRun(log).findings[0]!;
    expect(f.verdict).toMatch(/\(from 12x4096 KiB\)/);
    expect(f.evidence.map((e) => e.line)).toEqual([56]);
    expect(fig(f, 'time into the log')).toBe('23 s');
  });
});

describe('kernel timeline: which lines date a boot', () => {
  const KILL = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';
  const LOG = tegrastats(5, () => ({}));
  const utc = (iso: string) => Date.parse(iso) / 1000;

  it('the first line with both stamps dates the boot; a later one (the clock stepped by NTP) does not move it', () => {
    const s = snapshotFromFiles({
      'tegrastats.log': LOG,
      'var/log/kern.log': [
        'Nov 24 07:00:00 orin kernel: [    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]',
        // NTP stepped the clock 5 s forward an hour later.
        'Nov 24 08:00:05 orin kernel: [ 3600.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb',
        `Nov 24 08:10:05 orin kernel: [ 4200.250000] ${KILL}`,
      ].join('\n') + '\n',
    });
    // A kernel event of that boot known only by its seconds since boot.
    const epoch = kernelTimeline(s).epochOf({ boot: s.dmesg!.records[0]!.boot, monotonic: 100, wallClock: undefined });
    expect(epoch).toBe(utc('2026-11-24T07:01:40Z'));
  });

  it('a line with a clock time but no seconds-since-boot stamp dates nothing; the next line with both does', () => {
    const s = snapshotFromFiles({
      'tegrastats.log': LOG,
      'var/log/kern.log': [
        'Nov 24 06:59:58 orin kernel: Booting Linux on physical CPU 0x0000000000 [0x410fd421]',
        'Nov 24 07:00:00 orin kernel: [    2.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb',
        `Nov 24 08:10:05 orin kernel: [ 4200.250000] ${KILL}`,
      ].join('\n') + '\n',
    });
    const r0 = s.dmesg!.records[0]!;
    expect(r0.monotonic).toBeUndefined();
    const epoch = kernelTimeline(s).epochOf({ boot: r0.boot, monotonic: 100, wallClock: undefined });
    expect(epoch).toBe(utc('2026-11-24T06:59:58Z') + 100);
  });

  it('no kernel log: only the collector manifest dates the boot', () => {
    const s = snapshotFromFiles({ 'tegrastats.log': LOG, 'manifest.json': JSON.stringify({ capture_time: '2026-11-24T09:30:00Z', boot_time: '2026-11-24T07:26:07Z' }) });
    expect(s.dmesg).toBeUndefined();
    expect(kernelTimeline(s).epochOf({ boot: 0, monotonic: 60, wallClock: undefined })).toBe(utc('2026-11-24T07:27:07Z'));
    // A stamp without a year takes the tegrastats log's.
    expect(kernelTimeline(s).epochOf({ boot: 0, monotonic: undefined, wallClock: 'Nov 24 08:10:00' })).toBe(utc('2026-11-24T08:10:00Z'));
    // Neither stamp: nothing places it.
    expect(kernelTimeline(s).epochOf({ boot: 0, monotonic: undefined, wallClock: undefined })).toBeUndefined();
  });
});

describe('kernel timeline: stamps that carry their year need no tegrastats log', () => {
  const KILL = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';
  const killEpoch = (files: Record<string, string>) => {
    const s = snapshotFromFiles(files);
    expect(s.tegrastats).toBeUndefined();
    const r = s.dmesg!.records.find((x) => x.message.includes('Killed process'))!;
    return kernelTimeline(s).epochOf(r);
  };

  it('dmesg -T: the year ends the stamp', () => {
    expect(killEpoch({ dmesg: `[Tue Nov 24 08:09:59 2026] ${KILL}\n` })).toBe(Date.parse('2026-11-24T08:09:59Z') / 1000);
  });

  it('journalctl -o short-iso: the year starts the stamp', () => {
    expect(killEpoch({ 'var/log/kern.log': `2026-11-24T08:09:59+0000 orin kernel: ${KILL}\n` })).toBe(Date.parse('2026-11-24T08:09:59Z') / 1000);
  });

  it('syslog on a one-digit day (`Nov  4`): the day is no year, the tegrastats log\'s year is borrowed', () => {
    const s = snapshotFromFiles({ 'tegrastats.log': tegrastats(3, () => ({})), 'var/log/kern.log': `Nov  4 08:09:59 orin kernel: ${KILL}\n` });
    const r = s.dmesg!.records.find((x) => x.message.includes('Killed process'))!;
    expect(kernelTimeline(s).epochOf(r)).toBe(Date.parse('2026-11-04T08:09:59Z') / 1000);
  });

  it('syslog without a year and no tegrastats log: not placed', () => {
    expect(killEpoch({ 'var/log/kern.log': `Nov 24 08:09:59 orin kernel: ${KILL}\n` })).toBeUndefined();
  });
});

describe('placing on segments: a clock set back by exactly one run', () => {
  it('the next run starting at the very second the previous one ended is not a clock going back', () => {
    // Two runs, 0-100 s and 100-200 s: a time just past 100 s is inside the second run.
    const seg = (startS: number, endS: number) => ({ from: 0, to: 0, startS, endS, startLine: 1, endLine: 1 });
    const t = { startEpoch: 1_000_000, intervalSeconds: 2, segments: [seg(0, 100), seg(100, 200)] } as unknown as Tegrastats;
    expect(placeOnSegments(t, 1_000_000 + 101)).toEqual({ kind: 'within', segment: 1 });
  });
});
