// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { smmuStormLog } from '../helpers/smmu-storm.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');
const LEAK = path.join(ROOT, 'samples/orin-nano-leak-oom.tgz');
const HEALTHY = path.join(ROOT, 'samples/orin-nano-healthy');

function run(args: string[], env: Record<string, string> = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each test spawns jetdiag several times on a shared 2-core machine: generous time.
describe('analyze output', { timeout: 180_000 }, () => {
  it('--format md without -o, and -o - --format md, print that report alone on stdout', () => {
    const a = run(['analyze', LEAK, '--format', 'md']);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^# jetdiag report: /);
    expect(a.out).not.toMatch(/^VERDICT/m);
    const b = run(['analyze', LEAK, '-o', '-', '--format', 'json']);
    expect(JSON.parse(b.out).report.findings.length).toBeGreaterThan(0);
  });

  it('refuses several formats on one stdout, and -o - without a format', () => {
    const a = run(['analyze', LEAK, '--format', 'md,json']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^jetdiag: 2 formats \(md, json\) but only one stdout\njetdiag: hint: .*-o <dir>/);
    const b = run(['analyze', LEAK, '-o', '-']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/name its format, e\.g\. --format md/);
  });

  it('names report files after the bundle, says where they went, and bundles share a directory', () => {
    const out = tempDir();
    const a = run(['analyze', LEAK, '-o', out]);
    expect(a.out).toMatch(/Reports written: .*orin-nano-leak-oom\.report\.html, .*orin-nano-leak-oom\.report\.md, .*orin-nano-leak-oom\.report\.json/);
    run(['analyze', HEALTHY, '-o', out, '--format', 'md', '-q']);
    expect(readdirSync(out).sort()).toEqual([
      'orin-nano-healthy.report.md',
      'orin-nano-leak-oom.report.html',
      'orin-nano-leak-oom.report.json',
      'orin-nano-leak-oom.report.md',
    ]);
    expect(readFileSync(path.join(out, 'orin-nano-healthy.report.md'), 'utf8')).toMatch(/orin-nano-healthy/);
  });

  it('says "more in the full report" only when one was written', () => {
    const storm = writeTree({ 'dmesg.txt': smmuStormLog(400) });
    const plain = run(['analyze', storm]);
    expect(plain.out.replace(/\n +/g, ' ')).toMatch(/more finding\(s\); write them all with -o <dir>/);
    expect(plain.out).not.toMatch(/in the full report/);
    const out = tempDir();
    const written = run(['analyze', storm, '-o', out, '--format', 'html']);
    expect(written.out.replace(/\n +/g, ' ')).toMatch(/more finding\(s\) in the full report: \S*\.report\.html/);
  });

  it('wraps to COLUMNS with a hanging indent under each item', () => {
    const r = run(['analyze', LEAK], { COLUMNS: '60' });
    const lines = r.out.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
    const verdict = lines.findIndex((l) => l.startsWith('PROBLEMS  '));
    expect(lines[verdict + 1]).toMatch(/^ {10}\S/);
    const critical = lines.findIndex((l) => l.startsWith('  CRITICAL '));
    expect(lines[critical + 1]).toMatch(/^ {11}\S/);
    const wide = run(['analyze', LEAK], { COLUMNS: '200' });
    expect(wide.out.split('\n').length).toBeLessThan(lines.length);
  });

  it('--fail-on is case-insensitive and names the finding that crossed it', () => {
    const r = run(['analyze', LEAK, '--fail-on', 'ERROR', '-q']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const loud = run(['analyze', LEAK, '--fail-on', 'Warning']);
    expect(loud.err).toMatch(/^jetdiag: exit 1: critical finding "[^"]+" \[oom-kills\] is at or above --fail-on warning \(and \d+ more\)/m);
    expect(run(['analyze', HEALTHY, '--fail-on', 'ERROR']).code).toBe(0);
  });

  it('refuses negative and absurd thresholds with the reason', () => {
    const neg = run(['analyze', HEALTHY, '--threshold', 'cma.lowFreePct=-3']);
    expect(neg.code).toBe(2);
    expect(neg.err).toMatch(/cma\.lowFreePct = -3 refused: a threshold cannot be negative/);
    expect(run(['analyze', HEALTHY, '--threshold', 'memory-pressure.availablePctWarning=250']).err).toMatch(/percentage cannot exceed 100/);
    expect(run(['analyze', HEALTHY, '--threshold', 'buddy-fragmentation.highOrder=40']).err).toMatch(/page order/);
    expect(run(['analyze', HEALTHY, '--threshold', 'memory-leak.minR2=5']).err).toMatch(/fraction between 0 and 1/);
    expect(run(['analyze', HEALTHY, '--threshold', 'cma.largestAllocationMiB=1e9']).err).toMatch(/thousand times the default/);
    expect(run(['analyze', HEALTHY, '--threshold', 'cma.largestAllocationMiB=96', '-q']).code).toBe(0);
  });

  it('errors are plain words with one prefix and a hint, never an errno code', () => {
    const missing = run(['analyze', 'no/such/bundle.tgz']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('jetdiag: cannot read bundle "no/such/bundle.tgz": no such file or directory\njetdiag: hint: a bundle is a .tgz/.tar.gz/.tar/.zip archive, a directory, a text file, or - for stdin\n');
    const flag = run(['analyze', '--bogus', LEAK]);
    expect(flag.err).toMatch(/^jetdiag: unknown option '--bogus'\njetdiag: hint: /);
    const config = run(['analyze', LEAK, '--config', 'no-such.json']);
    expect(config.err).toMatch(/^jetdiag: no-such\.json: cannot read configuration \(no such file or directory\)/);
    for (const r of [missing, flag, config]) expect(r.err).not.toMatch(/ENOENT|EEXIST|EACCES|^error:/m);
  });

  it('-o under /proc is refused at once (no endless mkdir)', () => {
    const r = run(['analyze', HEALTHY, '-o', '/proc/jetdiag-out']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^jetdiag: cannot write reports to "\/proc\/jetdiag-out": /);
  });
});
