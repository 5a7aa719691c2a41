import { defineRule } from '../define.js';
import { compact, tegrastatsEvidence } from '../evidence.js';
import { formatDuration, longestRun } from '../stats.js';

/** Memory bandwidth: EMC utilisation saturated for long stretches. */
export const emcBandwidth = defineRule({
  meta: {
    id: 'emc-bandwidth',
    title: 'Memory bandwidth saturation (EMC)',
    category: 'memory',
    docs: {
      description: 'Finds the longest stretch of tegrastats samples with EMC_FREQ load at or above the saturation threshold and the share of time at or above the busy threshold.',
      why: 'CPU, GPU, DLA, camera and display share one DRAM interface (~102 GB/s on Orin Nano Super): almost everything is memory-bound, and when EMC sits at 100% inference slows down with no error anywhere.',
      seed: 'seed §0 (bandwidth is the bottleneck), §14/§12 (If EMC is at 100%, you are bandwidth-limited), §19',
    },
    requires: ['tegrastats'],
    thresholds: { saturatedPct: 90, minSeconds: 60, busyPct: 80, busyShare: 0.5 },
    messages: {
      saturated: 'EMC (memory controller) load stayed at or above {{saturatedPct}}% for {{duration}}; {{busyShare}}% of the log was at or above {{busyPct}}%: the workload is bandwidth-bound.',
      busy: 'EMC (memory controller) load was at or above {{busyPct}}% for {{busyShare}}% of the log, with no stretch at or above {{saturatedPct}}% lasting {{minDuration}}: the workload is close to bandwidth-bound.',
    },
    remedy: [
      'Reduce DRAM traffic: smaller models, INT8/INT4 quantisation, smaller batches, tiling and data reuse.',
      'Remove copies in the camera pipeline (zero-copy DMA-BUF / NVMM from capture to inference).',
      'Check the EMC clock is at its maximum for the power mode (nvpmodel, jetson_clocks).',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: tegrastats utility (EMC_FREQ field)'],
    // No catalogue signature describes this check: its findings cite no id.
    signatures: [],
  },
  check({ snapshot, thresholds, report, notEvaluated }) {
    const t = snapshot.tegrastats!;
    const load = t.emcLoad;
    if (t.samples < 3) return notEvaluated(`${t.samples === 1 ? 'a single tegrastats sample' : `only ${t.samples} tegrastats samples`}: how long the memory controller stayed saturated needs a series of samples over time`);
    let known = 0;
    let busy = 0;
    for (let i = 0; i < t.samples; i++) {
      if (!Number.isFinite(load[i]!)) continue;
      known++;
      if (load[i]! >= thresholds.busyPct!) busy++;
    }
    if (!known) return;
    // Per segment: a stretch never runs across a gap or a reboot.
    let run: [number, number] | null = null;
    let runS = 0;
    for (const seg of t.segments) {
      const r = longestRun(seg.to - seg.from + 1, (k) => load[seg.from + k]! >= thresholds.saturatedPct!);
      if (!r) continue;
      const s = t.t[seg.from + r[1]]! - t.t[seg.from + r[0]]! + t.intervalSeconds;
      if (s > runS) {
        runS = s;
        run = [seg.from + r[0], seg.from + r[1]];
      }
    }
    const share = busy / known;
    if (runS < thresholds.minSeconds! && share < thresholds.busyShare!) return;
    const saturated = runS >= thresholds.minSeconds!;
    // Quote the busiest sample of the longest saturated stretch (its line is kept verbatim), else of the longest busy stretch.
    const quoted = run ?? longestBusyRun(t.segments, (k) => load[k]! >= thresholds.busyPct!);
    let i = quoted ? quoted[0] : 0;
    if (quoted) for (let k = quoted[0]; k <= quoted[1]; k++) if (load[k]! > load[i]!) i = k;
    report({
      messageId: saturated ? 'saturated' : 'busy', signatures: [],
      severity: 'warning',
      confidence: 0.7,
      data: { saturatedPct: thresholds.saturatedPct!, duration: formatDuration(runS), minDuration: formatDuration(thresholds.minSeconds!), busyShare: Math.round(share * 100), busyPct: thresholds.busyPct! },
      figures: [
        { label: 'longest saturated stretch', value: formatDuration(runS) },
        { label: `time at or above ${thresholds.busyPct}%`, value: Math.round(share * 100), unit: '%' },
      ],
      evidence: quoted ? compact([tegrastatsEvidence(t, i, 'EMC_FREQ'), tegrastatsEvidence(t, quoted[0], 'EMC_FREQ')]).slice(0, 1) : [],
      tags: ['bandwidth'],
    });
  },
});

/** The longest run of samples meeting `pred` inside one segment (a run never crosses a gap or a reboot). */
function longestBusyRun(segments: readonly { from: number; to: number }[], pred: (i: number) => boolean): [number, number] | null {
  let best: [number, number] | null = null;
  for (const seg of segments) {
    const r = longestRun(seg.to - seg.from + 1, (k) => pred(seg.from + k));
    if (r && (!best || r[1] - r[0] > best[1] - best[0])) best = [seg.from + r[0], seg.from + r[1]];
  }
  return best;
}
