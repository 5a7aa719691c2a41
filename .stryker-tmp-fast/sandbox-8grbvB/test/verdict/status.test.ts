/**
 * The verdict is honest about what it rests on: healthy only on a whole bundle with its core
 * inputs, inconclusive (naming the gap first) when nothing was found in a damaged or partial
 * bundle, problems with the completeness warning kept when findings exist.
 */
// @ts-nocheck

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderHtml } from '../../src/report/html.js';
import { tempDir, writeTemp, writeTree } from '../helpers/fixtures.js';
import { HEALTHY_MEMINFO } from '../helpers/bundles.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');
const TGZ = readdirSync(SAMPLES).filter((f) => f.endsWith('.tgz'));

async function model(input: string) {
  const a = await analyze(input);
  return { a, m: buildReportModel(a) };
}

describe('report status', () => {
  it('is healthy only for the whole healthy sample', async () => {
    const { m } = await model(path.join(SAMPLES, 'orin-nano-healthy.tgz'));
    expect(m.status).toBe('healthy');
    expect(m.completeness).toEqual({ complete: true, gaps: [] });
  });

  describe.each(TGZ)('%s cut to half its size', (name) => {
    it('is never healthy, and names the damage before anything else', async () => {
      const data = readFileSync(path.join(SAMPLES, name));
      const cut = writeTemp(name, data.subarray(0, Math.floor(data.length / 2)));
      const { m } = await model(cut);
      expect(m.status).not.toBe('healthy');
      expect(m.completeness.complete).toBe(false);
      expect(m.completeness.gaps[0]!.message).toMatch(/^the archive .* is damaged after \d+ entr(y|ies) \(how many followed is not known\): files after that are unknown$/);
      const text = renderTerminal(m, { enabled: false });
      const verdictLine = text.split('\n').findIndex((l) => /^(PROBLEMS|INCONCLUSIVE) /.test(l));
      expect(verdictLine).toBeGreaterThan(0);
      // the damage is on the verdict line (inconclusive) or right under it (problems), above any finding
      const damage = text.split('\n').findIndex((l) => /is damaged after/.test(l));
      expect(damage - verdictLine).toBeLessThanOrEqual(2);
      const firstFinding = text.split('\n').findIndex((l) => /^ {2}(CRITICAL|ERROR|WARNING|INFO) /.test(l));
      if (firstFinding >= 0) expect(damage).toBeLessThan(firstFinding);
    });
  });

  it('the healthy sample cut to half is inconclusive, in every format', async () => {
    const data = readFileSync(path.join(SAMPLES, 'orin-nano-healthy.tgz'));
    const { a, m } = await model(writeTemp('h.tgz', data.subarray(0, Math.floor(data.length / 2))));
    expect(m.status).toBe('inconclusive');
    expect(m.headline).toMatch(/^Not enough to call this device healthy: the archive .* is damaged after/);
    expect(renderTerminal(m, { enabled: false })).toMatch(/\n\nINCONCLUSIVE {2}Not enough/);
    expect(renderMarkdown(m)).toMatch(/\*\*INCONCLUSIVE\*\*: Not enough/);
    expect((await renderHtml(m, a.snapshot, a.device))).toMatch(/<section class="verdict inconclusive" id="verdict">\s*<strong>inconclusive<\/strong>Not enough/);
  });

  it('a lone /proc/meminfo is inconclusive: no kernel log', async () => {
    const dir = writeTree({ 'proc/meminfo': HEALTHY_MEMINFO });
    for (const input of [dir, path.join(dir, 'proc/meminfo')]) {
      const { m } = await model(input);
      expect(m.status).toBe('inconclusive');
      expect(m.completeness.gaps.map((g) => g.code)).toEqual(['core.dmesg-missing']);
      expect(m.headline).toMatch(/no kernel log \(dmesg, journalctl -k or kern\.log\) in the bundle/);
    }
  });

  it('an empty directory is inconclusive: no kernel log, no meminfo', async () => {
    const { m } = await model(tempDir());
    expect(m.status).toBe('inconclusive');
    expect(m.completeness.gaps.map((g) => g.code)).toEqual(['core.dmesg-missing', 'core.meminfo-missing']);
  });

  it('an empty kernel log file counts as missing, naming the file', async () => {
    const { m } = await model(writeTree({ 'proc/meminfo': HEALTHY_MEMINFO, 'dmesg.txt': '' }));
    expect(m.status).toBe('inconclusive');
    expect(m.headline).toMatch(/dmesg\.txt holds nothing jetdiag could read/);
  });

  it('a kernel log that starts after boot (wrapped ring buffer) is a gap', async () => {
    const dir = writeTree({ 'proc/meminfo': HEALTHY_MEMINFO, 'dmesg.txt': '[ 5000.000000] usb 1-2: new high-speed USB device number 3 using tegra-xusb\n' });
    const { m } = await model(dir);
    expect(m.status).toBe('inconclusive');
    expect(m.completeness.gaps[0]).toMatchObject({ code: 'dmesg.boot-lines-missing', file: 'dmesg.txt' });
  });

  it('the leak fit is not evaluated on a single capture, never passed', async () => {
    const { a } = await model(writeTree({ 'proc/meminfo': HEALTHY_MEMINFO }));
    expect(a.outcomes.find((o) => o.ruleId === 'memory-leak')).toMatchObject({ status: 'not-evaluated', detail: expect.stringMatching(/^a single capture: the leak fit needs a series/) });
  });
});
