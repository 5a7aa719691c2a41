/**
 * A likeliest cause that the bundle argues against (below WEAK_CAUSE_CONFIDENCE) is not the
 * answer: the report leads with the most severe finding, names the cause with its confidence
 * and takes "What to do" from the finding, in every format. Real logs from public reports
 * (test/fixtures/real-audit/<case>/SOURCE.md says where each is from).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { analyze } from '../../src/analyze.js';
import { buildReportModel, WEAK_CAUSE_CONFIDENCE } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderHtml } from '../../src/report/html.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { fileURLToPath } from 'node:url';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

describe('weak likeliest cause', () => {
  it('TX2 SMMU fault on the PCIe stream: leads with the fault, not with the contradicted DMA-BUF cause', async () => {
    const a = await analyze(path.join(FIXTURES, 'real-audit', 'tx2-smmu-afi-pcie'));
    const m = buildReportModel(a);
    const best = a.hypotheses[0]!;
    expect(best.confidence).toBeLessThan(WEAK_CAUSE_CONFIDENCE);
    expect(m.status).toBe('problems');
    expect(m.leadCauseId).toBeUndefined();
    expect(m.headline).toBe(
      `1 SMMU context fault(s) on 12000000.iommu stream 0x11 (AFI). No cause stands out: the likeliest, ${best.cause}, is at ${Math.round(best.confidence * 100)}%.`,
    );
    const term = renderTerminal(m, { enabled: false });
    // What to do comes from the finding, not from the cause the log argues against.
    const todo = term.slice(term.indexOf('What to do:'));
    expect(todo).toContain(a.findings[0]!.remedy[0]!.slice(0, 40));
    for (const r of best.remedy) expect(todo.split('\n').slice(0, 4).join(' ')).not.toContain(r.slice(0, 40));
  });

  it('the headline label says "Top finding" where the gaps stand above it', async () => {
    // The excerpt has no /proc/meminfo: the completeness warning comes first, then the label.
    const a = await analyze(path.join(FIXTURES, 'real-audit', 'orin-cma-comptags'));
    const m = buildReportModel(a);
    expect(m.completeness.gaps.length).toBeGreaterThan(0);
    // The likeliest cause, fragmentation, is contradicted by failures 14 s after boot.
    expect(a.hypotheses[0]!.confidence).toBeLessThan(WEAK_CAUSE_CONFIDENCE);
    expect(m.leadCauseId).toBeUndefined();
    expect(m.headlineLabel).toBe('Top finding');
    expect(m.headline.startsWith(a.findings[0]!.verdict)).toBe(true);
    expect(renderTerminal(m, { enabled: false })).toMatch(/Top finding: /);
    expect(renderMarkdown(m)).toContain('**Top finding:**');
    expect(await renderHtml(m, a.snapshot, a.device)).toContain('<div class="top-cause">Top finding: ');
  });

  it('a cause the evidence carries still leads, with its confidence and its remedy', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-leak-oom'));
    const m = buildReportModel(a);
    expect(a.hypotheses[0]!.confidence).toBeGreaterThanOrEqual(WEAK_CAUSE_CONFIDENCE);
    expect(m.leadCauseId).toBe(a.hypotheses[0]!.id);
    expect(m.headline.startsWith(`${a.hypotheses[0]!.cause} (confidence `)).toBe(true);
    const term = renderTerminal(m, { enabled: false });
    expect(term.slice(term.indexOf('What to do:'))).toContain(a.hypotheses[0]!.remedy[0]!.slice(0, 40));
  });

  it('a healthy bundle\'s headline is labelled as the verdict, not as a cause', async () => {
    const a = await analyze(path.join(SAMPLES, 'orin-nano-healthy.tgz'));
    const m = buildReportModel(a);
    expect(m.status).toBe('healthy');
    expect(a.hypotheses).toEqual([]);
    expect(m.headlineLabel).toBe('Verdict');
    const leak = buildReportModel(await analyze(path.join(SAMPLES, 'orin-nano-leak-oom.tgz')));
    expect(leak.headlineLabel).toBe('Top cause');
  });
});
