// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseTegrastats } from '../../src/parsers/tegrastats/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

function parse(name: string, text = fixture(`tegrastats/${name}`), interval?: number) {
  const sink = new DiagnosticSink(name);
  const t = parseTegrastats({ path: name, text, lineOffset: 0 }, sink, interval ? { tegrastatsIntervalSeconds: interval } : undefined);
  const diags = sink.finish();
  return { t, diags, errors: diags.filter((d) => d.severity !== 'info') };
}

const v = (col: Float64Array, i = 0) => (Number.isNaN(col[i]!) ? null : col[i]);

describe('tegrastats parser on real captures', () => {
  it('JP6 Orin Nano line wrapped over three lines becomes one sample', () => {
    const { t, errors } = parse('jetson-orin-nano-8gb-jp6-01.txt');
    expect(errors).toEqual([]);
    expect(t.samples).toBe(1);
    expect([v(t.ramUsedMB), v(t.ramTotalMB), v(t.lfbCount), v(t.lfbBlockKB)]).toEqual([3162, 7620, 4, 2048]);
    expect(v(t.gr3dLoad)).toBe(1);
    expect(v(t.gr3dFreqMHz)).toBeNull();
    expect(v(t.emcLoad)).toBeNull(); // non-root JP6: no EMC field
    expect(v(t.tempC.tj!)).toBeCloseTo(62.843);
    expect([v(t.railCurrentMW.VDD_CPU_GPU_CV!), v(t.railAverageMW.VDD_CPU_GPU_CV!)]).toEqual([598, 598]);
    expect(t.firstTimestamp).toBe('12-23-2024 22:54:11');
    expect(t.cpuCores).toBe(6);
    expect(v(t.cpuFreqMHz[0]!)).toBe(729);
  });

  it('JP5 AGX Orin: EMC with no percentage, GR3D2 and _LOAD engines', () => {
    const { t, errors } = parse('jetson-agx-orin-12core-jp5-01.txt');
    expect(errors).toEqual([]);
    expect(t.samples).toBe(43);
    expect(v(t.emcLoad)).toBeNull();
    expect(v(t.emcFreqMHz)).toBe(3199);
    expect([v(t.gr3dLoad), v(t.gr3dFreqMHz)]).toEqual([99, 1274]);
    expect(v(t.engineLoad.GR3D2!)).toBe(99);
    expect(v(t.engineLoad.NVENC!)).toBe(7);
    expect(v(t.tempC.GPU!)).toBe(78.937);
    expect(t.timeSource).toBe('timestamps');
    expect(t.t[42]).toBeGreaterThan(40);
  });

  it('JP6 AGX Orin: per-GPC GR3D array, engines off, repeated timestamps spread inside the second', () => {
    const { t, errors } = parse('jetson-agx-orin-64gb-jp6-01.txt');
    expect(errors).toEqual([]);
    expect(t.samples).toBe(150);
    expect([v(t.gr3dLoad), v(t.gr3dFreqMHz)]).toEqual([0, 305]);
    expect(v(t.engineFreqMHz.NVENC!)).toBeNull();
    expect(v(t.engineFreqMHz.APE!)).toBe(174);
    expect(v(t.swapTotalMB)).toBe(31421);
    expect(t.t[0]).toBe(0);
    expect(t.t[1]).toBe(0.5); // two samples stamped 05:10:54
    for (let i = 1; i < t.samples; i++) expect(t.t[i]!).toBeGreaterThan(t.t[i - 1]!);
  });

  it('JP6 AGX Orin: offline cores and second GPC at 0', () => {
    const { t } = parse('jetson-agx-orin-64gb-jp6-02.txt');
    expect(v(t.gr3dFreqMHz)).toBe(305);
    expect(v(t.cpuLoad[8]!)).toBeNull();
    expect(v(t.cpuLoad[0]!)).toBe(7);
    expect(v(t.emcFreqMHz)).toBe(204);
  });

  it('JP7: temperatures with two values and rails with three', () => {
    const { t, errors } = parse('jetson-agx-orin-jp72-01.txt');
    expect(errors).toEqual([]);
    expect(v(t.tempC.cpu!)).toBe(52.968);
    expect(v(t.railCurrentMW.VDD_GPU_SOC!)).toBe(5139);
    expect(v(t.engineFreqMHz.NVENC0!)).toBeNull();
    expect([v(t.lfbCount), v(t.lfbBlockKB)]).toEqual([1, 2048]);
  });

  it('TX2: prompt lines skipped with a note, GR3D @0 means GPU off, cores off mid-list', () => {
    const { t, diags, errors } = parse('jetson-tx2-l4t32-prompt-01.txt');
    expect(errors).toEqual([]);
    expect(t.samples).toBe(2);
    expect(diags.filter((d) => d.code === 'tegrastats.not-a-sample').map((d) => d.line)).toEqual([1, 2]);
    expect(t.line[0]).toBe(3);
    expect([v(t.gr3dLoad), v(t.gr3dFreqMHz)]).toEqual([null, 0]);
    expect(v(t.cpuLoad[1]!)).toBeNull();
    expect(v(t.cpuLoad[3]!)).toBe(53);
  });

  it('TX2: date line anchors the log, samples at the default 1 s interval', () => {
    const { t, errors } = parse('jetson-tx2-jp4-02.txt');
    expect(errors).toEqual([]);
    expect(t.samples).toBe(432);
    expect(t.firstTimestamp).toBe('Tue Jan 26 18:22:31 UTC 2021');
    expect(t.timeSource).toBe('interval');
    expect(t.t[431]).toBe(431);
    expect(Object.keys(t.unknownFields)).toEqual([]);
    expect(v(t.railCurrentMW.VDD_4V0_WIFI!)).toBe(0);
  });

  it('lines prefixed by another tool (ts, a date loop) are still one sample each', () => {
    const text = [
      'Nov 24 10:00:00 RAM 3162/7620MB (lfb 4x2MB) CPU [1%@729,0%@729] GR3D_FREQ 1%',
      'Nov 24 10:00:01 RAM 3170/7620MB (lfb 4x2MB) CPU [3%@729,0%@729] GR3D_FREQ 5%',
    ].join('\n');
    const { t, errors } = parse('ts', text);
    expect(errors).toEqual([]);
    expect(t.samples).toBe(2);
    expect([v(t.ramUsedMB, 0), v(t.ramUsedMB, 1)]).toEqual([3162, 3170]);
    // The prefix is a clock too: the samples get their times from it.
    expect(t.timeSource).toBe('timestamps');
    expect(Array.from(t.t)).toEqual([0, 1]);
    expect(t.firstTimestamp).toBe('Nov 24 10:00:00');
    const iso = parse('iso', '2026-11-24T10:00:00+00:00 RAM 1/2MB (lfb 1x4MB)\n2026-11-24T10:00:05+00:00 RAM 1/2MB (lfb 1x4MB)').t;
    expect(Array.from(iso.t)).toEqual([0, 5]);
    expect(Object.keys(iso.unknownFields)).toEqual([]);
  });

  it('honours an overridden interval', () => {
    const { t } = parse('jetson-nano-jp4-02.txt', undefined, 0.5);
    expect(t.t[10]).toBe(5);
  });

  it('Nano: IRAM without a space before (lfb, engines as MHz, unitless rails, lfb in kB', () => {
    const { t, errors } = parse('jetson-nano-jp4-01.txt');
    expect(errors).toEqual([]);
    expect([v(t.iramUsedKB), v(t.iramTotalKB)]).toEqual([0, 252]);
    expect(v(t.engineFreqMHz.NVENC!)).toBe(716);
    expect([v(t.swapUsedMB), v(t.swapCachedMB)]).toEqual([149, 7]);
    expect([v(t.railCurrentMW.POM_5V_IN!), v(t.railAverageMW.POM_5V_IN!)]).toEqual([4520, 4680]);
    const tx2 = parse('jetson-tx2-jp4-01.txt').t;
    expect([v(tx2.lfbCount), v(tx2.lfbBlockKB)]).toEqual([1, 512]);
  });

  it('Xavier: MTS, VIC_FREQ with %@, root and non-root EMC forms', () => {
    const x = parse('jetson-agx-xavier-32gb-jp4-01.txt').t;
    expect([v(x.engineLoad.MTS_FG!), v(x.engineLoad.MTS_BG!)]).toEqual([0, 1]);
    expect([v(x.engineLoad.VIC!), v(x.engineFreqMHz.VIC!)]).toEqual([0, 115]);
    expect(v(x.cpuLoad[4]!)).toBeNull();
    const nr = parse('jetson-agx-xavier-jp41-02.txt').t;
    expect([v(nr.emcLoad), v(nr.emcFreqMHz), v(nr.gr3dLoad)]).toEqual([0, null, 4]);
  });

  it('-256C is an offline sensor, not a reading', () => {
    const line = '04-11-2025 10:36:27 RAM 4321/62801MB (lfb 1759x4MB) SWAP 19/31400MB (cached 0MB) CPU [0%@729,0%@729] EMC_FREQ 0%@2133 GR3D_FREQ 0%@[0,0] VIC_FREQ 729 APE 174 CV0@-256C CPU@44.562C tj@44.343C VDD_GPU_SOC 2340mW/2340mW';
    const { t } = parse('x', line);
    expect(v(t.tempC.CV0!)).toBeNull();
    expect(t.offlineSensorSamples.CV0).toBe(1);
    expect(v(t.engineFreqMHz.VIC!)).toBe(729);
  });

  it('L4T 28 TX1 form: lower-case cpu list with a shared @freq, EMC and GR3D without _FREQ', () => {
    const line = 'RAM 3691/3983MB (lfb 3x2MB) SWAP 2780/8192MB (cached 284MB) cpu [0%,0%,4%,0%]@1734 EMC 0%@1600 APE 25 GR3D 0%@998';
    const { t, errors } = parse('x', line);
    expect(errors).toEqual([]);
    expect(t.cpuCores).toBe(4);
    expect(v(t.cpuLoad[2]!)).toBe(4);
    expect(v(t.cpuFreqMHz[2]!)).toBe(1734);
    expect([v(t.emcLoad), v(t.emcFreqMHz), v(t.gr3dFreqMHz)]).toEqual([0, 1600, 998]);
  });

  it('Thor: GR3D frequencies without load; two rails both named NC are both kept; unknown fields kept', () => {
    const line = 'RAM 9000/125772MB (lfb 10x4MB) CPU [1%@972] GR3D_FREQ @[1575,1575,1575] NC 10mW/10mW NC 20mW/20mW WEIRD_THING x=1';
    const { t } = parse('x', line);
    expect([v(t.gr3dLoad), v(t.gr3dFreqMHz)]).toEqual([null, 1575]);
    expect(v(t.railCurrentMW.NC!)).toBe(10);
    expect(v(t.railCurrentMW['NC#2']!)).toBe(20);
    expect(t.unknownFields.WEIRD_THING!.count).toBe(1);
  });

  it('every corpus capture parses with no warning or error', () => {
    for (const name of [
      'jetson-agx-xavier-jp4-01.txt', 'jetson-agx-xavier-jp41-01.txt', 'jetson-nano-jp4-02.txt', 'jetson-tx2-4gb-01.txt',
      'jetson-tx2-jp4-03.txt', 'jetson-xavier-nx-jp5-01.txt', 'tegra-x1-switch-l4t-01.txt',
    ]) {
      const { t, errors } = parse(name);
      expect(errors, name).toEqual([]);
      expect(t.samples, name).toBeGreaterThan(0);
      expect(Number.isFinite(t.ramUsedMB[0]!), name).toBe(true);
    }
    const nx = parse('jetson-xavier-nx-jp5-01.txt').t;
    expect(v(nx.lfbCount, 0)).toBe(27);
    // Under the GPU burn the largest free block falls from 4 MB to 128 kB.
    expect(Math.min(...Array.from(nx.lfbBlockKB).filter(Number.isFinite))).toBe(128);
  });
});
