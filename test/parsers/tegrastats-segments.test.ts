import { describe, expect, it } from 'vitest';
import { parseTegrastats } from '../../src/parsers/tegrastats/build.js';
import { splitSeries } from '../../src/parsers/common/series-segments.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';
import path from 'node:path';
import { shiftStamps as shift, tegrastats } from '../helpers/bundles.js';

// Real captures come from test/fixtures/tegrastats (sources in the corpus index). Reboots, gaps
// and restarts over hours are generated in tegrastats' real JetPack 6 line format
// (helpers/bundles.ts): no public log spanning a reboot was found; the shapes are synthetic.

function parse(text: string, name = 'tegrastats.log') {
  return parseTegrastats({ path: name, text, lineOffset: 0 }, new DiagnosticSink(name));
}

/** Every line the parser kept for evidence is the file's line, character for character. */
function expectVerbatim(text: string, quoted: Record<number, string>) {
  const lines = text.split('\n');
  for (const [n, s] of Object.entries(quoted)) expect(s).toBe(lines[Number(n) - 1]);
}

describe('tegrastats segments', () => {
  it('a log across a reboot: a pause and RAM back at its boot level start segment 2 at the first sample after it', () => {
    const before = tegrastats(1800, (i) => ({ ramMB: 2100 + Math.round(i * 2) }));
    const after = shift(tegrastats(600, (i) => ({ ramMB: 2100 + (i % 5) })), 1800 + 240);
    const text = before + after;
    const t = parse(text);
    expect(t.segments).toHaveLength(2);
    const [a, b] = t.segments;
    expect([a!.from, a!.to, b!.from, b!.to]).toEqual([0, 1799, 1800, 2399]);
    expect(b!.break).toMatchObject({ reason: 'reboot', line: 1801 });
    expect(b!.break!.detail).toMatch(/no sample for 4 min and used RAM fell from 5698 to 2100 MB, back to the level the log started at: the device rebooted/);
    expect([a!.startTime, a!.endTime, b!.startTime]).toEqual(['2026-11-24T08:00:00Z', '2026-11-24T08:29:59Z', '2026-11-24T08:34:00Z']);
    expect([b!.startLine, b!.endLine]).toEqual([1801, 2400]);
    expectVerbatim(text, t.quoted);
    // The lines on both sides of the break are kept, for evidence.
    expect(t.quoted[1800]).toMatch(/^11-24-2026 08:29:59 RAM 5698\/7620MB/);
    expect(t.quoted[1801]).toMatch(/^11-24-2026 08:34:00 RAM 2100\/7620MB/);
  });

  it('a gap with RAM unchanged is a gap, not a reboot', () => {
    const text = tegrastats(600, () => ({ ramMB: 3100 })) + shift(tegrastats(600, () => ({ ramMB: 3120 })), 600 + 3600);
    const t = parse(text);
    expect(t.segments.map((s) => s.break?.reason)).toEqual([undefined, 'gap']);
    expect(t.segments[1]!.break!.detail).toBe('no sample for 60 min (the log stopped or the device was off)');
  });

  it('a clock going backwards starts a segment', () => {
    const text = tegrastats(300, () => ({ ramMB: 4000 })) + shift(tegrastats(300, () => ({ ramMB: 4000 })), -7200);
    const t = parse(text);
    expect(t.segments.map((s) => s.break?.reason)).toEqual([undefined, 'clock-back']);
    expect(t.segments[1]!.break).toMatchObject({ line: 301 });
    expect(t.segments[1]!.break!.detail).toMatch(/^the clock went back 2\.1 h/);
  });

  it('a banner printed again mid-log is a restarted logger; a `date` before every sample is only the layout', () => {
    const lines = tegrastats(20, () => ({ ramMB: 3000 })).trimEnd().split('\n');
    const restarted = ['Tue Nov 24 07:59:59 UTC 2026', ...lines.slice(0, 10), 'Tue Nov 24 08:00:10 UTC 2026', ...lines.slice(10)].join('\n') + '\n';
    const t = parse(restarted);
    expect(t.segments.map((s) => s.break?.reason)).toEqual([undefined, 'restart']);
    expect(t.segments[1]!.break).toMatchObject({ line: 12 });
    expect(t.segments[1]!.from).toBe(10);
    const loop = lines.flatMap((l, i) => [`Tue Nov 24 08:00:${String(i).padStart(2, '0')} UTC 2026`, l]).join('\n') + '\n';
    expect(parse(loop).segments).toHaveLength(1);
  });

  it('real captures: a steady log is one segment; a real sudden fall of used RAM (a process freed 801 MB) splits it', () => {
    for (const name of ['jetson-xavier-nx-jp5-01.txt', 'jetson-agx-orin-64gb-jp6-01.txt', 'jetson-tx2-jp4-03.txt', 'jetson-agx-orin-12core-jp5-01.txt']) {
      const text = fixture(`tegrastats/${name}`);
      const t = parse(text, name);
      expect(t.segments, name).toHaveLength(1);
      expect(t.segments[0]).toMatchObject({ from: 0, to: t.samples - 1 });
      expectVerbatim(text, t.quoted);
    }
    const nano = fixture('tegrastats/jetson-nano-jp4-02.txt');
    const t = parse(nano);
    expect(t.segments).toHaveLength(2);
    expect(t.segments[1]!.break).toMatchObject({ reason: 'ram-reset', line: 113 });
    expect(t.segments[1]!.break!.detail).toMatch(/used RAM fell from 1738 to 937 MB in one interval, back to where the log started/);
    expectVerbatim(nano, t.quoted);
  });

  it('interval-only logs (no timestamps) are still split at a fall of used RAM, never at noise', () => {
    const t = parse(tegrastats(100, (i) => ({ ramMB: i < 50 ? 6000 + (i % 40) : 2500 })).replace(/^\S+ \S+ /gm, ''));
    expect(t.timeSource).toBe('interval');
    expect(t.segments.map((s) => s.break?.reason)).toEqual([undefined, 'ram-drop']);
    expect(t.segments[0]!.startTime).toBeUndefined();
  });

  it('keeps the text of a few lines only, however long the log', () => {
    // Six hours at one sample a second with a slow rise and noise: 21,600 lines.
    const text = tegrastats(21600, (i) => ({ ramMB: 3000 + Math.round(i / 100) + (i % 7), tempC: 50 + (i % 13), emc: 20 + (i % 11) }));
    const t = parse(text);
    expect(t.samples).toBe(21600);
    expect(Object.keys(t.quoted).length).toBeLessThan(40);
    expectVerbatim(text, t.quoted);
  });
});

describe('splitSeries on timed captures', () => {
  it('splits at a gap, a drop and time going back, never at noise', () => {
    const segs = splitSeries({
      t: [0, 60, 120, 180, 5000, 5060, 5120, 5180, 10, 70],
      usedMB: [1000, 1010, 990, 1005, 1004, 1006, 300, 310, 320, 330],
      totalMB: 4000,
      intervalSeconds: 60,
      line: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      timed: true,
      startEpoch: 0,
    });
    expect(segs.map((s) => [s.from, s.to, s.break?.reason])).toEqual([
      [0, 3, undefined],
      [4, 5, 'gap'],
      [6, 7, 'ram-drop'],
      [8, 9, 'clock-back'],
    ]);
  });
});

