import { defineRule } from '../define.js';
import { meminfoEvidence } from '../evidence.js';
import { formatDuration, linearFit, round } from '../stats.js';

/** Checklist: a steady rise of used RAM (or fall of MemAvailable) as a fitted slope. */
export const memoryLeak = defineRule({
  meta: {
    id: 'memory-leak',
    title: 'Memory leak (steady growth)',
    category: 'memory',
    docs: {
      description: 'Fits a line to tegrastats RAM used (or MemAvailable across periodic /proc/meminfo captures with timestamps) and reports the slope in MB per hour, the fit quality (R²) and the projected time to exhaustion.',
      why: 'A long-running inference service that leaks CUDA memory, DMA-BUF descriptors or Python objects runs out of memory after hours or days; the slope tells how long the device has.',
      seed: 'seed §15 (memory growth), §21 Memory Leak in Long-Running Inference; signatures memavailable-downtrend',
    },
    requires: [],
    requiresAny: ['tegrastats', 'meminfo'],
    thresholds: { minHours: 1, minR2: 0.8, minSlopeMBPerHour: 5, windowHours: 24 },
    messages: {
      leak: 'Used RAM grows {{slope}} MB/h over {{span}} (R² {{r2}}); at this rate memory runs out in {{tte}}.',
    },
    remedy: [
      'Ensure every cudaMalloc has a matching cudaFree; close DMA-BUF file descriptors after use.',
      'In PyTorch, call torch.cuda.empty_cache() periodically and look for tensors kept alive by references.',
      'Profile with compute-sanitizer / cuda-memcheck or Nsight; for CPU memory use heaptrack or valgrind.',
      'As a mitigation, restart the service on a schedule shorter than the time to exhaustion.',
    ],
    references: ['seed §21 Memory Leak in Long-Running Inference', 'shared/signatures.md memavailable-downtrend'],
    signatures: ['memavailable-downtrend'],
  },
  check({ snapshot, thresholds, report, notEvaluated }) {
    const t = snapshot.tegrastats;
    const series = t && t.samples >= 3 ? { x: t.t, y: t.ramUsedMB, total: t.ramTotalMB[t.samples - 1]!, file: t.file, lines: t.line, n: t.samples } : null;
    let x: ArrayLike<number>;
    let y: ArrayLike<number>;
    let total: number;
    let evidence;
    if (series) {
      ({ x, y, total } = series);
      const first = 0;
      const last = series.n - 1;
      evidence = [first, last].map((i) => ({ file: series.file, line: series.lines[i]!, text: `RAM ${series.y[i]}/${series.total}MB` }));
    } else {
      // A tegrastats log too short to fit, and no periodic meminfo: nothing to fit.
      const m = snapshot.meminfo;
      const timed = m?.captures.filter((c) => c.epoch !== undefined && c.values.MemAvailable !== undefined) ?? [];
      if (!m || timed.length < 3) {
        return notEvaluated('a single capture: the leak fit needs a series, i.e. a tegrastats log or /proc/meminfo captured at least 3 times with timestamps');
      }
      const t0 = timed[0]!.epoch!;
      x = timed.map((c) => c.epoch! - t0);
      total = timed.at(-1)!.values.MemTotal! / 1024 / 1024;
      y = timed.map((c) => total - c.values.MemAvailable! / 1024 / 1024);
      evidence = [timed[0]!, timed.at(-1)!].map((c) => meminfoEvidence(m, c, 'MemAvailable')!).filter(Boolean);
    }
    const fit = linearFit(x, y);
    const spanS = x[x.length - 1]! - x[0]!;
    if (!fit) return notEvaluated('the RAM series has no usable values to fit');
    if (spanS < thresholds.minHours! * 3600) {
      return notEvaluated(`the RAM series spans ${formatDuration(spanS)}; the leak fit needs at least ${formatDuration(thresholds.minHours! * 3600)}`);
    }
    const slopePerHour = fit.slope * 3600;
    if (slopePerHour < thresholds.minSlopeMBPerHour! || fit.r2 < thresholds.minR2!) return;
    const lastUsed = fit.intercept + fit.slope * x[x.length - 1]!;
    const tteS = ((total - lastUsed) / slopePerHour) * 3600;
    report({
      messageId: 'leak', signatures: ['memavailable-downtrend'],
      severity: tteS < thresholds.windowHours! * 3600 ? 'error' : 'warning',
      confidence: Math.min(0.95, 0.5 + fit.r2 * 0.45),
      data: { slope: round(slopePerHour), span: formatDuration(spanS), r2: round(fit.r2, 3), tte: formatDuration(tteS) },
      figures: [
        { label: 'slope', value: round(slopePerHour), unit: 'MB/h' },
        { label: 'fit R²', value: round(fit.r2, 3) },
        { label: 'observed over', value: formatDuration(spanS) },
        { label: 'time to exhaustion', value: formatDuration(tteS) },
        { label: 'samples', value: fit.n },
      ],
      evidence,
      tags: ['leak'],
    });
  },
});
