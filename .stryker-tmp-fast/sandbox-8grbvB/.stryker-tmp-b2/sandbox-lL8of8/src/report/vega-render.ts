/**
 * Renders Vega-Lite specs to inline SVG on the server (no script in the report). vega and
 * vega-lite are imported on first use only: they take ~200 ms to load, which `analyze` pays
 * only when it writes HTML.
 */
// @ts-nocheck

// 

import type { VlSpec } from './chart-specs.js';
import { escapeHtml } from './escape.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');
let libs: Promise<[Vega, VegaLite]> | null = null;

function load(): Promise<[Vega, VegaLite]> {
  libs ??= Promise.all([import('vega'), import('vega-lite')]);
  return libs;
}

/** One SVG document; the class lets the page pick the variant drawn for its width. */
export async function renderSvg(spec: VlSpec, cls: string): Promise<string> {
  const [vega, vl] = await load();
  const compiled = vl.compile(spec as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Vega writes fixed width/height; the page scales the SVG down on narrow screens.
    const t = (spec.title as { text?: string | string[] } | undefined)?.text;
    const label = Array.isArray(t) ? t.join(' ') : (t ?? 'chart');
    return svg.replace(/^<svg /, `<svg class="chart ${cls}" role="img" aria-label="${escapeHtml(label)}" `);
  } finally {
    view.finalize();
  }
}
