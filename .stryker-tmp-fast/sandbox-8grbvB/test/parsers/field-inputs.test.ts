/**
 * The inputs the collector adds (vmstat, DMA-BUF bufinfo, IOMMU groups, nvmap clients,
 * thermal trip points), read from real captures found in public reports. Each fixture's
 * header (`# source: ...`) says where it comes from and is removed before parsing.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { parseVmstat } from '../../src/parsers/vmstat/build.js';
import { parseDmaBuf } from '../../src/parsers/dma-buf/build.js';
import { parseIommuGroups } from '../../src/parsers/iommu-groups/build.js';
import { parseNvmapClients } from '../../src/parsers/nvmap-clients/build.js';
import { parseThermalTrips } from '../../src/parsers/thermal-trips/build.js';
import { classifyByContent, classifyByName } from '../../src/bundle/classify.js';
import { fixture } from '../helpers/fixtures.js';

/** The capture without its `# source` header. */
export function capture(rel: string): string {
  return fixture(rel).replace(/^(#[^\n]*\n)+\n?/, '');
}

function run<T>(parse: (src: { path: string; text: string; lineOffset: number }, sink: DiagnosticSink) => T, text: string) {
  const sink = new DiagnosticSink('x');
  const value = parse({ path: 'x', text, lineOffset: 0 }, sink);
  return { value, diagnostics: sink.finish() };
}

describe('vmstat', () => {
  it('reads every counter of a real 4.19 capture with its line', () => {
    const { value, diagnostics } = run(parseVmstat, capture('vmstat/generic-x86-k4.19-lkml-01.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.captures).toHaveLength(1);
    const c = value.captures[0]!;
    expect(Object.keys(c.values)).toHaveLength(129);
    expect(c.values).toMatchObject({ compact_stall: 205761, compact_fail: 182420, compact_success: 23341, allocstall_movable: 1980089, pgmigrate_fail: 507313 });
    expect(c.lines.nr_free_pages).toBe(1);
  });

  it('splits periodic captures on stamp lines and dates them', () => {
    const text = '2026-11-24T10:00:00Z\ncompact_stall 10\ncompact_fail 2\n2026-11-24T10:00:05Z\ncompact_stall 15\ncompact_fail 6\n';
    const { value } = run(parseVmstat, text);
    expect(value.captures.map((c) => [c.epoch, c.values.compact_stall])).toEqual([
      [Date.UTC(2026, 10, 24, 10, 0, 0) / 1000, 10],
      [Date.UTC(2026, 10, 24, 10, 0, 5) / 1000, 15],
    ]);
  });

  it('names the line and what it expected for a bad line, and keeps the rest', () => {
    const { value, diagnostics } = run(parseVmstat, 'compact_stall 3\nthis is : junk\ncompact_fail 1\n');
    expect(value.captures[0]!.values).toEqual({ compact_stall: 3, compact_fail: 1 });
    expect(diagnostics[0]).toMatchObject({ code: 'vmstat.unexpected-line', line: 2 });
    expect(diagnostics[0]!.message).toMatch(/expected "<counter name> <number>"/);
  });
});

describe('DMA-BUF bufinfo', () => {
  it('reads a 6.x capture: exporter, size, inode, fences and attached devices', () => {
    const { value, diagnostics } = run(parseDmaBuf, capture('dma_buf/generic-arm64-asahi-k6.2-01.txt'));
    expect(diagnostics).toEqual([]);
    const objs = value.captures[0]!.objects;
    expect(objs).toHaveLength(4);
    expect(objs[0]).toMatchObject({ sizeBytes: 1064960, exporter: 'drm', inode: 125955, count: 9, fences: 2, attached: ['soc:display-subsystem'] });
    expect(objs[0]!.name).toBeUndefined();
    expect(objs[2]).toMatchObject({ sizeBytes: 23068672, attached: [] });
  });

  it('reads the older format without ino/name and its total line', () => {
    const { value, diagnostics } = run(parseDmaBuf, capture('dma_buf/generic-armv7-etnaviv-k4.11-01.txt'));
    expect(diagnostics).toEqual([]);
    const c = value.captures[0]!;
    expect(c.objects).toEqual([{ line: 3, sizeBytes: 8294400, flags: '00000000', mode: '00000005', count: 5, exporter: 'drm', inode: undefined, name: undefined, attached: ['gpu-subsystem'], fences: 1, text: expect.stringMatching(/^08294400\s+00000000\s+00000005\s+00000005\s+drm$/) }]);
    expect(c.total).toMatchObject({ objects: 1, bytes: 8294400, line: 10 });
    expect(c.total!.text).toMatch(/^Total 1 objects, 8294400 bytes/);
  });

  it('keeps exporter names with commas and buffer names with spaces', () => {
    const text = 'Dma-buf Objects:\nsize\tflags\tmode\tcount\texp_name\tino\tname\n02097152\t00000002\t02080007\t00000002\tlinux,cma\t00000013\tcamera frame 3\n\tAttached Devices:\n\t15c10000.vi\nTotal 1 devices attached\n';
    const { value } = run(parseDmaBuf, text);
    expect(value.captures[0]!.objects[0]).toMatchObject({ exporter: 'linux,cma', inode: 13, name: 'camera frame 3', attached: ['15c10000.vi'] });
  });
});

describe('IOMMU groups', () => {
  it('reads `ls -l` output with link targets', () => {
    const { value, diagnostics } = run(parseIommuGroups, capture('iommu_groups/generic-x86-lkml-2013-ls-l-01.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.groups.map((g) => g.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 10]);
    expect(value.groups.find((g) => g.id === 7)!.devices.map((d) => d.name)).toEqual(['0000:00:1c.0', '0000:00:1c.6', '0000:03:00.0']);
    expect(value.groups[0]!.devices[0]!.target).toBe('../../../../devices/pci0000:00/0000:00:00.0');
  });

  it('reads plain `ls` with several names on a line', () => {
    const text = '/sys/kernel/iommu_groups/3/devices:\n13e00000.host1x  15340000.vic\n\n/sys/kernel/iommu_groups/4/devices:\n17000000.gpu\n';
    const { value } = run(parseIommuGroups, text);
    expect(value.groups).toMatchObject([{ id: 3, devices: [{ name: '13e00000.host1x' }, { name: '15340000.vic' }] }, { id: 4, devices: [{ name: '17000000.gpu' }] }]);
  });
});

describe('nvmap iovmm clients', () => {
  it('reads processes, PIDs and sizes of a real Orin capture and the total', () => {
    const { value, diagnostics } = run(parseNvmapClients, capture('nvmap/jetson-orin-htop-readme-01.txt'));
    expect(diagnostics).toEqual([]);
    const c = value.captures[0]!;
    expect(c.clients.map((x) => [x.process, x.pid, x.sizeBytes / 1024])).toEqual([
      ['gpu_burn', 7979, 23525644],
      ['gnome_shell', 8119, 5800],
      ['Xorg', 2651, 17876],
    ]);
    expect(c.total).toEqual({ bytes: 23549320 * 1024, line: 5 });
  });

  it('reads the L4T 36 layout where the name is long', () => {
    const { value } = run(parseNvmapClients, capture('nvmap/jetson-l4t36-vllm-excerpt-01.txt'));
    expect(value.captures[0]!.clients).toEqual([{ line: 2, client: 'user', process: 'VLLM::EngineCor', pid: 1792595, sizeBytes: 14617792 * 1024, text: expect.stringMatching(/^user\s+VLLM::EngineCor\s+1792595\s+14617792K$/) }]);
  });
});

describe('thermal trip points', () => {
  it('reads trips and derives the throttle and shutdown temperatures, skipping disabled trips', () => {
    const { value, diagnostics } = run(parseThermalTrips, capture('thermal_trips/generic-x86-linux-pm-01.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.zones.map((z) => [z.zone, z.type, z.throttleC, z.shutdownC])).toEqual([
      ['thermal_zone0', 'acpitz', undefined, 127],
      ['thermal_zone1', 'x86_pkg_temp', undefined, undefined],
    ]);
    expect(value.zones[0]!.trips.map((t) => [t.index, t.type, t.tempC])).toEqual([[0, 'critical', 127], [1, 'hot', 127], [2, 'passive', 0]]);
  });

  it('reads `grep . thermal*/*` with other attributes and the current temperature', () => {
    const { value, diagnostics } = run(parseThermalTrips, capture('thermal_trips/generic-x86-thinkpad-pavel-01.txt'));
    expect(diagnostics).toEqual([]);
    expect(value.zones).toMatchObject([{ zone: 'thermal_zone0', type: 'acpitz', tempC: 96, shutdownC: 99 }]);
  });
});

describe('recognising the new inputs', () => {
  it.each([
    ['proc/vmstat', 'vmstat'],
    ['sys/kernel/debug/dma_buf/bufinfo', 'dma-buf'],
    ['dma_buf_bufinfo.txt', 'dma-buf'],
    ['sys/kernel/iommu_groups.txt', 'iommu-groups'],
    ['sys/kernel/debug/nvmap/iovmm/clients', 'nvmap-clients'],
    ['nvmap-clients.txt', 'nvmap-clients'],
    ['sys/class/thermal/trip_points.txt', 'thermal-trips'],
  ])('by name: %s', (p, kind) => {
    expect(classifyByName(p)?.kind).toBe(kind);
  });

  it.each([
    ['vmstat/generic-x86-k4.19-lkml-01.txt', 'vmstat'],
    ['dma_buf/generic-arm64-asahi-k6.2-01.txt', 'dma-buf'],
    ['nvmap/jetson-orin-htop-readme-01.txt', 'nvmap-clients'],
    ['iommu_groups/generic-x86-lkml-2013-ls-l-01.txt', 'iommu-groups'],
    ['thermal_trips/generic-x86-linux-pm-01.txt', 'thermal-trips'],
  ])('by content: %s', (f, kind) => {
    expect(classifyByContent(capture(f))).toBe(kind);
  });
});
