/**
 * Where the tegrastats fast path stores each item of a line (src/parsers/tegrastats/layout.ts):
 * the exported helpers (hasEngineSuffix, engineName), the layout a line gets (its names, rails,
 * cores, timestamp and the column of every stored value), when a recent layout is reused and
 * when it must not be, and the parser's columns when lines of several shapes follow each other.
 * Written for the Stryker batch over layout.ts (docs/mutation-parsers.md). Everything runs inside
 * the `it`s: under perTest coverage a result computed while the file is collected kills nothing.
 *
 * Lines are corpus lines (test/fixtures/tegrastats) or corpus lines with one field changed the
 * way another release or board prints it; each test says which.
 */
import { describe, expect, it } from 'vitest';
import { ColumnBuilder, ColumnSet } from '../../src/parsers/common/columns.js';
import { parseTegrastats, tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { items, scanLine, VALS } from '../../src/parsers/tegrastats/fast.js';
import { engineName, hasEngineSuffix, Layouts, M_TEMP, type Layout, type Targets } from '../../src/parsers/tegrastats/layout.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

// Corpus lines (first sample line of each capture).
const NANO =
  'RAM 936/3964MB (lfb 366x4MB) SWAP 0/4096MB (cached 0MB) IRAM 0/252kB(lfb 252kB) CPU [10%@102,3%@102,0%@102,0%@102] EMC_FREQ 0%@204 GR3D_FREQ 0%@76 APE 25 PLL@24C CPU@27.5C PMIC@50C GPU@28C AO@29.5C thermal@28C POM_5V_IN 920/920 POM_5V_GPU 0/0 POM_5V_CPU 119/119';
const TX2_PROMPT =
  'RAM 284/7860MB (lfb 1808x4MB) CPU [48%@2034,off,off,53%@2034,43%@2033,41%@2034] EMC_FREQ 2%@1600 GR3D_FREQ @0 APE 150 PLL@29.5C MCPU@29.5C PMIC@100C Tboard@26C GPU@27.5C BCPU@29.5C thermal@28.7C Tdiode@25C VDD_SYS_GPU 192/192 VDD_SYS_SOC 529/529 VDD_4V0_WIFI 38/38 VDD_IN 3566/3566 VDD_SYS_CPU 1156/1156 VDD_SYS_DDR 902/902';
const XAVIER_32 =
  'RAM 1308/31929MB (lfb 7345x4MB) SWAP 0/15965MB (cached 0MB) CPU [1%@1169,0%@1168,1%@1169,0%@1168,off,off,off,off] EMC_FREQ 2%@408 GR3D_FREQ 0%@318 VIC_FREQ 0%@115 APE 150 MTS fg 0% bg 1% AO@37C GPU@38.5C Tdiode@38.75C PMIC@100C AUX@38C CPU@38.5C thermal@38.3C Tboard@36C GPU 96/96 CPU 386/386 SOC 772/772 CV 0/0 VDDRQ 289/289 SYS5V 2238/2238';
const NX_JP5 =
  '10-01-2025 20:05:55 RAM 2274/6834MB (lfb 27x4MB) SWAP 542/3417MB (cached 2MB) CPU [99%@1189,100%@1188,100%@1189,98%@1189,off,off] EMC_FREQ 0% GR3D_FREQ 22% AUX@36.5C CPU@40C thermal@37.85C AO@37.5C GPU@38C PMIC@50C VDD_IN 5542mW/5542mW VDD_CPU_GPU_CV 1594mW/1594mW VDD_SOC 1234mW/1234mW';
const ORIN_JP6 =
  '07-21-2025 16:33:42 RAM 17953/62841MB (lfb 9x4MB) SWAP 0/31420MB (cached 0MB) CPU [7%@1728,31%@1036,7%@1036,42%@1036,4%@1420,5%@729,6%@729,1%@729,off,off,off,off] EMC_FREQ 12%@204 GR3D_FREQ 39%@[305,0] NVENC off NVDEC off NVJPG off NVJPG1 off VIC off OFA off NVDLA0 off NVDLA1 off PVA0_FREQ off APE 174 cpu@43.906C soc2@40.406C soc0@41.187C gpu@40.093C tj@43.906C soc1@40.437C VDD_GPU_SOC 2798mW/2798mW VDD_CPU_CV 799mW/799mW VIN_SYS_5V0 3315mW/3315mW';
const ORIN_JP5 =
  '06-07-2023 14:39:03 RAM 18220/24402MB (lfb 872x4MB) CPU [48%@2009,29%@2009] EMC_FREQ @3199 GR3D_FREQ 99%@1274 GR3D2_FREQ 99%@1274 NVENC_LOAD 7% NVDEC_LOAD 0% APE 81 CV0@73.218C GPU@78.937C tj@78.937C';

function targets(): Targets {
  const b = () => new ColumnBuilder();
  return {
    c: {
      ramUsed: b(), ramTotal: b(), lfbCount: b(), lfbKB: b(), swapUsed: b(), swapTotal: b(), swapCached: b(),
      iramUsed: b(), iramTotal: b(), emcLoad: b(), emcFreq: b(), gr3dLoad: b(), gr3dFreq: b(),
    },
    cpuLoad: [],
    cpuFreq: [],
    engineLoad: new ColumnSet(),
    engineFreq: new ColumnSet(),
    temps: new ColumnSet(),
    railCur: new ColumnSet(),
    railAvg: new ColumnSet(),
  };
}

/** A parser's layouts, fed lines as the builder does: scan, then find. */
function layoutsFor(t = targets()) {
  // `items` is shared by every parser: start from no expectation, as a new parser's first line does.
  items.expect = { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) };
  const layouts = new Layouts(t);
  return {
    t,
    find(line: string): Layout {
      expect(scanLine(line, 0, line.length), line.slice(0, 60)).toBeGreaterThan(0);
      return layouts.find(line);
    },
  };
}

/** Each stored value as `item.value column[ temp]`, the column named by where it sits in the targets. */
function slots(L: Layout, t: Targets): string[] {
  const label = new Map<ColumnBuilder, string>();
  for (const [k, col] of Object.entries(t.c)) label.set(col, k);
  t.cpuLoad.forEach((col, i) => label.set(col, `cpuLoad[${i}]`));
  t.cpuFreq.forEach((col, i) => label.set(col, `cpuFreq[${i}]`));
  for (const set of ['engineLoad', 'engineFreq', 'temps', 'railCur', 'railAvg'] as const) for (const [name, col] of t[set].columns) label.set(col, `${set}.${name}`);
  return [...L.slotVal].map((j, q) => `${(j / VALS) | 0}.${j % VALS} ${label.get(L.slotCol[q]!) ?? '?'}${L.slotMode[q] === M_TEMP ? ' temp' : ''}`);
}

function parse(text: string, grammarOnly = false) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, undefined, { grammarOnly });
  p.write(text);
  const value = p.end();
  return { value, diagnostics: sink.finish() };
}

/** Parses with the fast path, checks the grammar gives the same, returns the snapshot. */
function both(lines: string[]) {
  const text = lines.join('\n') + '\n';
  const fast = parse(text);
  expect(fast).toEqual(parse(text, true));
  expect(fast.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  return fast.value;
}

const col = (c: Float32Array | Float64Array | undefined) => (c === undefined ? undefined : [...c].map((x) => (Number.isNaN(x) ? null : x)));

describe('hasEngineSuffix and engineName', () => {
  it('hasEngineSuffix: a name ending in _FREQ or _LOAD with something before it, at any offset', () => {
    const s = 'NVENC off PVA0_FREQ off NVDEC_LOAD 3 APE 174 _FREQ 1 _LOAD 1 NVENC1_FREQ 2';
    const at = (name: string) => {
      const from = s.indexOf(name);
      return hasEngineSuffix(s, from, from + name.length);
    };
    expect(at('PVA0_FREQ')).toBe(true);
    expect(at('NVDEC_LOAD')).toBe(true);
    expect(at('NVENC1_FREQ')).toBe(true);
    expect(at('NVENC')).toBe(false);
    expect(at('APE')).toBe(false);
    // The suffix alone is no engine name with a suffix.
    expect(at('_FREQ')).toBe(false);
    expect(at('_LOAD')).toBe(false);
    // Only the characters in [from, to) count, not the rest of the line.
    expect(hasEngineSuffix(s, 10, 14)).toBe(false); // 'PVA0'
    expect(hasEngineSuffix(s, s.indexOf('NVDEC_LOAD'), s.indexOf('NVDEC_LOAD') + 8)).toBe(false); // 'NVDEC_LO'
    expect(hasEngineSuffix('PVA0_FREQ', 0, 9)).toBe(true);
    expect(hasEngineSuffix('VIC_LOAD', 0, 8)).toBe(true);
    expect(hasEngineSuffix('VIC_LOADS', 0, 9)).toBe(false);
  });

  it('engineName strips the suffix at the end only', () => {
    expect(engineName('PVA0_FREQ')).toBe('PVA0');
    expect(engineName('NVENC_LOAD')).toBe('NVENC');
    expect(engineName('NVENC1_FREQ')).toBe('NVENC1');
    expect(engineName('APE')).toBe('APE');
    expect(engineName('NVDLA_LOAD0')).toBe('NVDLA_LOAD0');
    expect(engineName('OFA_FREQ_1')).toBe('OFA_FREQ_1');
    // Asked again (memoised): the same answers.
    expect(engineName('PVA0_FREQ')).toBe('PVA0');
    expect(engineName('NVDLA_LOAD0')).toBe('NVDLA_LOAD0');
  });
});

describe('the layout of a line', () => {
  it('JetPack 4 Nano: every stored value and its column', () => {
    const P = layoutsFor();
    const L = P.find(NANO);
    expect(L.count).toBe(20);
    expect(slots(L, P.t)).toEqual([
      '0.0 ramUsed', '0.1 ramTotal', '0.2 lfbCount', '0.3 lfbKB',
      '1.0 swapUsed', '1.1 swapTotal', '1.2 swapCached',
      '2.0 iramUsed', '2.1 iramTotal',
      '3.0 cpuLoad[0]', '3.1 cpuFreq[0]', '4.0 cpuLoad[1]', '4.1 cpuFreq[1]', '5.0 cpuLoad[2]', '5.1 cpuFreq[2]', '6.0 cpuLoad[3]', '6.1 cpuFreq[3]',
      '8.0 emcLoad', '8.1 emcFreq', '9.0 gr3dLoad', '9.1 gr3dFreq',
      '10.0 engineFreq.APE',
      '11.0 temps.PLL temp', '12.0 temps.CPU temp', '13.0 temps.PMIC temp', '14.0 temps.GPU temp', '15.0 temps.AO temp', '16.0 temps.thermal temp',
      '17.0 railCur.POM_5V_IN', '17.1 railAvg.POM_5V_IN', '18.0 railCur.POM_5V_GPU', '18.1 railAvg.POM_5V_GPU', '19.0 railCur.POM_5V_CPU', '19.1 railAvg.POM_5V_CPU',
    ]);
    expect(L.slotName.slice(22, 28)).toEqual(['PLL', 'CPU', 'PMIC', 'GPU', 'AO', 'thermal']);
    expect(L.name).toEqual(['', '', '', '', '', '', '', '', 'EMC_FREQ', 'GR3D_FREQ', 'APE', 'PLL', 'CPU', 'PMIC', 'GPU', 'AO', 'thermal', 'POM_5V_IN', 'POM_5V_GPU', 'POM_5V_CPU']);
    expect(L.rails).toEqual(['POM_5V_IN', 'POM_5V_GPU', 'POM_5V_CPU']);
    expect(L.ts).toBe(-1);
    expect(L.cores).toBe(4);
  });

  it('Xavier NX JetPack 5: a timestamp has no name, load-only EMC and GR3D are named', () => {
    const P = layoutsFor();
    const L = P.find(NX_JP5);
    expect(L.ts).toBe(0);
    expect(L.cores).toBe(6);
    expect(L.name.slice(0, 10)).toEqual(['', '', '', '', '', '', '', '', 'EMC_FREQ', 'GR3D_FREQ']);
    expect(L.rails).toEqual(['VDD_IN', 'VDD_CPU_GPU_CV', 'VDD_SOC']);
    expect(slots(L, P.t).slice(0, 3)).toEqual(['1.0 ramUsed', '1.1 ramTotal', '1.2 lfbCount']);
  });

  it('AGX Orin JetPack 5: engines with _LOAD keep a load only, a frequency-only EMC keeps both columns', () => {
    const P = layoutsFor();
    const L = P.find(ORIN_JP5);
    expect(slots(L, P.t).filter((s) => !s.includes('cpu') && !s.includes('ram') && !s.includes('lfb'))).toEqual([
      '5.0 emcLoad', '5.1 emcFreq', '6.0 gr3dLoad', '6.1 gr3dFreq', '7.0 engineLoad.GR3D2', '7.1 engineFreq.GR3D2',
      '8.0 engineLoad.NVENC', '9.0 engineLoad.NVDEC', '10.0 engineFreq.APE',
      '11.0 temps.CV0 temp', '12.0 temps.GPU temp', '13.0 temps.tj temp',
    ]);
    expect([...P.t.engineFreq.columns.keys()]).toEqual(['GR3D2', 'APE']);
  });

  it('a JetPack 7 engine given as a frequency only (`OFA_FREQ @…`) makes no load column', () => {
    const line = '07-25-2026 09:08:28 RAM 20642/62817MB (lfb 1x2MB) CPU [23%@2201,10%@2201] EMC_FREQ 3%@3199 GR3D_FREQ 12%@[1300,1300] NVENC0_FREQ @[1126] OFA_FREQ @1100 PVA0_FREQ off APE 174 cpu@52.968C/52.968C';
    const P = layoutsFor();
    const L = P.find(line);
    expect(slots(L, P.t).slice(-5)).toEqual(['7.1 engineFreq.NVENC0', '8.1 engineFreq.OFA', '9.0 engineFreq.PVA0', '10.0 engineFreq.APE', '11.0 temps.cpu temp']);
    expect([...P.t.engineLoad.columns.keys()]).toEqual([]);
    const t = both([line]);
    expect(Object.keys(t.engineLoad)).toEqual([]);
    expect(col(t.engineFreqMHz.NVENC0)).toEqual([1126]);
    expect(col(t.engineFreqMHz.OFA)).toEqual([1100]);
    expect(col(t.engineFreqMHz.PVA0)).toEqual([null]);
  });

  it('two or three rails named NC (unconnected monitor channels) each get a column of their own', () => {
    // The Thor line of tegrastats.test.ts without its unknown field, so the fast path takes it.
    const line = 'RAM 9000/125772MB (lfb 10x4MB) CPU [1%@972] GR3D_FREQ @[1575,1575,1575] NC 10mW/10mW NC 20mW/20mW NC 30mW/31mW';
    const P = layoutsFor();
    const L = P.find(line);
    expect(L.rails).toEqual(['NC', 'NC#2', 'NC#3']);
    expect(slots(L, P.t).slice(-6)).toEqual(['4.0 railCur.NC', '4.1 railAvg.NC', '5.0 railCur.NC#2', '5.1 railAvg.NC#2', '6.0 railCur.NC#3', '6.1 railAvg.NC#3']);
    const t = both([line, line.replace('NC 30mW/31mW', 'NC 32mW/33mW')]);
    expect(col(t.railCurrentMW.NC)).toEqual([10, 10]);
    expect(col(t.railCurrentMW['NC#2'])).toEqual([20, 20]);
    expect(col(t.railCurrentMW['NC#3'])).toEqual([30, 32]);
    expect(col(t.railAverageMW['NC#3'])).toEqual([31, 33]);
    expect(col(t.gr3dFreqMHz)).toEqual([1575, 1575]);
    expect(col(t.gr3dLoad)).toEqual([null, null]);
  });

  it('L4T 28 short names `EMC` and `GR3D` are the memory and GPU fields; a line without CPU field lists no cores', () => {
    // The L4T 28 TX1 line of tegrastats.test.ts without its lower-case cpu list (which the fast path leaves to the grammar).
    const line = 'RAM 3691/3983MB (lfb 3x2MB) SWAP 2780/8192MB (cached 284MB) EMC 0%@1600 APE 25 GR3D 7%@998';
    const P = layoutsFor();
    const L = P.find(line);
    expect(L.cores).toBe(-1);
    expect(slots(L, P.t).slice(-5)).toEqual(['2.0 emcLoad', '2.1 emcFreq', '3.0 engineFreq.APE', '4.0 gr3dLoad', '4.1 gr3dFreq']);
    const t = both([line]);
    expect(t.cpuCores).toBe(0);
    expect(col(t.emcLoad)).toEqual([0]);
    expect(col(t.emcFreqMHz)).toEqual([1600]);
    expect(col(t.gr3dLoad)).toEqual([7]);
    expect(col(t.gr3dFreqMHz)).toEqual([998]);
    expect(Object.keys(t.engineLoad)).toEqual([]);
    expect(Object.keys(t.engineFreqMHz)).toEqual(['APE']);
  });

  it('a layout keeps its own copy of the ops and core indexes when the next line is scanned', () => {
    const P = layoutsFor();
    const A = P.find(TX2_PROMPT);
    const ops = [...A.op];
    expect([...A.index.slice(0, 5)]).toEqual([0, 0, 3, 4, 5]);
    expect(A.cores).toBe(6);
    P.find(NANO);
    expect([...A.op]).toEqual(ops);
    expect([...A.index.slice(0, 5)]).toEqual([0, 0, 3, 4, 5]);
  });
});

describe('reusing a recent layout', () => {
  it('the next line of the same shape gets the same layout; a line of another shape its own', () => {
    const P = layoutsFor();
    const lines = [NANO, NANO.replace('936/3964MB', '958/3964MB'), TX2_PROMPT, NANO, TX2_PROMPT.replace('284/7860MB', '288/7860MB')];
    const [a, a2, b, a3, b2] = lines.map((l) => P.find(l));
    expect(a2).toBe(a);
    expect(b).not.toBe(a);
    expect(a3).toBe(a); // found among the recent ones
    expect(b2).toBe(b);
  });

  it('timestamped lines of one shape share a layout (the timestamp is no name)', () => {
    const P = layoutsFor();
    const a = P.find(NX_JP5);
    const b = P.find(ORIN_JP6);
    expect(P.find(NX_JP5.replace('20:05:55', '20:05:56'))).toBe(a);
    expect(P.find(ORIN_JP6.replace('16:33:42', '16:33:43'))).toBe(b);
  });

  it('lines scanned inside one chunk of text (as the streaming reader does) share a layout wherever their timestamp sits', () => {
    const lines = [NX_JP5, ORIN_JP6, NX_JP5.replace('20:05:55', '20:05:56'), ORIN_JP6.replace('16:33:42', '16:33:43')];
    const text = lines.join('\n') + '\n';
    items.expect = { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) };
    const layouts = new Layouts(targets());
    const found: Layout[] = [];
    let start = 0;
    for (const line of lines) {
      expect(scanLine(text, start, start + line.length)).toBeGreaterThan(0);
      found.push(layouts.find(text));
      start += line.length + 1;
    }
    expect(found[1]).not.toBe(found[0]);
    expect(found[2]).toBe(found[0]);
    expect(found[3]).toBe(found[1]);
  });

  it('keeps the four most recent layouts, the last used first', () => {
    const P = layoutsFor();
    const [a, , , d] = [NANO, TX2_PROMPT, XAVIER_32, NX_JP5].map((l) => P.find(l));
    expect(P.find(NANO)).toBe(a); // the fourth most recent, moved to the front
    P.find(ORIN_JP6); // a fifth: the least recently used (TX2) goes
    expect(P.find(NANO)).toBe(a);
    expect(P.find(NX_JP5)).toBe(d);
    const tx2 = P.find(TX2_PROMPT);
    expect([...tx2.index.slice(0, 5)]).toEqual([0, 0, 3, 4, 5]);
    P.find(XAVIER_32);
    P.find(ORIN_JP6);
    expect(P.find(TX2_PROMPT)).toBe(tx2);
  });

  it('a fifth shape pushes the oldest out: it is made again', () => {
    const P = layoutsFor();
    const first = P.find(NANO);
    for (const l of [TX2_PROMPT, XAVIER_32, NX_JP5, ORIN_JP6]) P.find(l);
    const again = P.find(NANO);
    expect(again).not.toBe(first);
    expect(again.name).toEqual(first.name);
  });

  it('GR3D_FREQ @0 (GPU off) and GR3D_FREQ 5%@1300 are two shapes: ops differ, names do not', () => {
    const P = layoutsFor();
    const off = P.find(TX2_PROMPT);
    const on = P.find(TX2_PROMPT.replace('GR3D_FREQ @0', 'GR3D_FREQ 5%@1300'));
    expect(on).not.toBe(off);
    expect(on.op[7]).not.toBe(off.op[7]);
    expect(on.name[7]).toBe(off.name[7]);
    expect(P.find(TX2_PROMPT)).toBe(off);
  });
});

describe('the parser when the shape of the lines changes', () => {
  it('cores going off and on (TX2 Denver cores): each core keeps its own column', () => {
    const A = TX2_PROMPT; // 48%@2034,off,off,53%@2034,43%@2033,41%@2034
    const B = TX2_PROMPT.replace('[48%@2034,off,off,53%@2034,43%@2033,41%@2034]', '[48%@2034,22%@2035,off,53%@2034,43%@2033,off]');
    const t = both([A, B, A, B]);
    expect(t.cpuCores).toBe(6);
    expect(col(t.cpuLoad[0])).toEqual([48, 48, 48, 48]);
    expect(col(t.cpuLoad[1])).toEqual([null, 22, null, 22]);
    expect(col(t.cpuLoad[2])).toEqual([null, null, null, null]);
    expect(col(t.cpuLoad[3])).toEqual([53, 53, 53, 53]);
    expect(col(t.cpuLoad[5])).toEqual([41, null, 41, null]);
    expect(col(t.cpuFreqMHz[1])).toEqual([null, 2035, null, 2035]);
  });

  it('a JetPack 6 to 7 upgrade renames NVENC, NVDEC, NVJPG to NVENC0, NVDEC0, NVJPG0: each name keeps its own column', () => {
    const jp7 = ORIN_JP6.replace('NVENC off NVDEC off NVJPG off', 'NVENC0 off NVDEC0 off NVJPG0 717').replace('APE 174', 'APE 175');
    const t = both([ORIN_JP6, jp7, ORIN_JP6]);
    expect(Object.keys(t.engineFreqMHz)).toEqual(['NVENC', 'NVDEC', 'NVJPG', 'NVJPG1', 'VIC', 'OFA', 'NVDLA0', 'NVDLA1', 'PVA0', 'APE', 'NVENC0', 'NVDEC0', 'NVJPG0']);
    expect(col(t.engineFreqMHz.NVJPG0)).toEqual([null, 717, null]);
    expect(col(t.engineFreqMHz.NVJPG)).toEqual([null, null, null]);
    expect(col(t.engineFreqMHz.APE)).toEqual([174, 175, 174]);
  });

  it('AGX Orin JetPack 5: another engine busy in place of NVENC (load-only fields, the same count) keeps its own column', () => {
    const B = ORIN_JP5.replace('NVENC_LOAD 7%', 'NVJPG_LOAD 5%');
    const t = both([ORIN_JP5, B, ORIN_JP5]);
    expect(col(t.engineLoad.NVENC)).toEqual([7, null, 7]);
    expect(col(t.engineLoad.NVJPG)).toEqual([null, 5, null]);
  });

  it('a sensor renamed with a name of the same length (tboard and tdiode flip on one board) keeps its own column', () => {
    const B = NX_JP5.replace('AUX@36.5C', 'AOX@35.5C');
    const t = both([NX_JP5, B, NX_JP5]);
    expect(col(t.tempC.AUX)).toEqual([36.5, null, 36.5]);
    expect(col(t.tempC.AOX)).toEqual([null, 35.5, null]);
  });

  it('the last line cut at a field boundary (the device went down mid-write) stores only what it has', () => {
    const cut = NANO.replace('936/3964MB', '940/3964MB').slice(0, NANO.indexOf(' POM_5V_CPU'));
    const t = both([NANO, NANO.replace('119/119', '121/120'), cut]);
    expect(t.samples).toBe(3);
    expect(col(t.railCurrentMW.POM_5V_CPU)).toEqual([119, 121, null]);
    expect(col(t.railAverageMW.POM_5V_CPU)).toEqual([119, 120, null]);
    expect(col(t.railCurrentMW.POM_5V_GPU)).toEqual([0, 0, 0]);
  });

  it('a RAM field without lfb and a SWAP field without cached (both optional in the grammar) store no lfb and no cached', () => {
    const bare = NANO.replace(' (lfb 366x4MB)', '').replace(' (cached 0MB)', '');
    const t = both([NANO, bare, NANO, bare]);
    expect(col(t.lfbCount)).toEqual([366, null, 366, null]);
    expect(col(t.lfbBlockKB)).toEqual([4096, null, 4096, null]);
    expect(col(t.swapCachedMB)).toEqual([0, null, 0, null]);
    expect(col(t.ramUsedMB)).toEqual([936, 936, 936, 936]);
    const only = both([bare]);
    expect(col(only.lfbCount)).toEqual([null]);
    expect(col(only.swapCachedMB)).toEqual([null]);
  });

  it('AGX Xavier sensors at -256C (CV engines powered off) are counted offline under their own names', () => {
    const line = XAVIER_32.replace('Tboard@36C', 'Tboard@36C CV0@-256C CV1@-256C CV2@-256C');
    const t = both([line, line, XAVIER_32]);
    expect(t.offlineSensorSamples).toEqual({ CV0: 2, CV1: 2, CV2: 2 });
    expect(col(t.tempC.CV0)).toEqual([null, null, null]);
    expect(col(t.tempC.Tboard)).toEqual([36, 36, 36]);
  });

  it('parseTegrastats on a mixed log: every field of the Nano and TX2 lines where it belongs', () => {
    const t = parseTegrastats({ path: 't', text: [NANO, TX2_PROMPT, NANO].join('\n'), lineOffset: 0 }, new DiagnosticSink('t'));
    expect(col(t.iramTotalKB)).toEqual([252, null, 252]);
    expect(col(t.gr3dFreqMHz)).toEqual([76, 0, 76]);
    expect(col(t.gr3dLoad)).toEqual([0, null, 0]);
    expect(col(t.railCurrentMW.VDD_IN)).toEqual([null, 3566, null]);
    expect(col(t.tempC.PLL)).toEqual([24, 29.5, 24]);
    expect(col(t.engineFreqMHz.APE)).toEqual([25, 150, 25]);
  });
});
