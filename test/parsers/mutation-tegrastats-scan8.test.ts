/**
 * More of what the tegrastats scanner (src/parsers/tegrastats/fast.ts, scanLine) reads and
 * refuses, field by field (session 8 of docs/mutation-parsers.md). A line the scanner refuses
 * is read by the grammar, so a scanner that accepts a malformed field, or says a line has the
 * layout of the previous one when it has not, is only seen here: the values it would store are
 * wrong (a rail in kW read as mW, a core of another index stored in the column of the previous
 * line's first core).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as F from '../../src/parsers/tegrastats/fast.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const { scanLine, items, templateControl } = F;

const NO_LAYOUT: F.ExpectedLayout = { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) };

afterEach(() => {
  templateControl.enabled = true;
  items.expect = NO_LAYOUT;
});

/** The items scanLine reads from a line, field by field: [op, name or core index, values...], or null when it leaves the line to the grammar. */
function scan(line: string): (string | number)[][] | null {
  templateControl.enabled = false;
  items.expect = NO_LAYOUT;
  const count = scanLine(line, 0, line.length);
  if (count < 0) return null;
  const out: (string | number)[][] = [];
  for (let k = 0; k < count; k++) {
    const op = items.op[k]!;
    const who = op === F.O_CORE || op === F.O_CORES ? items.from[k]! : line.slice(items.from[k], items.to[k]);
    out.push([op, who, ...items.v.slice(k * F.VALS, k * F.VALS + F.VALS)]);
  }
  return out;
}

/** The second item of `RAM 1/2MB <field>` (the field), or undefined when the line is refused. */
const one = (field: string) => scan(`RAM 1/2MB ${field}`)?.[1];

/** The layout the builder would expect after `line` (ops, names of NAME fields and temperatures, core indexes). */
function layoutOf(line: string): F.ExpectedLayout {
  expect(scan(line), line).not.toBeNull();
  const c = items.count;
  return {
    count: c,
    op: items.op.slice(0, c),
    name: Array.from({ length: c }, (_, k) => (items.op[k]! >= F.O_LOAD || items.op[k] === F.O_TEMP ? line.slice(items.from[k], items.to[k]) : '')),
    index: items.from.slice(0, c),
  };
}

/** Whether `line` is scanned as having the layout of `before`. */
function sameAs(before: string, line: string): boolean {
  const expected = layoutOf(before);
  templateControl.enabled = false;
  items.expect = expected;
  expect(scanLine(line, 0, line.length), line).toBeGreaterThan(0);
  return items.same;
}

describe('scanLine: names', () => {
  it('reads a NAME of any upper-case letter, digit and _, and a temperature name of any letter, digit, _ and -', () => {
    for (const L of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') expect(one(`VDD_${L}X 120/130`), L).toEqual([F.O_RAIL, `VDD_${L}X`, 120, 130, 0, 0]);
    for (const l of 'abcdefghijklmnopqrstuvwxyz') expect(one(`t${l}_0-a@41.5C`), l).toEqual([F.O_TEMP, `t${l}_0-a`, 41.5, 0, 0, 0]);
    expect(one('Tdiode_tegra@33.5C')).toEqual([F.O_TEMP, 'Tdiode_tegra', 33.5, 0, 0, 0]);
    expect(one('tz@40C')).toEqual([F.O_TEMP, 'tz', 40, 0, 0, 0]);
    // Characters next to the letters' ranges are no name characters: the grammar reads those lines.
    for (const bad of ['cv{0@40C', 'cv`0@40C', 'cv[0@40C', 'cv~0@40C', 'VDD_[ 120/130', 'VDD_` 120/130', 'VDD_{ 120/130', 'VDD_a 120/130']) expect(one(bad), bad).toBeUndefined();
  });
});

describe('scanLine: malformed values are left to the grammar', () => {
  it('rails in another unit than mW', () => {
    expect(one('VDD_IN 5542mW/5541mW')).toEqual([F.O_RAIL, 'VDD_IN', 5542, 5541, 0, 0]);
    for (const bad of ['VDD_IN 5542kW/5541kW', 'VDD_IN 5542mV/5541mV', 'VDD_IN 5542/W/5541', 'VDD_IN 5542MW/5541MW', 'VDD_IN 5542mw/5541mw']) {
      expect(one(bad), bad).toBeUndefined();
      expect(scan(`RAM 1/2MB ${bad} APE 25`), bad).toBeNull();
    }
  });

  it('an engine `off` spelt otherwise', () => {
    expect(one('NVDEC off')).toEqual([F.O_ENGINE, 'NVDEC', NaN, 0, 0, 0]);
    for (const bad of ['Off', 'OFF', 'oFf', 'ofF', 'oof', 'onf']) {
      expect(one(`NVDEC ${bad}`), bad).toBeUndefined();
      expect(scan(`RAM 1/2MB NVDEC ${bad} APE 25`), bad).toBeNull();
      expect(scan(`RAM 1/2MB CPU [1%@2,${bad},3%@4]`), bad).toBeNull();
    }
    expect(scan('RAM 1/2MB CPU [1%@2,off,3%@4]')?.map((i) => i[1])).toEqual(['', 0, 2, 3]);
  });

  it('temperatures: Fahrenheit, a slash inside the fraction; 15 decimals', () => {
    for (const bad of ['CV0@73.2F', 'CV0@73F', 'CV0@73.2/40C', 'CV0@73/40C']) {
      expect(one(bad), bad).toBeUndefined();
      expect(scan(`RAM 1/2MB ${bad} APE 25`), bad).toBeNull();
    }
    expect(one(`T@1.${'1'.repeat(15)}C`)).toEqual([F.O_TEMP, 'T', 1.111111111111111, 0, 0, 0]);
    expect(one(`T@-0.${'5'.repeat(15)}C`)).toEqual([F.O_TEMP, 'T', -0.555555555555555, 0, 0, 0]);
  });

  it('frequency lists: every digit, 15 digits an item, not 16', () => {
    expect(one('GR3D_FREQ 99%@[1377,918]')).toEqual([F.O_LOAD_FREQ, 'GR3D_FREQ', 99, 1377, 0, 0]);
    expect(one('GR3D_FREQ @[918,1399,989]')).toEqual([F.O_FREQ, 'GR3D_FREQ', NaN, 1399, 0, 0]);
    expect(one(`EMC_FREQ @[${'9'.repeat(15)}]`)).toEqual([F.O_FREQ, 'EMC_FREQ', NaN, 999999999999999, 0, 0]);
    expect(one(`EMC_FREQ @[1,${'9'.repeat(15)},2]`)).toEqual([F.O_FREQ, 'EMC_FREQ', NaN, 999999999999999, 0, 0]);
    for (const bad of [`EMC_FREQ @[${'9'.repeat(16)}]`, `EMC_FREQ @[1,${'9'.repeat(16)}] APE 25`, `GR3D_FREQ 3%@[${'1'.repeat(16)},2]`]) expect(scan(`RAM 1/2MB ${bad}`), bad).toBeNull();
  });

  it('CPU lists: a load without %, a field glued after the list', () => {
    for (const bad of ['CPU [1x]', 'CPU [10x,3%]', 'CPU [10%,3x]@1479', 'CPU [1%@2]EMC_FREQ 0%', 'CPU [1%,2%]@204APE 25', 'CPU [1%@2]xAPE 25']) expect(scan(`RAM 1/2MB ${bad}`), bad).toBeNull();
    expect(scan('RAM 1/2MB CPU [1%@2] EMC_FREQ 0%')?.length).toBe(4);
  });

  it(`a temperature as the ${F.MAX_ITEMS + 1}th item`, () => {
    const fields = (k: number) => `RAM 1/2MB ${Array.from({ length: k }, (_, i) => `E${i} ${i}`).join(' ')}`;
    const line = `${fields(F.MAX_ITEMS - 2)} T@40C`;
    expect(scanLine(line, 0, line.length)).toBe(F.MAX_ITEMS);
    expect(items.op[F.MAX_ITEMS - 1]).toBe(F.O_TEMP);
    expect(scan(`${fields(F.MAX_ITEMS - 1)} T@40C`)).toBeNull();
    expect(scan(`${fields(F.MAX_ITEMS - 1)} GPU@40C/41C`)).toBeNull();
  });
});

describe('scanLine: timestamps', () => {
  it('a clock set a year ahead: the day after is another day', () => {
    const at = (ts: string) => scan(`${ts} RAM 1/2MB`)![0]![2];
    // Days whose year, month and day add up alike are still told apart.
    expect(at('06-07-2023 14:39:03')).toBe(Date.UTC(2023, 5, 7, 14, 39, 3) / 1000);
    expect(at('06-06-2024 14:39:04')).toBe(Date.UTC(2024, 5, 6, 14, 39, 4) / 1000);
    expect(at('06-10-2020 00:00:00')).toBe(Date.UTC(2020, 5, 10) / 1000);
    expect(at('06-07-2023 14:39:05')).toBe(Date.UTC(2023, 5, 7, 14, 39, 5) / 1000);
    expect(at('07-06-2023 14:39:05')).toBe(Date.UTC(2023, 6, 6, 14, 39, 5) / 1000);
  });
});

describe('scanLine: whether a line has the layout expected (the previous line’s)', () => {
  it('another name of the same length, each of its letters different', () => {
    expect(sameAs('RAM 1/2MB GPU@40C APE 25', 'RAM 3/4MB GPU@41C APE 26')).toBe(true);
    expect(sameAs('RAM 1/2MB GPU@40C APE 25', 'RAM 3/4MB SOC@41C APE 26')).toBe(false);
    expect(sameAs('RAM 1/2MB GPU@40C APE 25', 'RAM 3/4MB GPU@41C VIC 26')).toBe(false);
    expect(sameAs('RAM 1/2MB VDD_IN 1/2', 'RAM 1/2MB POM_5V 1/2')).toBe(false);
  });

  it('the same fields with their brackets: other ops', () => {
    expect(sameAs('RAM 1/2MB SWAP 1/2MB', 'RAM 1/2MB (lfb 1x4MB) SWAP 3/4MB (cached 0MB)')).toBe(false);
    expect(sameAs('RAM 1/2MB (lfb 1x4MB) SWAP 3/4MB (cached 0MB)', 'RAM 1/2MB SWAP 1/2MB')).toBe(false);
    expect(sameAs('RAM 1/2MB (lfb 1x4MB) SWAP 3/4MB (cached 0MB)', 'RAM 5/6MB (lfb 7x8MB) SWAP 9/10MB (cached 11MB)')).toBe(true);
  });

  it('one core online, another one than before (TX2 Denver cores)', () => {
    expect(sameAs('RAM 1/2MB CPU [1%@2,off]', 'RAM 1/2MB CPU [off,1%@2]')).toBe(false);
    expect(sameAs('RAM 1/2MB CPU [off,1%@2]', 'RAM 1/2MB CPU [1%@2,off]')).toBe(false);
    expect(sameAs('RAM 1/2MB CPU [off,1%@2]', 'RAM 1/2MB CPU [off,5%@6]')).toBe(true);
  });
});

describe('scanLine: a lost blank glues two fields', () => {
  // The first sample line of each capture family: every field kind the scanner reads.
  const lines = readdirSync(path.join(FIXTURES, 'tegrastats'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fixture(`tegrastats/${f}`).split('\n').find((l) => scan(l) !== null))
    .filter((l): l is string => l !== undefined);

  it('the captures have sample lines the scanner reads', () => {
    expect(lines.length).toBeGreaterThan(10);
  });

  it('wherever the blank between two fields is lost (or is another character), the line is left to the grammar', () => {
    let cases = 0;
    for (const line of lines) {
      // Blanks between fields: those followed by a field's first letter (not `fg`/`bg` of MTS, not an engine's `off`).
      for (let i = 0; i < line.length; i++) {
        if (line[i] !== ' ' || !/^[A-Za-z]/.test(line.slice(i + 1)) || /^(fg |bg |off)/.test(line.slice(i + 1))) continue;
        for (const c of ['x', '@', '/', '%']) {
          const glued = line.slice(0, i) + c + line.slice(i + 1);
          expect(scan(glued), glued).toBeNull();
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(200);
  });
});

describe('scanLine: RAM, SWAP, IRAM and MTS fields at their edges', () => {
  it('a bracket right after the unit (no blank) is read as with the blank', () => {
    expect(scan('RAM 1/2MB(lfb 3x4MB) SWAP 5/6MB(cached 7MB)')).toEqual([
      [F.O_RAM_LFB, '', 1, 2, 3, 4096],
      [F.O_SWAP_CACHED, '', 5, 6, 7, 0],
    ]);
    expect(scan('RAM 1/2MB (lfb 3x4MB) SWAP 5/6MB (cached 7MB)')).toEqual(scan('RAM 1/2MB(lfb 3x4MB) SWAP 5/6MB(cached 7MB)'));
  });

  it('malformed brackets and MTS fields in the middle of a line are left to the grammar', () => {
    for (const bad of ['RAM 1/2MB (lfb 1x4MX) APE 25', 'RAM 1/2MB (lfb 1x4M) APE 25', 'RAM 1/2MB MTS fg 0% xx 15% APE 25', 'RAM 1/2MB MTS fg 0% bg 1x APE 25', 'RAM 1/2MB MTS fg 0% bg 1 APE 25']) expect(scan(bad), bad).toBeNull();
  });

  it('a NAME starting with I that is not IRAM is an ordinary NAME', () => {
    expect(one('ISP_FREQ 0%@115')).toEqual([F.O_LOAD_FREQ, 'ISP_FREQ', 0, 115, 0, 0]);
    expect(one('IRAMX 5')).toEqual([F.O_ENGINE, 'IRAMX', 5, 0, 0, 0]);
  });
});
