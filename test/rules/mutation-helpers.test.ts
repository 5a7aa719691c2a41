/**
 * The small helpers every rule leans on (src/rules/stats.ts, format.ts, finding-id.ts,
 * evidence.ts, boot-note.ts), pinned value by value: each case sits where a changed comparison,
 * a dropped guard or an off-by-one would give another answer (issue #14, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { finite, formatDuration, linearFit, longestRun, maxIndex, median, round } from '../../src/rules/stats.js';
import { fillTemplate, mib, MiB, pct, PAGE_BYTES } from '../../src/rules/format.js';
import { findingId, findingSubject, uniqueFindingIds } from '../../src/rules/finding-id.js';
import { compact, dmesgEvidence, dmesgLineEvidence, meminfoEvidence, tegrastatsEvidence } from '../../src/rules/evidence.js';
import { baseName, bootNote, bootOfEvidence, describeBoot } from '../../src/rules/boot-note.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { dmesg, HEALTHY_MEMINFO, tegrastats } from '../helpers/bundles.js';
import type { DmesgBoot, Snapshot } from '../../src/snapshot/types.js';
import type { Finding } from '../../src/rules/types.js';

describe('linearFit', () => {
  it('fits exactly three points (the fewest it accepts) and none with two', () => {
    expect(linearFit([0, 1], [1, 3])).toBeNull();
    const f = linearFit([0, 1, 2], [1, 3, 5])!;
    expect(f).toEqual({ slope: 2, intercept: 1, r2: 1, n: 3 });
  });

  it('skips a pair when either side is not finite, in both sums', () => {
    // Without the skip the NaN would poison the sums; with only one side checked the other would.
    const f = linearFit([0, 1, 2, 3, 4], [10, NaN, 14, 16, 18])!;
    expect(f.n).toBe(4);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(f.intercept).toBeCloseTo(10, 12);
    const g = linearFit([0, NaN, 2, 3], [10, 12, 14, 16])!;
    expect(g.n).toBe(3);
    expect(g.slope).toBeCloseTo(2, 12);
    expect(linearFit([0, 1, NaN, Infinity], [1, 2, 3, 4])).toBeNull();
  });

  it('gives no line when x never moves, and r2 1 for a flat y', () => {
    expect(linearFit([5, 5, 5], [1, 2, 3])).toBeNull();
    expect(linearFit([0, 1, 2, 3], [7, 7, 7, 7])).toEqual({ slope: 0, intercept: 7, r2: 1, n: 4 });
  });

  it('computes slope, intercept and r2 of a noisy series', () => {
    // x 0..3, y 1, 2, 2, 4: mean x 1.5, mean y 2.25, sxx 5, sxy 4.5, syy 4.75.
    const f = linearFit([0, 1, 2, 3], [1, 2, 2, 4])!;
    expect(f.slope).toBeCloseTo(0.9, 12);
    expect(f.intercept).toBeCloseTo(2.25 - 0.9 * 1.5, 12);
    expect(f.r2).toBeCloseTo((4.5 * 4.5) / (5 * 4.75), 12);
    expect(f.n).toBe(4);
  });
});

describe('finite, maxIndex, median, longestRun, round', () => {
  it('finite keeps the finite values in order', () => {
    expect(finite(new Float64Array([1, NaN, -2, Infinity, 3]))).toEqual([1, -2, 3]);
    expect(finite([])).toEqual([]);
  });

  it('maxIndex: first of equal maxima, NaN skipped, -1 when nothing is finite', () => {
    expect(maxIndex([NaN, 3, 7, 7, 2])).toBe(2);
    expect(maxIndex([NaN, -5, -9])).toBe(1);
    expect(maxIndex([NaN, NaN])).toBe(-1);
    expect(maxIndex([])).toBe(-1);
    expect(maxIndex([4, NaN, 9])).toBe(2);
  });

  it('median of none, odd and even counts, unsorted input left alone', () => {
    expect(median([])).toBeNaN();
    const xs = [9, 1, 5];
    expect(median(xs)).toBe(5);
    expect(xs).toEqual([9, 1, 5]);
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(median([3])).toBe(3);
    expect(median([100, 20, 3])).toBe(20); // numeric, not string, order
  });

  it('longestRun: the first of equally long runs, a run reaching the end, none', () => {
    const run = (xs: number[]) => longestRun(xs.length, (i) => xs[i] === 1);
    expect(run([0, 1, 1, 0, 1, 1, 0])).toEqual([1, 2]);
    expect(run([1, 0, 1, 1, 1])).toEqual([2, 4]);
    expect(run([1, 1, 1])).toEqual([0, 2]);
    expect(run([0, 1, 0, 0])).toEqual([1, 1]);
    expect(run([0, 0])).toBeNull();
    expect(longestRun(0, () => true)).toBeNull();
  });

  it('round to one decimal by default, or to the digits asked', () => {
    expect(round(2.25)).toBe(2.3);
    expect(round(2.24)).toBe(2.2);
    expect(round(2.5, 0)).toBe(3);
    expect(round(1.23456, 3)).toBe(1.235);
  });

  it('formatDuration at each unit change, rounded to the nearest', () => {
    expect(formatDuration(119.4)).toBe('119 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(172800)).toBe('2 days');
    expect(formatDuration(90)).toBe('90 s');
    expect(formatDuration(5400)).toBe('90 min');
    expect(formatDuration(4.5 * 3600)).toBe('4.5 h');
    expect(formatDuration(3.25 * 86400)).toBe('3.3 days');
    expect(formatDuration(-Infinity)).toBe('unknown');
    // Rounding down keeps the decimal: 3 min 59 s is 3.9 min, not 4.
    expect(formatDuration(239, { down: true })).toBe('3.9 min');
    expect(formatDuration(239)).toBe('4 min');
  });
});

describe('fillTemplate, mib, pct', () => {
  it('fills placeholders with or without blanks inside the braces, numbers as text', () => {
    expect(fillTemplate('{{count}} fault(s) on {{ device }}', { count: 3, device: 'vi' })).toBe('3 fault(s) on vi');
    expect(fillTemplate('no placeholder')).toBe('no placeholder');
    expect(fillTemplate('{{a}}{{a}}', { a: 0 })).toBe('00');
  });

  it('refuses a placeholder without a value, naming it', () => {
    expect(() => fillTemplate('{{count}} on {{device}}', { count: 1 })).toThrow('placeholder {{device}} has no value');
    expect(() => fillTemplate('{{x}}')).toThrow(/\{\{x\}\}/);
  });

  it('mib to one decimal, pct of a positive whole only', () => {
    expect(MiB).toBe(1048576);
    expect(PAGE_BYTES).toBe(4096);
    expect(mib(768 * MiB)).toBe(768);
    expect(mib(1.25 * MiB)).toBe(1.3);
    expect(mib(1.24 * MiB)).toBe(1.2);
    expect(pct(1, 3)).toBe(33.3);
    expect(pct(2, 3)).toBe(66.7);
    expect(pct(5, 0)).toBe(0);
    expect(pct(5, -10)).toBe(0);
  });
});

describe('finding ids', () => {
  it('a subject given wins; then a process or device tag; then the data fields in order', () => {
    expect(findingSubject({ subject: 'given', tags: ['process:python3'], data: { device: 'vi' } })).toBe('given');
    expect(findingSubject({ tags: ['oom', 'device:tegra-capture-vi', 'process:python3'] })).toBe('python3');
    expect(findingSubject({ tags: ['device:tegra-capture-vi'] })).toBe('tegra-capture-vi');
    // An empty tag value names nothing: the next tag kind, then the data, are asked.
    expect(findingSubject({ tags: ['process:', 'device:13e00000.host1x'] })).toBe('13e00000.host1x');
    expect(findingSubject({ tags: ['process:'], data: { zone: ' DMA32 ' } })).toBe('DMA32');
    expect(findingSubject({ tags: ['processes:x'], data: { victim: 'java', device: 'vi' } })).toBe('java');
    expect(findingSubject({ data: { process: '   ', victim: 'java' } })).toBe('java');
    expect(findingSubject({ data: { process: 42, rail: 'VDD_IN' } })).toBe('VDD_IN');
    expect(findingSubject({ data: { count: 'x' } })).toBeUndefined();
    expect(findingSubject({})).toBeUndefined();
  });

  it('joins rule, message and subject, blanks in the subject made one underscore', () => {
    expect(findingId('oom-kills', 'kill', 'python3')).toBe('oom-kills/kill/python3');
    expect(findingId('thermal', 'trip', 'cpu  thermal zone')).toBe('thermal/trip/cpu_thermal_zone');
    expect(findingId('cma', 'exhausted')).toBe('cma/exhausted');
    expect(findingId('cma', 'exhausted', '')).toBe('cma/exhausted');
  });

  it('numbers repeated ids from the second on, in report order', () => {
    const fs = ['a/x', 'b/y', 'a/x', 'a/x', 'b/y'].map((id) => ({ id }) as Finding);
    uniqueFindingIds(fs);
    expect(fs.map((f) => f.id)).toEqual(['a/x', 'b/y', 'a/x#2', 'a/x#3', 'b/y#2']);
  });
});

describe('evidence builders', () => {
  it('meminfoEvidence quotes the kept line, null when its line or text is missing', () => {
    const s = snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO });
    const m = s.meminfo!;
    const c = m.captures[0]!;
    const e = meminfoEvidence(m, c, 'MemAvailable')!;
    expect(e.file).toBe('proc/meminfo');
    expect(HEALTHY_MEMINFO.split('\n')[e.line - 1]).toContain('MemAvailable');
    expect(e.text).toContain('MemAvailable');
    expect(meminfoEvidence(m, c, 'NoSuchKey')).toBeNull();
    expect(meminfoEvidence(m, { ...c, text: undefined }, 'MemAvailable')).toBeNull();
  });

  it('dmesg lines verbatim with their prefix; a line without a record is null', () => {
    const log = dmesg([
      [0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'],
      [12.5, 'arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, iova=0x80001000, fsynr=0x200011, cbfrsynra=0x1c04, cb=1'],
    ]);
    const s = snapshotFromFiles({ dmesg: log });
    const r = s.dmesg!.records.find((x) => x.line === 2)!;
    expect(dmesgEvidence(s, r)).toEqual({ file: 'dmesg', line: 2, text: log.split('\n')[1] });
    expect(dmesgEvidence(s, { ...r, prefix: undefined }).text).toBe(r.message);
    expect(dmesgLineEvidence(s, 'dmesg', 2)).toEqual({ file: 'dmesg', line: 2, text: log.split('\n')[1] });
    expect(dmesgLineEvidence(s, undefined, 1)!.text).toBe(log.split('\n')[0]);
    expect(dmesgLineEvidence(s, 'other-file', 2)).toBeNull();
    expect(dmesgLineEvidence(s, 'dmesg', 9)).toBeNull();
    expect(dmesgLineEvidence(snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO }), 'dmesg', 1)).toBeNull();
  });

  it('tegrastatsEvidence: the sample line, the one holding a field, null out of range or not kept', () => {
    const log = tegrastats(5, (i) => ({ ramMB: 3000 + 100 * i }));
    const t = snapshotFromFiles({ 'tegrastats.log': log }).tegrastats!;
    const lines = log.split('\n');
    const first = tegrastatsEvidence(t, 0)!;
    expect(first).toEqual({ file: t.file, line: 1, text: lines[0] });
    const last = tegrastatsEvidence(t, 4, 'RAM')!;
    expect(last.line).toBe(5);
    expect(last.text).toBe(lines[4]);
    expect(tegrastatsEvidence(t, 0, 'NO_SUCH_FIELD')).toBeNull();
    expect(tegrastatsEvidence(t, -1)).toBeNull();
    expect(tegrastatsEvidence(t, 5)).toBeNull();
    // A sample whose line the parser did not keep is not re-typed.
    const kept = Object.keys(t.quoted).map(Number);
    const notKept = [1, 2, 3, 4, 5].find((l) => !kept.includes(l));
    if (notKept !== undefined) expect(tegrastatsEvidence(t, notKept - 1)).toBeNull();
  });

  it('compact drops null and undefined only', () => {
    expect(compact([0, null, '', undefined, false])).toEqual([0, '', false]);
  });
});

describe('boot notes', () => {
  const boot = (b: Partial<DmesgBoot>): DmesgBoot => ({ index: 0, firstRecord: 0, line: 1, ...b });

  it('describeBoot names the boot and where it was read', () => {
    expect(describeBoot(boot({ bootsAgo: 0, file: 'logs/dmesg.txt' }))).toBe('current boot (from dmesg.txt)');
    expect(describeBoot(boot({ file: 'dmesg.txt' }))).toBe('current boot (from dmesg.txt)');
    expect(describeBoot(boot({ bootsAgo: 1, role: 'pstore', file: 'pstore/console-ramoops-0' }))).toBe('previous boot (pstore console-ramoops-0)');
    expect(describeBoot(boot({ bootsAgo: 2, file: 'journal-boot-2.txt' }))).toBe('boot 2 boots before the current one (from journal-boot-2.txt)');
    expect(describeBoot(boot({ bootsAgo: 1, role: 'serial-console', file: 'uart.log' }))).toBe('an earlier boot (serial console uart.log)');
    expect(describeBoot(boot({ bootsAgo: 0, role: 'serial-console', file: 'uart.log' }))).toBe('current boot (serial console uart.log)');
    expect(describeBoot(boot({ bootsAgo: 1, file: 'var/log/kern.log.1' }))).toBe('an earlier boot (from kern.log.1)');
    expect(describeBoot(boot({ bootsAgo: 1, file: 'syslog.2.gz' }))).toBe('an earlier boot (from syslog.2.gz)');
    expect(describeBoot(boot({ bootsAgo: 1, file: 'var/log/messages.3' }))).toBe('an earlier boot (from messages.3)');
    // Not a rotated syslog: the name only ends like one, or has no rotation number.
    expect(describeBoot(boot({ bootsAgo: 1, file: 'my-kern.log.1' }))).toBe('previous boot (from my-kern.log.1)');
    expect(describeBoot(boot({ bootsAgo: 1, file: 'var/log/kern.log' }))).toBe('previous boot (from kern.log)');
    expect(describeBoot(boot({ bootsAgo: 1, file: 'kern.log.1.txt' }))).toBe('previous boot (from kern.log.1.txt)');
    expect(describeBoot(boot({ bootsAgo: 1 }))).toBe('previous boot (from )');
    expect(baseName('a/b/c.txt')).toBe('c.txt');
    expect(baseName('c.txt')).toBe('c.txt');
  });

  // Two kernel logs: the previous boot's journal (lines 1-40 of prev.txt, boot 0) and the
  // current dmesg (boot 1 from line 1, boot 2 from line 50 after a reboot in the same file).
  const boots: DmesgBoot[] = [
    boot({ index: 0, line: 1, file: 'journal/prev.txt', bootsAgo: 1 }),
    boot({ index: 1, line: 1, file: 'dmesg.txt', bootsAgo: 1 }),
    boot({ index: 2, line: 50, file: 'dmesg.txt', bootsAgo: 0 }),
    boot({ index: 3, line: 1, file: 'pstore/console-ramoops-0', role: 'pstore', bootsAgo: 1, sameBootAs: 0 }),
    boot({ index: 4, line: 1, file: 'pstore/dmesg-ramoops-0', role: 'pstore', bootsAgo: 1, sameBootAs: 9 }),
  ];
  const snap = (sources = true) => ({ dmesg: { file: 'dmesg.txt', boots, records: [], ...(sources ? { sources: [] } : {}) } }) as unknown as Snapshot;
  const ev = (file: string, line: number) => ({ file, line, text: 'x' });

  it('bootOfEvidence: the last boot starting at or before the line, in that file', () => {
    const s = snap();
    expect(bootOfEvidence(s, ev('dmesg.txt', 49))?.index).toBe(1);
    expect(bootOfEvidence(s, ev('dmesg.txt', 50))?.index).toBe(2);
    expect(bootOfEvidence(s, ev('dmesg.txt', 51))?.index).toBe(2);
    expect(bootOfEvidence(s, ev('journal/prev.txt', 1))?.index).toBe(0);
    expect(bootOfEvidence(s, ev('proc/meminfo', 3))).toBeUndefined();
    expect(bootOfEvidence({} as Snapshot, ev('dmesg.txt', 3))).toBeUndefined();
  });

  it('bootOfEvidence takes the later of two boots starting on the same line', () => {
    const same = { dmesg: { boots: [boot({ index: 0, line: 5, file: 'd' }), boot({ index: 1, line: 5, file: 'd' })] } } as unknown as Snapshot;
    expect(bootOfEvidence(same, ev('d', 7))?.index).toBe(1);
  });

  it('bootNote only when every kernel-log line is from an earlier boot', () => {
    const s = snap();
    expect(bootNote(s, [ev('dmesg.txt', 10)])).toBe('Previous boot (from dmesg.txt)');
    expect(bootNote(s, [ev('dmesg.txt', 10), ev('dmesg.txt', 60)])).toBeNull();
    expect(bootNote(s, [ev('dmesg.txt', 60), ev('dmesg.txt', 10)])).toBeNull();
    expect(bootNote(s, [ev('proc/meminfo', 3)])).toBeNull();
    expect(bootNote(s, [])).toBeNull();
    expect(bootNote(s, [ev('proc/meminfo', 3), ev('journal/prev.txt', 4)])).toBe('Previous boot (from prev.txt)');
    expect(bootNote(s, [ev('journal/prev.txt', 4), ev('dmesg.txt', 10)])).toBe('Earlier boots (prev.txt, dmesg.txt)');
    expect(bootNote(s, [ev('journal/prev.txt', 4), ev('journal/prev.txt', 9)])).toBe('Previous boot (from prev.txt)');
    // A pstore copy of boot 0 counts as that boot; one naming a boot not read counts as itself.
    expect(bootNote(s, [ev('pstore/console-ramoops-0', 2)])).toBe('Previous boot (pstore console-ramoops-0)');
    expect(bootNote(s, [ev('pstore/dmesg-ramoops-0', 2)])).toBe('Previous boot (pstore dmesg-ramoops-0)');
    // One kernel log only: no note at all.
    expect(bootNote(snap(false), [ev('dmesg.txt', 10)])).toBeNull();
  });

  it('a pstore copy of the current boot is the current boot', () => {
    const cur: DmesgBoot[] = [boot({ index: 0, line: 1, file: 'dmesg.txt', bootsAgo: 0 }), boot({ index: 1, line: 1, file: 'pstore/console-ramoops-0', role: 'pstore', bootsAgo: 1, sameBootAs: 0 })];
    const s = { dmesg: { file: 'dmesg.txt', boots: cur, records: [], sources: [] } } as unknown as Snapshot;
    expect(bootNote(s, [ev('pstore/console-ramoops-0', 3)])).toBeNull();
  });
});
