/** Trend series of the collector's periodic inputs, and their charts in the HTML report. */
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
