/**
 * What the tegrastats fast path's scanner (src/parsers/tegrastats/fast.ts, scanLine) reads from
 * each field shape and which lines it leaves to the grammar: a scanner that gives up on a line the
 * grammar then reads gives the same snapshot, so only its own answer shows it. Written for the
 * Stryker batch over fast.ts (docs/mutation-parsers.md), which runs these instead of the property
 * tests of tegrastats-fast.test.ts; the comparisons with the grammar are in
 * mutation-tegrastats-compare.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as F from '../../src/parsers/tegrastats/fast.js';
import { fixture } from '../helpers/fixtures.js';

const { scanLine, items } = F;

/** The items scanLine reads from a line: [op, name or index, values...], or null when it gives up. */
function scan(line: string): (string | number)[][] | null {
  items.expect = { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) };
  const count = scanLine(line, 0, line.length);
  if (count < 0) return null;
  const out: (string | number)[][] = [];
  for (let k = 0; k < count; k++) {
    const op = items.op[k]!;
    const from = items.from[k]!;
    const to = items.to[k]!;
    const who = op === F.O_CORE || op === F.O_CORES ? from : line.slice(from, to);
    const vals = [...items.v.slice(k * F.VALS, k * F.VALS + F.VALS)];
    out.push([op, who, ...vals]);
  }
  return out;
}


const NANO = 'RAM 936/3964MB (lfb 366x4MB) SWAP 0/4096MB (cached 0MB) IRAM 0/252kB(lfb 252kB) CPU [10%@102,3%@102,0%@102,0%@102] EMC_FREQ 0%@204 GR3D_FREQ 0%@76 APE 25 PLL@24C CPU@27.5C PMIC@50C GPU@28C AO@29.5C thermal@28C POM_5V_IN 920/920 POM_5V_GPU 0/0 POM_5V_CPU 119/119';
const JP72 = '07-25-2026 09:08:28 RAM 20642/62817MB (lfb 1x2MB) CPU [23%@2201,10%@2201,off,14%@2201] EMC_FREQ 3%@3199 GR3D_FREQ 12%@[1300,1300] NVENC0 off NVDEC0 off APE 174 cpu@52.968C/52.968C soc2@48.406C/48.406C VDD_GPU_SOC 5139mW/5139mW/5139mW VIN_SYS_5V0 5500mW/5499mW/5500mW';

describe('scanLine: what the fast path reads from each field shape', () => {
  it('takes every sample line of the regular captures', () => {
    for (const name of ['jetson-nano-jp4-02.txt', 'jetson-tx2-jp4-02.txt', 'jetson-agx-xavier-jp4-01.txt', 'jetson-xavier-nx-jp5-01.txt', 'jetson-agx-orin-64gb-jp6-01.txt', 'jetson-agx-orin-jp72-01.txt']) {
      const lines = fixture(`tegrastats/${name}`).split('\n');
      const samples = lines.filter((l) => l.includes('RAM ')).length;
      expect(lines.filter((l) => scanLine(l, 0, l.length) > 0).length, name).toBe(samples);
    }
  });

  it('a JetPack 4 Nano line, field by field', () => {
    expect(scan(NANO)).toEqual([
      [F.O_RAM_LFB, '', 936, 3964, 366, 4096],
      [F.O_SWAP_CACHED, '', 0, 4096, 0, 0],
      [F.O_IRAM, '', 0, 252, 0, 0],
      [F.O_CORE, 0, 10, 102, 0, 0],
      [F.O_CORE, 1, 3, 102, 0, 0],
      [F.O_CORE, 2, 0, 102, 0, 0],
      [F.O_CORE, 3, 0, 102, 0, 0],
      [F.O_CORES, 4, 0, 0, 0, 0],
      [F.O_LOAD_FREQ, 'EMC_FREQ', 0, 204, 0, 0],
      [F.O_LOAD_FREQ, 'GR3D_FREQ', 0, 76, 0, 0],
      [F.O_ENGINE, 'APE', 25, 0, 0, 0],
      [F.O_TEMP, 'PLL', 24, 0, 0, 0],
      [F.O_TEMP, 'CPU', 27.5, 0, 0, 0],
      [F.O_TEMP, 'PMIC', 50, 0, 0, 0],
      [F.O_TEMP, 'GPU', 28, 0, 0, 0],
      [F.O_TEMP, 'AO', 29.5, 0, 0, 0],
      [F.O_TEMP, 'thermal', 28, 0, 0, 0],
      [F.O_RAIL, 'POM_5V_IN', 920, 920, 0, 0],
      [F.O_RAIL, 'POM_5V_GPU', 0, 0, 0, 0],
      [F.O_RAIL, 'POM_5V_CPU', 119, 119, 0, 0],
    ]);
  });

  it('a JetPack 7 line: timestamp, offline core, GPC list, engines off, two temperatures and three rail values', () => {
    const got = scan(JP72)!;
    expect(got[0]).toEqual([F.O_TS, '07-25-2026 09:08:28', Date.UTC(2026, 6, 25, 9, 8, 28) / 1000, 0, 0, 0]);
    expect(got.slice(1)).toEqual([
      [F.O_RAM_LFB, '', 20642, 62817, 1, 2048],
      [F.O_CORE, 0, 23, 2201, 0, 0],
      [F.O_CORE, 1, 10, 2201, 0, 0],
      [F.O_CORE, 3, 14, 2201, 0, 0],
      [F.O_CORES, 4, 0, 0, 0, 0],
      [F.O_LOAD_FREQ, 'EMC_FREQ', 3, 3199, 0, 0],
      [F.O_LOAD_FREQ, 'GR3D_FREQ', 12, 1300, 0, 0],
      [F.O_ENGINE, 'NVENC0', NaN, 0, 0, 0],
      [F.O_ENGINE, 'NVDEC0', NaN, 0, 0, 0],
      [F.O_ENGINE, 'APE', 174, 0, 0, 0],
      [F.O_TEMP, 'cpu', 52.968, 0, 0, 0],
      [F.O_TEMP, 'soc2', 48.406, 0, 0, 0],
      [F.O_RAIL, 'VDD_GPU_SOC', 5139, 5139, 0, 0],
      [F.O_RAIL, 'VIN_SYS_5V0', 5500, 5499, 0, 0],
    ]);
  });

  it('timestamps of several days, each its own epoch (the day is cached between lines)', () => {
    const at = (ts: string) => scan(`${ts} RAM 1/2MB`)![0]![2];
    expect(at('06-07-2023 14:39:03')).toBe(Date.UTC(2023, 5, 7, 14, 39, 3) / 1000);
    expect(at('06-07-2023 23:59:59')).toBe(Date.UTC(2023, 5, 7, 23, 59, 59) / 1000);
    expect(at('06-08-2023 00:00:01')).toBe(Date.UTC(2023, 5, 8, 0, 0, 1) / 1000);
    expect(at('12-31-1999 12:34:56')).toBe(Date.UTC(1999, 11, 31, 12, 34, 56) / 1000);
    expect(at('06-08-2023 00:00:01')).toBe(Date.UTC(2023, 5, 8, 0, 0, 1) / 1000);
    // Not the timestamp's shape: the grammar's.
    for (const bad of ['06-07-2023 14:39:0 RAM 1/2MB', '06/07/2023 14:39:03 RAM 1/2MB', '06-07-2023 14:39:03RAM 1/2MB', '06-07-2023 14.39:03 RAM 1/2MB', '06-07-2023', '0']) expect(scan(bad), bad).toBeNull();
  });

  it('lfb blocks in kB, KB or MB; RAM, SWAP and IRAM with and without their brackets', () => {
    expect(scan('RAM 4722/7844MB (lfb 1x512kB)')).toEqual([[F.O_RAM_LFB, '', 4722, 7844, 1, 512]]);
    expect(scan('RAM 4722/7844MB (lfb 3x512KB)')).toEqual([[F.O_RAM_LFB, '', 4722, 7844, 3, 512]]);
    expect(scan('RAM 4722/7844MB (lfb 12x4MB)')).toEqual([[F.O_RAM_LFB, '', 4722, 7844, 12, 4096]]);
    expect(scan('RAM 4722/7844MB SWAP 5/3929MB')).toEqual([[F.O_RAM, '', 4722, 7844, 0, 0], [F.O_SWAP, '', 5, 3929, 0, 0]]);
    expect(scan('RAM 4722/7844MB SWAP 149/1024MB (cached 7MB) IRAM 3/252kB')).toEqual([
      [F.O_RAM, '', 4722, 7844, 0, 0],
      [F.O_SWAP_CACHED, '', 149, 1024, 7, 0],
      [F.O_IRAM, '', 3, 252, 0, 0],
    ]);
    expect(scan('RAM 1/2MB IRAM 4/252kB (lfb 252kB) MTS fg 3% bg 11%')).toEqual([[F.O_RAM, '', 1, 2, 0, 0], [F.O_IRAM, '', 4, 252, 0, 0], [F.O_MTS, '', 3, 11, 0, 0]]);
    for (const bad of [
      'RAM 4722/7844MB (lfb 1x512GB)',
      'RAM 4722/7844MB (lfb 1x512kB',
      'RAM 4722/7844MB (lfb 1*512kB)',
      'RAM 4722/7844MB (lfb 1x)',
      'RAM 4722/7844MB (lfb 1x512',
      'RAM 4722/7844kB',
      'RAM 4722-7844MB',
      'RAM /7844MB',
      'RAM 4722/7844MB(lfb 1x4MB)x',
      'RAM 1/2MB SWAP 5/3929MB (cached 7kB)',
      'RAM 1/2MB SWAP 5/3929MB (cached 7MB',
      'RAM 1/2MB SWAP 5/3929MB (cached MB)',
      'RAM 1/2MB SWAP 5/3929MBx',
      'RAM 1/2MB SWAP 5/3929',
      'RAM 1/2MB IRAM 0/252MB',
      'RAM 1/2MB IRAM 0/252kB(lfb 252MB)',
      'RAM 1/2MB IRAM 0/252kB(lfb kB)',
      'RAM 1/2MB IRAM 0/252kBx',
      'RAM 1/2MB MTS fg 0%bg 1%',
      'RAM 1/2MB MTS fg 0% bg 1',
      'RAM 1/2MB MTS fg 0% bg 1%x',
      'RAM 1/2MB MTS fg x% bg 1%',
      'RAM 1/2MB MTS fg 0% bg %',
      'RAM 1/2MB SWAP 1/2MBRAM 1/2MB',
    ]) expect(scan(bad), bad).toBeNull();
  });

  it('per-core clocks, cores off, and a clock shared by the cores without their own', () => {
    const cores = (line: string) => scan(`RAM 1/2MB ${line}`)?.filter((i) => i[0] === F.O_CORE || i[0] === F.O_CORES).map((i) => i.slice(1, 4));
    expect(cores('CPU [10%,3%,0%,0%]@1479')).toEqual([[0, 10, 1479], [1, 3, 1479], [2, 0, 1479], [3, 0, 1479], [4, 0, 0]]);
    expect(cores('CPU [10%,off,0%@204,0%]@1479')).toEqual([[0, 10, 1479], [2, 0, 204], [3, 0, 1479], [4, 0, 0]]);
    expect(cores('CPU [10%@2035,off]@1479')).toEqual([[0, 10, 2035], [2, 0, 0]]);
    expect(cores('CPU [10%,3%]')).toEqual([[0, 10, NaN], [1, 3, NaN], [2, 0, 0]]);
    expect(cores('CPU [off,off]')).toEqual([[2, 0, 0]]);
    for (const bad of ['CPU [10%,3%]@', 'CPU [10%,3%]@1479x', 'CPU [10%,3%', 'CPU [10%@', 'CPU [10%;3%]', 'CPU [10%,3%]x', 'CPU [10%@204', 'CPU [of]', 'CPU [10']) expect(cores(bad), bad).toBeUndefined();
  });

  it('load, frequency, rail and engine values', () => {
    const one = (field: string) => scan(`RAM 1/2MB ${field}`)?.[1];
    expect(one('EMC_FREQ 0%')).toEqual([F.O_LOAD, 'EMC_FREQ', 0, NaN, 0, 0]);
    expect(one('NVENC_LOAD 7%')).toEqual([F.O_LOAD, 'NVENC_LOAD', 7, NaN, 0, 0]);
    expect(one('EMC_FREQ @3199')).toEqual([F.O_FREQ, 'EMC_FREQ', NaN, 3199, 0, 0]);
    expect(one('GR3D_FREQ @0')).toEqual([F.O_FREQ, 'GR3D_FREQ', NaN, 0, 0, 0]);
    expect(one('GR3D_FREQ @[305,0]')).toEqual([F.O_FREQ, 'GR3D_FREQ', NaN, 305, 0, 0]);
    expect(one('GR3D_FREQ 39%@[0,305,17]')).toEqual([F.O_LOAD_FREQ, 'GR3D_FREQ', 39, 305, 0, 0]);
    expect(one('GR3D_FREQ 39%@[,]')).toEqual([F.O_LOAD_FREQ, 'GR3D_FREQ', 39, 0, 0, 0]);
    expect(one('VIC_FREQ 0%@115')).toEqual([F.O_LOAD_FREQ, 'VIC_FREQ', 0, 115, 0, 0]);
    expect(one('VDD_IN 5542mW/5541mW')).toEqual([F.O_RAIL, 'VDD_IN', 5542, 5541, 0, 0]);
    expect(one('VDD_IN 5542/5541')).toEqual([F.O_RAIL, 'VDD_IN', 5542, 5541, 0, 0]);
    expect(one('VDD_IN 5542mW/5541mW/6000mW')).toEqual([F.O_RAIL, 'VDD_IN', 5542, 5541, 0, 0]);
    expect(one('NVDEC 716')).toEqual([F.O_ENGINE, 'NVDEC', 716, 0, 0, 0]);
    expect(one('NVDEC off')).toEqual([F.O_ENGINE, 'NVDEC', NaN, 0, 0, 0]);
    expect(one('CV0@73.218C')).toEqual([F.O_TEMP, 'CV0', 73.218, 0, 0, 0]);
    expect(one('PMIC@-256C')).toEqual([F.O_TEMP, 'PMIC', -256, 0, 0, 0]);
    expect(one('gpu@-1.5C/40C')).toEqual([F.O_TEMP, 'gpu', -1.5, 0, 0, 0]);
    expect(one('max170xx@38.9C')).toEqual([F.O_TEMP, 'max170xx', 38.9, 0, 0, 0]);
    expect(one('iwl-wifi_1@34C')).toEqual([F.O_TEMP, 'iwl-wifi_1', 34, 0, 0, 0]);
    expect(one(`T@${'1'.repeat(15)}C`)).toEqual([F.O_TEMP, 'T', 111111111111111, 0, 0, 0]);
    expect(one(`T@${'9'.repeat(9)}.${'9'.repeat(7)}C`)).toEqual([F.O_TEMP, 'T', 999999999.9999999, 0, 0, 0]);
    expect(one(`APE ${'9'.repeat(15)}`)).toEqual([F.O_ENGINE, 'APE', 999999999999999, 0, 0, 0]);
    for (const bad of [
      'EMC_FREQ 0%x', 'EMC_FREQ 0%@', 'EMC_FREQ 0%@204x', 'EMC_FREQ @', 'EMC_FREQ @x', 'EMC_FREQ @[1,2', 'EMC_FREQ @[1;2]', 'EMC_FREQ @[1,2]x',
      'VDD_IN 5542mW', 'VDD_IN 5542mW/', 'VDD_IN 5542mW/5541mWx', 'VDD_IN 5542mW/5541mW/', 'VDD_IN 5542mW5541mW', 'VDD_IN 5542m/5541',
      'NVDEC 716x', 'NVDEC of', 'NVDEC offx', 'NVDEC x', 'NVDEC', 'NVDEC ',
      'CV0@73.218', 'CV0@73.C', 'CV0@.5C', 'CV0@C', 'CV0@-C', 'CV0@73.2C/', 'CV0@73.2C/40', 'CV0@73.2Cx', 'CV0@73.2C 40C', 'cv.0@73.2C', 'C@V@1C',
      `APE ${'9'.repeat(16)}`, `T@${'1'.repeat(16)}C`, `T@1.${'1'.repeat(16)}C`,
      'ape 150', 'Ape 150', 'APE-X 150', 'RAM 150', 'SWAP 150', 'IRAM 150', 'MTS 150', '_X 150', '1X 150', '@1C',
    ]) expect(scan(`RAM 1/2MB ${bad}`), bad).toBeNull();
    // A name of another length that starts like a field kind of its own is an ordinary name.
    expect(one('RAMX 150')).toEqual([F.O_ENGINE, 'RAMX', 150, 0, 0, 0]);
    expect(one('SWAPS 150')).toEqual([F.O_ENGINE, 'SWAPS', 150, 0, 0, 0]);
    expect(one('MT 150')).toEqual([F.O_ENGINE, 'MT', 150, 0, 0, 0]);
  });

  it('fields one blank apart: no double or trailing blank, no tab, nothing before RAM', () => {
    for (const bad of ['RAM 1/2MB  APE 25', 'RAM 1/2MB APE 25 ', 'RAM 1/2MB\tAPE 25', ' RAM 1/2MB', 'APE 25 RAM 1/2MB', 'RAM 1/2MB APE 25\r', 'RAM 1/2MB ', 'RAM']) expect(scan(bad), JSON.stringify(bad)).toBeNull();
    expect(scan('RAM 1/2MB APE 25')).toEqual([[F.O_RAM, '', 1, 2, 0, 0], [F.O_ENGINE, 'APE', 25, 0, 0, 0]]);
  });

  it(`at most ${F.MAX_ITEMS} items a line`, () => {
    const fields = (k: number) => `RAM 1/2MB ${Array.from({ length: k }, (_, i) => `E${i} ${i}`).join(' ')}`;
    expect(scanLine(fields(F.MAX_ITEMS - 1), 0, fields(F.MAX_ITEMS - 1).length)).toBe(F.MAX_ITEMS);
    expect(scan(fields(F.MAX_ITEMS))).toBeNull();
    const cpu = (k: number) => `RAM 1/2MB CPU [${Array.from({ length: k }, () => '1%@2').join(',')}]`;
    expect(scanLine(cpu(F.MAX_ITEMS - 2), 0, cpu(F.MAX_ITEMS - 2).length)).toBe(F.MAX_ITEMS);
    expect(scan(cpu(F.MAX_ITEMS - 1))).toBeNull();
  });

  it('says whether a line has the expected layout: same ops, names and core indexes', () => {
    const layoutOf = (line: string) => {
      scan(line);
      const c = items.count;
      return { count: c, op: items.op.slice(0, c), name: Array.from({ length: c }, (_, k) => (items.to[k]! > items.from[k]! && items.op[k] !== F.O_CORE && items.op[k] !== F.O_CORES ? line.slice(items.from[k], items.to[k]) : '')), index: items.from.slice(0, c) };
    };
    const base = 'RAM 1/2MB CPU [1%@2,off,3%@4] EMC_FREQ 0%@204 APE 25 CPU@27.5C VDD_IN 1/2';
    const expected = layoutOf(base);
    const same = (line: string) => {
      items.expect = expected;
      expect(scanLine(line, 0, line.length), line).toBeGreaterThan(0);
      return items.same;
    };
    expect(same(base)).toBe(true);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 CPU@12C VDD_IN 13/14')).toBe(true);
    expect(same('RAM 7/8MB CPU [5%@6,7%@8,off] EMC_FREQ 9%@10 APE 11 CPU@12C VDD_IN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9% APE 11 CPU@12C VDD_IN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] GR3D_FREQ 9%@10 APE 11 CPU@12C VDD_IN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 GPU@12C VDD_IN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 CPU@12C VDD_IN 13/14 VDD_X 1/2')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 CPU@12C')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APX 11 CPU@12C VDD_IN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 CPU@12C VDD_INN 13/14')).toBe(false);
    expect(same('RAM 7/8MB CPU [5%@6,off,7%@8] EMC_FREQ 9%@10 APE 11 CPUS@12C VDD_IN 13/14')).toBe(false);
  });
});
