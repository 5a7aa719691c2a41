/**
 * Every kernel log of a bundle is read: pstore records, previous boots, rotated logs and
 * serial captures become boot segments in time order, each with its file; a boot read from
 * two files counts once. Lines come from real captures (test/rules/data headers and the
 * corpus INDEX say where).
 */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import { analyze, loadSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeBoot } from '../../src/rules/boot-note.js';
import { makeTgz } from '../helpers/archive.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { fixture, realLog, writeTemp, writeTree } from '../helpers/fixtures.js';

const NANO_BOOT = fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt');
const PSTORE_PANIC = realLog('pstore-xaviernx-hung-task-panic.log');
const PREVIOUS_OOM = realLog('journal-b1-tk1-oom-short-monotonic.log');
const SERIAL = fixture('dmesg/jetson-tx2-l4t32-antmicro-serial-01.txt');
const UBUNTU_DMESG = fixture('dmesg/generic-ubuntu2004-k5.4-x86-01.txt');
const UBUNTU_KERNLOG = fixture('dmesg/generic-ubuntu2004-k5.4-x86-kernlog-01.txt');
const MEMINFO = fixture('meminfo/generic-ubuntu2004-k5.4-x86-01.txt');

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('pstore record of a crash next to the current dmesg', () => {
  const files = { 'dmesg.txt': NANO_BOOT, 'sys/fs/pstore/console-ramoops-0': PSTORE_PANIC };

  it('reads both, the crashed boot first, each with its file and role', () => {
    const s = snapshotFromFiles(files);
    const d = s.dmesg!;
    expect(d.file).toBe('dmesg.txt');
    expect(d.boots.map((b) => [b.file, b.role, b.bootsAgo])).toEqual([
      ['sys/fs/pstore/console-ramoops-0', 'pstore', 1],
      ['dmesg.txt', 'current', 0],
    ]);
    expect(d.records[0]!.message).toBe('IPVS: Creating netns size=1920 id=6');
    expect(d.records.filter((r) => r.boot === 0)).toHaveLength(PSTORE_PANIC.trim().split('\n').length);
    expect(d.sources?.map((x) => x.role)).toEqual(['current', 'pstore']);
    expect(s.bundle.entries.find((e) => e.path === 'sys/fs/pstore/console-ramoops-0')).toMatchObject({
      kind: 'dmesg', recognisedBy: 'name', note: 'pstore record of the boot that crashed',
    });
  });

  it('says the previous boot ended in a hung-task panic, with evidence in the pstore file', async () => {
    const a = await analyze(writeTree(files));
    const end = a.findings.find((f) => f.ruleId === 'previous-boot-end')!;
    expect(end.severity).toBe('critical');
    expect(end.verdict).toBe(
      'Previous boot (pstore console-ramoops-0) ended in a kernel panic: hung_task: blocked tasks; the next boot reports a software reset (a reboot), PMC reset source TEGRA_SOFTWARE_RESET.',
    );
    expect(end.evidence[0]).toEqual({
      file: 'sys/fs/pstore/console-ramoops-0',
      line: lineOf(PSTORE_PANIC, 'Kernel panic - not syncing'),
      // The line as printed in the pstore record, stamp included.
      text: PSTORE_PANIC.split('\n')[lineOf(PSTORE_PANIC, 'Kernel panic - not syncing') - 1]!.trimEnd(),
    });
    expect(end.evidence.at(-1)).toMatchObject({ file: 'dmesg.txt', line: lineOf(NANO_BOOT, 'PMC reset source') });
    expect(end.tags).toEqual(expect.arrayContaining(['reboot', 'lockup']));
    // The catalogue findings of that boot say which boot they belong to.
    const hung = a.findings.find((f) => f.ruleId === 'hung-task')!;
    expect(hung.verdict).toMatch(/^Previous boot \(pstore console-ramoops-0\): /);
    expect(hung.evidence[0]).toMatchObject({ file: 'sys/fs/pstore/console-ramoops-0', line: lineOf(PSTORE_PANIC, 'INFO: task balenad') });
    expect(a.hypotheses.map((h) => h.id)).toContain('system-crash');
    // The report's file list says what each kernel log was.
    const md = renderMarkdown(buildReportModel(a));
    expect(md).toContain('| `sys/fs/pstore/console-ramoops-0` | dmesg (pstore record of the boot that crashed) |');
  });

  it("the collector's sample: this boot's findings carry no lead-in, the pstore panic does", async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-collector'));
    const smmu = a.findings.find((f) => f.ruleId === 'smmu-faults')!;
    expect(smmu.evidence[0]!.file).toBe('dmesg.txt');
    expect(smmu.verdict).toMatch(/^1 SMMU context fault/);
    const panic = a.findings.find((f) => f.ruleId === 'kernel-panic')!;
    expect(panic.verdict).toBe('Previous boot (pstore dmesg-ramoops-0): The kernel panicked: Watchdog detected hard LOCKUP on cpu 3.');
    expect(panic.evidence).toEqual([{ file: 'sys/fs/pstore/dmesg-ramoops-0', line: 2, text: '<0>[ 5120.331207] Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 3' }]);
  });

  it('reads the same from a .tgz (files parsed as they stream in)', async () => {
    const tgz = writeTemp('b.tgz', await makeTgz(Object.entries(files).map(([name, content]) => ({ name: `b/${name}`, content }))));
    const s = await loadSnapshot(tgz);
    expect(s.dmesg!.boots.map((b) => [b.file, b.bootsAgo])).toEqual([
      ['b/sys/fs/pstore/console-ramoops-0', 1],
      ['b/dmesg.txt', 0],
    ]);
  });
});

describe("the previous boot's journal next to the current dmesg", () => {
  const files = { 'dmesg.txt': NANO_BOOT, 'previous-boot/journalctl-k-b-1.txt': PREVIOUS_OOM, 'proc/meminfo': MEMINFO };

  it('keeps an OOM kill that only the previous boot saw, and says which boot', async () => {
    const a = await analyze(writeTree(files));
    const kill = a.findings.find((f) => f.ruleId === 'oom-kills')!;
    expect(kill.verdict).toMatch(/^Previous boot \(from journalctl-k-b-1\.txt\): The OOM killer killed DeviceMemory \(pid 2700/);
    expect(kill.evidence.map((e) => [e.file, e.line])).toEqual([
      ['previous-boot/journalctl-k-b-1.txt', lineOf(PREVIOUS_OOM, 'Out of memory: Kill process')],
      ['previous-boot/journalctl-k-b-1.txt', lineOf(PREVIOUS_OOM, 'Killed process 2700')],
    ]);
    // Same device, same early boot lines: still two boots, not one.
    expect(a.snapshot.dmesg!.boots.map((b) => [b.role, b.bootsAgo])).toEqual([['previous', 1], ['current', 0]]);
  });

  it("takes the kernel release from the current boot's banner, not the previous boot's", () => {
    const s = snapshotFromFiles(files);
    expect(s.identity!.kernelRelease!.source).toEqual({ file: 'dmesg.txt', line: lineOf(NANO_BOOT, 'Linux version') });
  });

  it('reads a rotated, gzipped kern.log as an earlier boot', async () => {
    const s = await loadSnapshot(writeTree({ 'dmesg.txt': NANO_BOOT, 'var/log/kern.log.2.gz': gzipSync(UBUNTU_KERNLOG) }));
    expect(s.dmesg!.boots.map((b) => [b.file, b.role])).toEqual([['var/log/kern.log.2.gz!/kern.log.2', 'previous'], ['dmesg.txt', 'current']]);
    expect(describeBoot(s.dmesg!.boots[0]!)).toBe('an earlier boot (from kern.log.2)');
  });

  it("reads the journal's `-o short-monotonic` layout as kernel lines", () => {
    const d = snapshotFromFiles({ 'previous-boot/journalctl-k-b-1.txt': PREVIOUS_OOM }).dmesg!;
    expect(d.records.map((r) => r.message)[3]).toBe('Out of memory: Kill process 2700 (DeviceMemory) score 1 or sacrifice child');
    expect(d.records[3]).toMatchObject({ monotonic: 80.7433, ident: 'kernel' });
    expect(d.boots[0]).toMatchObject({ role: 'previous', bootsAgo: 1 });
  });
});

describe('one boot in two files is counted once', () => {
  it('kern.log holding the same boot as dmesg adds nothing and says so', async () => {
    const alone = await analyze(writeTree({ dmesg: UBUNTU_DMESG, 'proc/meminfo': MEMINFO }));
    const both = await analyze(writeTree({ dmesg: UBUNTU_DMESG, 'var/log/kern.log': UBUNTU_KERNLOG, 'proc/meminfo': MEMINFO }));
    const d = both.snapshot.dmesg!;
    expect(d.boots).toHaveLength(1);
    expect(d.records.length).toBe(alone.snapshot.dmesg!.records.length);
    expect(d.sources?.find((x) => x.file === 'var/log/kern.log')).toMatchObject({ boots: [], duplicateOf: ['dmesg'] });
    expect(both.snapshot.bundle.entries.find((e) => e.path === 'var/log/kern.log')!.note).toBe('same boot as dmesg (read from there)');
    expect(both.findings.map((f) => [f.id, f.evidenceCount])).toEqual(alone.findings.map((f) => [f.id, f.evidenceCount]));
  });

  it('a pstore console that repeats the journal adds only the lines after it (the panic)', () => {
    // The previous boot's journal stored the console lines up to the stack (journald died with
    // the kernel); the pstore console holds the tail of the same console, panic included.
    const lines = PSTORE_PANIC.trim().split('\n');
    const journal = lines.slice(0, 15).map((l) => l.replace(/^(\[[ \d.]+\]) /, '$1 xavier-nx kernel: ')).join('\n') + '\n';
    const console = lines.slice(5).join('\n') + '\n';
    const s = snapshotFromFiles({ 'dmesg.txt': NANO_BOOT, 'previous-boot/journalctl-k-b-1.txt': journal, 'sys/fs/pstore/console-ramoops-0': console });
    const d = s.dmesg!;
    expect(d.boots.map((b) => [b.file, b.bootsAgo, b.sameBootAs])).toEqual([
      ['previous-boot/journalctl-k-b-1.txt', 1, undefined],
      ['sys/fs/pstore/console-ramoops-0', 1, 0],
      ['dmesg.txt', 0, undefined],
    ]);
    expect(d.records.filter((r) => r.boot === 1).map((r) => r.message)).toEqual(lines.slice(15).map((l) => l.replace(/^\[[ \d.]+\] /, '')));
    expect(d.records.filter((r) => r.message.startsWith('INFO: task balenad'))).toHaveLength(1);
    expect(s.bundle.entries.find((e) => e.path === 'sys/fs/pstore/console-ramoops-0')!.note).toBe(
      'pstore record of the boot that crashed; same boot also in previous-boot/journalctl-k-b-1.txt; only the lines that file lacks were added',
    );
  });

  it('two different boots of one device that print the same first lines stay two boots', () => {
    const copy = NANO_BOOT.trim().split('\n').slice(-60).join('\n') + '\n';
    const d = snapshotFromFiles({ 'dmesg.txt': NANO_BOOT, 'dmesg.0': PREVIOUS_OOM }).dmesg!;
    expect(d.boots).toHaveLength(2);
    // ...while a copy of this boot's own lines is the same boot.
    const same = snapshotFromFiles({ 'dmesg.txt': NANO_BOOT, 'serial/console.log': copy }).dmesg!;
    expect(same.boots).toHaveLength(1);
    expect(same.sources?.find((x) => x.file === 'serial/console.log')?.duplicateOf).toEqual(['dmesg.txt']);
  });
});

describe('kernel logs whose names say nothing', () => {
  it.each(['console.log', 'putty.log', 'minicom.cap', 'boot.txt'])('a serial capture named %s is read alone', async (name) => {
    const s = await loadSnapshot(writeTemp(name, SERIAL));
    expect(s.bundle.entries[0]).toMatchObject({ kind: 'dmesg', recognisedBy: 'content' });
    expect(s.dmesg!.format).toBe('serial-console');
    expect(s.dmesg!.records[0]!.message).toMatch(/^Booting Linux on physical CPU/);
    expect(s.dmesg!.boots.map((b) => b.bootsAgo)).toEqual([0]);
  });

  it('a serial capture inside a bundle is the kernel log when nothing else is', async () => {
    const s = await loadSnapshot(writeTree({ 'proc/meminfo': MEMINFO, 'logs/minicom.cap': SERIAL }));
    expect(s.dmesg!.file).toBe('logs/minicom.cap');
    expect(s.bundle.entries.find((e) => e.path === 'logs/minicom.cap')).toMatchObject({ kind: 'dmesg', recognisedBy: 'content', note: 'serial-console capture' });
  });

  it('a serial capture next to the current dmesg is an earlier boot', () => {
    const d = snapshotFromFiles({ 'dmesg.txt': NANO_BOOT, 'putty.log': SERIAL }).dmesg!;
    expect(d.boots.map((b) => [b.file, b.role, b.bootsAgo])).toEqual([
      ['putty.log', 'serial-console', 1],
      ['dmesg.txt', 'current', 0],
    ]);
  });

  it('recognises syslog, journal and bootloader-first captures by content', () => {
    for (const [name, text] of [
      ['capture-a.txt', UBUNTU_KERNLOG],
      ['capture-b.txt', fixture('dmesg/generic-rhcos-k4.18-journalctl-catalog-01.txt')],
      ['capture-c.txt', fixture('dmesg/jetson-nano-jp4.2-bootloader-serial-01.txt')],
    ] as const) {
      const s = snapshotFromFiles({ [name]: text });
      expect(s.bundle.entries[0], name).toMatchObject({ kind: 'dmesg', recognisedBy: 'content' });
    }
  });
});
