/**
 * The chart specifications and their SVG: label placement, gaps, time axes, event markers
 * (on the leak sample given the collector's boot time), and escaping of bundle-supplied names.
 */
// @ts-nocheck

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buddySpec, gapsIn, iomemSpec, placeLabels, timeSeriesSpec, wrapTitle, yDomain } from '../../src/report/chart-specs.js';
import { chartPlans, renderCharts, tegrastatsEpoch0 } from '../../src/report/charts.js';
import { bootEpoch, chartEvents } from '../../src/report/timeline.js';
import { ROOT, tempDir } from '../helpers/fleet.js';

type Layer = { data?: { values: Record<string, unknown>[] }; layer?: Layer[]; encoding?: Record<string, { axis?: { title?: string } }> };

describe('chart specs', () => {
  it('keeps threshold labels a line apart and inside the plot, whatever the values', () => {
    const rows = placeLabels([40, 44, 41, 150, 149], 150);
    const sorted = [...rows].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(14);
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(14);
    expect(Math.max(...rows)).toBeLessThanOrEqual(150);
    // Two trip points 1 °C apart on a 60..120 °C axis: 2.5 px apart as drawn, 14 px apart as labelled.
    const [a, b] = placeLabels([150 * (1 - (104.5 - 60) / 60), 150 * (1 - (103.5 - 60) / 60)], 150);
    expect(Math.abs(a! - b!)).toBeGreaterThanOrEqual(14);
  });

  it('finds gaps from the timestamps and from segment starts', () => {
    const t = [0, 10, 20, 30, 600, 610, 620];
    expect(gapsIn(t)).toEqual([4]);
    expect(gapsIn(t, [2])).toEqual([2, 4]);
    expect(gapsIn([0, 10, 20, 5, 15])).toEqual([3]);
  });

  it('breaks the line at a gap with a row that has no value', () => {
    const spec = timeSeriesSpec({ title: 'RAM', unit: 'MiB', t: [0, 60, 120, 4000, 4060, 4120], series: [{ name: 'RAM used', values: [1, 2, 3, 4, 5, 6] }] }, 720)!;
    const rows = (spec.layer as Layer[])[0]!.data!.values;
    expect(rows.map((r) => r.v)).toEqual([1, 2, 3, null, 4, 5, 6]);
    // A log of about an hour: minutes on the axis, not repeated "0:01" labels.
    expect((spec.layer as Layer[])[0]!.encoding!.x!.axis!.title).toBe('minutes since the log started');
  });

  it('puts clock time on the axis when the samples have it, and says when events fall outside', () => {
    const epoch0 = Date.UTC(2026, 10, 24, 6) / 1000;
    const spec = timeSeriesSpec(
      {
        title: 'RAM',
        unit: 'MiB',
        epoch0,
        t: [0, 3600, 7200],
        series: [{ name: 'RAM used', values: [1, 2, 3] }],
        events: [
          { kind: 'OOM kill', epoch: epoch0 + 3000, count: 1 },
          { kind: 'CMA failure', epoch: epoch0 + 50000, count: 2 },
        ],
      },
      720,
    )!;
    const layers = spec.layer as Layer[];
    expect(layers[0]!.encoding!.x!.axis!.title).toBe('clock time (device)');
    expect(layers[1]!.data!.values).toEqual([{ x: (epoch0 + 3000) * 1000, s: 'OOM kill', count: 1 }]);
    expect((spec.title as { subtitle: string }).subtitle).toBe("1 kernel event outside this log's time range is not marked");
  });

  it('rounds the y range out and keeps thresholds inside it', () => {
    expect(yDomain([55, 61], [99, 104.5])).toEqual([40, 120]);
    expect(yDomain([3100, 7600], [7620], 0)).toEqual([0, 8000]);
    expect(yDomain([0, 50], [], 0)).toEqual([0, 60]);
  });

  it('wraps long titles on a phone instead of cutting them', () => {
    expect(wrapTitle('Largest free block (tegrastats lfb)', 720)).toBe('Largest free block (tegrastats lfb)');
    const lines = wrapTitle('Compaction, reclaim stalls and CMA failures per capture (/proc/vmstat)', 340);
    expect(Array.isArray(lines) && lines.join(' ')).toBe('Compaction, reclaim stalls and CMA failures per capture (/proc/vmstat)');
  });

  it('draws buddyinfo free memory per order for each zone', () => {
    const spec = buddySpec(
      [
        { zone: 'DMA', freeBytesPerOrder: [4096 * 10, 8192 * 2] },
        { zone: 'Normal', freeBytesPerOrder: [4096, 0] },
      ],
      4096,
      720,
    )!;
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { order: '4 KiB', k: 0, zone: 'zone DMA', mib: (4096 * 10) / 2 ** 20 },
      { order: '8 KiB', k: 1, zone: 'zone DMA', mib: (8192 * 2) / 2 ** 20 },
      { order: '4 KiB', k: 0, zone: 'zone Normal', mib: 4096 / 2 ** 20 },
      { order: '8 KiB', k: 1, zone: 'zone Normal', mib: 0 },
    ]);
  });
});

describe('iomem map', () => {
  it('puts System RAM on one row and carve-outs, reserved ranges and CMA on the other; nothing without RAM', () => {
    const regions = [
      { name: 'System RAM', kind: 'system-ram', start: 2, end: 2.5 },
      { name: 'vpr-carveout', kind: 'carveout', start: 2.5, end: 2.75 },
      { name: 'System RAM', kind: 'system-ram', start: 2.75, end: 10 },
      { name: 'linux,cma', kind: 'cma', start: 3, end: 3.75 },
      { name: '/soc/i2c@3160000', kind: 'device', start: 0.01, end: 0.011 },
    ];
    const spec = iomemSpec(regions, 720, 'System RAM 7.7 GiB')!;
    const rows = (spec.data as { values: { row: string; what: string }[] }).values;
    expect(rows.map((r) => `${r.row}: ${r.what}`)).toEqual(['System RAM: System RAM', 'set aside: carve-out', 'System RAM: System RAM', 'set aside: CMA']);
    expect(iomemSpec(regions.filter((r) => r.kind !== 'system-ram'), 720, '')).toBeNull();
  });
});

describe('event markers and SVG output', () => {
  it('marks the OOM kill on the clock axis once the bundle gives the boot time', async () => {
    const dir = path.join(tempDir(), 'leak');
    cpSync(path.join(ROOT, 'samples/orin-nano-leak-oom'), dir, { recursive: true });
    // The collector's manifest: tegrastats' clock stamps and the boot time on one clock.
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ device_id: 'orin-cam-07', capture_time: '2026-11-24T18:05:00Z', boot_time: '2026-11-24T05:58:00Z' }));
    // Cut an hour out of the tegrastats log: the line must break there.
    const lines = readFileSync(path.join(dir, 'tegrastats.log'), 'utf8').split('\n');
    writeFileSync(path.join(dir, 'tegrastats.log'), [...lines.slice(0, 300), ...lines.slice(360)].join('\n'));
    const a = await analyze(dir);
    expect(bootEpoch(a.snapshot)).toBe(Date.UTC(2026, 10, 24, 5, 58) / 1000);
    expect(tegrastatsEpoch0(a.snapshot.tegrastats!)).toBe(Date.UTC(2026, 10, 24, 6) / 1000);
    const events = chartEvents(a.snapshot, a.findings);
    // 12:01:42 after boot (python3 at 43302.65 s) is 18:00 on the device clock.
    expect(events).toEqual([{ kind: 'OOM kill', epoch: Date.UTC(2026, 10, 24, 5, 58) / 1000 + 43302.650221, count: expect.any(Number) }]);
    const [ram] = await renderCharts(chartPlans(a.snapshot, a.device, a.findings).slice(0, 1));
    expect(ram).toContain('OOM kill');
    expect(ram).toContain('RAM total 7620 MiB');
    // Two stretches of the RAM line: two "M" (move-to) commands in its path.
    const paths = [...ram!.matchAll(/<path[^>]*aria-label="[^"]*RAM used[^"]*"[^>]*d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0]!.match(/M/g)).toHaveLength(2);
  });

  it('escapes names that come from the bundle (rail names, process names)', async () => {
    const evil = '<script>alert(1)</script>';
    const svg = await renderCharts([(w) => timeSeriesSpec({ title: `power ${evil}`, unit: 'mW', t: [0, 1, 2], series: [{ name: evil, values: [1, 2, 3] }, { name: 'x', values: [3, 2, 1] }] }, w)]);
    expect(svg[0]).not.toContain('<script>');
    expect(svg[0]).toContain('&lt;script&gt;');
  });
});
