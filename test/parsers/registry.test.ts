/**
 * The parser registry: each input kind goes to its own parser and snapshot part, and the
 * whole-text entry point gives what the streaming one gives. One real capture per kind (the
 * fuzz and streaming properties cover the rest, outside mutation runs).
 */
import { describe, expect, it } from 'vitest';
import { FILE_PARSERS } from '../../src/parsers/registry.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

const capture = (rel: string) => fixture(rel).replace(/^(#[^\n]*\n)+\n?/, '');

const ONE: Record<string, [part: string, text: string, check: (v: Record<string, unknown>) => void]> = {
  meminfo: ['meminfo', capture('meminfo/generic-x86-k5.x-01.txt'), (v) => expect(v.captures).toHaveLength(1)],
  buddyinfo: ['buddyinfo', capture('buddyinfo/generic-x86-k4.x-01.txt'), (v) => expect(v.pageSize).toBe(4096)],
  zoneinfo: ['zoneinfo', capture('zoneinfo/generic-arm720t-k2.6-01.txt'), (v) => expect(v.zones).toHaveLength(1)],
  iomem: ['iomem', capture('iomem/generic-arm64-qcom-phone-01.txt'), (v) => expect(v.addressesHidden).toBe(false)],
  dmesg: ['dmesg', capture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt'), (v) => expect(v.format).toBe('dmesg')],
  tegrastats: ['tegrastats', capture('tegrastats/jetson-nano-jp4-01.txt'), (v) => expect(v.samples).toBeGreaterThan(0)],
  pagetypeinfo: ['pagetypeinfo', capture('pagetypeinfo/generic-x86-k2.6.33-kerneldoc-01.txt'), (v) => expect(v.pageblockOrder).toBe(9)],
  vmstat: ['vmstat', capture('vmstat/generic-x86-k4.19-lkml-01.txt'), (v) => expect(v.captures).toHaveLength(1)],
  'dma-buf': ['dmaBuf', capture('dma_buf/generic-arm64-asahi-k6.2-01.txt'), (v) => expect(v.captures).toHaveLength(1)],
  'iommu-groups': ['iommuGroups', capture('iommu_groups/generic-x86-lkml-2013-ls-l-01.txt'), (v) => expect(v.groups).toHaveLength(9)],
  'nvmap-clients': ['nvmapClients', capture('nvmap/jetson-orin-htop-readme-01.txt'), (v) => expect(v.captures).toHaveLength(1)],
  'thermal-trips': ['thermalTrips', capture('thermal_trips/generic-x86-linux-pm-01.txt'), (v) => expect(v.zones).toHaveLength(2)],
};

describe('FILE_PARSERS', () => {
  it('one parser per input kind, each filling its own snapshot part', () => {
    expect(FILE_PARSERS.map((p) => [p.kind, p.part])).toEqual(Object.entries(ONE).map(([kind, [part]]) => [kind, part]));
  });

  it.each(FILE_PARSERS.map((p) => [p.kind, p] as const))('%s: parse(whole text) = the stream fed in pieces, without a diagnostic', (kind, parser) => {
    const [, text, check] = ONE[kind]!;
    const options = { tegrastatsIntervalSeconds: 1 };
    const a = new DiagnosticSink('f');
    const whole = parser.parse({ path: 'f', text, lineOffset: 2 }, a, options);
    const b = new DiagnosticSink('f');
    const s = parser.stream({ path: 'f', lineOffset: 2 }, b, options);
    const cut = Math.floor(text.length / 3);
    s.write(text.slice(0, cut));
    s.write(text.slice(cut));
    expect(s.end()).toEqual(whole);
    const diags = a.finish();
    expect(diags).toEqual(b.finish());
    expect(diags.filter((d) => d.severity !== 'info')).toEqual([]);
    check(whole as unknown as Record<string, unknown>);
    expect((whole as unknown as { file: string }).file).toBe('f');
  });
});
