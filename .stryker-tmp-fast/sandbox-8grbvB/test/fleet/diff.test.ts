// @ts-nocheck
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/fleet/analyze-one.js';
import { diffResults } from '../../src/fleet/diff.js';
import { renderDiff } from '../../src/fleet/render-diff.js';
import { runCli, SAMPLE, tempDir } from '../helpers/fleet.js';


describe('diff of two bundles', () => {
  it('lists findings that appeared and cleared and how the key figures moved', async () => {
    const healthy = await analyzeBundle(SAMPLE('orin-nano-healthy.tgz'));
    const leak = await analyzeBundle(SAMPLE('orin-nano-leak-oom.tgz'));
    const d = diffResults(healthy, leak);
    expect(d.statusChanged).toBe(true);
    expect(d.appeared.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['oom-kills', 'memory-leak', 'memory-pressure']));
    expect(d.cleared).toEqual([]);
    expect(d.issuesAppeared[0]).toMatch(/^leak-to-oom/);
    expect(d.figures.find((f) => f.key === 'memAvailableMiB')).toEqual({ key: 'memAvailableMiB', label: 'MemAvailable', unit: 'MiB', before: 4689.6, after: 243, delta: -4446.6 });
    const back = diffResults(leak, healthy);
    expect(back.cleared.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['oom-kills']));
    expect(back.appeared).toEqual([]);
    expect(diffResults(leak, leak).same).toBe(true);
    const md = renderDiff(d, 'md');
    expect(md).toMatch(/## Appeared/);
    expect(md).toMatch(/\| MemAvailable \| 4689.6 MiB \| 243 MiB \| -4446.6 \|/);
  }, 60_000);

  it('a finding whose severity moved is "changed", not appeared and cleared', async () => {
    const a = await analyzeBundle(SAMPLE('orin-nano-leak-oom.tgz'));
    const b = structuredClone(a);
    const f = b.findings.find((x) => x.severity === 'error')!;
    f.severity = 'critical';
    const d = diffResults(a, b);
    expect(d.changed).toEqual([{ before: a.findings.find((x) => x.stableId === f.stableId), after: f }]);
    expect(d.appeared).toEqual([]);
    expect(d.cleared).toEqual([]);
  }, 60_000);

  it('jetdiag diff prints the change, writes the report formats and fails on a new error with --fail-on', async () => {
    const out = tempDir();
    const r = await runCli(['diff', SAMPLE('orin-nano-healthy.tgz'), SAMPLE('orin-nano-leak-oom.tgz'), '-o', out, '--fail-on', 'error']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^jetdiag diff: status healthy → problems, \d+ appeared, 0 cleared, 0 changed\./);
    expect(r.stdout).toMatch(/\+ appeared +\[critical\] oom-kills:/);
    expect(r.stdout).toMatch(/MemAvailable +4689.6 MiB → 243 MiB +-4446.6/);
    expect(readFileSync(path.join(out, 'diff.html'), 'utf8')).toMatch(/<p class="verdict" id="verdict">status healthy → problems/);
    expect(JSON.parse(readFileSync(path.join(out, 'diff.json'), 'utf8')).appeared.length).toBeGreaterThan(0);
    const cleared = await runCli(['diff', SAMPLE('orin-nano-leak-oom.tgz'), SAMPLE('orin-nano-healthy.tgz'), '--fail-on', 'error']);
    expect(cleared.status).toBe(0);
    expect(cleared.stdout).toMatch(/- cleared +\[critical\] oom-kills/);
    const missing = await runCli(['diff', '/nonexistent.tgz', SAMPLE('orin-nano-healthy.tgz')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^jetdiag: \/nonexistent\.tgz: /);
  }, 120_000);
});
