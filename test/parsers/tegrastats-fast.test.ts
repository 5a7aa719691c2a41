/**
 * The tegrastats fast path (src/parsers/tegrastats/fast.ts) against the grammar, which is
 * the authority: the same snapshot and the same diagnostics, with the fast path on and off,
 * on every corpus capture, on the bench's generated log, on captures mutated at random and
 * on regular lines edited at the places where a field's shape is decided.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { scanLine } from '../../src/parsers/tegrastats/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { tegrastatsLines } from '../../bench/generate.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';
import { cutAt, mutation } from '../helpers/mutation.js';

const captures: [string, string][] = readdirSync(path.join(FIXTURES, 'tegrastats'))
  .filter((f) => !f.endsWith('.md'))
  .map((f) => [f, fixture(`tegrastats/${f}`)]);

function run(text: string | string[], grammarOnly: boolean, maxLineLength = 65536) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, { maxLineLength }, { grammarOnly });
  for (const piece of typeof text === 'string' ? [text] : text) p.write(piece);
  return { value: p.end(), diagnostics: sink.finish() };
}

function accepted(text: string): { samples: number; accepted: number } {
  const lines = text.split('\n');
  return { samples: lines.filter((l) => l.includes('RAM ')).length, accepted: lines.filter((l) => scanLine(l, 0, l.length) > 0).length };
}

describe('tegrastats fast path = grammar', () => {
  it.each(captures)('%s', (_name, text) => {
    expect(run(text, false)).toEqual(run(text, true));
  });

  it('takes the regular lines of every family (JP4 Nano/TX2/Xavier, JP5, JP6, JP7), so the comparisons above test it', () => {
    for (const name of ['jetson-nano-jp4-02.txt', 'jetson-tx2-jp4-02.txt', 'jetson-agx-xavier-jp4-01.txt', 'jetson-xavier-nx-jp5-01.txt', 'jetson-agx-orin-64gb-jp6-01.txt', 'jetson-agx-orin-jp72-01.txt']) {
      const a = accepted(fixture(`tegrastats/${name}`));
      expect(a.accepted, name).toBe(a.samples);
    }
    // Wrapped samples and prompts are the grammar's.
    expect(accepted(fixture('tegrastats/jetson-orin-nano-8gb-jp6-01.txt')).accepted).toBe(0);
  });

  it("on the bench's 1 Hz JetPack 6 log, streamed in pieces", () => {
    const text = [...tegrastatsLines(3000)].join('');
    expect(accepted(text).accepted).toBe(3000);
    const whole = run(text, true);
    expect(run(text, false)).toEqual(whole);
    expect(run(cutAt(text, [1, 5000, 77777, 200000]), false)).toEqual(whole);
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

  it('on regular lines edited where a field shape is decided', () => {
    const regular = captures.flatMap(([, t]) => t.split('\n').filter((l) => scanLine(l, 0, l.length) > 0).slice(0, 4));
    const pieces = [' ', '  ', '\t', '\r', '@', '%', '/', '[', ']', ',', 'mW', 'C', 'kB', 'MB', '-', '.', '0', '9', '12345678901234567', 'x', 'off', 'RAM ', 'SWAP ', 'CPU [', 'IRAM ', 'MTS fg ', 'Nov 24 10:00:00 ', '(lfb ', '(cached ', 'a', 'Z', '_', '#', 'é', '-256C'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...regular), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.nat({ max: 3 }), (line, edits, keep) => {
        let l = line;
        for (const e of edits) {
          const at = e.at % (l.length + 1);
          l = l.slice(0, at) + e.ins + l.slice(at + e.del);
        }
        // The edited line between untouched ones, so sample boundaries are compared too.
        const text = [regular[keep % regular.length], l, regular[(keep + 1) % regular.length]].join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 600 },
    );
  });
});

describe('names the expected layout already holds', () => {
  // The scan takes a name as read when the line has the one the previous line's layout has
  // at that place, with its kind's delimiter; edits at and around names, after the same line
  // unedited (so that layout is the one expected), must still give the grammar's result.
  const regular = captures.flatMap(([, t]) => t.split('\n').filter((l) => scanLine(l, 0, l.length) > 0).slice(0, 3));
  const pieces = [' ', '@', '_', 'A', 'a', '0', 'C', '-', '.', '%', '/', 'x@', '@1C', ' 1', '_FREQ', '_LOAD', 'RAM', 'CPU'];

  it('edits next to a name give the grammar\'s result', () => {
    fc.assert(
      fc.property(fc.constantFrom(...regular), fc.nat(), fc.nat({ max: 2 }), fc.constantFrom(...pieces), fc.boolean(), (line, pick, del, ins, before) => {
        // A place at a name's start or end: before a `@`, before/after a blank.
        const marks: number[] = [];
        for (let i = 0; i < line.length; i++) if (line[i] === '@' || line[i] === ' ') marks.push(before ? i : i + 1);
        const at = marks.length ? marks[pick % marks.length]! : 0;
        const edited = line.slice(0, at) + ins + line.slice(at + del);
        const text = `${line}\n${line}\n${edited}\n${line}\n`;
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 400 },
    );
  });

  it('a line that ends right after a name the layout has, and a name the layout has as a temperature given as a value', () => {
    // One line of each of a few families (JP4, JP5, JP6, JP7 print other fields).
    const lines = [...new Map(regular.map((l) => [l.replace(/[\d.]+/g, '#').slice(0, 60), l])).values()].slice(0, 6);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const words = line.split(' ');
      for (let w = 2; w < words.length; w++) {
        const cut = words.slice(0, w).join(' ');
        const name = words[w]!.split('@')[0]!;
        const swapped = [...words.slice(0, w), words[w]!.includes('@') ? `${name} 5` : `${name}@5C`, ...words.slice(w + 1)].join(' ');
        for (const edited of [`${cut} ${name}`, swapped]) {
          const text = `${line}\n${line}\n${edited}\n`;
          expect(run(text, false), edited).toEqual(run(text, true));
        }
      }
    }
  });
});

describe('the fast path stores through one layout per sequence of fields', () => {
  // Regular lines of every capture (each family prints other fields, names and counts of cores).
  const regular = captures.flatMap(([, t]) => t.split('\n').filter((l) => scanLine(l, 0, l.length) > 0).slice(0, 6));

  it('has many layouts to switch between', () => {
    const families = new Set(regular.map((l) => l.replace(/[\d.]+/g, '#')));
    expect(families.size).toBeGreaterThan(8);
  });

  it('gives the grammar\'s result on lines of every family in any order (layouts made, reused, evicted, made again)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(regular.length - 1), { minLength: 1, maxLength: 40 }), (picks) => {
        const text = picks.map((k) => regular[k]).join('\n') + '\n';
        expect(run(text, false)).toEqual(run(text, true));
      }),
      { numRuns: 150 },
    );
  });

  it('numbers a rail repeated on the wrapped line after a fast-path line as the grammar does', () => {
    // A JP6 line (agx-orin-64gb capture), then the rails of the Orin Nano capture's wrapped
    // sample repeated on a continuation line: the second VDD_IN must become VDD_IN#2.
    const first = regular.find((l) => l.includes('VDD_GPU_SOC'))!;
    const more = 'VDD_GPU_SOC 2801mW/2801mW VDD_IN 3913mW/3922mW';
    const text = `${first}\n${more}\n${first}\n`;
    const fast = run(text, false);
    expect(fast).toEqual(run(text, true));
    expect(Object.keys(fast.value.railCurrentMW)).toContain('VDD_GPU_SOC#2');
    expect(fast.value.railCurrentMW['VDD_GPU_SOC#2']![0]).toBe(2801);
  });

  it('reads the CPU list forms the grammar reads (own clocks, off, a shared clock) and leaves others to it', () => {
    const line = regular.find((l) => l.startsWith('RAM 936/3964MB'))!; // Nano JP4 capture
    const list = /CPU \[[^\]]*\]/.exec(line)![0];
    const cases: [string, boolean][] = [
      ['CPU [10%@102,off,0%@102,off]', true],
      ['CPU [10%,3%,0%,0%]@1479', true],
      ['CPU [10%,off,0%@204,0%]@1479', true],
      ['CPU [10%,3%]', true],
      ['CPU []', false],
      ['CPU [10%@,3%@102]', false],
      ['CPU [10,3%@102]', false],
      ['CPU [10%@102,,3%@102]', false],
    ];
    for (const [cpu, fastPath] of cases) {
      const edited = line.replace(list, cpu);
      expect(scanLine(edited, 0, edited.length) > 0, cpu).toBe(fastPath);
      const text = `${line}\n${edited}\n${line}\n`;
      expect(run(text, false), cpu).toEqual(run(text, true));
    }
  });

  it('keeps two logs read at once apart (the scan state is shared, the layouts are not)', () => {
    // The same capture twice (its layouts equal, the columns not) beside two others.
    const texts = captures.filter(([n]) => /nano-jp4-02|xavier-nx-jp5|agx-orin-64gb-jp6-01/.test(n)).map(([, t]) => t);
    texts.push(texts[0]!);
    const sinks = texts.map(() => new DiagnosticSink('t'));
    const parsers = texts.map((_, k) => tegrastatsStream({ path: 't', lineOffset: 0 }, sinks[k]!, { maxLineLength: 65536 }, { grammarOnly: false }));
    const lines = texts.map((t) => t.split(/(?<=\n)/));
    for (let i = 0; lines.some((l) => i < l.length); i++) lines.forEach((l, k) => l[i] !== undefined && parsers[k]!.write(l[i]!));
    parsers.forEach((p, k) => expect({ value: p.end(), diagnostics: sinks[k]!.finish() }).toEqual(run(texts[k]!, true)));
  });

  it('reads a line in the middle of a longer text only up to its end', () => {
    const [a, b] = [regular[0]!, regular[regular.length - 1]!];
    const text = `${a}\n${b}`;
    expect(scanLine(text, 0, a.length)).toBe(scanLine(a, 0, a.length));
    expect(scanLine(text, a.length + 1, text.length)).toBe(scanLine(b, 0, b.length));
    // A line cut before its last field's end is not the line with that field.
    const cut = a.lastIndexOf(' ') + 2;
    expect(scanLine(text, 0, cut)).toBe(scanLine(a.slice(0, cut), 0, cut));
  });
});

describe('a line the grammar cannot read, lexed in a chunk with others', () => {
  it('is reported at its own column, not at its offset in the chunk', () => {
    const good = '12-23-2024 22:54:11 RAM 3162/7620MB (lfb 4x2MB) SWAP 0/3810MB (cached 0MB)';
    const bad = 'RAM 3162/7620MB Nov 24 10:00:00 SWAP 0/3810MB';
    for (const grammarOnly of [true, false]) {
      const { diagnostics } = run(`${good}\n${bad}\n${good}\n`, grammarOnly);
      expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[2, expect.stringContaining(`column ${bad.indexOf('Nov') + 1} ("Nov 24`)]]);
    }
  });
});
