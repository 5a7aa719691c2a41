// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { loadSnapshot } from '../../src/analyze.js';
import { makeTar, makeTgz } from '../helpers/archive.js';
import { fixture, writeTemp, writeTree } from '../helpers/fixtures.js';

const MEMINFO = fixture('meminfo/generic-ubuntu2004-k5.4-x86-01.txt');

describe('bundle intake: containers', () => {
  it('reads a .tgz bundle as a stream and parses meminfo from it', async () => {
    const file = writeTemp('b.tgz', await makeTgz([{ name: 'capture/proc/meminfo', content: MEMINFO }]));
    const s = await loadSnapshot(file);
    expect(s.bundle.layout).toBe('flat');
    expect(s.meminfo?.file).toBe('capture/proc/meminfo');
    expect(s.meminfo?.captures[0]!.values.MemTotal).toBe(4026036 * 1024);
  });

  it('reads a plain .tar and a directory the same way', async () => {
    const tarFile = writeTemp('b.tar', await makeTar([{ name: 'meminfo.txt', content: MEMINFO }]));
    const dir = writeTree({ 'meminfo.txt': MEMINFO });
    const a = await loadSnapshot(tarFile);
    const b = await loadSnapshot(dir);
    expect(a.meminfo?.captures[0]!.values).toEqual(b.meminfo?.captures[0]!.values);
  });

  it('reads a single text file as a one-file bundle', async () => {
    const s = await loadSnapshot(writeTemp('cat_proc_meminfo.log', MEMINFO));
    expect(s.bundle.layout).toBe('single-file');
    expect(s.meminfo?.captures).toHaveLength(1);
  });

  it('rejects an unsupported container with a message naming the format', async () => {
    const zip = writeTemp('b.zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(600, 1)]));
    await expect(loadSnapshot(zip)).rejects.toThrow(/the zip archive is damaged/);
    await expect(loadSnapshot('/nonexistent/bundle.tgz')).rejects.toThrow(/cannot read bundle.*no such file or directory/);
  });
});

describe('bundle intake: recognising files', () => {
  const cases: [string, string][] = [
    ['proc/meminfo', 'meminfo'],
    ['meminfo.txt', 'meminfo'],
    ['cat_proc_meminfo.log', 'meminfo'],
    ['dmesg', 'dmesg'],
    ['dmesg.txt', 'dmesg'],
    ['logs/dmesg.log', 'dmesg'],
    ['var/log/kern.log', 'dmesg'],
    ['journalctl-k.txt', 'dmesg'],
    ['tegrastats', 'tegrastats'],
    ['tegrastats.log', 'tegrastats'],
    ['tegrastats-2026-11-24.txt', 'tegrastats'],
    ['proc/buddyinfo', 'buddyinfo'],
    ['zoneinfo.txt', 'zoneinfo'],
    ['proc/iomem', 'iomem'],
    ['etc/nv_tegra_release', 'nv-tegra-release'],
    ['proc/device-tree/model', 'dt-model'],
    ['proc/device-tree/compatible', 'dt-compatible'],
    ['proc/device-tree/nvidia,dtsfilename', 'dt-dtsfilename'],
    ['proc/device-tree/serial-number', 'dt-serial-number'],
    ['sys/firmware/devicetree/base/serial-number', 'dt-serial-number'],
    ['etc/machine-id', 'machine-id'],
    ['uname-a.txt', 'uname'],
    ['proc/cmdline', 'cmdline'],
    ['proc/uptime', 'uptime'],
    ['sys/class/thermal/thermal_zone0/type', 'thermal-type'],
    ['manifest.json', 'manifest'],
  ];
  it.each(cases)('%s is read as %s', async (name, kind) => {
    const dir = writeTree({ [name]: 'x 1\n' });
    const s = await loadSnapshot(dir);
    expect(s.bundle.entries.find((e) => e.path === name)?.kind).toBe(kind);
  });

  it('sniffs the first lines when the name says nothing', async () => {
    const dir = writeTree({
      'capture-001.out': MEMINFO,
      'x.log': fixture('buddyinfo/generic-x86-k4.x-01.txt'),
      'notes.txt': 'called the customer, device reboots at night\n',
    });
    const s = await loadSnapshot(dir);
    const e = Object.fromEntries(s.bundle.entries.map((x) => [x.path, x]));
    expect(e['capture-001.out']).toMatchObject({ kind: 'meminfo', recognisedBy: 'content' });
    expect(e['x.log']).toMatchObject({ kind: 'buddyinfo', recognisedBy: 'content' });
    expect(e['notes.txt']!.unusedReason).toMatch(/not recognised/);
  });

  it('prefers the better candidate and lists the other as unused with why', async () => {
    const dir = writeTree({ 'proc/meminfo': MEMINFO, 'old/meminfo.txt': MEMINFO });
    const s = await loadSnapshot(dir);
    expect(s.meminfo?.file).toBe('proc/meminfo');
    expect(s.bundle.entries.find((e) => e.path === 'old/meminfo.txt')!.unusedReason).toMatch(/another file supplied meminfo: proc\/meminfo/);
  });
});

describe('bundle intake: layouts', () => {
  it('detects a sosreport at any depth and notes files cut short by the collector', async () => {
    const file = writeTemp(
      'sos.tgz',
      await makeTgz([
        { name: 'sosreport-host-2026/sos_commands/kernel/dmesg', content: '[    0.000000] Booting Linux on physical CPU 0x0\n' },
        { name: 'sosreport-host-2026/proc/meminfo', content: MEMINFO },
        { name: 'sosreport-host-2026/sos_strings/logs/var.log.kern.log.tailed', content: 'Nov 24 10:00:00 h kernel: [ 1.0] x\n' },
        { name: 'sosreport-host-2026/sos_reports/manifest.json', content: JSON.stringify({ version: '4.5.0', start_time: '2026-11-24 10:02:11.123456' }) },
      ]),
    );
    const s = await loadSnapshot(file);
    expect(s.bundle.layout).toBe('sosreport');
    expect(s.bundle.root).toBe('sosreport-host-2026/');
    expect(s.meminfo?.file).toBe('sosreport-host-2026/proc/meminfo');
    expect(s.bundle.problems.some((p) => p.code === 'bundle.cut-by-collector' && /tailed/.test(p.file!))).toBe(true);
    expect(s.identity?.manifest?.value.captureTime).toBe('2026-11-24 10:02:11.123456');
  });

  it('uses the sosreport candidate list: proc/uptime, not the uptime command output at the top', async () => {
    const s = await loadSnapshot(
      writeTree({
        'sos/sos_commands/kernel/dmesg': '[    0.000000] Booting Linux on physical CPU 0x0\n',
        'sos/var/log/kern.log': 'Nov 24 10:00:00 h kernel: [    0.000000] Booting Linux on physical CPU 0x0\n',
        'sos/uptime': ' 10:02:11 up 14 days,  3:01,  0 users,  load average: 0.52, 0.58, 0.59\n',
        'sos/proc/uptime': '1220512.20 4712345.10\n',
        'sos/hostname': 'orin-cam-07\n',
      }),
    );
    expect(s.bundle.layout).toBe('sosreport');
    expect(s.identity!.uptimeSeconds!.value).toBe(1220512.2);
    expect(s.identity!.hostname!.value).toBe('orin-cam-07');
    expect(s.dmesg!.file).toBe('sos/sos_commands/kernel/dmesg');
    // Every kernel log is read; kern.log holds the same boot, so it adds nothing and says so.
    expect(s.bundle.entries.find((e) => e.path === 'sos/var/log/kern.log')!.note).toBe('same boot as sos/sos_commands/kernel/dmesg (read from there)');
    expect(s.dmesg!.boots).toHaveLength(1);
    expect(s.diagnostics.filter((d) => d.code === 'identity.uptime')).toEqual([]);
  });

  it('says why an empty dmesg may be empty, without telling every release it restricts dmesg to root', async () => {
    const s = await loadSnapshot(writeTree({ 'dmesg.txt': '', 'proc/meminfo': MEMINFO }));
    expect(s.bundle.problems.find((p) => p.code === 'bundle.empty-file')!.message).toMatch(/dmesg file is empty \(captured without root\? JetPack 5 and later restrict dmesg to root: collect with sudo\)/);
  });

  it('splits nvidia-bug-report-tegra.log into virtual files whose lines map back to the log', async () => {
    const log = [
      'nvidia-bug-report-tegra.sh Version: 1',
      '____________________________________________',
      '',
      "='/proc/meminfo' information=",
      'MemTotal:        7620000 kB',
      'MemFree:          100000 kB',
      'MemAvailable:     200000 kB',
      '____________________________________________',
      '',
      "='/proc/cpuinfo' information=",
      'processor : 0',
    ].join('\n');
    const s = await loadSnapshot(writeTree({ 'nvidia-bug-report-tegra.log': log }));
    expect(s.bundle.layout).toBe('nvidia-bug-report');
    expect(s.meminfo?.file).toBe('nvidia-bug-report-tegra.log');
    expect(s.meminfo?.captures[0]!.lines.MemTotal).toBe(5);
    expect(s.meminfo?.captures[0]!.lines.MemAvailable).toBe(7);
    const cpu = s.bundle.entries.find((e) => e.path.endsWith('#/proc/cpuinfo'));
    expect(cpu?.unusedReason).toMatch(/not used/);
  });

  it('opens an archive inside an archive', async () => {
    const inner = await makeTgz([{ name: 'proc/meminfo', content: MEMINFO }]);
    const file = writeTemp('outer.tgz', await makeTgz([{ name: 'device-42/capture.tgz', content: inner }]));
    const s = await loadSnapshot(file);
    expect(s.meminfo?.file).toBe('device-42/capture.tgz!/proc/meminfo');
  });
});

describe('bundle intake: hostile and damaged input', () => {
  it('never follows symlinks, hard links, devices or paths that escape', async () => {
    const file = writeTemp(
      'evil.tar',
      await makeTar([
        { name: 'proc/meminfo', content: MEMINFO },
        { name: 'dmesg', type: 'symlink', linkname: '/etc/shadow' },
        { name: 'tegrastats.log', type: 'link', linkname: 'proc/meminfo' },
        { name: 'dev/zero', type: 'character-device' },
        { name: 'evil-link', type: 'symlink', linkname: '' },
        { name: '../../etc/cron.d/x', content: 'bad' },
        { name: '/etc/passwd', content: 'root:x:0:0' },
      ]),
    );
    const s = await loadSnapshot(file);
    const reasons = Object.fromEntries(s.bundle.entries.map((e) => [e.path, e.unusedReason]));
    expect(reasons['dmesg']).toMatch(/symlink to \/etc\/shadow \(not followed\)/);
    expect(reasons['tegrastats.log']).toMatch(/link .*not followed/);
    expect(reasons['evil-link']).toBe('symlink to a target the archive does not name (not followed)');
    expect(reasons['dev/zero']).toMatch(/character-device/);
    expect(reasons['../../etc/cron.d/x']).toMatch(/escapes/);
    expect(reasons['/etc/passwd']).toMatch(/escapes/);
    expect(s.dmesg).toBeUndefined();
    expect(s.meminfo).toBeDefined();
  });

  it('does not follow symlinks in a bundle directory', async () => {
    const dir = writeTree({ 'proc/meminfo': MEMINFO });
    symlinkSync('/etc/hostname', path.join(dir, 'dmesg'));
    const s = await loadSnapshot(dir);
    expect(s.bundle.entries.find((e) => e.path === 'dmesg')!.unusedReason).toMatch(/symbolic link/);
  });

  it('keeps what was read before a cut gzip stream and says where it broke', async () => {
    const tgz = await makeTgz([
      { name: 'proc/meminfo', content: MEMINFO },
      { name: 'padding.bin', content: randomBytes(200_000) },
      { name: 'proc/buddyinfo', content: 'Node 0, zone Normal 1 2 3\n' },
    ]);
    const cut = writeTemp('cut.tgz', tgz.subarray(0, Math.floor(tgz.length * 0.6)));
    const s = await loadSnapshot(cut);
    expect(s.meminfo?.captures[0]!.values.MemTotal).toBeGreaterThan(0);
    expect(s.buddyinfo).toBeUndefined();
    const p = s.bundle.problems.find((x) => x.code === 'archive.damaged')!;
    expect(p.message).toMatch(/reading stopped after/);
  });

  it('reports a corrupt tar header without losing earlier files', async () => {
    const t = await makeTar([
      { name: 'proc/meminfo', content: MEMINFO },
      { name: 'second.txt', content: 'hello' },
    ]);
    const bad = Buffer.from(t);
    // Overwrite the second header (after the first header + its padded body) with garbage.
    const secondHeader = 512 + Math.ceil(Buffer.byteLength(MEMINFO) / 512) * 512;
    bad.fill(0x41, secondHeader, secondHeader + 512);
    const s = await loadSnapshot(writeTemp('bad.tar', bad));
    expect(s.meminfo).toBeDefined();
    expect(s.bundle.problems.some((p) => p.code === 'archive.damaged')).toBe(true);
  });

  it('handles NUL bytes, CRLF and invalid UTF-8 without failing', async () => {
    const crlf = MEMINFO.replace(/\n/g, '\r\n');
    const badUtf8 = Buffer.concat([Buffer.from('MemTotal:  1000 kB\nMemFree: 10 kB\n'), Buffer.from([0xff, 0xfe, 0x0a])]);
    const dir = writeTree({ 'proc/meminfo': crlf, 'buddyinfo': Buffer.from([0, 1, 2, 3, 0]), 'meminfo2/x': 'x' });
    const s = await loadSnapshot(dir);
    expect(s.meminfo?.captures[0]!.values.MemTotal).toBe(4026036 * 1024);
    expect(s.bundle.entries.find((e) => e.path === 'buddyinfo')!.unusedReason).toMatch(/not a text file \(NUL byte/);
    const s2 = await loadSnapshot(writeTree({ meminfo: badUtf8 }));
    expect(s2.meminfo?.captures[0]!.values.MemTotal).toBe(1000 * 1024);
    expect(s2.diagnostics.some((d) => d.code === 'text.invalid-utf8')).toBe(true);
  });

  it('bounds a file by --max-file-size and the archive by --max-entries and --max-total-size', async () => {
    const big = 'MemTotal: 1 kB\n' + 'X'.repeat(100_000);
    const file = writeTemp(
      'big.tgz',
      await makeTgz([{ name: 'meminfo', content: big }, ...Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, content: 'x' }))]),
    );
    const s = await loadSnapshot(file, { limits: { maxFileBytes: 1000, maxEntries: 10 } });
    expect(s.bundle.entries.find((e) => e.path === 'meminfo')!.truncated).toBe(true);
    expect(s.bundle.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['limit.file-size', 'limit.entries']));
    expect(s.bundle.entries.length).toBeLessThanOrEqual(10);
    const t = await loadSnapshot(file, { limits: { maxTotalBytes: 50_000 } });
    expect(t.bundle.problems.some((p) => p.code === 'limit.total-size')).toBe(true);
    expect(t.bundle.totalBytes).toBeLessThanOrEqual(50_000);
  });

  it('stops an archive whose skipped files alone pass --max-scan-size, keeping what came before', async () => {
    const file = writeTemp(
      'scan.tgz',
      await makeTgz([
        { name: 'proc/meminfo', content: MEMINFO },
        { name: 'core.dump', content: Buffer.alloc(6 * 1024 * 1024) },
        { name: 'dmesg', content: '[    1.000000] x\n' },
      ]),
    );
    const s = await loadSnapshot(file, { limits: { maxScanBytes: 5 * 1024 * 1024 } });
    expect(s.meminfo).toBeDefined();
    expect(s.dmesg).toBeUndefined();
    expect(s.bundle.problems.find((p) => p.code === 'limit.scan-size')!.file).toBe('core.dump');
  });

  it('cuts over-long lines with a diagnostic naming the line', async () => {
    const s = await loadSnapshot(writeTree({ meminfo: `MemTotal: 5 kB\nMemFree: 1 kB ${'y'.repeat(5000)}\n` }), { limits: { maxLineLength: 100 } });
    const d = s.diagnostics.find((x) => x.code === 'text.line-too-long')!;
    expect(d).toMatchObject({ file: 'meminfo', line: 2 });
  });

  it('survives a gzip bomb-like stream by the total limit, not by memory', async () => {
    const bomb = zlib.gzipSync(await makeTar([{ name: 'dmesg', content: Buffer.alloc(20 * 1024 * 1024, 0x61) }]));
    const s = await loadSnapshot(writeTemp('bomb.tgz', bomb), { limits: { maxFileBytes: 1024 * 1024 } });
    expect(bomb.length).toBeLessThan(100_000);
    expect(s.bundle.totalBytes).toBeLessThanOrEqual(1024 * 1024);
    expect(s.bundle.problems.some((p) => p.code === 'limit.file-size')).toBe(true);
  });
});
