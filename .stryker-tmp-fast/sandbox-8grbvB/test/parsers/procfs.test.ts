// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMeminfo } from '../../src/parsers/meminfo/build.js';
import { parseBuddyinfo } from '../../src/parsers/buddyinfo/build.js';
import { parseZoneinfo } from '../../src/parsers/zoneinfo/build.js';
import { parseIomem } from '../../src/parsers/iomem/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

type Parser<T> = (src: { path: string; text: string; lineOffset: number }, sink: DiagnosticSink) => T;

function run<T>(parse: Parser<T>, rel: string, text = fixture(rel)) {
  const sink = new DiagnosticSink(rel);
  const value = parse({ path: rel, text, lineOffset: 0 }, sink);
  const diags = sink.finish();
  return { value, diags, problems: diags.filter((d) => d.severity !== 'info') };
}

const corpus = (dir: string) => readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`);

describe('every corpus capture parses with no warning or error', () => {
  const parsers: [string, Parser<unknown>][] = [
    ['meminfo', parseMeminfo],
    ['buddyinfo', parseBuddyinfo],
    ['zoneinfo', parseZoneinfo],
    ['iomem', parseIomem],
  ];
  for (const [dir, parse] of parsers) {
    it.each(corpus(dir))(`%s`, (rel) => {
      const { problems } = run(parse, rel);
      // The one non-root iomem capture is reported as such (a warning by design).
      expect(problems.filter((d) => d.code !== 'iomem.addresses-hidden')).toEqual([]);
    });
  }
});

describe('meminfo', () => {
  it('keeps every key, unknown ones too, in bytes; unit-less counts stay counts', () => {
    const { value } = run(parseMeminfo, 'meminfo/generic-ubuntu2004-k5.4-x86-01.txt');
    const c = value.captures[0]!;
    expect(c.values.MemTotal).toBe(4026036 * 1024);
    expect(c.values.HugePages_Total).toBe(0);
    expect(c.values.FilePmdMapped).toBe(0);
    expect(c.lines.MemTotal).toBe(1);
    expect(Object.keys(c.values)).toHaveLength(53);
  });

  it('old kernels without CMA lines, and a tiny ARM router', () => {
    expect(run(parseMeminfo, 'meminfo/generic-rhel71-k3.10-x86-01.txt').value.captures[0]!.values.CmaTotal).toBeUndefined();
    const r = run(parseMeminfo, 'meminfo/generic-armv7-router-k4.1-01.txt').value.captures[0]!;
    expect(r.values.MemFree).toBe(2016 * 1024);
    expect(r.values.CmaTotal).toBe(0);
  });

  it('a periodic log with timestamp lines becomes a series', () => {
    const one = 'MemTotal: 7633536 kB\nMemFree: 100 kB\nMemAvailable: {a} kB\n';
    const text = ['Tue Nov 24 10:00:00 UTC 2026', one.replace('{a}', '900000'), '2026-11-24T11:00:00Z', one.replace('{a}', '800000'), one.replace('{a}', '700000')].join('\n');
    const { value, problems } = run(parseMeminfo, 'meminfo.log', text);
    expect(problems).toEqual([]);
    expect(value.captures.map((c) => c.values.MemAvailable! / 1024)).toEqual([900000, 800000, 700000]);
    expect(value.captures.map((c) => c.time)).toEqual(['Tue Nov 24 10:00:00 UTC 2026', '2026-11-24T11:00:00Z', undefined]);
    expect(value.captures[2]!.lines.MemTotal).toBe(11);
  });

  it('a bad line is a diagnostic naming the line and what was expected; the rest still parses', () => {
    const { value, problems } = run(parseMeminfo, 'm', 'MemTotal: 10 kB\nthis is not meminfo\nMemFree: 5 kB\n');
    expect(value.captures[0]!.values.MemFree).toBe(5 * 1024);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'm', line: 2 });
    expect(problems[0]!.message).toMatch(/expected "Key:   <number> kB"/);
  });
});

describe('buddyinfo', () => {
  it('derives free bytes per order, the largest block and the unusable index', () => {
    const { value } = run(parseBuddyinfo, 'buddyinfo/generic-x86-k4.x-01.txt');
    const normal = value.captures[0]!.zones.find((z) => z.zone === 'Normal')!;
    expect(normal.counts).toEqual([188, 420, 143, 11, 2, 0, 0, 0, 0, 0, 1]);
    expect(normal.largestOrder).toBe(10);
    expect(normal.largestBlockBytes).toBe(4 * 1024 * 1024);
    // pages: 188 + 840 + 572 + 88 + 32 + 1024 = 2744
    expect(normal.totalFreeBytes).toBe(2744 * 4096);
    // everything except the one order-10 block is unusable for an order-6 request
    expect(normal.unusableIndex[6]).toBeCloseTo(1720 / 2744, 3);
    expect(normal.unusableIndex[0]).toBe(0);
  });

  it('reads several nodes and zones, trailing spaces and one-zone ARM boards', () => {
    const numa = run(parseBuddyinfo, 'buddyinfo/generic-rhel-numa2-x86-01.txt').value.captures[0]!.zones;
    expect(numa.map((z) => `${z.node}:${z.zone}`)).toEqual(['0:DMA', '0:DMA32', '0:Normal', '1:Normal']);
    const arm = run(parseBuddyinfo, 'buddyinfo/generic-arm720t-k2.6-01.txt').value.captures[0]!.zones;
    expect(arm).toHaveLength(1);
    expect(arm[0]!.zone).toBe('DMA');
  });

  it('repeated captures become a series; any number of orders', () => {
    const text = 'Node 0, zone Normal 1 2 3 4 5 6 7 8 9 10 11 12 13\nNode 0, zone Normal 9 9 9 0 0 0 0 0 0 0 0 0 0\n';
    const { value } = run(parseBuddyinfo, 'b', text);
    expect(value.captures).toHaveLength(2);
    expect(value.captures[0]!.zones[0]!.counts).toHaveLength(13);
    expect(value.captures[1]!.zones[0]!.largestOrder).toBe(2);
  });
});

describe('zoneinfo', () => {
  it('5.4 layout: per-node stats, watermarks, protection, pagesets', () => {
    const { value } = run(parseZoneinfo, 'zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt');
    expect(value.nodes[0]!.stats.nr_active_anon).toBe(184608);
    const dma32 = value.zones.find((z) => z.zone === 'DMA32')!;
    expect([dma32.free, dma32.min, dma32.low, dma32.high, dma32.managed]).toEqual([21173, 12698, 15872, 19046, 758582]);
    expect(dma32.protection).toEqual([0, 0, 952, 952, 952]);
    expect(dma32.nrFreeCma).toBe(0);
    expect(dma32.pagesets.length).toBeGreaterThan(0);
    expect(dma32.pagesets[0]!.values).toHaveProperty('count');
    expect(value.zones.map((z) => z.zone)).toEqual(['DMA', 'DMA32', 'Normal', 'Movable', 'Device']);
  });

  it('2.6 layout: scanned with (a: i:), cpu/pcp pagesets, no managed', () => {
    const { value } = run(parseZoneinfo, 'zoneinfo/generic-arm720t-k2.6-01.txt');
    const z = value.zones[0]!;
    expect(z.managed).toBeUndefined();
    expect(z.values.scanned).toBe(0);
    expect(z.pagesets.map((p) => p.values.pcp)).toEqual([0, 1]);
    expect(value.nodes).toEqual([]);
  });

  it('two NUMA nodes with empty zones', () => {
    const { value } = run(parseZoneinfo, 'zoneinfo/generic-x86-k5.x-numa2-01.txt');
    expect(value.zones).toHaveLength(10);
    expect(value.nodes.map((n) => n.node)).toEqual([0, 1]);
  });
});

describe('iomem', () => {
  it('builds the tree from indentation and keeps 64-bit addresses exact', () => {
    const { value } = run(parseIomem, 'iomem/generic-arm64-qcom-phone-01.txt');
    const ram = value.regions.filter((r) => r.kind === 'system-ram');
    expect(ram.map((r) => r.start)).toEqual(['80000000', '97f17000', 'a1600000', 'b0000000']);
    expect(ram[3]!.end).toBe('27bafffff');
    expect(ram[3]!.sizeBytes).toBe(0x27bafffff - 0xb0000000 + 1);
    expect(ram[0]!.children.map((c) => c.kind)).toEqual(['kernel', 'kernel']);
    expect(value.addressesHidden).toBe(false);
  });

  it('names with spaces, hex and colons stay whole', () => {
    const { value } = run(parseIomem, 'iomem/generic-armv7-router-k4.1-01.txt');
    const all: string[] = [];
    const walk = (rs: typeof value.regions) => rs.forEach((r) => (all.push(r.name), walk(r.children)));
    walk(value.regions);
    expect(all).toContain('/soc/usb@09100000/dwc3@0x09100000');
  });

  it('detects a capture without root (all zeros) and reports it', () => {
    const { value, diags } = run(parseIomem, 'iomem/generic-ubuntu2004-k5.4-x86-02.txt');
    expect(value.addressesHidden).toBe(true);
    expect(value.totals['system-ram']).toBe(0);
    expect(diags.some((d) => d.code === 'iomem.addresses-hidden')).toBe(true);
  });

  it('classifies Jetson regions', () => {
    const text = '80000000-fbffffff : System RAM\n  80200000-8172ffff : Kernel code\nfc000000-fcffffff : reserved\nfd000000-fdffffff : linux,cma\n';
    const { value } = run(parseIomem, 'i', text);
    expect(value.totals).toMatchObject({ 'system-ram': 0x7c000000, kernel: 0x1530000, reserved: 0x1000000, cma: 0x1000000 });
  });
});
