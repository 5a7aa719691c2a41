/**
 * Every sample's report.html and a fleet.html, opened in a real headless Chromium as a
 * reader would: desktop, a 390 px phone, light and dark, and print media. .ci/run installs
 * Debian's chromium when it is missing; without it these tests are skipped, loudly.
 */
// @ts-nocheck

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderHtml } from '../../src/report/html.js';
import { ROOT, smallFleetHtml, tempDir } from '../helpers/fleet.js';
import { chartText, contrast, HAVE_CHROMIUM, CHROMIUM, launch, openPage, sidewaysScroll, verdictOnFirstScreen } from '../helpers/page-checks.js';

if (!HAVE_CHROMIUM) {
  console.warn(`\n*** ${CHROMIUM} not found: the Chromium checks of report.html and fleet.html are SKIPPED (apt-get install chromium; .ci/run does this) ***\n`);
}

const SAMPLES = readdirSync(path.join(ROOT, 'samples')).filter((n) => n.endsWith('.tgz')).sort();
const OUT = tempDir('jetdiag-html-');
const DESKTOP = { width: 1100, height: 800 };
const PHONE = { width: 390, height: 844 };

describe.skipIf(!HAVE_CHROMIUM)('report.html in headless Chromium', () => {
  let browser: Browser;
  const files = new Map<string, string>();

  beforeAll(async () => {
    browser = await launch();
    for (const name of SAMPLES) {
      const a = await analyze(path.join(ROOT, 'samples', name));
      const file = path.join(OUT, name.replace(/\.tgz$/, '.html'));
      writeFileSync(file, await renderHtml(buildReportModel(a), a.snapshot, a.device));
      files.set(name, file);
    }
  }, 180_000);
  afterAll(async () => browser?.close());

  it.each(SAMPLES)('%s: desktop, light and dark: no error or request, verdict first, chart labels apart, AA contrast', async (name) => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage(browser, files.get(name)!, { ...DESKTOP, scheme });
      problems.push(...(await verdictOnFirstScreen(page, DESKTOP.height)));
      const charts = await chartText(page);
      problems.push(...charts.problems);
      const c = await contrast(page);
      problems.push(...c.problems.map((p) => `${scheme}: ${p}`));
      expect(c.checked).toBeGreaterThan(20);
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it.each(SAMPLES)('%s: 390 px phone: verdict first, chart text at least 11 px and apart, no sideways scrolling', async (name) => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage(browser, files.get(name)!, { ...PHONE, scheme });
      problems.push(...(await verdictOnFirstScreen(page, PHONE.height)));
      problems.push(...(await chartText(page)).problems);
      problems.push(...(await sidewaysScroll(page)));
      problems.push(...(await contrast(page)).problems.map((p) => `${scheme}: ${p}`));
      expect(problems).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it.each(SAMPLES)('%s: print: colours kept, desktop charts within the page, labels apart, contrast on paper', async (name) => {
    const { page, problems } = await openPage(browser, files.get(name)!, { width: 794, height: 1123, media: 'print', scheme: 'dark' });
    const st = await page.evaluate(() => {
      const badge = document.querySelector('.badge');
      const wide = [...document.querySelectorAll('svg.chart.wide')].map((s) => [getComputedStyle(s).display, s.getBoundingClientRect().right] as const);
      const narrow = [...document.querySelectorAll('svg.chart.narrow')].filter((s) => getComputedStyle(s).display !== 'none').length;
      const h2 = document.querySelector('h2');
      return {
        adjust: badge ? getComputedStyle(badge).printColorAdjust : 'exact',
        wide,
        narrow,
        h2After: h2 ? getComputedStyle(h2).breakAfter : 'avoid',
        chartInside: [...document.querySelectorAll('figure.chart-box')].every((f) => getComputedStyle(f).breakInside === 'avoid'),
        width: document.documentElement.clientWidth,
      };
    });
    expect(st.adjust).toBe('exact');
    expect(st.h2After).toBe('avoid');
    expect(st.chartInside).toBe(true);
    expect(st.narrow).toBe(0);
    for (const [display, right] of st.wide) {
      expect(display).toBe('block');
      expect(right).toBeLessThanOrEqual(st.width + 1);
    }
    problems.push(...(await chartText(page, 0)).problems);
    // Print forces the light palette whatever the screen's scheme.
    problems.push(...(await contrast(page)).problems);
    expect(problems).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 60_000);

  it('links every finding: the table of contents and the causes point at anchors that exist', async () => {
    const { page } = await openPage(browser, files.get('orin-nano-collector.tgz')!, DESKTOP);
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))).filter((id) => !document.getElementById(id)),
    );
    expect(broken).toEqual([]);
    expect(await page.locator('nav.toc a').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('details.finding[id="smmu-faults/context/8000000.iommu"]').count()).toBe(1);
    await page.close();
  });

  it('draws event markers, threshold labels and a gap on a real axis (screenshots in out/html-check)', async () => {
    const shots = path.join(ROOT, 'out', 'html-check');
    mkdirSync(shots, { recursive: true });
    const { page } = await openPage(browser, files.get('orin-nano-thermal-throttling.tgz')!, DESKTOP);
    expect(await page.locator('svg.chart.wide text', { hasText: /throttle trip/ }).count()).toBe(1);
    await page.screenshot({ path: path.join(shots, 'orin-nano-thermal-throttling.png'), fullPage: true });
    await page.close();
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the page checks themselves', () => {
  it('catch the faults they look for: low contrast, overlapping and tiny chart text, sideways scrolling', async () => {
    const file = path.join(OUT, 'faulty.html');
    writeFileSync(
      file,
      `<!doctype html><html><body style="background:#fff;margin:0">
<section id="verdict">ok</section>
<span class="badge" style="background:#d97706;color:#fff">warning</span>
<svg class="chart" viewBox="0 0 720 180" style="width:360px"><rect width="720" height="180" fill="#fff"/>
<text x="10" y="20" font-size="11" fill="#111">throttle trip 99 °C</text><text x="20" y="22" font-size="11" fill="#111">shutdown trip 104.5 °C</text>
<text x="600" y="60" font-size="24" fill="#111">a subtitle running past the edge</text></svg>
<div style="width:900px">wide</div></body></html>`,
    );
    const browser = await launch();
    try {
      const { page } = await openPage(browser, file, PHONE);
      expect((await contrast(page)).problems).toEqual([expect.stringMatching(/^"warning" \(span\.badge\): 3\.\d\d:1 < 4\.5:1$/)]);
      const t = await chartText(page);
      expect(t.problems).toContain('"chart 1": "throttle trip 99 °C" overlaps "shutdown trip 104.5 °C"');
      expect(t.problems).toContain('"chart 1": "throttle trip 99 °C" is drawn at 5.5 px');
      expect(t.problems).toContain('"chart 1": "a subtitle running past the edge" is cut off at the chart\'s edge');
      expect(await sidewaysScroll(page)).toEqual(['the page is 900 px wide on a 390 px screen']);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(!HAVE_CHROMIUM)('fleet.html in headless Chromium (desktop, phone, dark, print)', () => {
  it('loads clean, verdict first, AA contrast, no sideways scrolling on a phone', async () => {
    const file = await smallFleetHtml();
    const browser = await launch();
    try {
      for (const view of [
        { ...DESKTOP, scheme: 'light' as const },
        { ...DESKTOP, scheme: 'dark' as const },
        { ...PHONE, scheme: 'light' as const },
        { ...PHONE, scheme: 'dark' as const },
        { width: 794, height: 1123, media: 'print' as const },
      ]) {
        const { page, problems } = await openPage(browser, file, view);
        if (view.media !== 'print') problems.push(...(await verdictOnFirstScreen(page, view.height)));
        if (view.width === PHONE.width) problems.push(...(await sidewaysScroll(page)));
        problems.push(...(await contrast(page)).problems);
        expect(problems, JSON.stringify(view)).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 240_000);
});
