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
    expect(a.snapshot.bundle.entries[0]!.kind, 'recognised by content').toBeDefined();
    for (const f of a.findings) {
      expect(f.verdict).not.toMatch(/undefined|NaN|\{\{/);
      for (const e of f.evidence) expect(e.line).toBeGreaterThan(0);
    }
  });
});
