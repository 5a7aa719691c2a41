import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';
import { meminfoEvidence } from '../evidence.js';
import { formatDuration, linearFit, round, type LinearFit } from '../stats.js';
import { formatR2 } from '../../util/format.js';
import { DEFAULT_SEGMENTS, ramSegments, type RamSegment } from './ram-segments.js';

interface SegmentFit {
  seg: RamSegment;
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
      description: 'Splits tegrastats RAM used (or MemAvailable across timestamped /proc/meminfo captures) at gaps, reboots and sudden drops (an OOM kill or a restart freed memory), fits a line to each stretch and reports the slope in MB per hour, the fit quality (R²), the time to exhaustion while memory has not run out yet, and a repeated grow-then-drop sawtooth as a leak that keeps running the device out of memory.',
      why: 'A long-running inference service that leaks CUDA memory, DMA-BUF descriptors or Python objects runs out of memory after hours or days; a fit across its restarts would hide the slope or invent one.',
      seed: 'seed §15 (memory growth), §21 Memory Leak in Long-Running Inference; signatures memavailable-downtrend',
    },
    requires: [],
    requiresAny: ['tegrastats', 'meminfo'],
    thresholds: { minHours: 1, minR2: 0.8, minSlopeMBPerHour: 5, windowHours: 24, fullPct: 90, sawtoothMinutes: 10 },
    messages: {
      leak: 'Used RAM grows {{slope}} MB/h over {{span}} (R² {{r2}}){{segments}}; at this rate memory runs out in {{tte}}.',
      ranOut: 'Used RAM grew {{slope}} MB/h over {{span}} (R² {{r2}}) until memory ran out ({{peakPct}}% used){{segments}}.',
      sawtooth: 'Used RAM grew and fell back {{cycles}} times, each time climbing at about {{slope}} MB/h to {{peakPct}}% of RAM before a sudden drop (an OOM kill or a restart): a leak that runs the device out of memory again and again.',
    },
    remedy: [
      'Ensure every cudaMalloc has a matching cudaFree; close DMA-BUF file descriptors after use.',
      'In PyTorch, call torch.cuda.empty_cache() periodically and look for tensors kept alive by references.',
      'Profile with compute-sanitizer / cuda-memcheck or Nsight; for CPU memory use heaptrack or valgrind.',
      'As a mitigation, restart the service on a schedule shorter than the time to exhaustion.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: tegrastats utility (RAM field)'],
    signatures: ['memavailable-downtrend'],
  },
  check({ snapshot, thresholds, report, notEvaluated }) {
    const t = snapshot.tegrastats;
    let x: ArrayLike<number>;
    let y: ArrayLike<number>;
    let total: number;
    let interval: number;
    let evidenceAt: (i: number) => Evidence | null;
    if (t && t.samples >= 3) {
      x = t.t;
      y = t.ramUsedMB;
      total = t.ramTotalMB[t.samples - 1]!;
      interval = t.intervalSeconds;
      evidenceAt = (i) => ({ file: t.file, line: t.line[i]!, text: `RAM ${t.ramUsedMB[i]}/${t.ramTotalMB[i]}MB` });
    } else {
      // A tegrastats log too short to fit: periodic meminfo captures with timestamps.
      const m = snapshot.meminfo;
      const timed = m?.captures.filter((c) => c.epoch !== undefined && c.values.MemAvailable !== undefined) ?? [];
      if (!m || timed.length < 3) {
        return notEvaluated('a single capture: the leak fit needs a series, i.e. a tegrastats log or /proc/meminfo captured at least 3 times with timestamps');
      }
      const t0 = timed[0]!.epoch!;
      x = timed.map((c) => c.epoch! - t0);
      total = timed.at(-1)!.values.MemTotal! / 1024 / 1024;
      y = timed.map((c) => total - c.values.MemAvailable! / 1024 / 1024);
      interval = timed.length > 1 ? (x[x.length - 1]! - x[0]!) / (timed.length - 1) : 60;
      evidenceAt = (i) => meminfoEvidence(m, timed[i]!, 'MemAvailable');
    }
    const segments = ramSegments(x, y, total, interval, { ...DEFAULT_SEGMENTS, gapIntervals: Math.max(DEFAULT_SEGMENTS.gapIntervals, 3) });
    const fits: SegmentFit[] = [];
    for (const seg of segments) {
      const xs = Array.from({ length: seg.to - seg.from + 1 }, (_, k) => x[seg.from + k]!);
      const ys = Array.from({ length: seg.to - seg.from + 1 }, (_, k) => y[seg.from + k]!);
      const fit = linearFit(xs, ys);
      if (!fit) continue;
      let peak = -Infinity;
      for (const v of ys) if (Number.isFinite(v) && v > peak) peak = v;
      fits.push({ seg, fit, spanS: xs[xs.length - 1]! - xs[0]!, slopePerHour: fit.slope * 3600, peak });
    }
    const rising = (f: SegmentFit, minS: number) => f.spanS >= minS && f.slopePerHour >= thresholds.minSlopeMBPerHour && f.fit.r2 >= thresholds.minR2;
    const segNote = segments.length > 1 ? ` (one of ${segments.length} stretches of the log, split at restarts, OOM kills and gaps)` : '';
    // Sawtooth: runs that climbed to nearly full and ended in a sudden drop.
    const cycles = fits.filter((f) => f.seg.end === 'drop' && rising(f, thresholds.sawtoothMinutes * 60) && (f.peak / total) * 100 >= thresholds.fullPct);
    const ev = (f: SegmentFit) => [evidenceAt(f.seg.from), evidenceAt(f.seg.to)].filter((e): e is Evidence => e !== null);
    if (cycles.length >= 2) {
      const slope = round(cycles.reduce((a, f) => a + f.slopePerHour, 0) / cycles.length);
      const peakPct = Math.round((Math.min(...cycles.map((f) => f.peak)) / total) * 100);
      report({
        messageId: 'sawtooth',
        signatures: ['memavailable-downtrend'],
        severity: 'error',
        confidence: Math.min(0.95, 0.75 + 0.05 * cycles.length),
        data: { cycles: cycles.length, slope, peakPct },
        figures: [
          { label: 'grow-and-drop cycles', value: cycles.length },
          { label: 'mean slope while growing', value: slope, unit: 'MB/h' },
          ...cycles.map((f, k) => ({ label: `cycle ${k + 1}`, value: `${round(f.slopePerHour)} MB/h over ${formatDuration(f.spanS)}, peak ${Math.round(f.peak)} MB, R² ${formatR2(f.fit.r2)}` })),
        ],
        evidence: cycles.flatMap(ev),
        tags: ['leak'],
      });
      return;
    }
    if (!fits.length) return notEvaluated('the RAM series has no usable values to fit');
    const longest = Math.max(...fits.map((f) => f.spanS));
    if (longest < thresholds.minHours * 3600) {
      return notEvaluated(`the longest stretch of the RAM series spans ${formatDuration(longest)}; the leak fit needs at least ${formatDuration(thresholds.minHours * 3600)}`);
    }
    // Otherwise the last stretch that rises steadily (the current run of the process).
    const last = [...fits].reverse().find((f) => rising(f, thresholds.minHours * 3600));
    if (!last) return;
    const slope = round(last.slopePerHour);
    const lastUsed = last.fit.intercept + last.fit.slope * x[last.seg.to]!;
    const peakPct = Math.round((last.peak / total) * 100);
    const ranOut = last.seg.end === 'drop' || peakPct >= 98;
    const figures = [
      { label: 'slope', value: slope, unit: 'MB/h' },
      { label: 'fit R²', value: formatR2(last.fit.r2) },
      { label: 'observed over', value: formatDuration(last.spanS) },
      { label: 'stretches of the log', value: segments.length },
      { label: 'samples', value: last.fit.n },
    ];
    if (ranOut) {
      report({
        messageId: 'ranOut',
        signatures: ['memavailable-downtrend'],
        severity: 'error',
        confidence: Math.min(0.9, 0.5 + last.fit.r2 * 0.4),
        data: { slope, span: formatDuration(last.spanS), r2: formatR2(last.fit.r2), peakPct, segments: segNote },
        figures,
        evidence: ev(last),
        tags: ['leak'],
      });
      return;
    }
    const tteS = ((total - lastUsed) / last.slopePerHour) * 3600;
    report({
      messageId: 'leak',
      signatures: ['memavailable-downtrend'],
      severity: tteS < thresholds.windowHours * 3600 ? 'error' : 'warning',
      confidence: Math.min(0.95, 0.5 + last.fit.r2 * 0.45),
      data: { slope, span: formatDuration(last.spanS), r2: formatR2(last.fit.r2), tte: formatDuration(tteS), segments: segNote },
      figures: [...figures, { label: 'time to exhaustion', value: formatDuration(tteS) }],
      evidence: ev(last),
      tags: ['leak'],
    });
  },
});
