/**
 * With findings in an incomplete bundle (status `problems`), the completeness warning and its
 * gaps stand above the top cause, in the terminal, Markdown and HTML alike.
 * The OOM lines are real (test/rules/data/oom-catalogue-legacy-victim.log, header says where from).
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderHtml } from '../../src/report/html.js';
import { realLog, writeTree } from '../helpers/fixtures.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

const pos = (text: string, re: RegExp) => {
  const m = re.exec(text);
  expect(m, `${re} in\n${text}`).not.toBeNull();
  return m!.index;
};

describe('verdict order', () => {
  it('problems in a bundle without /proc/meminfo: warning, then the missing input, then the top cause', async () => {
    const a = await analyze(writeTree({ 'dmesg.txt': realLog('oom-catalogue-legacy-victim.log') }));
    const m = buildReportModel(a);
    expect(m.status).toBe('problems');
    expect(m.completeness.gaps.map((g) => g.code)).toContain('core.meminfo-missing');
    const top = m.headline.slice(0, 30);
    for (const [where, text] of [
      ['terminal', renderTerminal(m, { enabled: false })],
      ['markdown', renderMarkdown(m)],
      ['html', (await renderHtml(m, a.snapshot, a.device)).replace(/<style>[\s\S]*?<\/style>/, '')],
    ] as const) {
      const status = pos(text, where === 'html' ? /<strong>problems<\/strong>/ : /PROBLEMS/);
      const warning = pos(text, /Incomplete bundle/);
      const gap = pos(text, /no \/proc\/meminfo in the bundle/);
      const cause = text.indexOf(top, gap);
      expect(status, where).toBeLessThan(warning);
      expect(warning, where).toBeLessThan(gap);
      expect(cause, `${where}: top cause after the gaps`).toBeGreaterThan(gap);
      // and the top cause is not said before the warning
      expect(text.slice(0, warning).includes(top), where).toBe(false);
    }
    expect(renderTerminal(m, { enabled: false })).toMatch(/\nPROBLEMS {2}Incomplete bundle: these findings may not be all there is\.\n(?: {2}! .*\n)* {2}! no \/proc\/meminfo in the bundle\nTop cause: /);
  });

  it('a complete bundle with problems leads with the top cause, no warning', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-leak-oom.tgz'));
    const m = buildReportModel(a);
    expect(m.status).toBe('problems');
    expect(m.completeness.gaps).toEqual([]);
    const text = renderTerminal(m, { enabled: false });
    expect(text).not.toMatch(/Incomplete bundle/);
    expect(text).toContain(`PROBLEMS  ${m.headline.slice(0, 20)}`);
  });

  it.each(['orin-nano-cma-fragmentation.tgz', 'orin-nano-leak-oom.tgz'])('%s: the terminal says why each cause it names ranks where it does', async (name) => {
    const a = await analyze(path.join(SAMPLES, name));
    const m = buildReportModel(a);
    const text = renderTerminal(m, { enabled: false }).replace(/\n {5}/g, ' ');
    const shown = m.hypotheses.slice(0, 4);
    expect(shown.length).toBeGreaterThan(0);
    for (const h of shown) expect(text).toContain(`why: ${h.ranking.replace(/^ranked \d+ of \d+ at \d+%; /, '')}`);
    const md = renderMarkdown(m);
    m.hypotheses.forEach((h, i) => expect(md).toContain(`ranking: ranked ${i + 1} of ${m.hypotheses.length} at ${Math.round(h.confidence * 100)}%; raised by`));
  });
});
