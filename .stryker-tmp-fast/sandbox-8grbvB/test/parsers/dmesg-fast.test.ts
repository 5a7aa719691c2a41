/**
 * The dmesg fast path (src/parsers/dmesg/fast.ts) against the grammar, which is the
 * authority: the same records, groups, boots and diagnostics with the fast path on and off,
 * on every corpus capture, on the bench's generated log, on captures mutated at random and
 * on stamped lines edited where the grammar's choice of prefix tokens is decided.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dmesgStream } from '../../src/parsers/dmesg/build.js';
import { monoPrefix } from '../../src/parsers/dmesg/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { dmesgLog } from '../../bench/generate.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { cutAt, mutation } from '../helpers/mutation.js';

const captures: [string, string][] = readdirSync(path.join(FIXTURES, 'dmesg'))
  .filter((f) => !f.endsWith('.md'))
  .map((f) => [f, fixture(`dmesg/${f}`)]);

function run(text: string | string[], grammarOnly: boolean, maxLineLength = 65536) {
  const sink = new DiagnosticSink('k');
  const p = dmesgStream({ path: 'k', lineOffset: 0 }, sink, { maxLineLength }, { grammarOnly });
  for (const piece of typeof text === 'string' ? [text] : text) p.write(piece);
  return { value: p.end(), diagnostics: sink.finish() };
}

describe('dmesg fast path = grammar', () => {
  it.each(captures)('%s', (_name, text) => {
    expect(run(text, false)).toEqual(run(text, true));
  });

  it('takes most lines of the stamped captures, so the comparisons above test it', () => {
    for (const name of ['jetson-nano-jp4.2-k4.9.140-boot-01.txt', 'jetson-tx2-l4t28.1-k4.4-boot-01.txt', 'generic-ubuntu2004-k5.4-x86-01.txt']) {
      const lines = fixture(`dmesg/${name}`).split('\n').filter((l) => l !== '');
      expect(lines.filter((l) => monoPrefix(l) >= 0).length, name).toBeGreaterThan(lines.length * 0.9);
    }
  });

  it("on the bench's log, streamed in pieces", () => {
    const text = dmesgLog(3000);
    const whole = run(text, true);
    expect(run(text, false)).toEqual(whole);
    expect(run(cutAt(text, [3, 4000, 77777, 150000]), false)).toEqual(whole);
  });

  it('on mutated captures (cut, dropped and repeated lines, junk), with long and short line limits', () => {
    const base = captures.map(([, t]) => t.slice(0, 8000));
    fc.assert(
      fc.property(mutation(base), fc.constantFrom(65536, 120, 40), (text, max) => {
        expect(run(text, false, max)).toEqual(run(text, true, max));
      }),
      { numRuns: 150 },
    );
  });

  it('on stamped lines edited where a prefix token is decided', () => {
    const stamped = captures.flatMap(([, t]) => t.split('\n').filter((l) => monoPrefix(l) >= 0).slice(0, 6));
    const pieces = [' ', '  ', '\t', '\r', '[', ']', '.', '0', '1234', '<6>', ' <3>', '[0000.126]', '[  12.5] ', 'kern  :info  : ', 'user :warn : ', 'Nov 24 10:00:00 host kernel: ', 'Sat Jan 25 09:40:15 2020 kern.err kernel: ', '2026-11-24T10:00:00+0000 host kernel: ', 'Booting Linux on physical CPU 0x0', 'oom-killer', 'é', '\u0000'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...stamped), fc.array(edit, { minLength: 1, maxLength: 3 }), fc.nat({ max: 5 }), (line, edits, keep) => {
        let l = line;
        for (const e of edits) {
          const at = e.at % 24 % (l.length + 1); // where the prefix is
          l = l.slice(0, at) + e.ins + l.slice(at + e.del);
        }
        const text = [stamped[keep % stamped.length], l, stamped[(keep + 1) % stamped.length]].join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 600 },
    );
  });
});
