/** Trend series of the collector's periodic inputs, and their charts in the HTML report. */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { fieldInputSeries } from '../../src/report/field-series.js';

const stamp = (i: number) => `2026-11-24T10:0${i}:00Z`;
const VMSTAT = [0, 1, 2, 3].map((i) => `${stamp(i)}\ncompact_stall ${100 + i * 10}\ncompact_fail ${50 + i * 9}\nallocstall_movable 7\n`).join('');
const NVMAP = [0, 1, 2].map((i) => `${stamp(i)}\nCLIENT                        PROCESS      PID        SIZE\nuser                          python3     2210  ${String(524288 * (i + 1)).padStart(10)}K\n`).join('');

describe('field input trend series', () => {
  it('turns periodic vmstat counters into events per interval and nvmap into MiB per process', () => {
    const s = snapshotFromFiles({ 'proc/vmstat': VMSTAT, 'nvmap-clients.log': NVMAP });
    const series = fieldInputSeries(s);
    expect(series.map((x) => x.title)).toEqual(['Compaction, reclaim stalls and CMA failures per capture (/proc/vmstat)', 'NVMM memory per process (nvmap clients)']);
    expect(series[0]!.t).toEqual([0, 60, 120, 180]);
    // allocstall never moved: no line for it.
    expect(series[0]!.series).toEqual([
      { name: 'compact_stall', values: [0, 10, 10, 10] },
      { name: 'compact_fail', values: [0, 9, 9, 9] },
    ]);
    expect(series[1]!.series).toEqual([{ name: 'python3 (2210)', values: [512, 1024, 1536] }]);
  });

  it('draws nothing from a single capture', () => {
    expect(fieldInputSeries(snapshotFromFiles({ 'proc/vmstat': 'compact_stall 5\n' }))).toEqual([]);
  });
});

describe('tegrastats segments for the charts', () => {
  it('gives each segment its span and the break before it, ', async () => {
    const { tegrastats } = await import('../helpers/bundles.js');
    const { tegrastatsSegments } = await import('../../src/report/field-series.js');
    // Generated in the real JetPack 6 line format: 10 min, a 5 min pause with RAM back at its start (a reboot), 10 min.
    const first = tegrastats(600, (i) => ({ ramMB: 2000 + i * 5 }));
    const second = tegrastats(600, (i) => ({ ramMB: 2000 + (i % 3) })).replace(/^11-24-2026 08:(\d\d)/gm, (_m, mi) => `11-24-2026 08:${String(Number(mi) + 15).padStart(2, '0')}`);
    const s = snapshotFromFiles({ 'tegrastats.log': first + second });
    const segs = tegrastatsSegments(s);
    expect(segs).toHaveLength(2);
    expect(segs[0]).toMatchObject({ segment: 1, startS: 0, startTime: '2026-11-24T08:00:00Z', endTime: '2026-11-24T08:09:59Z' });
    expect(segs[0]!.break).toBeUndefined();
    expect(segs[1]).toMatchObject({ segment: 2, startS: 900, startTime: '2026-11-24T08:15:00Z', break: { reason: 'reboot', label: 'reboot', line: 601 } });
    expect(tegrastatsSegments(snapshotFromFiles({ 'proc/meminfo': 'MemTotal: 1 kB\n' }))).toEqual([]);
  });
});

describe('the charts break at the parser\'s segments', () => {
  it('a RAM drop with no pause in the clock (a restart) still breaks every tegrastats line there', async () => {
    const { tegrastats } = await import('../helpers/bundles.js');
    const { chartPlans } = await import('../../src/report/charts.js');
    const { deviceContext } = await import('../../src/rules/device/context.js');
    // Generated in the real JetPack 6 line format: 10 min of growth, then RAM back at its start with no gap in time.
    const s = snapshotFromFiles({ 'tegrastats.log': tegrastats(1200, (i) => ({ ramMB: i < 600 ? 2000 + i * 5 : 2000 + (i % 3) })) });
    expect(s.tegrastats!.segments!.map((g) => g.from)).toEqual([0, 600]);
    const spec = chartPlans(s, deviceContext(s), [])[0]!(720) as { title: unknown; data?: { values: { x: number; s: string; v: number | null }[] }; layer?: { data?: { values: unknown[] } }[] };
    const rows = (spec.data?.values ?? spec.layer?.find((l) => l.data)?.data?.values ?? []) as { x: number; s: string; v: number | null }[];
    const gaps = rows.filter((r) => r.v === null);
    expect(gaps.length).toBeGreaterThan(0);
    // The gap row sits between the last sample of the first segment and the first of the second.
    expect(gaps.every((g) => rows.some((r) => r.v !== null && r.x < g.x) && rows.some((r) => r.v !== null && r.x > g.x))).toBe(true);
  });
});
