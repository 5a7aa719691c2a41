/**
 * Property-based tests: no parser throws on any input, and every diagnostic names the file
 * and a line inside it. Inputs are random text and real captures mutated at random.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FILE_PARSERS } from '../../src/parsers/registry.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { mutation } from '../helpers/mutation.js';

const CORPUS_DIR: Record<string, string> = {
  meminfo: 'meminfo', buddyinfo: 'buddyinfo', zoneinfo: 'zoneinfo', iomem: 'iomem', dmesg: 'dmesg', tegrastats: 'tegrastats',
};

function samplesFor(kind: string): string[] {
  const dir = CORPUS_DIR[kind];
  if (!dir) return [];
  return readdirSync(path.join(FIXTURES, dir)).map((f) => fixture(`${dir}/${f}`).slice(0, 20_000));
}

describe.each(FILE_PARSERS.map((p) => [p.kind, p] as const))('%s parser never throws', (kind, parser) => {
  const check = (text: string) => {
    const sink = new DiagnosticSink('f');
    const lines = text.split('\n').length;
    const out = parser.parse({ path: 'f', text, lineOffset: 0 }, sink, { tegrastatsIntervalSeconds: 1 });
    expect(out).toBeTruthy();
    for (const d of sink.finish()) {
      expect(d.file).toBe('f');
      if (d.line !== undefined) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lines);
      }
    }
  };

  it('on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), check), { numRuns: 150 });
  });

  const base = samplesFor(kind);
  if (base.length) {
    it('on mutated real captures', () => {
      fc.assert(fc.property(mutation(base), check), { numRuns: 150 });
    });
  }
});
