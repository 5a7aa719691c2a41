/**
 * The tegrastats scanner's templates (src/parsers/tegrastats/fast.ts): a line with the text of
 * a recently scanned line between its numbers is read by matching it against that line's
 * template instead of field by field. Held here to the field-by-field scan item for item (op,
 * name place, every value, and whether the line has the expected layout), on real corpus lines
 * with their numbers changed, edited at random, and mixed across families.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as F from '../../src/parsers/tegrastats/fast.js';
import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const { scanLine, items, templateControl } = F;

const regular = readdirSync(path.join(FIXTURES, 'tegrastats'))
  .filter((f) => !f.endsWith('.md'))
  .flatMap((f) => fixture(`tegrastats/${f}`).split('\n').filter((l) => { templateControl.enabled = false; return scanLine(l, 0, l.length) > 0; }).slice(0, 5));

afterEach(() => {
  templateControl.enabled = true;
});

type Read = { count: number; same: boolean; rows: unknown[][] } | null;

/** What scanLine leaves in `items` for s[start..end) (values as Object.is sees them: NaN, -0). */
function read(s: string, start = 0, end = s.length): Read {
  const count = scanLine(s, start, end);
  if (count < 0) return null;
  const rows: unknown[][] = [];
  for (let k = 0; k < count; k++) {
    const vals = [...items.v.slice(k * F.VALS, (k + 1) * F.VALS)].map((x) => (Object.is(x, -0) ? '-0' : Number.isNaN(x) ? 'NaN' : x));
    rows.push([items.op[k], items.from[k], items.to[k], ...vals]);
  }
  return { count, same: items.same, rows };
}

const NO_LAYOUT: F.ExpectedLayout = { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) };

/** The line's layout, as the builder hands it to the scan as the one expected. */
function layoutOf(line: string): F.ExpectedLayout {
  templateControl.enabled = false;
  items.expect = NO_LAYOUT;
  scanLine(line, 0, line.length);
  const c = items.count;
  return {
    count: c,
    op: items.op.slice(0, c),
    name: Array.from({ length: c }, (_, k) => (items.op[k]! >= F.O_LOAD ? line.slice(items.from[k], items.to[k]) : '')),
    index: items.from.slice(0, c),
  };
}

/**
 * `line` read after `before` (so their templates are the recent ones), with templates, and
 * read field by field; `expect` is the layout expected for both. Returns both readings and
 * whether a template matched.
 */
function both(before: string[], line: string, expect: F.ExpectedLayout = NO_LAYOUT, start = 0, end = line.length) {
  templateControl.enabled = true;
  for (const b of before) scanLine(b, 0, b.length);
  const matched = templateControl.matched;
  items.expect = expect;
  const withTemplates = read(line, start, end);
  const hit = templateControl.matched > matched;
  templateControl.enabled = false;
  items.expect = expect;
  const byField = read(line, start, end);
  return { withTemplates, byField, hit };
}

/** The line with each of its numbers replaced as `f` says (digits inside a name, as in GR3D or soc2, are left). */
const renumber = (line: string, f: (digits: string, k: number) => string) => {
  let k = 0;
  return line.replace(/(?<![A-Za-z_\d])\d+|(?<=\dx)\d+/g, (d) => f(d, k++));
};

describe('tegrastats templates = the field-by-field scan', () => {
  it('the corpus has lines of many families to build templates from', () => {
    expect(new Set(regular.map((l) => l.replace(/\d+/g, '#'))).size).toBeGreaterThan(8);
  });

  it('a line of the same family with other numbers is matched, and read as the scan reads it', () => {
    for (const line of regular) {
      const other = renumber(line, (d, k) => String((Number(d.slice(0, 6)) * 7 + k) % 10 ** Math.min(d.length, 6)).padStart(d.length, '0'));
      const r = both([line], other, layoutOf(line));
      expect(r.withTemplates, other).toEqual(r.byField);
      expect(r.byField).not.toBeNull();
      expect(r.hit, other).toBe(true);
    }
    // Every family's own next line is matched by its template.
    let hits = 0;
    for (const line of regular) {
      const same = renumber(line, (d) => d);
      if (both([line], same, layoutOf(line)).hit) hits++;
    }
    expect(hits).toBe(regular.length);
  });

  it('numbers of every width, signs and fractions where the readers take them', () => {
    const widths = fc.oneof(fc.constant(''), fc.constant('0'), fc.constant('-'), fc.constant('.5'), fc.constant('12345678901234567'), fc.stringMatching(/^\d{1,8}$/));
    fc.assert(
      fc.property(fc.constantFrom(...regular), fc.array(widths, { minLength: 1, maxLength: 60 }), fc.boolean(), (line, subs, sameLayout) => {
        const other = renumber(line, (d, k) => subs[k % subs.length]! || d);
        const r = both([line], other, sameLayout ? layoutOf(line) : NO_LAYOUT);
        expect(r.withTemplates, other).toEqual(r.byField);
      }),
      { numRuns: 400 },
    );
  });

  it('a line edited at random after its template was made', () => {
    const pieces = [' ', '  ', '\t', '\r', '@', '%', '/', '[', ']', ',', 'mW', 'C', 'kB', 'MB', '-', '.', '0', '9', 'x', 'off', 'RAM ', 'CPU [', '(lfb ', 'a', 'Z', '_', '-256C', '1%@2,'];
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 3 }), ins: fc.constantFrom(...pieces) });
    fc.assert(
      fc.property(fc.constantFrom(...regular), fc.array(edit, { minLength: 1, maxLength: 3 }), (line, edits) => {
        let l = line;
        for (const e of edits) {
          const at = e.at % (l.length + 1);
          l = l.slice(0, at) + e.ins + l.slice(at + e.del);
        }
        const r = both([line], l, layoutOf(line));
        expect(r.withTemplates, l).toEqual(r.byField);
      }),
      { numRuns: 600 },
    );
  });

  it('lines of all families in any order (templates made, reused, evicted), read in the middle of a text', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(regular.length - 1), { minLength: 2, maxLength: 30 }), (picks) => {
        const lines = picks.map((k) => regular[k]!);
        const last = lines.pop()!;
        const text = `${lines[0]}\n${last}\n`;
        const r = both(lines, text, layoutOf(last), lines[0]!.length + 1, text.length - 1);
        expect(r.withTemplates).toEqual(r.byField);
      }),
      { numRuns: 200 },
    );
  });

  it('a line cut short of its template, or longer than it, is not matched', () => {
    const line = regular.find((l) => l.includes('VDD_IN'))!;
    for (const other of [line.slice(0, -1), line.slice(0, line.lastIndexOf(' ')), `${line} VDD_X 1/2`, `${line}0`, `${line} `]) {
      const r = both([line], other, layoutOf(line));
      expect(r.withTemplates, other).toEqual(r.byField);
    }
  });

  it('a whole log read with templates gives the same series as read without', () => {
    for (const name of ['jetson-agx-orin-64gb-jp6-01.txt', 'jetson-nano-jp4-02.txt', 'jetson-tx2-jp4-02.txt', 'jetson-xavier-nx-jp5-01.txt']) {
      const text = fixture(`tegrastats/${name}`);
      const parse = (on: boolean) => {
        templateControl.enabled = on;
        const sink = new DiagnosticSink('t');
        const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink);
        p.write(text);
        return { value: p.end(), diagnostics: sink.finish() };
      };
      const matched = templateControl.matched;
      const on = parse(true);
      expect(templateControl.matched - matched, name).toBeGreaterThan(0);
      expect(on).toEqual(parse(false));
    }
  });
});
