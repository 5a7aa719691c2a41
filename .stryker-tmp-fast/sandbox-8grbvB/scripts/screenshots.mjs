#!/usr/bin/env node
// @ts-nocheck
/**
 * `node scripts/screenshots.mjs`: the README's pictures, taken in headless Chromium
 * (Debian's /usr/bin/chromium via playwright-core). docs/report.png is the leak sample's
 * report.html; docs/fleet-report.png is fleet.html over a few samples uploaded as three
 * devices. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'bin/jetdiag.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'jetdiag-shots-'));

// Relative paths, so the pictures show what a reader's run shows, not this machine's folders.
function jetdiag(cwd, ...args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (r.status === 2 || r.error) throw new Error(`jetdiag ${args.join(' ')}: ${r.stderr}`);
}

jetdiag(ROOT, 'analyze', 'samples/orin-nano-leak-oom.tgz', '--format', 'html', '-o', tmp, '-q');
const up = path.join(tmp, 'uploads');
const uploads = [
  ['orin-07-11-01', 'orin-nano-healthy', 'orin-07', '2026-11-01T08:00:00Z'],
  ['orin-07-11-02', 'orin-nano-leak-oom', 'orin-07', '2026-11-02T08:00:00Z'],
  ['cam-12-11-02', 'orin-nano-cma-fragmentation', 'cam-12', '2026-11-02T10:00:00Z'],
  ['cam-14-11-03', 'orin-nano-smmu-camera', 'cam-14', '2026-11-03T09:00:00Z'],
  ['agx-02-11-03', 'orin-nano-thermal-throttling', 'agx-02', '2026-11-03T12:00:00Z'],
];
for (const [name, sample, device, time] of uploads) {
  const to = path.join(up, name);
  cpSync(path.join(ROOT, 'samples', sample), to, { recursive: true });
  writeFileSync(path.join(to, 'manifest.json'), JSON.stringify({ device_id: device, capture_time: time }));
}
jetdiag(tmp, 'batch', 'uploads', '-o', 'fleet', '--quiet', '--format', 'html');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [file, png, height] of [
    [path.join(tmp, 'orin-nano-leak-oom.report.html'), 'docs/report.png', 1500],
    [path.join(tmp, 'fleet', 'fleet.html'), 'docs/fleet-report.png', 1100],
  ]) {
    const page = await browser.newPage({ viewport: { width: 1040, height } });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: path.join(ROOT, png) });
    await page.close();
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
}
