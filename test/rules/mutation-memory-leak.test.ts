/**
 * The memory-leak rule (src/rules/builtin/memory-leak.ts) case by case where a changed
 * comparison, figure or branch would change what the engineer reads: which run is fitted, when
 * a run "ran out", where an OOM kill sits on the tegrastats clock and how the verdict says it,
 * the sawtooth's wording, the figures and the confidence, the meminfo fallback series
 * (issue #14, mutation testing). The slow cases with hours of 1 s samples stay in
 * memory-leak.test.ts; here the samples are a minute apart (tegrastats --interval 60000), so a
 * 2 h run is 121 lines. Everything runs inside the `it` bodies (Stryker switches a mutant on only
 * while tests run).
 *
 * The tegrastats lines are the JetPack 6 Orin Nano format of the real captures
 * (helpers/bundles.ts: 7620 MB of RAM); the OOM lines are the current kernel's, as in the
 * leak-oom sample, with `dmesg -T` stamps so the kills can be placed on the tegrastats clock.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import type { Finding } from '../../src/rules/types.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { meminfo, tegrastats, type TegraSample } from '../helpers/bundles.js';

const START = Date.UTC(2026, 10, 24, 8, 0, 0);
const p2 = (x: number) => String(x).padStart(2, '0');
const stamp = (s: number) => {
  const d = new Date(START + s * 1000);
  return `${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}-${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
};
/** `n` tegrastats samples `stepS` seconds apart, the first `at` seconds after 11-24-2026 08:00:00. */
const ts = (n: number, stepS: number, sample: (i: number) => TegraSample, at = 0) =>
  tegrastats(n, sample)
    .split('\n')
    .filter(Boolean)
    .map((l, i) => stamp(at + i * stepS) + l.slice(19))
    .join('\n') + '\n';
/** A minute apart. */
const MIN = 60;
const wallT = (s: number) => {
  const d = new Date(START + s * 1000);
  return `[${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} Nov ${d.getUTCDate()} ${d.toISOString().slice(11, 19)} 2026]`;
};
/** An OOM kill (invoked + killed lines) at `s` seconds after the log's start, `dmesg -T` stamps. */
const oomKill = (s: number, comm = 'python3', pid = 2210) => [
  `${wallT(s)} ${comm} invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0`,
  `${wallT(s)} Out of memory: Killed process ${pid} (${comm}) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0`,
];
const kernelLog = (...kills: string[][]) => kills.flat().join('\n') + '\n';

const run = (files: Record<string, string>) => runRules([ruleById('memory-leak')], snapshotFromFiles(files), { signatures: SIGNATURES });
const only = (files: Record<string, string>): Finding => {
  const r = run(files);
  expect(r.findings.length).toBe(1);
  return r.findings[0]!;
};
const figure = (f: Finding, label: string) => f.figures.find((x) => x.label === label)?.value;
const where = (f: Finding) => f.evidence.map((e) => `${e.file}:${e.line}`);

/** 2 h rising `mbPerMin` MB a minute from `base` MB, 121 samples a minute apart, from `at` s. */
const rising = (base: number, mbPerMin: number, at = 0, n = 121) => ts(n, MIN, (i) => ({ ramMB: base + mbPerMin * i }), at);
/** One grow-and-drop cycle: 40 samples a minute apart from 2000 MB to `peak` MB, starting at cycle `k` (40 min each). */
const cycle = (k: number, peak: number) => ts(40, MIN, (i) => ({ ramMB: 2000 + Math.round((i / 39) * (peak - 2000)) }), k * 40 * MIN);

describe('memory-leak: the leak finding, its figures and confidence', () => {
  it('a noisy 2 h rise: slope, R², samples and time to exhaustion as figures; confidence follows R²', () => {
    // 300 MB/h with ±40 MB of noise from sample to sample.
    const f = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: 3000 + 5 * i + (i % 2 ? 40 : -40) })) });
    expect(f.messageId).toBe('leak');
    expect(f.verdict).toMatch(/^Used RAM grows 300 MiB\/h over 2 h \(R² 0\.9\d\); at this rate memory runs out in 13\.4 h\.$/);
    expect(f.figures.map((x) => x.label)).toEqual(['slope', 'fit R²', 'observed over', 'segments of the log', 'samples', 'time to exhaustion']);
    expect(figure(f, 'samples')).toBe(121);
    expect(figure(f, 'time to exhaustion')).toBe('13.4 h');
    const r2 = Number(figure(f, 'fit R²'));
    expect(r2).toBeGreaterThan(0.8);
    expect(r2).toBeLessThan(1);
    // Under the 0.95 cap: 0.5 + 0.45 × R².
    expect(f.confidence).toBeCloseTo(0.5 + 0.45 * r2, 2);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:121']);
  });

  it('three samples an hour apart are enough for a fit', () => {
    const f = only({ 'tegrastats.log': ts(3, 3600, (i) => ({ ramMB: 3000 + 300 * i })) });
    expect(f.verdict).toMatch(/^Used RAM grows 300 MiB\/h over 2 h \(R² 1\.00\)/);
    expect(figure(f, 'samples')).toBe(3);
  });

  it('of two rising runs the last one is fitted (the current run of the process)', () => {
    // Run 1: 600 MB/h; a 16 min pause (rebooted); run 2: 180 MB/h.
    const f = only({ 'tegrastats.log': rising(3000, 10) + rising(2000, 3, 121 * MIN + 900) });
    expect(f.verdict).toMatch(/^Used RAM grows 180 MiB\/h over 2 h \(R² 1\.00\) \(segment 2 of 2: the log is split where it breaks, at a reboot\); at this rate memory runs out in 29\.2 h\.$/);
    expect(f.severity).toBe('warning');
    expect(where(f)).toEqual(['tegrastats.log:122', 'tegrastats.log:242']);
  });

  it('a rising run shorter than an hour after a long flat one: nothing is claimed', () => {
    const r = run({ 'tegrastats.log': ts(121, MIN, () => ({ ramMB: 3000 })) + ts(30, MIN, (i) => ({ ramMB: 2000 + 10 * i }), 121 * MIN + 900) });
    expect(r.findings).toEqual([]);
    expect(r.outcomes[0]!.status).toBe('passed');
  });

  it('runs of two samples each: nothing to fit, not evaluated', () => {
    // Two samples a minute apart, then nothing for 48 min, three times.
    const log = [0, 3000, 6000].map((at) => ts(2, MIN, () => ({ ramMB: 3000 }), at)).join('');
    const r = run({ 'tegrastats.log': log });
    expect(r.findings).toEqual([]);
    expect(r.outcomes[0]).toMatchObject({ status: 'not-evaluated', detail: 'the RAM series has no usable values to fit' });
  });
});

describe('memory-leak: when a run ran out of memory', () => {
  it('a run that reached 92 % then stopped, 500 MB lower after the pause: cut short, not ran out', () => {
    // 4000 MB to 7000 MB (92 %), a 16 min gap, then 6500 MB: a fall of 500 MB is less than a
    // tenth of RAM (762 MB), so the run did not end in a drop.
    const f = only({ 'tegrastats.log': rising(4000, 25) + ts(30, MIN, () => ({ ramMB: 6500 }), 121 * MIN + 900) });
    expect(f.messageId).toBe('leakCut');
    expect(f.verdict).toBe('Used RAM grew 1500 MiB/h over 2 h (R² 1.00) (segment 1 of 2: the log is split where it breaks, at a gap) until a gap (line 122) at 92% used; at that rate memory would have run out 24.8 min later.');
    expect(f.severity).toBe('warning');
    expect(f.confidence).toBeCloseTo(0.85, 5);
    expect(figure(f, 'what ended the run')).toMatch(/^no sample for 16 min/);
    expect(figure(f, 'slope')).toBe(1500);
  });

  it('a run that reached exactly 90 % and ended in a drop ran out', () => {
    // 4000 MB to 6858 MB (90.0 % of 7620), then 2000 MB after a pause.
    const f = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: 4000 + Math.round((i * 2858) / 120) })) + ts(30, MIN, () => ({ ramMB: 2000 }), 121 * MIN + 900) });
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toMatch(/until memory ran out \(90% used\) \(segment 1 of 2/);
  });

  it('a run at 98 % with no drop after it ran out; at 97 % it did not', () => {
    const to = (peakMB: number) => ts(121, MIN, (i) => ({ ramMB: 4000 + Math.round((i * (peakMB - 4000)) / 120) }));
    const at98 = only({ 'tegrastats.log': to(7468) }); // 98.0 %
    expect(at98.messageId).toBe('ranOut');
    expect(at98.verdict).toMatch(/until memory ran out \(98% used\)\.$/);
    expect(at98.confidence).toBeCloseTo(0.9, 5);
    expect(at98.figures.map((x) => x.label)).toEqual(['slope', 'fit R²', 'observed over', 'segments of the log', 'samples']);
    const at97 = only({ 'tegrastats.log': to(7391) }); // 97.0 %
    expect(at97.messageId).toBe('leak');
  });

  it('the peak is the highest sample of the run, not its last', () => {
    // Up to 7500 MB (98 %) at sample 100, then easing back to 7300 MB.
    const f = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: i <= 100 ? 4000 + 35 * i : 7500 - 10 * (i - 100) })) });
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toMatch(/until memory ran out \(98% used\)/);
  });
});

describe('memory-leak: OOM kills on the tegrastats clock', () => {
  it('a kill just after the last sample ends the run: ran out, and the verdict says when', () => {
    const f = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(oomKill(121 * MIN + 30)) });
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toBe('Used RAM grew 600 MiB/h over 2 h (R² 1.00) until memory ran out (55% used); the OOM killer then ended python3 at 10:01:30, after the last tegrastats sample.');
    expect(f.signatures).toEqual(['memavailable-downtrend', 'oom-kill-victim']);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:121', 'dmesg:2']);
  });

  it('a kill at the last samples of a one-run log: at the end of the tegrastats log', () => {
    const f = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(oomKill(120 * MIN - 10)) });
    expect(f.verdict).toMatch(/; the OOM killer then ended python3 at 09:59:50, at the end of the tegrastats log\.$/);
  });

  it('a kill at the last samples of the second run: at the end of segment 2', () => {
    const log = rising(3000, 3) + rising(2000, 10, 121 * MIN + 900);
    const f = only({ 'tegrastats.log': log, dmesg: kernelLog(oomKill(121 * MIN + 900 + 120 * MIN - 10, 'deepstream-app', 3101)) });
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toMatch(/; the OOM killer then ended deepstream-app at 12:15:50, at the end of segment 2 \(segment 2 of 2: the log is split where it breaks, at a reboot\)\.$/);
  });

  it('a kill placed in the middle of the run is not its end: a plain leak with its time to exhaustion', () => {
    // The kill (of another, smaller process) is placed on the clock: nothing says memory ran out.
    const f = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(oomKill(60 * MIN + 10, 'chrome', 1999)) });
    expect(f.messageId).toBe('leak');
    expect(f.verdict).toMatch(/at this rate memory runs out in /);
    expect(f.verdict).not.toMatch(/cannot be placed/);
  });

  it('a kill in the pause before the current run belongs to the run before it', () => {
    const log = rising(3000, 30) + rising(2000, 10, 121 * MIN + 900);
    const f = only({ 'tegrastats.log': log, dmesg: kernelLog(oomKill(121 * MIN + 300)) });
    expect(f.messageId).toBe('leak');
    expect(f.verdict).toMatch(/\(segment 2 of 2: the log is split where it breaks, at a reboot\); at this rate memory runs out in /);
  });

  it('a kill of the boot before that the clock cannot place does not end this run', () => {
    // dmesg.0 (the boot before) has a kill with seconds since boot only; this boot's log has none.
    const prev = ['[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]', '[ 5000.100000] Out of memory: Killed process 812 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0'].join('\n') + '\n';
    const cur = '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n[    0.100000] Machine model: NVIDIA Jetson Orin Nano Developer Kit\n';
    const r = run({ 'tegrastats.log': rising(3000, 10), 'dmesg.0': prev, dmesg: cur });
    expect(r.findings.map((f) => f.messageId)).toEqual(['leak']);
  });
});

describe('memory-leak: kills at the edges of the log', () => {
  it('a kill two sample intervals before the last sample is at the end of the run; one more minute before, it is not', () => {
    // The run's last sample is at 7200 s, a minute apart: the last two intervals are its end.
    const atEnd = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(oomKill(118 * MIN)) });
    expect(atEnd.messageId).toBe('ranOut');
    expect(atEnd.verdict).toMatch(/python3 at 09:58:00, at the end of the tegrastats log\.$/);
    const before = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(oomKill(117 * MIN)) });
    expect(before.messageId).toBe('leak');
  });

  it('a kill half a minute before the first sample is on no run: the leak says memory has already run out', () => {
    const f = only({ 'tegrastats.log': rising(3000, 10, 60), dmesg: kernelLog(oomKill(30)) });
    expect(f.messageId).toBe('leakAfterOom');
    expect(f.verdict).toMatch(/the kernel log shows 1 OOM kill\(s\) \(python3\)/);
  });

  it('an unplaced kill whose victim line is missing (only the oom-killer invocation): "a process"', () => {
    const f = only({
      'tegrastats.log': rising(3000, 10),
      dmesg: '[ 4000.000000] python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n',
    });
    expect(f.messageId).toBe('leakAfterOom');
    expect(f.verdict).toMatch(/the kernel log shows 1 OOM kill\(s\) \(a process \(victim not in the log\)\)/);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:121', 'dmesg:1']);
  });

  it('a log cut by a gap and by a reboot names both breaks', () => {
    // Run 1 rising slowly, 16 min without samples, run 2 flat at the same level (a gap),
    // 16 min without samples, run 3 from the boot level (a reboot), rising 600 MB/h.
    const log = rising(3000, 3) + ts(30, MIN, () => ({ ramMB: 3400 }), 121 * MIN + 900) + rising(2000, 10, 121 * MIN + 900 + 30 * MIN + 900);
    const s = snapshotFromFiles({ 'tegrastats.log': log });
    expect(s.tegrastats!.segments.map((g) => g.break?.reason)).toEqual([undefined, 'gap', 'reboot']);
    const f = only({ 'tegrastats.log': log });
    expect(f.verdict).toMatch(/^Used RAM grows 600 MiB\/h over 2 h \(R² 1\.00\) \(segment 3 of 3: the log is split where it breaks, at a gap and a reboot\); at this rate/);
  });
});

describe('memory-leak: the sawtooth', () => {
  // Two runs that climb from 2000 MB to 92 % (7010 MB) and 96 % (7315 MB) in 39 min, each
  // followed by a sudden drop, then a third short run.
  const saw = () => cycle(0, 7010) + cycle(1, 7315) + cycle(2, 3000);

  it('without kernel log: each cycle as a figure, the lowest peak in the verdict', () => {
    const f = only({ 'tegrastats.log': saw() });
    expect(f.messageId).toBe('sawtooth');
    expect(f.verdict).toBe('Used RAM grew and fell back 2 times, each time climbing at about 7942.4 MiB/h to 92% of RAM before a sudden drop (an OOM kill or a restart): a leak that runs the device out of memory again and again.');
    expect(f.figures).toEqual([
      { label: 'grow-and-drop cycles', value: 2 },
      { label: 'mean slope while growing', value: 7942.4, unit: 'MiB/h' },
      { label: 'segment 1', value: '7707.9 MiB/h over 39 min, peak 7010 MiB, R² 1.00, from 08:00:00' },
      { label: 'segment 2', value: '8176.8 MiB/h over 39 min, peak 7315 MiB, R² 1.00, from 08:40:00' },
    ]);
    // 0.75 + 0.05 per cycle.
    expect(f.confidence).toBeCloseTo(0.85, 5);
    expect(f.signatures).toEqual(['memavailable-downtrend']);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:40', 'tegrastats.log:41', 'tegrastats.log:80']);
  });

  it('a kill at one of the two drops: "1 of the drops", placed at the top of the next run', () => {
    const f = only({ 'tegrastats.log': saw(), dmesg: kernelLog(oomKill(40 * MIN - 30)) });
    expect(f.verdict).toBe('Used RAM grew and fell back 2 times, each time climbing at about 7942.4 MiB/h to 92% of RAM before a sudden drop; the OOM killer fired at 1 of the drops: python3 at 08:39:30, at the top of segment 2: a leak that runs the device out of memory again and again.');
    // And 0.05 more with a kill at a drop.
    expect(f.confidence).toBeCloseTo(0.9, 5);
    expect(f.signatures).toEqual(['memavailable-downtrend', 'oom-kill-victim']);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:40', 'tegrastats.log:41', 'tegrastats.log:80', 'dmesg:2']);
  });

  it('a kill at each drop: "each drop"', () => {
    const f = only({ 'tegrastats.log': saw(), dmesg: kernelLog(oomKill(40 * MIN - 30), oomKill(80 * MIN - 50, 'python3', 2311)) });
    expect(f.verdict).toMatch(/before a sudden drop; the OOM killer fired at each drop: python3 at 08:39:30, at the top of segment 2; python3 at 09:19:10, at the top of segment 3: a leak/);
  });

  it('a run under 90 % with a kill at its end is a cycle too', () => {
    // The first run peaks at 80 % (6096 MB), but the kernel killed python3 at its end.
    const f = only({ 'tegrastats.log': cycle(0, 6096) + cycle(1, 7315) + cycle(2, 3000), dmesg: kernelLog(oomKill(39 * MIN - 10)) });
    expect(f.messageId).toBe('sawtooth');
    expect(f.verdict).toMatch(/to 80% of RAM before a sudden drop; the OOM killer fired at 1 of the drops: python3 at 08:38:50, at the top of segment 2: a leak/);
  });
});

describe('memory-leak: a log over more than a day', () => {
  it('clock times carry the date', () => {
    // 26 h rising 100 MB/h, a sample every 10 min, then a kill a minute after the last sample
    // (within one interval of it: at the end of the log).
    const log = ts(157, 600, (i) => ({ ramMB: 3000 + Math.round((i * 100) / 6) }));
    const f = only({ 'tegrastats.log': log, dmesg: kernelLog(oomKill(156 * 600 + 60)) });
    expect(f.verdict).toMatch(/the OOM killer then ended python3 at 2026-11-25 10:01:00, at the end of the tegrastats log\.$/);
  });
});

describe('memory-leak: the meminfo series', () => {
  /** A /proc/meminfo capture with its timestamp line, MemAvailable in kB. */
  const capture = (iso: string | undefined, availKB: number, extra: Record<string, number> = {}) => `${iso ? `${iso}\n` : ''}${meminfo({ MemAvailable: availKB, ...extra })}`;

  it('captures without a timestamp or without MemAvailable are left out; three timed ones are enough', () => {
    const noAvail = meminfo({}).replace(/^MemAvailable:.*\n/m, '');
    const text = capture('2026-11-24T00:00:00Z', 2000000) + capture(undefined, 1500000) + `2026-11-24T00:30:00Z\n${noAvail}` + capture('2026-11-24T01:00:00Z', 1600000) + capture('2026-11-24T02:00:00Z', 1200000);
    const s = snapshotFromFiles({ 'meminfo.log': text });
    expect(s.meminfo!.captures.length).toBe(5);
    const f = only({ 'meminfo.log': text });
    expect(f.messageId).toBe('leak');
    // 400000 kB an hour: 390.6 MiB/h, over the three timed captures with MemAvailable.
    expect(f.verdict).toMatch(/^Used RAM grows 390\.6 MiB\/h over 2 h \(R² 1\.00\)/);
    expect(figure(f, 'samples')).toBe(3);
    const lines = text.split('\n');
    expect(f.evidence.map((e) => lines[e.line - 1])).toEqual([expect.stringMatching(/^MemAvailable:\s+2000000 kB/), expect.stringMatching(/^MemAvailable:\s+1200000 kB/)]);
  });

  it('a pause of more than three capture intervals cuts the series: the last run is fitted, the break named by its line', () => {
    // Captures at 0, 0.5, 1 h, then 3 h: the median step is 1 h, the 2 h pause is no gap; with captures
    // at 0, 0.25, 0.5, 0.75, 1, then 5, 5.25, 5.5, 5.75, 6, 6.25 h the 4 h pause is.
    const hours = [0, 0.25, 0.5, 0.75, 1, 5, 5.25, 5.5, 5.75, 6, 6.25];
    const iso = (h: number) => new Date(Date.UTC(2026, 10, 24, 0, 0, 0) + h * 3600000).toISOString().replace('.000', '');
    const text = hours.map((h) => capture(iso(h), 3000000 - Math.round(h * 100000))).join('');
    const f = only({ 'meminfo.log': text });
    expect(f.verdict).toMatch(/\(segment 2 of 2: the log is split where it breaks, at a gap\)/);
    const lines = text.split('\n');
    expect(lines[f.evidence[0]!.line - 1]).toMatch(/^MemAvailable:\s+2500000 kB/);
  });

  it('a series over more than a day is still fitted in MiB per hour', () => {
    const text = [0, 12, 24, 36].map((h) => capture(new Date(Date.UTC(2026, 10, 24, h)).toISOString().replace('.000', ''), 3000000 - h * 20000)).join('');
    const f = only({ 'meminfo.log': text });
    expect(f.verdict).toMatch(/^Used RAM grows 19\.5 MiB\/h over 36 h \(R² 1\.00\)/);
  });
});

describe('memory-leak: more kills, names and drops', () => {
  it('a run at 92 % and exactly a tenth of RAM (762 MB) lower after the pause: no drop, cut short', () => {
    const f = only({ 'tegrastats.log': rising(4000, 25) + ts(30, MIN, () => ({ ramMB: 6238 }), 121 * MIN + 900) });
    expect(f.messageId).toBe('leakCut');
  });

  it('several kills at the end of the run: three named (in log order), three quoted', () => {
    const kills = [7130, 7145, 7160, 7175].map((s, k) => oomKill(s, ['python3', 'deepstream-app', 'gst-launch-1.0', 'python3'][k]!, 2210 + k));
    const f = only({ 'tegrastats.log': rising(3000, 10), dmesg: kernelLog(...kills) });
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toMatch(/; the OOM killer then ended python3 at 09:58:50, at the end of the tegrastats log; deepstream-app at 09:59:05, at the end of the tegrastats log; gst-launch-1\.0 at 09:59:20, at the end of the tegrastats log\.$/);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:121', 'dmesg:2', 'dmesg:4', 'dmesg:6']);
  });

  it('unplaced kills of several processes: each name once, three quoted', () => {
    const k = (t: number, comm: string, pid: number) => `[${t.toFixed(6).padStart(12)}] Out of memory: Killed process ${pid} (${comm}) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0`;
    const log = [k(4000, 'python3', 2210), k(4100, 'chrome', 2301), k(4200, 'python3', 2402), k(4300, 'nvargus-daemon', 812)].join('\n') + '\n';
    const f = only({ 'tegrastats.log': rising(3000, 10), dmesg: log });
    expect(f.messageId).toBe('leakAfterOom');
    expect(f.verdict).toMatch(/the kernel log shows 4 OOM kill\(s\) \(python3, chrome, nvargus-daemon\), which cannot be placed/);
    expect(where(f)).toEqual(['tegrastats.log:1', 'tegrastats.log:121', 'dmesg:1', 'dmesg:2', 'dmesg:3']);
  });

  it('a placed kill does not make another, unplaced, kill placed', () => {
    // One kill during the run (placed), one half a minute before the first sample (on no run).
    const f = only({ 'tegrastats.log': rising(3000, 10, 60), dmesg: kernelLog(oomKill(30, 'chrome', 1999), oomKill(3600, 'python3', 2210)) });
    expect(f.messageId).toBe('leakAfterOom');
    expect(f.verdict).toMatch(/1 OOM kill\(s\) \(chrome\)/);
  });

  it('a kill after the last sample ends the last run only, not the cycles before it', () => {
    const f = only({ 'tegrastats.log': cycle(0, 7010) + cycle(1, 7315) + cycle(2, 3000), dmesg: kernelLog(oomKill(120 * MIN + 30)) });
    expect(f.messageId).toBe('sawtooth');
    expect(f.verdict).toMatch(/before a sudden drop \(an OOM kill or a restart\): a leak/);
  });

  it('kills at five drops: four are named', () => {
    const log = [0, 1, 2, 3, 4, 5].map((k) => cycle(k, 7315)).join('');
    const kills = [1, 2, 3, 4, 5].map((k) => oomKill(k * 40 * MIN - 30, 'python3', 2200 + k));
    const f = only({ 'tegrastats.log': log, dmesg: kernelLog(...kills) });
    expect(f.verdict).toMatch(/grew and fell back 5 times/);
    expect(f.verdict).toMatch(/fired at each drop: (python3 at \d\d:\d\d:\d\d, at the top of segment \d; ){3}python3 at 10:39:30, at the top of segment 5: a leak/);
  });

  it('confidence of the other verdicts follows R² too', () => {
    // Every other sample 400 MB lower (memory freed and taken again): R² well under 1.
    const noisy = (i: number) => (i % 2 ? 0 : -400);
    const r2 = (f: Finding) => Number(figure(f, 'fit R²'));
    // Ran out at 98 %: 0.5 + 0.4 × R² (at most 0.9).
    const ran = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: 4000 + Math.round((i * 3468) / 120) + noisy(i) })) });
    expect(ran.messageId).toBe('ranOut');
    expect(r2(ran)).toBeLessThan(1);
    expect(ran.confidence).toBeCloseTo(0.5 + 0.4 * r2(ran), 2);
    // Cut short by a gap: 0.45 + 0.4 × R² (at most 0.85).
    const cut = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: 4000 + 25 * i + noisy(i) })) + ts(30, MIN, () => ({ ramMB: 6500 }), 121 * MIN + 900) });
    expect(cut.messageId).toBe('leakCut');
    expect(r2(cut)).toBeLessThan(1);
    expect(cut.confidence).toBeCloseTo(0.45 + 0.4 * r2(cut), 2);
    // An unplaced kill: 0.5 + 0.4 × R² (at most 0.9).
    const after = only({ 'tegrastats.log': ts(121, MIN, (i) => ({ ramMB: 2000 + 20 * i + noisy(i) })), dmesg: '[ 4000.000000] Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0\n' });
    expect(after.messageId).toBe('leakAfterOom');
    expect(r2(after)).toBeLessThan(1);
    expect(after.confidence).toBeCloseTo(0.5 + 0.4 * r2(after), 2);
  });

  it('the total RAM is the last sample that has one', () => {
    // The last line has its timestamp and CPU fields but no RAM field.
    const log = rising(3000, 5) + ts(1, MIN, () => ({}), 121 * MIN).replace(/RAM \S+ \(lfb \S+\) /, '');
    const f = only({ 'tegrastats.log': log });
    expect(f.verdict).toMatch(/^Used RAM grows 300 MiB\/h over 2 h \(R² 1\.00\); at this rate memory runs out in 13\.4 h\.$/);
  });

  it('two tegrastats samples and no meminfo: a single capture, not evaluated', () => {
    const r = run({ 'tegrastats.log': ts(2, MIN, () => ({})) });
    expect(r.outcomes[0]).toMatchObject({ status: 'not-evaluated' });
    expect(r.outcomes[0]!.detail).toMatch(/^a single capture: the leak fit needs a series/);
  });
});

describe('memory-leak: the meminfo series, its ends', () => {
  const capture = (iso: string | undefined, availKB: number) => `${iso ? `${iso}\n` : ''}${meminfo({ MemAvailable: availKB })}`;
  const at = (h: number) => new Date(Date.UTC(2026, 10, 24, 0, 0, 0) + h * 3600000).toISOString().replace('.000', '');
  const timed = [0, 1, 2, 3].map((h) => capture(at(h), 2000000 - h * 400000)).join('');

  it('a last capture without a timestamp is left out: the evidence is the last timed one', () => {
    const text = timed + capture(undefined, 1500000);
    const f = only({ 'meminfo.log': text });
    const lines = text.split('\n');
    expect(f.evidence.map((e) => lines[e.line - 1])).toEqual([expect.stringMatching(/^MemAvailable:\s+2000000 kB/), expect.stringMatching(/^MemAvailable:\s+800000 kB/)]);
  });

  it('a last capture without MemAvailable is left out: both ends are quoted', () => {
    const text = timed + `${at(4)}\n${meminfo({}).replace(/^MemAvailable:.*\n/m, '')}`;
    const f = only({ 'meminfo.log': text });
    expect(f.evidence.length).toBe(2);
  });

  it('captures at 0, 0.5, 1 and 3 h: the 2 h pause is within three intervals, one run', () => {
    const text = [0, 0.5, 1, 3].map((h) => capture(at(h), 3000000 - Math.round(h * 100000))).join('');
    const f = only({ 'meminfo.log': text });
    expect(figure(f, 'segments of the log')).toBe(1);
    expect(f.verdict).not.toMatch(/segment/);
  });

  it('a rising run then a gap: cut short, the break named by the line of the next MemAvailable', () => {
    // Hourly captures rising for 3 h, 6 h without a capture, then three flat ones.
    const hours = [0, 1, 2, 3, 9, 10, 11];
    const text = hours.map((h) => capture(at(h), h <= 3 ? 3000000 - h * 200000 : 2400000)).join('');
    const f = only({ 'meminfo.log': text });
    expect(f.messageId).toBe('leakCut');
    const lines = text.split('\n');
    const n = Number(/until a gap \(line (\d+)\)/.exec(f.verdict)![1]);
    expect(lines[n - 1]).toMatch(/^MemAvailable:\s+2400000 kB/);
    expect(lines.slice(0, n - 1).filter((l) => l.startsWith('MemAvailable:')).length).toBe(4);
  });

  it('a meminfo series with an OOM kill in the kernel log: the kill cannot be placed, memory already ran out', () => {
    const f = only({ 'meminfo.log': timed, dmesg: '[ 4000.000000] Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0\n' });
    expect(f.messageId).toBe('leakAfterOom');
  });
});
