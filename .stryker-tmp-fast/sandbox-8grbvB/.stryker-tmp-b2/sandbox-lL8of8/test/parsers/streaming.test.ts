/**
 * Streaming parsing equals whole-file parsing: every parser fed a capture in pieces cut at
 * random places (inside lines, between CR and LF, one character at a time) gives the same
 * snapshot part and the same diagnostics as when fed the whole text. On every corpus
 * capture, and on captures mutated at random (cut lines, junk, over-long lines).
 */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FILE_PARSERS, type FileParser } from '../../src/parsers/registry.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { cutAt, mutation } from '../helpers/mutation.js';

function capturesOf(kind: string): [string, string][] {
  let files: string[];
  try {
    files = readdirSync(path.join(FIXTURES, kind)).filter((f) => !f.endsWith('.md'));
  } catch {
    return [];
  }
  return files.map((f) => [`${kind}/${f}`, fixture(`${kind}/${f}`)]);
}

function run(parser: FileParser, pieces: string[], maxLineLength: number) {
  const sink = new DiagnosticSink('f');
  const p = parser.stream({ path: 'f', lineOffset: 3 }, sink, { tegrastatsIntervalSeconds: 1, maxLineLength });
  for (const piece of pieces) p.write(piece);
  return { value: p.end(), diagnostics: sink.finish() };
}

describe.each(FILE_PARSERS.map((p) => [p.kind, p] as const))('%s: streamed in pieces = parsed whole', (kind, parser) => {
  const captures = capturesOf(kind);

  it.each(captures.length ? captures : [['(synthetic)', 'x\n']])('%s, cut at random places', (_name, text) => {
    const whole = run(parser, [text], 65536);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
        expect(run(parser, cutAt(text, cuts), 65536)).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  if (captures.length) {
    it('on mutated captures with a short line limit, and one character at a time', () => {
      const base = captures.map(([, t]) => t.slice(0, 6000));
      fc.assert(
        fc.property(mutation(base), fc.array(fc.nat(), { maxLength: 30 }), fc.integer({ min: 8, max: 200 }), (text, cuts, max) => {
          const whole = run(parser, [text], max);
          expect(run(parser, cutAt(text, cuts), max)).toEqual(whole);
        }),
        { numRuns: 60 },
      );
      const small = base[0]!.slice(0, 1500);
      expect(run(parser, [...small], 40)).toEqual(run(parser, [small], 40));
    });
  }
});
