import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/analyze.js';
import { FIXTURES } from '../helpers/fixtures.js';

/** Every real capture, analysed on its own as a one-file bundle: no rule may break on it. */
const files = readdirSync(FIXTURES).flatMap((dir) => readdirSync(path.join(FIXTURES, dir)).map((f) => path.join(dir, f)));

describe('analysis of every corpus capture', () => {
  it.each(files)('%s', async (rel) => {
    const a = await analyze(path.join(FIXTURES, rel));
    expect(a.outcomes.filter((o) => o.status === 'rule-error')).toEqual([]);
    expect(a.snapshot.diagnostics.filter((d) => d.code === 'parser.crashed')).toEqual([]);
    // A real-audit case is a folder: its captures must be recognised, its SOURCE.md is the note beside them.
    const captures = a.snapshot.bundle.entries.filter((e) => path.basename(e.path) !== 'SOURCE.md');
    expect(captures.length).toBeGreaterThan(0);
    for (const e of captures) expect(e.kind, `${e.path} recognised by content`).toBeDefined();
    for (const f of a.findings) {
      expect(f.verdict).not.toMatch(/undefined|NaN|\{\{/);
      for (const e of f.evidence) expect(e.line).toBeGreaterThan(0);
    }
  });
});

describe('analysis of random combinations of corpus captures', () => {
  it('never produces a rule error or an unfilled verdict', async () => {
    const { default: fc } = await import('fast-check');
    const { readFileSync } = await import('node:fs');
    const { snapshotFromFiles } = await import('../../src/rules/tester.js');
    const { analyzeSnapshot } = await import('../../src/analyze.js');
    const { loadSignatures } = await import('../../src/rules/signatures/pack.js');
    const signatures = loadSignatures();
    const byKind = (dir: string) => files.filter((f) => f.startsWith(`${dir}/`));
    const pick = (dir: string, name: string) => fc.option(fc.constantFrom(...byKind(dir)).map((f) => [name, f] as const), { nil: undefined });
    fc.assert(
      fc.property(
        fc.tuple(pick('meminfo', 'proc/meminfo'), pick('buddyinfo', 'proc/buddyinfo'), pick('zoneinfo', 'proc/zoneinfo'), pick('iomem', 'proc/iomem'), pick('dmesg', 'dmesg'), pick('tegrastats', 'tegrastats.log')),
        (choice) => {
          const bundle: Record<string, string> = {};
          for (const c of choice) if (c) bundle[c[0]] = readFileSync(path.join(FIXTURES, c[1]), 'utf8');
          const a = analyzeSnapshot(snapshotFromFiles(bundle), { signatures });
          expect(a.outcomes.filter((o) => o.status === 'rule-error')).toEqual([]);
          for (const f of a.findings) expect(f.verdict).not.toMatch(/undefined|NaN|\{\{/);
        },
      ),
      { numRuns: 40 },
    );
  });
});
