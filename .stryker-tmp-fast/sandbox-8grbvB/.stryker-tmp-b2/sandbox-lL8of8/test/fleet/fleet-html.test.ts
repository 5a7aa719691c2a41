// @ts-nocheck
// 
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, smallFleetHtml, upload } from '../helpers/fleet.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

describe('fleet.html in headless Chromium', () => {
  it.skipIf(!existsSync(CHROMIUM))('loads with no script error and no request, verdict first, every bundle value escaped', async () => {
    // A hostile device id (from the manifest) must show as text, never as markup.
    const file = await smallFleetHtml((up) => upload(up, 'evil', 'orin-nano-thermal-throttling', '<img src=x onerror=alert(1)><script>alert(2)</script>', '2026-11-03T08:00:00Z'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('dialog', (d) => {
        problems.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      page.on('request', (r) => !r.url().startsWith('file:') && problems.push(`request: ${r.url()}`));
      await page.goto(`file://${file}`);
      expect(problems).toEqual([]);
      const verdict = page.locator('#verdict');
      expect(await verdict.textContent()).toMatch(/^3 issues across 3 devices \(0 new, 0 regressed\); most widespread: /);
      const box = await verdict.boundingBox();
      expect(box!.y + box!.height).toBeLessThan(800);
      expect(await page.locator('section.issue').count()).toBe(3);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('script').count()).toBe(0);
      const evil = page.locator('details.device', { hasText: '<img src=x' });
      expect(await evil.count()).toBe(1);
      const orin1 = page.locator('details.device[data-device="orin-1"] tr');
      expect(await orin1.count()).toBe(3);
      expect(await orin1.nth(2).textContent()).toMatch(/problems.*Memory leak in a long-running process.*243 MiB/);
      // For the README and a human look.
      const shots = path.join(ROOT, 'out', 'fleet-check');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: path.join(shots, 'fleet.png'), fullPage: false });
      writeFileSync(path.join(shots, 'fleet.html'), await page.content());
    } finally {
      await browser.close();
    }
  }, 240_000);
});
