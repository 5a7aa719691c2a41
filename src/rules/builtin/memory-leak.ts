import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence } from '../signatures/pack-rule.js';
import { compact, meminfoEvidence, tegrastatsEvidence } from '../evidence.js';
import { formatDuration, linearFit, round, type LinearFit } from '../stats.js';
import { splitSeries, type SeriesSegment } from '../../parsers/common/series-segments.js';
import { groupOomKills, killHits, type OomKill } from './oom-episodes.js';
import { clockTime, kernelTimeline, placeOnSegments, type SegmentPlace } from '../timeline.js';
import type { Snapshot } from '../../snapshot/types.js';
import type { SignatureIndex } from '../signatures/match.js';
import { formatR2 } from '../../util/format.js';

interface SegmentFit {
  /** Index of the segment in the series' segment list. */
  k: number;
  seg: SeriesSegment;
  /** The next segment starts lower: memory was freed at once (an OOM kill, a restart, a reboot). */
  endsInDrop: boolean;
  fit: LinearFit;
  spanS: number;
  slopePerHour: number;
  peak: number;
}

/** Checklist: a steady rise of used RAM, fitted per run of the process (never across a restart, OOM kill, reboot or gap). */
export const memoryLeak = defineRule({
  meta: {
    id: 'memory-leak',
    title: 'Memory leak (steady growth)',
    category: 'memory',
    docs: {
      description: 'Splits tegrastats RAM used (or MemAvailable across timestamped /proc/meminfo captures) at gaps, reboots and sudden drops (an OOM kill or a restart freed memory), fits a line to each stretch and reports the slope in MiB per hour, the fit quality (R²), the time to exhaustion while memory has not run out yet, and a repeated grow-then-drop sawtooth as a leak that keeps running the device out of memory.',
      why: 'A long-running inference service that leaks CUDA memory, DMA-BUF descriptors or Python objects runs out of memory after hours or days; a fit across its restarts would hide the slope or invent one.',
      seed: 'seed §15 (memory growth), §21 Memory Leak in Long-Running Inference; signatures memavailable-downtrend',
    },
    requires: [],
    requiresAny: ['tegrastats', 'meminfo'],
    thresholds: { minHours: 1, minR2: 0.8, minSlopeMBPerHour: 5, windowHours: 24, fullPct: 90, sawtoothMinutes: 10 },
    messages: {
      leak: 'Used RAM grows {{slope}} MiB/h over {{span}} (R² {{r2}}){{segments}}; at this rate memory runs out in {{tte}}.',
      ranOut: 'Used RAM grew {{slope}} MiB/h over {{span}} (R² {{r2}}) until memory ran out ({{peakPct}}% used){{oom}}{{segments}}.',
      leakCut: 'Used RAM grew {{slope}} MiB/h over {{span}} (R² {{r2}}){{segments}} until {{cut}} at {{peakPct}}% used; at that rate memory would have run out {{tte}} later.',
      leakAfterOom: 'Used RAM grows {{slope}} MiB/h over {{span}} (R² {{r2}}){{segments}}; memory has already run out: the kernel log shows {{oom}}, which cannot be placed on the tegrastats clock.',
      sawtooth: 'Used RAM grew and fell back {{cycles}} times, each time climbing at about {{slope}} MiB/h to {{peakPct}}% of RAM before a sudden drop{{oom}}: a leak that runs the device out of memory again and again.',
    },
    remedy: [
      'Ensure every cudaMalloc has a matching cudaFree; close DMA-BUF file descriptors after use.',
      'In PyTorch, call torch.cuda.empty_cache() periodically and look for tensors kept alive by references.',
      'Profile with compute-sanitizer / cuda-memcheck or Nsight; for CPU memory use heaptrack or valgrind.',
      'As a mitigation, restart the service on a schedule shorter than the time to exhaustion.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: tegrastats utility (RAM field)'],
    signatures: ['memavailable-downtrend', 'oom-kill-victim'],
  },
  check({ snapshot, thresholds, signatures, report, notEvaluated }) {
    const s = series(snapshot);
    if (!s) {
      return notEvaluated('a single capture: the leak fit needs a series, i.e. a tegrastats log or /proc/meminfo captured at least 3 times with timestamps');
    }
    const { x, y, total, segments, evidenceAt } = s;
    const dropMB = Math.max(300, 0.1 * total);
    const fits: SegmentFit[] = [];
    segments.forEach((seg, k) => {
      const xs = part(x, seg.from, seg.to);
      const ys = part(y, seg.from, seg.to);
      const fit = linearFit(xs, ys);
      if (!fit) return;
      let peak = -Infinity;
      for (const v of ys) if (Number.isFinite(v) && v > peak) peak = v;
      const next = segments[k + 1];
      const endsInDrop = next !== undefined && lastFinite(ys) - firstFiniteFrom(y, next.from, next.to) > dropMB;
      fits.push({ k, seg, endsInDrop, fit, spanS: xs[xs.length - 1]! - xs[0]!, slopePerHour: fit.slope * 3600, peak });
    });
    const kills = s.placeKills ? placedKills(snapshot, signatures, s.placeKills) : [];
    const rising = (f: SegmentFit, minS: number) => f.spanS >= minS && f.slopePerHour >= thresholds.minSlopeMBPerHour && f.fit.r2 >= thresholds.minR2;
    const segNote = (f: SegmentFit) => (segments.length > 1 ? ` (segment ${f.k + 1} of ${segments.length}: the log is split where it breaks, at ${breakWords(segments)})` : '');
    /** OOM kills at the end of this segment: in the break after it, or at its last samples. */
    const killsEnding = (f: SegmentFit) =>
      kills.filter((c) => c.place && ((c.place.kind === 'break' && c.place.segment === f.k + 1) || (c.place.kind === 'within' && c.place.segment === f.k && c.nearEnd) || (c.place.kind === 'after' && f.k === segments.length - 1)));
    // Sawtooth: runs that climbed to nearly full (or into an OOM kill) and ended in a sudden drop.
    const cycles = fits.filter((f) => f.endsInDrop && rising(f, thresholds.sawtoothMinutes * 60) && ((f.peak / total) * 100 >= thresholds.fullPct || killsEnding(f).length > 0));
    const ev = (f: SegmentFit) => compact([evidenceAt(f.seg.from), evidenceAt(f.seg.to)]);
    const killEvidence = (ks: PlacedKill[]) => ks.flatMap((c) => (c.hit ? hitEvidence(snapshot.dmesg!.file, [c.hit]) : []));
    const withDate = s.days;
    if (cycles.length >= 2) {
      const slope = round(cycles.reduce((a, f) => a + f.slopePerHour, 0) / cycles.length);
      const peakPct = Math.round((Math.min(...cycles.map((f) => f.peak)) / total) * 100);
      const atDrops = cycles.flatMap((f) => killsEnding(f).map((c) => ({ c, f })));
      const oom = atDrops.length
        ? `; the OOM killer fired at ${atDrops.length === cycles.length ? 'each' : `${atDrops.length} of the`} drop${atDrops.length === cycles.length ? '' : 's'}: ${atDrops.slice(0, 4).map(({ c }) => killWords(c, segments, withDate)).join('; ')}`
        : ' (an OOM kill or a restart)';
      report({
        messageId: 'sawtooth',
        signatures: atDrops.length ? ['memavailable-downtrend', 'oom-kill-victim'] : ['memavailable-downtrend'],
        severity: 'error',
        confidence: Math.min(0.95, 0.75 + 0.05 * cycles.length + (atDrops.length ? 0.05 : 0)),
        data: { cycles: cycles.length, slope, peakPct, oom },
        figures: [
          { label: 'grow-and-drop cycles', value: cycles.length },
          { label: 'mean slope while growing', value: slope, unit: 'MiB/h' },
          ...cycles.map((f) => ({ label: `segment ${f.k + 1}`, value: `${round(f.slopePerHour)} MiB/h over ${formatDuration(f.spanS)}, peak ${Math.round(f.peak)} MiB, R² ${formatR2(f.fit.r2)}${f.seg.startTime ? `, from ${clockTime(Date.parse(f.seg.startTime) / 1000, withDate)}` : ''}` })),
        ],
        evidence: [...cycles.flatMap(ev).sort(byPlace), ...killEvidence(atDrops.map((a) => a.c))],
        tags: ['leak', 'leak-sawtooth'],
      });
      return;
    }
    if (!fits.length) return notEvaluated('the RAM series has no usable values to fit');
    const longest = Math.max(...fits.map((f) => f.spanS));
    if (longest < thresholds.minHours * 3600) {
      return notEvaluated(`the longest stretch of the RAM series spans ${formatDuration(longest, { down: true })}; the leak fit needs at least ${formatDuration(thresholds.minHours * 3600)}`);
    }
    // Otherwise the last stretch that rises steadily (the current run of the process).
    const last = [...fits].reverse().find((f) => rising(f, thresholds.minHours * 3600));
    if (!last) return;
    const slope = round(last.slopePerHour);
    const lastUsed = last.fit.intercept + last.fit.slope * x[last.seg.to]!;
    const peakPct = Math.round((last.peak / total) * 100);
    const ending = killsEnding(last);
    const ranOut = (last.endsInDrop && peakPct >= thresholds.fullPct) || peakPct >= 98 || ending.length > 0;
    const figures = [
      { label: 'slope', value: slope, unit: 'MiB/h' },
      { label: 'fit R²', value: formatR2(last.fit.r2) },
      { label: 'observed over', value: formatDuration(last.spanS) },
      { label: 'segments of the log', value: segments.length },
      { label: 'samples', value: last.fit.n },
    ];
    const base = { slope, span: formatDuration(last.spanS), r2: formatR2(last.fit.r2), segments: segNote(last) };
    if (ranOut) {
      report({
        messageId: 'ranOut',
        signatures: ending.length ? ['memavailable-downtrend', 'oom-kill-victim'] : ['memavailable-downtrend'],
        severity: 'error',
        confidence: Math.min(0.9, 0.5 + last.fit.r2 * 0.4),
        data: { ...base, peakPct, oom: ending.length ? `; the OOM killer then ended ${ending.slice(0, 3).map((c) => killWords(c, segments, withDate)).join('; ')}` : '' },
        figures,
        evidence: [...ev(last), ...killEvidence(ending.slice(0, 3))],
        tags: ['leak'],
      });
      return;
    }
    const tteS = ((total - lastUsed) / last.slopePerHour) * 3600;
    const next = segments[last.k + 1];
    if (next?.break) {
      // A restart or reboot ended the run before memory ran out: the slope stands, the time left was never reached.
      report({
        messageId: 'leakCut',
        signatures: ['memavailable-downtrend'],
        severity: 'warning',
        confidence: Math.min(0.85, 0.45 + last.fit.r2 * 0.4),
        data: { ...base, peakPct, cut: `${BREAK_WORDS[next.break.reason] ?? 'a break'} (line ${next.break.line})`, tte: formatDuration(tteS) },
        figures: [...figures, { label: 'what ended the run', value: next.break.detail }],
        evidence: ev(last),
        tags: ['leak'],
      });
      return;
    }
    // An OOM kill the tegrastats clock cannot place may be this run's end: never promise a time left.
    // (The kills are grouped again here, so a placed kill is the one that starts at the same record.)
    const unplaced = snapshot.dmesg ? groupOomKills(signatures, snapshot.dmesg.memoryReports ?? []).filter((k) => !kills.some((c) => c.kill.first === k.first && c.place)) : [];
    const lastBoot = snapshot.dmesg?.boots.length ? snapshot.dmesg.boots[snapshot.dmesg.boots.length - 1]!.index : 0;
    const unplacedNow = unplaced.filter((k) => k.boot === lastBoot);
    if (unplacedNow.length) {
      const names = [...new Set(unplacedNow.map(victimOf))];
      report({
        messageId: 'leakAfterOom',
        signatures: ['memavailable-downtrend', 'oom-kill-victim'],
        severity: 'error',
        confidence: Math.min(0.9, 0.5 + last.fit.r2 * 0.4),
        data: { ...base, oom: `${unplacedNow.length} OOM kill(s) (${names.join(', ')})` },
        figures,
        evidence: [...ev(last), ...compact(unplacedNow.slice(0, 3).map((k) => killHits(k)[0]).map((h) => (h ? hitEvidence(snapshot.dmesg!.file, [h])[0]! : null)))],
        tags: ['leak'],
      });
      return;
    }
    report({
      messageId: 'leak',
      signatures: ['memavailable-downtrend'],
      severity: tteS < thresholds.windowHours * 3600 ? 'error' : 'warning',
      confidence: Math.min(0.95, 0.5 + last.fit.r2 * 0.45),
      data: { ...base, tte: formatDuration(tteS) },
      figures: [...figures, { label: 'time to exhaustion', value: formatDuration(tteS) }],
      evidence: ev(last),
      tags: ['leak'],
    });
  },
});

interface RamSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  total: number;
  segments: SeriesSegment[];
  evidenceAt: (i: number) => Evidence | null;
  /** Present when OOM kills can be placed on this series' clock. */
  placeKills?: NonNullable<Snapshot['tegrastats']>;
  /** The series spans more than a day: clock times carry the date. */
  days: boolean;
}

/** The RAM series to fit: tegrastats (segmented by its parser), else timed /proc/meminfo captures. */
/** xs[from..to] (both included) as a plain array (a day of samples: a loop, not Array.from with a callback per value). */
function part(xs: ArrayLike<number>, from: number, to: number): number[] {
  const out = new Array<number>(to - from + 1);
  for (let j = 0; j < out.length; j++) out[j] = xs[from + j]!;
  return out;
}

function series(snapshot: Snapshot): RamSeries | null {
  const t = snapshot.tegrastats;
  if (t && t.samples >= 3) {
    return {
      x: t.t,
      y: t.ramUsedMB,
      total: lastFinite(t.ramTotalMB),
      segments: t.segments,
      evidenceAt: (i) => tegrastatsEvidence(t, i, 'RAM '),
      placeKills: t.startEpoch !== undefined ? t : undefined,
      days: t.t[t.samples - 1]! - t.t[0]! > 86400,
    };
  }
  // A tegrastats log too short to fit: periodic meminfo captures with timestamps.
  const m = snapshot.meminfo;
  const timed = m?.captures.filter((c) => c.epoch !== undefined && c.values.MemAvailable !== undefined) ?? [];
  if (!m || timed.length < 3) return null;
  const t0 = timed[0]!.epoch!;
  const x = timed.map((c) => c.epoch! - t0);
  const total = timed.at(-1)!.values.MemTotal! / 1024 / 1024;
  const y = timed.map((c) => total - c.values.MemAvailable! / 1024 / 1024);
  const interval = (x[x.length - 1]! - x[0]!) / (timed.length - 1);
  const segments = splitSeries({ t: x, usedMB: y, totalMB: total, intervalSeconds: interval, line: timed.map((c) => c.lines.MemAvailable ?? c.line), timed: true, startEpoch: t0 }, {
    gapIntervals: 3,
    minGapSeconds: 60,
    dropShare: 0.1,
    minDropMB: 300,
    resetShare: 0.05,
  });
  return { x, y, total, segments, evidenceAt: (i) => meminfoEvidence(m, timed[i]!, 'MemAvailable'), days: x[x.length - 1]! > 86400 };
}

interface PlacedKill {
  kill: OomKill;
  hit?: SignatureHit;
  epoch: number;
  name: string;
  place?: SegmentPlace;
  /** Within a segment but at its last samples (tegrastats had not caught the drop yet). */
  nearEnd: boolean;
}

/** Every OOM kill of the kernel log that has a clock time, placed on the tegrastats segments. */
function placedKills(snapshot: Snapshot, signatures: SignatureIndex, t: NonNullable<Snapshot['tegrastats']>): PlacedKill[] {
  if (!snapshot.dmesg) return [];
  const timeline = kernelTimeline(snapshot);
  const out: PlacedKill[] = [];
  for (const kill of groupOomKills(signatures, snapshot.dmesg.memoryReports ?? [])) {
    const hit = kill.victim ?? kill.summary ?? kill.selection ?? killHits(kill)[0];
    if (!hit) continue;
    const epoch = timeline.epochOf(hit);
    if (epoch === undefined) continue;
    const place = placeOnSegments(t, epoch);
    const seg = place?.kind === 'within' ? t.segments[place.segment]! : undefined;
    const nearEnd = seg !== undefined && epoch - t.startEpoch! >= seg.endS - 2 * Math.max(1, t.intervalSeconds);
    out.push({ kill, hit, epoch, name: victimOf(kill), place, nearEnd });
  }
  return out;
}

function victimOf(k: OomKill): string {
  return k.victim?.groups.comm ?? k.selection?.groups.comm ?? k.summary?.groups.task ?? k.reaper?.groups.comm ?? 'a process (victim not in the log)';
}

function killWords(c: PlacedKill, segments: SeriesSegment[], withDate: boolean): string {
  const at = `${c.name} at ${clockTime(c.epoch, withDate)}`;
  const p = c.place;
  if (!p) return at;
  if (p.kind === 'break' || (p.kind === 'within' && c.nearEnd && p.segment + 1 < segments.length)) {
    const k = p.kind === 'break' ? p.segment : p.segment + 1;
    return `${at}, at the top of segment ${k + 1}`;
  }
  if (p.kind === 'within') {
    const where = segments.length > 1 ? `segment ${p.segment + 1}` : 'the tegrastats log';
    return `${at}, ${c.nearEnd ? `at the end of ${where}` : `during ${where}`}`;
  }
  return `${at}, ${p.kind === 'after' ? 'after the last tegrastats sample' : 'before the first tegrastats sample'}`;
}

const BREAK_WORDS: Record<string, string> = {
  gap: 'a gap',
  'clock-back': 'a clock going back',
  reboot: 'a reboot',
  restart: 'a restarted logger',
  'ram-reset': 'used RAM back at its starting level',
  'ram-drop': 'a sudden drop of used RAM',
};

function breakWords(segments: SeriesSegment[]): string {
  const reasons = [...new Set(segments.flatMap((s) => (s.break ? [BREAK_WORDS[s.break.reason] ?? s.break.reason] : [])))];
  return reasons.length > 1 ? `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}` : reasons[0] ?? 'its breaks';
}

function byPlace(a: Evidence, b: Evidence): number {
  return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

function lastFinite(xs: ArrayLike<number>): number {
  for (let i = xs.length - 1; i >= 0; i--) if (Number.isFinite(xs[i]!)) return xs[i]!;
  return NaN;
}

function firstFiniteFrom(xs: ArrayLike<number>, from: number, to: number): number {
  for (let i = from; i <= to; i++) if (Number.isFinite(xs[i]!)) return xs[i]!;
  return NaN;
}
