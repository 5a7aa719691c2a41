/**
 * The HTML report: one self-contained file (no script, no external resource) to attach to a
 * ticket. Verdict first, then the likely causes, trend charts, findings with their evidence,
 * what was checked, and what in the bundle fed nothing. Every log line goes through the
 * template's escaping; the SVG charts are built here from numbers and escaped labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from '../util/handlebars.js';
import type { Snapshot } from '../snapshot/types.js';
import type { DeviceContext } from '../rules/device/context.js';
import { describeOverride } from '../verdict/provenance.js';
import type { ReportModel } from './model.js';
import { chartPlans, renderCharts } from './charts.js';

function templateText(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/report/templates, or dist/src/report -> src/report/templates in a built package
  for (const dir of [path.join(here, 'templates'), path.resolve(here, '../../../src/report/templates')]) {
    try {
      return readFileSync(path.join(dir, 'report.hbs'), 'utf8');
    } catch {
      /* try the next layout */
    }
  }
  throw new Error('report template report.hbs not found');
}

let compiled: HandlebarsTemplateDelegate | null = null;
const hb = Handlebars.create();
hb.registerHelper('pct', (v: number) => Math.round(v * 100));
hb.registerHelper('lower', (v: string) => String(v).toLowerCase());
hb.registerHelper('gt', (a: number, b: number) => a > b);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('and', (a: unknown, b: unknown) => Boolean(a) && Boolean(b));
hb.registerHelper('join', (xs: string[], sep: string) => (Array.isArray(xs) ? xs.join(typeof sep === 'string' ? sep : ', ') : ''));

export async function renderHtml(model: ReportModel, snapshot: Snapshot, device: DeviceContext): Promise<string> {
  compiled ??= hb.compile(templateText());
  const charts = await renderCharts(chartPlans(snapshot, device, model.findings));
  return compiled({ ...model, overrides: model.provenance.config.overrides.map(describeOverride), charts, statusClass: model.status === 'problems' ? model.findings[0]?.severity ?? 'info' : model.status });
}
