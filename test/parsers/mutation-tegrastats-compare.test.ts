/**
 * The tegrastats fast path (src/parsers/tegrastats/fast.ts) against the grammar, in a form cheap
 * enough for the Stryker batch over the tegrastats builder (docs/mutation-parsers.md), which
 * leaves test/parsers/tegrastats-fast.test.ts out (its property tests take 16 s and would run
 * for every surviving mutant): the head of every corpus capture, a fixed-seed sample of edited
 * regular lines and lines of every family in any order. The scanner's own answers are tested in
 * mutation-tegrastats-fast.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { scanLine } from '../../src/parsers/tegrastats/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const captures: [string, string][] = readdirSync(path.join(FIXTURES, 'tegrastats'))
  .filter((f) => !f.endsWith('.md'))
  .map((f) => [f, fixture(`tegrastats/${f}`)]);

function run(text: string, grammarOnly: boolean, maxLineLength = 65536) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, { maxLineLength }, { grammarOnly });
  p.write(text);
  return { value: p.end(), diagnostics: sink.finish() };
}

const regular = captures.flatMap(([, t]) => t.split('\n').filter((l) => scanLine(l, 0, l.length) > 0).slice(0, 4));

describe('tegrastats fast path = grammar (Stryker stand-in)', () => {
  // The first 40 lines of each capture hold every field kind, prompt and wrapped sample it has.
  it.each(captures)('%s', (_name, text) => {
    const head = text.split('\n').slice(0, 40).join('\n');
    expect(run(head, false)).toEqual(run(head, true));
  });

  it('on regular lines edited where a field shape is decided (fixed seed)', () => {
    const pieces = [' ', '  ', '\t', '@', '%', '/', '[', ']', ',', 'mW', 'C', 'kB', 'MB', '-', '.', '0', '9', '12345678901234567', 'x', 'off', 'RAM ', 'SWAP ', 'CPU [', 'IRAM ', 'MTS fg ', '(lfb ', '(cached ', 'a', '_', '-256C'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...regular), fc.array(edit, { minLength: 1, maxLength: 3 }), (line, edits) => {
        let l = line;
        for (const e of edits) {
          const at = e.at % (l.length + 1);
          l = l.slice(0, at) + e.ins + l.slice(at + e.del);
        }
        const text = [regular[0], l, regular[1]].join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 30, seed: 14 },
    );
  });

  it('on lines of every family in any order (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(regular.length - 1), { minLength: 1, maxLength: 30 }), (picks) => {
        const text = picks.map((k) => regular[k]).join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 10, seed: 14 },
    );
  });
});
