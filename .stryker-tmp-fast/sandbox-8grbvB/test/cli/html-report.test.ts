// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/html.js';
import { niceStep } from '../../src/report/charts.js';
import { dmesg } from '../helpers/bundles.js';
import { tempDir, writeTree } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function html(bundle: string) {
  const a = await analyze(bundle);
  return renderHtml(buildReportModel(a), a.snapshot, a.device);
}

describe('HTML report', () => {
  it('escapes every log line: a hostile bundle cannot inject markup', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const bundle = writeTree({
      dmesg: dmesg([[10, `EXT4-fs error (device mmcblk0p1): ext4_iget:4591: inode #8 comm ${evil}: checksum invalid`]]),
      [`notes-${'x'}.txt`]: evil,
    });
    const out = await html(bundle);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Self-contained: no external resource can be fetched from the report.
    expect(out).toContain("default-src 'none'");
    expect(out).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  it('puts the verdict before the evidence and draws trend charts from tegrastats', async () => {
    const out = await html(path.join(ROOT, 'samples/orin-nano-leak-oom.tgz'));
    const verdict = out.indexOf('id="verdict"');
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(out.indexOf('id="causes"'));
    expect(out.indexOf('id="causes"')).toBeLessThan(out.indexOf('id="findings"'));
    expect(out).toContain('Memory leak in a long-running process');
    // Each chart drawn twice: for a desktop page and for a phone.
    expect(out.match(/<svg class="chart wide"/g)).toHaveLength(5);
    expect(out.match(/<svg class="chart narrow"/g)).toHaveLength(5);
    expect(out).toContain('Board input power (VDD_IN)');
    expect(out).toContain('RAM total 7620 MiB');
    expect(out).toContain('clock time (device)');
    expect(out).toContain('dmesg.txt:');
  });

  it('is written by analyze -o with the default formats', () => {
    const dir = path.join(tempDir(), 'out');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', path.join(ROOT, 'samples/orin-nano-healthy'), '-o', dir, '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const page = readFileSync(path.join(dir, 'orin-nano-healthy.report.html'), 'utf8');
    expect(page).toMatch(/<strong>healthy<\/strong>No problem found by the \d+ checks/);
    expect(readFileSync(path.join(dir, 'orin-nano-healthy.report.md'), 'utf8')).toMatch(/^# jetdiag report/);
  });

  it('charts clocks when they move (throttling)', async () => {
    const out = await html(path.join(ROOT, 'samples/orin-nano-thermal-throttling.tgz'));
    expect(out).toContain('>Clocks</text>');
    const steady = await html(path.join(ROOT, 'samples/orin-nano-leak-oom.tgz'));
    expect(steady).not.toContain('>Clocks</text>');
  });

  it('charts periodic meminfo and buddyinfo captures when there is no tegrastats', async () => {
    const mem = (h: number, avail: number) => `2026-11-24T0${h}:00:00Z\nMemTotal: 7633536 kB\nMemAvailable: ${avail} kB\nCmaTotal: 786432 kB\nCmaFree: ${600000 - h * 100000} kB\n`;
    const buddy = (h: number, high: number) => `2026-11-24T0${h}:00:00Z\nNode 0, zone   Normal  100 100 100 100 100 100 ${high} 0 0 0 0\n`;
    const out = await html(writeTree({ 'meminfo.log': [0, 1, 2, 3].map((h) => mem(h, 3000000 - h * 200000)).join(''), 'buddyinfo.log': [0, 1, 2, 3].map((h) => buddy(h, 40 - h * 10)).join('') }));
    expect(out).toContain('MemAvailable and CmaFree (periodic /proc/meminfo)');
    expect(out).toContain('Free memory in blocks of 256 KiB and larger (periodic /proc/buddyinfo)');
    expect(out).toContain('Free memory by block size (buddyinfo, last of 4 captures)');
    expect(out.match(/<svg class="chart wide"/g)).toHaveLength(3);
  });

  it('chooses readable axis steps', () => {
    expect([niceStep(1876), niceStep(0.37), niceStep(25), niceStep(0)]).toEqual([2000, 0.5, 25, 1]);
  });
});
