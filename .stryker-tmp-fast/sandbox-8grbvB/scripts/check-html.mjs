#!/usr/bin/env node
// @ts-nocheck
/**
 * `npm run check:html`: opens the HTML report of every sample in a real headless Chromium
 * (Debian's /usr/bin/chromium via playwright-core; `apt-get install chromium`), and fails on
 * console errors, blocked or external requests, or a verdict that is not on the first screen.
 * Screenshots go to out/html-check/ for a human look. Needs `npm run build` first.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze } from '../dist/src/analyze.js';
import { buildReportModel } from '../dist/src/report/model.js';
import { renderHtml } from '../dist/src/report/html.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out', 'html-check');
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failures = 0;
try {
  const samples = readdirSync(path.join(ROOT, 'samples')).filter((n) => n.endsWith('.tgz'));
  for (const name of samples) {
    const a = await analyze(path.join(ROOT, 'samples', name));
    const file = path.join(OUT, name.replace(/\.tgz$/, '.html'));
    writeFileSync(file, await renderHtml(buildReportModel(a), a.snapshot, a.device));
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
    await page.goto(`file://${file}`);
    const box = await page.locator('#verdict').boundingBox();
    if (!box || box.y + box.height > 800) problems.push('the verdict is not on the first screen');
    const charts = await page.locator('svg.chart').count();
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
    await page.close();
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}: verdict at y=${Math.round(box?.y ?? -1)}, ${charts} chart(s)${problems.length ? `; ${problems.join('; ')}` : ''}`);
    failures += problems.length ? 1 : 0;
  }
} finally {
  await browser.close();
}
process.exitCode = failures ? 1 : 0;
