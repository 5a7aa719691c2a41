// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTgz } from '../helpers/archive.js';
import { fixture, tempDir, writeTemp, writeTree } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');

function run(args: string[], input?: Buffer, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, env: { ...process.env, ...env }, encoding: 'buffer' });
  return { code: r.status, out: r.stdout.toString(), err: r.stderr.toString() };
}

const LOW_MEM = 'MemTotal: 7620000 kB\nMemFree: 100000 kB\nMemAvailable: 150000 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n';

describe('jetdiag CLI', () => {
  it('prints help with exit codes and examples, and the version', () => {
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Exit codes:[\s\S]*2 +usage error/);
    expect(h.out).toMatch(/Examples:/);
    const a = run(['analyze', '--help']);
    expect(a.out).toMatch(/--fail-on <severity>/);
    expect(a.out).toMatch(/Examples:/);
    expect(h.out).toMatch(/samples\/orin-nano-cma-fragmentation\.tgz/);
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Usage: jetdiag/);
    const v = run(['--version']);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('analyses a bundle, prints the verdict first and exits 0 by default', () => {
    const dir = writeTree({ 'proc/meminfo': LOW_MEM });
    const r = run(['analyze', dir], undefined, { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.findIndex((l) => l.startsWith('VERDICT'))).toBeLessThan(4);
    expect(r.out).toMatch(/Only 146\.5 MiB \(2%\) of 7441\.4 MiB is available/);
    expect(r.out).not.toMatch(/\x1b\[/);
  });

  it('exits 1 when a finding is at or above --fail-on, 0 when below', () => {
    const dir = writeTree({ 'proc/meminfo': LOW_MEM });
    expect(run(['analyze', dir, '--fail-on', 'critical', '-q']).code).toBe(1);
    const healthy = writeTree({ 'proc/meminfo': fixture('meminfo/generic-x86-k5.x-01.txt') });
    const r = run(['analyze', healthy, '--fail-on', 'warning', '-q']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('exits 2 on usage errors and unreadable bundles with a clear message', () => {
    expect(run(['analyze']).code).toBe(2);
    expect(run(['analyze', 'x', '--fail-on', 'fatal']).code).toBe(2);
    const r = run(['analyze', '/no/such/bundle.tgz']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read bundle "\/no\/such\/bundle.tgz"/);
    const g = run(['analyze', writeTemp('junk.bin', Buffer.from([1, 2, 0, 3, 4]))]);
    expect(g.code).toBe(2);
    expect(g.err).toMatch(/binary data is not supported/);
  });

  it('reads a tar stream on stdin', async () => {
    const tgz = await makeTgz([{ name: 'proc/meminfo', content: LOW_MEM }]);
    const r = run(['analyze', '-', '--json'], tgz);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.report.findings[0].ruleId).toBe('memory-pressure');
  });

  it('writes the requested report files only inside -o', () => {
    const out = path.join(tempDir(), 'reports');
    const bundle = writeTree({ meminfo: LOW_MEM });
    const r = run(['analyze', bundle, '-o', out, '--format', 'md,json', '-q']);
    expect(r.code).toBe(0);
    const stem = path.basename(bundle);
    expect(readFileSync(path.join(out, `${stem}.report.md`), 'utf8')).toMatch(/^# jetdiag report/);
    expect(JSON.parse(readFileSync(path.join(out, `${stem}.report.json`), 'utf8')).report.status).toBe('problems');
    expect(readdirSync(out).sort()).toEqual([`${stem}.report.json`, `${stem}.report.md`]);
  });

  it('an -o that cannot be a directory is a clear usage error', () => {
    const file = writeTemp('not-a-dir', 'x');
    const r = run(['analyze', writeTree({ meminfo: LOW_MEM }), '-o', file, '-q']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write reports to ".*not-a-dir": it is a file, not a directory/);
    expect(r.err).not.toMatch(/internal error/);
  });

  it('parse prints the snapshot as JSON', () => {
    const r = run(['parse', writeTree({ 'proc/meminfo': LOW_MEM })]);
    const j = JSON.parse(r.out);
    expect(j.schemaVersion).toBe(1);
    expect(j.meminfo.captures[0].values.MemAvailable).toBe(150000 * 1024);
  });

  it('rules lists every rule with id and description', () => {
    const r = run(['rules']);
    expect(r.out).toMatch(/^memory-pressure\s+memory\s+Compares MemAvailable/m);
    const j = JSON.parse(run(['rules', '--json']).out);
    expect(j.every((x: { id: string; description: string }) => x.id && x.description)).toBe(true);
  });

  it('colours only on a TTY (never when piped)', () => {
    const r = run(['analyze', writeTree({ meminfo: LOW_MEM })]);
    expect(r.out).not.toMatch(/\x1b\[/);
  });
});

describe('colour', () => {
  it('is on only for a TTY, and never with NO_COLOR or --no-color', async () => {
    const { useColour } = await import('../../src/cli/index.js');
    const tty = process.stdout.isTTY;
    const noColor = process.env.NO_COLOR;
    try {
      delete process.env.NO_COLOR;
      Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
      expect(useColour(true)).toBe(true);
      expect(useColour(false)).toBe(false);
      process.env.NO_COLOR = '';
      expect(useColour(true)).toBe(false);
      delete process.env.NO_COLOR;
      Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
      expect(useColour(true)).toBe(false);
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: tty, configurable: true });
      if (noColor === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = noColor;
    }
  });
});

describe('--max-evidence', () => {
  it('keeps every evidence line with 0, and says how many there were by default', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `[${(100 + i).toFixed(6).padStart(12)}] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x${(0x9c4b9000 + i * 4096).toString(16)}, fsynr=0x7c0020, cbfrsynra=0x800, cb=7`).join('\n');
    const dir = writeTree({ dmesg: lines });
    const capped = JSON.parse(run(['analyze', dir, '--json']).out).report.findings[0];
    expect([capped.evidence.length, capped.evidenceCount]).toEqual([50, 60]);
    const all = JSON.parse(run(['analyze', dir, '--json', '--max-evidence', '0']).out).report.findings[0];
    expect(all.evidence.length).toBe(60);
    expect(run(['analyze', dir, '--max-evidence', '-1']).code).toBe(2);
  });
});

describe('stdin', () => {
  it('takes a plain dmesg piped in, not only a tar stream', () => {
    const text = '[ 7201.112032] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3\n';
    const r = run(['analyze', '-', '--json'], Buffer.from(text));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.report.inputs).toEqual([{ path: 'stdin', kind: 'dmesg', size: text.length }]);
    expect(j.report.findings[0].ruleId).toBe('smmu-faults');
  });
});

describe('terminal safety', () => {
  it('shows control characters from a hostile log as escapes, never sends them to the terminal', async () => {
    const { renderTerminal } = await import('../../src/report/terminal.js');
    const { buildReportModel } = await import('../../src/report/model.js');
    const { analyze } = await import('../../src/analyze.js');
    const evil = 'EXT4-fs error (device mmcblk0p1): ext4_iget:4591: inode #8 comm \x1b]0;pwned\x07\x1b[2J: checksum invalid';
    const a = await analyze(writeTree({ dmesg: `[   10.000000] ${evil}\n` }));
    for (const enabled of [true, false]) {
      const out = renderTerminal(buildReportModel(a), { enabled });
      expect(out).not.toContain('\x1b]0;');
      expect(out).not.toContain('\x07');
      expect(out).toContain('\\x1b]0;pwned\\x07');
      // Only jetdiag's own SGR colour codes remain.
      expect(out.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
    }
    const { renderMarkdown } = await import('../../src/report/markdown.js');
    expect(renderMarkdown(buildReportModel(a))).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
  });
});

describe('pipes', () => {
  it('stops quietly when the reader closes the pipe (jetdiag parse | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" parse "${path.join(ROOT, 'samples/orin-nano-leak-oom.tgz')}" | head -c 10 > /dev/null`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
