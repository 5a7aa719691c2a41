/**
 * Property-based tests: no parser throws on any input, and every diagnostic names the file
 * and a line inside it. Inputs are random text and real captures mutated at random.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FILE_PARSERS } from '../../src/parsers/registry.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const CORPUS_DIR: Record<string, string> = {
  meminfo: 'meminfo', buddyinfo: 'buddyinfo', zoneinfo: 'zoneinfo', iomem: 'iomem', dmesg: 'dmesg', tegrastats: 'tegrastats',
};

function samplesFor(kind: string): string[] {
  const dir = CORPUS_DIR[kind];
  if (!dir) return [];
  return readdirSync(path.join(FIXTURES, dir)).map((f) => fixture(`${dir}/${f}`).slice(0, 20_000));
}

/** Random edits of a real capture: cut, duplicate or drop lines, flip characters, insert junk. */
const mutation = (base: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...base),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }) }),
          fc.record({ op: fc.constant('dropLine' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('junk' as const), at: fc.nat(), text: fc.string({ maxLength: 80, unit: 'grapheme' }) }),
        ),
        { maxLength: 8 },
      ),
    )
    .map(([text, ops]) => {
      let t = text;
      for (const o of ops) {
        const at = t.length ? o.at % t.length : 0;
        if (o.op === 'cut') t = t.slice(0, at);
        else if (o.op === 'flip') t = t.slice(0, at) + o.ch + t.slice(at + 1);
        else if (o.op === 'junk') t = t.slice(0, at) + o.text + t.slice(at);
        else {
          const lines = t.split('\n');
          const i = lines.length ? o.at % lines.length : 0;
          if (o.op === 'dropLine') lines.splice(i, 1);
          else lines.splice(i, 0, lines[i] ?? '');
          t = lines.join('\n');
        }
      }
      return t;
    });

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
