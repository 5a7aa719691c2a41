/**
 * What a human would check in a report page, measured in a real Chromium (playwright-core on
 * Debian's /usr/bin/chromium): console errors and requests, the verdict on the first screen,
 * chart labels that overlap or shrink below 11 px, text below WCAG AA contrast, sideways
 * scrolling on a phone. Each check returns the problems it found, as sentences.
 */
// @ts-nocheck

import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Opened {
  page: Page;
  /** Console errors, page errors, dialogs and any request that is not the file itself. */
  problems: string[];
}

export async function openPage(
  browser: Browser,
  file: string,
  o: { width: number; height: number; scheme?: 'light' | 'dark'; media?: 'screen' | 'print' },
): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: o.width, height: o.height } });
  await page.emulateMedia({ colorScheme: o.scheme ?? 'light', media: o.media ?? 'screen' });
  const problems: string[] = [];
  const self = `file://${file}`;
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => r.url() !== self && problems.push(`request: ${r.url()}`));
  await page.goto(self);
  return { page, problems };
}

/** The verdict's first line lies within the first screen. */
export async function verdictOnFirstScreen(page: Page, height: number): Promise<string[]> {
  const box = await page.locator('#verdict').boundingBox();
  if (!box) return ['no #verdict element'];
  return box.y + 40 > height ? [`the verdict starts at y=${Math.round(box.y)}, below the first screen (${height} px)`] : [];
}

/**
 * In every visible chart: text boxes that intersect (by more than a pixel), and text drawn
 * smaller than `minPx` CSS pixels once the SVG is scaled to the page.
 */
export async function chartText(page: Page, minPx = 11): Promise<{ charts: number; texts: number; problems: string[] }> {
  return page.evaluate((minPx) => {
    const problems: string[] = [];
    let charts = 0;
    let texts = 0;
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || getComputedStyle(svg).display === 'none') continue;
      charts++;
      const title = svg.querySelector('.role-title-text')?.textContent ?? svg.getAttribute('aria-label') ?? `chart ${charts}`;
      // The plot keeps most of the width (a long title or label once squeezed it to a third).
      const frame = svg.querySelector('.role-frame > g > path.background, .role-frame path.background');
      if (frame && frame.getBoundingClientRect().width < r.width * 0.5) problems.push(`"${title}": the plot is ${Math.round(frame.getBoundingClientRect().width)} px of a ${Math.round(r.width)} px chart`);
      const boxes: { text: string; b: DOMRect }[] = [];
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const text = (t.textContent ?? '').trim();
        if (!text || getComputedStyle(t).visibility === 'hidden' || Number(getComputedStyle(t).opacity) === 0) continue;
        texts++;
        const m = t.getScreenCTM();
        // Scale of the text's own transform, rotation included (a rotated axis title has a = 0).
        const size = parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
        if (size < minPx - 0.05) problems.push(`"${title}": "${text}" is drawn at ${size.toFixed(1)} px`);
        const b = t.getBoundingClientRect();
        // Text past the SVG's edge is cut off on screen.
        if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1) problems.push(`"${title}": "${text}" is cut off at the chart's edge`);
        boxes.push({ text, b });
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.b;
          const b = boxes[j]!.b;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push(`"${title}": "${boxes[i]!.text}" overlaps "${boxes[j]!.text}"`);
        }
    }
    return { charts, texts, problems };
  }, minPx);
}

/**
 * WCAG 2.x contrast of every visible text run against the background it is drawn on (the
 * nearest ancestor with an opaque background; the chart card for SVG text): 4.5:1, or 3:1
 * for large text (24 px, or 18.66 px bold).
 */
export async function contrast(page: Page): Promise<{ checked: number; problems: string[] }> {
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] | null => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    const bgOf = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] >= 0.99) return c;
      }
      return parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
    };
    const problems: string[] = [];
    let checked = 0;
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const st = getComputedStyle(el);
      if (el.getClientRects().length === 0 || st.visibility === 'hidden') continue;
      let fg: number[] | null;
      let bg: number[];
      if (el instanceof SVGElement) {
        const svg = el.ownerSVGElement;
        if (!svg || getComputedStyle(svg).display === 'none') continue;
        fg = parse(st.fill);
        // Vega draws the chart card as the first rect of the SVG.
        const card = svg.querySelector('rect');
        bg = parse(card ? getComputedStyle(card).fill : 'rgb(255,255,255)') ?? [255, 255, 255, 1];
      } else {
        fg = parse(st.color);
        bg = bgOf(el);
      }
      if (!fg) continue;
      checked++;
      const size = parseFloat(st.fontSize);
      const bold = Number(st.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const r = ratio(fg, bg);
      const key = `${st.color}|${st.fill}|${bg.join(',')}|${el.tagName}`;
      if (r < need && !seen.has(key)) {
        seen.add(key);
        problems.push(`"${text.slice(0, 40)}" (${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''}): ${r.toFixed(2)}:1 < ${need}:1`);
      }
    }
    return { checked, problems };
  });
}

/** The page scrolls sideways (something wider than the phone's screen). */
export async function sidewaysScroll(page: Page): Promise<string[]> {
  const [sw, w] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  return sw > w + 1 ? [`the page is ${sw} px wide on a ${w} px screen`] : [];
}
