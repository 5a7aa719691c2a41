/**
 * splitSeries on its own: where a periodic series (tegrastats samples of an Orin Nano with
 * 7620 MB, one a second or a minute) breaks, why, and the words said about it; each
 * threshold just under and just over. Figures are those of the samples' figures in
 * test/fixtures/tegrastats, laid out as the scenario needs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENT_OPTIONS, splitSeries, type SeriesInput } from '../../src/parsers/common/series-segments.js';

const TOTAL = 7620; // drop: > 762 MB in one step; "back at the start level": within 381 MB

function series(t: number[], usedMB: number[], more: Partial<SeriesInput> = {}): SeriesInput {
  return { t, usedMB, totalMB: TOTAL, intervalSeconds: 1, line: t.map((_, i) => 10 + i), timed: true, startEpoch: 1795514400, ...more };
}

const reasons = (input: SeriesInput) => splitSeries(input).map((s) => [s.from, s.to, s.break?.reason ?? null]);

describe('splitSeries', () => {
  it('one stretch: bounds, lines and clock times', () => {
    expect(splitSeries(series([0, 1, 2], [3000, 3010, 3020]))).toStrictEqual([{ from: 0, to: 2, startS: 0, endS: 2, startLine: 10, endLine: 12, startTime: '2026-11-24T10:00:00Z', endTime: '2026-11-24T10:00:02Z' }]);
    expect(splitSeries(series([0, 1], [3000, 3010], { startEpoch: undefined }))[0]!.startTime).toBeUndefined();
    expect(splitSeries(series([0, 1], [3000, 3010], { timed: false }))[0]!.startTime).toBeUndefined();
    expect(splitSeries(series([], []))).toEqual([]);
    const two = splitSeries(series([0, 1, 900, 901], [3000, 3000, 3000, 3000]));
    expect(two.map((g) => [g.startTime, g.endTime])).toEqual([['2026-11-24T10:00:00Z', '2026-11-24T10:00:01Z'], ['2026-11-24T10:15:00Z', '2026-11-24T10:15:01Z']]);
    // two samples with the same stamp are not the clock going back
    expect(reasons(series([0, 0, 1], [3000, 3000, 3000]))).toEqual([[0, 2, null]]);
  });

  it('a pause is a gap past 60 s or five intervals, whichever is longer', () => {
    expect(reasons(series([0, 1, 61], [3000, 3000, 3000]))).toEqual([[0, 2, null]]);
    expect(reasons(series([0, 1, 61.5], [3000, 3000, 3000]))).toEqual([[0, 1, null], [2, 2, 'gap']]);
    const minute = { intervalSeconds: 60 };
    expect(reasons(series([0, 60, 360], [3000, 3000, 3000], minute))).toEqual([[0, 2, null]]);
    expect(reasons(series([0, 60, 361], [3000, 3000, 3000], minute))).toEqual([[0, 1, null], [2, 2, 'gap']]);
    // without timestamps nothing is known about pauses or clocks
    expect(reasons(series([0, 1, 5000, 3], [3000, 3000, 3000, 3000], { timed: false }))).toEqual([[0, 3, null]]);
  });

  it('the words for a gap say how long, in s, min, h or days', () => {
    const detail = (dt: number) => splitSeries(series([0, dt], [3000, 3000]))[1]!.break!.detail;
    expect(detail(119)).toBe('no sample for 119 s (the log stopped or the device was off)');
    expect(detail(120)).toBe('no sample for 2 min (the log stopped or the device was off)');
    expect(detail(7199)).toBe('no sample for 120 min (the log stopped or the device was off)');
    expect(detail(7200)).toBe('no sample for 2 h (the log stopped or the device was off)');
    expect(detail(172799)).toBe('no sample for 48 h (the log stopped or the device was off)');
    expect(detail(172800)).toBe('no sample for 2 days (the log stopped or the device was off)');
    expect(splitSeries(series([0, 5], [3000, 3000], { line: [4, 9] }))).toHaveLength(1);
  });

  it('a pause with used RAM back at the start level is a reboot; above it, a gap that says the RAM fell', () => {
    const reboot = splitSeries(series([0, 1, 2, 900], [3000, 4500, 5000, 3300]))[1]!;
    expect(reboot).toMatchObject({ from: 3, startLine: 13, break: { reason: 'reboot', line: 13 } });
    expect(reboot.break!.detail).toBe('no sample for 15 min and used RAM fell from 5000 to 3300 MB, back to the level the log started at: the device rebooted');
    const gap = splitSeries(series([0, 1, 2, 900], [3000, 4500, 5000, 3400]))[1]!.break!;
    expect(gap).toMatchObject({ reason: 'gap', detail: 'no sample for 15 min and used RAM fell from 5000 to 3400 MB (the log stopped or the device was off)' });
    // a fall of 762 MB is not a drop; 763 is
    expect(splitSeries(series([0, 1, 900], [3000, 3762, 3000]))[1]!.break!.reason).toBe('gap');
    expect(splitSeries(series([0, 1, 900], [3000, 3763, 3000]))[1]!.break!.reason).toBe('reboot');
  });

  it('the clock going back is its own break, a reboot when used RAM fell back to the start level', () => {
    const back = splitSeries(series([0, 30, 10], [3000, 3100, 3050]))[1]!.break!;
    expect(back).toEqual({ reason: 'clock-back', line: 12, detail: 'the clock went back 20 s (a reboot reset it, or the log was restarted)' });
    const reboot = splitSeries(series([0, 30, 3], [3000, 5000, 2900]))[1]!.break!;
    expect(reboot).toEqual({ reason: 'reboot', line: 12, detail: 'the clock went back 27 s and used RAM fell from 5000 to 2900 MB (a reboot reset it, or the log was restarted)' });
    const dropOnly = splitSeries(series([0, 30, 3], [3000, 5000, 4000]))[1]!.break!;
    expect(dropOnly.reason).toBe('clock-back');
  });

  it('used RAM falling in one step: back where the log started is a reset, elsewhere a drop', () => {
    const reset = splitSeries(series([0, 1, 2], [3000, 4500, 2700]))[1]!.break!;
    expect(reset).toEqual({ reason: 'ram-reset', line: 12, detail: 'used RAM fell from 4500 to 2700 MB in one interval, back to where the log started (a reboot or a restart of the service)' });
    // 381 MB either side of the start level counts as back at it
    expect(splitSeries(series([0, 1, 2], [3000, 4500, 2619]))[1]!.break!.reason).toBe('ram-reset');
    expect(splitSeries(series([0, 1, 2], [3000, 4500, 2618]))[1]!.break!.reason).toBe('ram-drop');
    expect(splitSeries(series([0, 1, 2], [3000, 4500, 3381]))[1]!.break!.reason).toBe('ram-reset');
    const drop = splitSeries(series([0, 1, 2], [3000, 5000, 3382]))[1]!.break!;
    expect(drop).toEqual({ reason: 'ram-drop', line: 12, detail: 'used RAM fell from 5000 to 3382 MB in one interval (an OOM kill or a service restart freed it)' });
  });

  it('a sample without a RAM figure neither breaks nor hides the fall across it', () => {
    expect(reasons(series([0, 1, 2, 3], [NaN, 5000, NaN, 3900]))).toEqual([[0, 2, null], [3, 3, 'ram-drop']]);
    // the start level is the first figure there is
    expect(reasons(series([0, 1, 2, 3], [NaN, 3000, 4500, 3100]))).toEqual([[0, 2, null], [3, 3, 'ram-reset']]);
  });

  it('with RAM unknown the drop threshold is the 300 MB floor, the start band the 100 MB floor', () => {
    const unknown = { totalMB: NaN };
    expect(reasons(series([0, 1, 2], [3000, 3500, 3099], unknown))).toEqual([[0, 1, null], [2, 2, 'ram-reset']]);
    expect(reasons(series([0, 1, 2], [3000, 3500, 3101], unknown))).toEqual([[0, 1, null], [2, 2, 'ram-drop']]);
    expect(reasons(series([0, 1, 2], [3000, 3500, 3200], unknown))).toEqual([[0, 2, null]]);
  });

  it('a logger restart (its banner again) breaks where it printed, unless banners are the layout', () => {
    const restart = splitSeries(series([0, 1, 2, 3], [3000, 3010, 3020, 3030], { headers: [{ before: 2, line: 40 }, { before: 0, line: 1 }, { before: 4, line: 99 }] }));
    expect(restart.map((s) => [s.from, s.to, s.break?.reason])).toEqual([[0, 1, undefined], [2, 3, 'restart']]);
    expect(restart[1]!.break).toEqual({ reason: 'restart', line: 40, detail: 'the logger printed its start again at line 40 (tegrastats was restarted)' });
    const withDrop = splitSeries(series([0, 1, 2], [3000, 5000, 4000], { headers: [{ before: 2, line: 40 }] }))[1]!.break!;
    expect(withDrop.detail).toBe('the logger printed its start again at line 40 (tegrastats was restarted); used RAM fell from 5000 to 4000 MB');
    // the banner at the top of the log is no restart and does not count towards the layout test
    const t12 = Array.from({ length: 12 }, (_, i) => i);
    const three = [{ before: 0, line: 1 }, { before: 3, line: 20 }, { before: 6, line: 30 }, { before: 9, line: 40 }];
    expect(splitSeries(series(t12, t12.map(() => 3000), { headers: three })).map((g) => g.break?.line)).toEqual([undefined, 20, 30, 40]);
    // two header lines before one sample: the break cites the first
    expect(splitSeries(series([0, 1, 2], [3000, 3000, 3000], { headers: [{ before: 2, line: 40 }, { before: 2, line: 41 }] }))[1]!.break!.line).toBe(40);
    // `date; tegrastats` in a loop: a banner before most samples is how the log is laid out
    const t = Array.from({ length: 12 }, (_, i) => i);
    const loop = t.slice(1).map((i) => ({ before: i, line: 100 + i }));
    expect(splitSeries(series(t, t.map(() => 3000), { headers: loop }))).toHaveLength(1);
    expect(splitSeries(series(t, t.map(() => 3000), { headers: loop.slice(0, 3) }))).toHaveLength(4);
    expect(splitSeries(series(t, t.map(() => 3000), { headers: loop.slice(0, 4) }))).toHaveLength(1);
  });

  it('defaults as documented', () => {
    expect(DEFAULT_SEGMENT_OPTIONS).toEqual({ gapIntervals: 5, minGapSeconds: 60, dropShare: 0.1, minDropMB: 300, resetShare: 0.05 });
  });
});
