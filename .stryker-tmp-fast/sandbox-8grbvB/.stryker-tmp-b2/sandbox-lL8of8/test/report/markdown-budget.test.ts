// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { MARKDOWN_BUDGET, renderMarkdown } from '../../src/report/markdown.js';
import { writeTree } from '../helpers/fixtures.js';
import { smmuStormLog } from '../helpers/smmu-storm.js';

describe('Markdown size budget', () => {
  it('3,000 SMMU faults with every evidence line kept stay under 60,000 characters, folded with counts', async () => {
    const a = await analyze(writeTree({ 'dmesg.txt': smmuStormLog(3000) }), { engine: { maxEvidence: 0 } });
    const model = buildReportModel(a);
    const md = renderMarkdown(model);
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(md).toMatch(/^# jetdiag report/);
    expect(md).toMatch(/## Verdict/);
    expect(md).toMatch(/## Checks/);
    // Every finding is still accounted for: in full, as one line, or counted.
    const full = (md.match(/^### \d+\. /gm) ?? []).length;
    const brief = (md.match(/^\d+\. (critical|error|warning|info): /gm) ?? []).length;
    const counted = Number(/… (\d+) more finding\(s\) left out/.exec(md)?.[1] ?? 0);
    expect(full + brief + counted).toBe(model.findings.length);
    expect(md).toMatch(/<details><summary>Evidence: \d+ of \d+ lines<\/summary>/);
    expect(md).toMatch(/more line\(s\) in the HTML and JSON reports/);
  });

  it('a small report is left whole', async () => {
    const a = await analyze(writeTree({ 'dmesg.txt': smmuStormLog(4) }));
    const md = renderMarkdown(buildReportModel(a));
    expect(md).not.toMatch(/left out|more line\(s\)/);
    expect(md).toContain('iova=0xfff03000');
  });
});
