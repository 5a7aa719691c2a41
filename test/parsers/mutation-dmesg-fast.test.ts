/**
 * The dmesg fast path (src/parsers/dmesg/fast.ts) in a form cheap enough for the Stryker batch
 * over src/parsers/dmesg (docs/mutation-parsers.md), which leaves test/parsers/dmesg-fast.test.ts
 * out (its bench log and 600-run property run in full for every surviving mutant): what
 * monoPrefix says of each prefix shape first (a fast path that gives up on a line the grammar
 * then reads gives the same records, so only monoPrefix's own answer shows it), then the
 * records with the fast path on and off on every corpus capture and a fixed-seed sample of
 * stamped lines edited where a prefix token is decided.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { dmesgStream } from '../../src/parsers/dmesg/build.js';
import { monoPrefix } from '../../src/parsers/dmesg/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

describe('monoPrefix: where the message of a usual `[ stamp] message` line starts', () => {
  it('after the stamp and one blank, however many blanks pad the stamp', () => {
    const cases: [string, number][] = [
      ['[    0.000000] Booting Linux on physical CPU 0x0', 15],
      ['[12345.678901] tegradc 15200000.dc: blank - powerdown', 15],
      ['[  127.5] x', 10],
      ['[1.0]  two blanks kept in the message', 6],
      ['[1.0]', 5],
      ['[1.0] ', 6],
      ['[1.0]x', 5],
      ['[ 1.000] a', 9],
      ['[ 1234.567] a', 12],
      ['[12345.567] a', 12],
      ['[1234.5678] a', 12],
      ['[123.567] a', 10],
      ['[    3.123] Kernel command line: root=/dev/mmcblk0p1', 12],
      ['[    3.123] kern is not a facility without its colon', 12],
      ['[    3.123] Nova is a word, not a month', 12],
      ['[    3.123] 2026 is a year without its dash', 12],
      ['[    3.123]  Nov 24 indented', 12],
    ];
    for (const [line, at] of cases) expect(monoPrefix(line), line).toBe(at);
  });

  it('-1 for every line the grammar must read', () => {
    for (const line of [
      '',
      ' [    0.000000] x',
      '<6>[    0.000000] x',
      '[0000.126] bootloader',
      '[1234.567] bootloader stamp, four and three digits, no padding',
      '[    .5] x',
      '[    5.] x',
      '[    5] x',
      '[    5.5 x',
      '[    5,5] x',
      '[    x.5] x',
      '[    0.000000]\tx',
      '[    0.000000] x\r',
      '[    0.000000] <6>x',
      '[    0.000000] [    1.0] x',
      '[    0.000000] kern  :info  : x',
      '[    0.000000] local7:x',
      '[    0.000000] Nov 24 10:00:00 host kernel: x',
      '[    0.000000] 2026-11-24T10:00:00+0000 host kernel: x',
      '[    0.000000]  [ x',
      '[    3.123]  <6> indented',
    ]) expect(monoPrefix(line), JSON.stringify(line)).toBe(-1);
  });
});

const captures: [string, string][] = readdirSync(path.join(FIXTURES, 'dmesg'))
  .filter((f) => !f.endsWith('.md'))
  .map((f) => [f, fixture(`dmesg/${f}`)]);

function run(text: string, grammarOnly: boolean) {
  const sink = new DiagnosticSink('k');
  const p = dmesgStream({ path: 'k', lineOffset: 0 }, sink, { maxLineLength: 65536 }, { grammarOnly });
  p.write(text);
  return { value: p.end(), diagnostics: sink.finish() };
}

describe('dmesg fast path = grammar (Stryker stand-in)', () => {
  it.each(captures)('%s', (_name, text) => {
    expect(run(text, false)).toEqual(run(text, true));
  });

  it('on stamped lines edited where a prefix token is decided (fixed seed)', () => {
    const stamped = captures.flatMap(([, t]) => t.split('\n').filter((l) => monoPrefix(l) >= 0).slice(0, 6));
    const pieces = [' ', '  ', '\t', '[', ']', '.', '0', '1234', '<6>', ' <3>', '[0000.126]', '[  12.5] ', 'kern  :info  : ', 'Nov 24 10:00:00 host kernel: ', '2026-11-24T10:00:00+0000 host kernel: ', 'Booting Linux on physical CPU 0x0'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...stamped), fc.array(edit, { minLength: 1, maxLength: 3 }), (line, edits) => {
        let l = line;
        for (const e of edits) {
          const at = e.at % 24 % (l.length + 1);
          l = l.slice(0, at) + e.ins + l.slice(at + e.del);
        }
        const text = [stamped[0], l, stamped[1]].join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 80, seed: 14 },
    );
  });
});
