// @ts-nocheck
// 
import { defineRule } from '../define.js';
import { compact, tegrastatsEvidence } from '../evidence.js';
import { formatDuration } from '../stats.js';
import { largestFreeBlockFigure } from '../../util/format.js';

const MIN_SAMPLES = 3;

/** Checklist step 2 from tegrastats: the largest free block collapsing while RAM is not full. */
export const lfbFragmentation = defineRule({
  meta: {
    id: 'lfb-fragmentation',
    title: 'Largest free block collapsing (tegrastats lfb)',
    category: 'fragmentation',
    docs: {
      description: 'Follows tegrastats "lfb NxSIZE" (count of the largest free block, 4 MB at most) and flags a collapse to 2 MB or less while RAM is not nearly full.',
      why: 'lfb shrinking with stable RAM use is a direct fragmentation signal that needs no buddyinfo; large contiguous allocations fail next.',
      seed: 'seed §19 (tegrastats), jetson-reference §5.3 and §6; signatures tegrastats-ram-lfb',
    },
    requires: ['tegrastats'],
    thresholds: { blockKiBWarning: 2048, blockKiBError: 512, ramFullPct: 90 },
    messages: {
      collapsed: 'The largest free block fell to {{count}}x{{blockKiB}} KiB (from {{startCount}}x{{startKiB}} KiB) while RAM was only {{ramPct}}% used: memory is fragmented.',
    },
    remedy: [
      'Pre-allocate large buffers once and reuse them (NVMM buffer pools with a fixed count).',
      'Compare with /proc/buddyinfo captured at the same time to see which zone lost its high orders.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: tegrastats utility (lfb, the largest free block)'],
    signatures: ['tegrastats-ram-lfb'],
  },
  check({ snapshot, thresholds, report, notEvaluated }) {
    const t = snapshot.tegrastats!;
    if (t.samples < MIN_SAMPLES) return notEvaluated(`${t.samples === 1 ? 'a single tegrastats sample' : `only ${t.samples} tegrastats samples`}: whether the largest free block collapsed needs a series of at least ${MIN_SAMPLES} samples`);
    let worst = -1;
    for (let i = 0; i < t.samples; i++) {
      const kb = t.lfbBlockKB[i]!;
      if (!Number.isFinite(kb)) continue;
      const ramPct = (t.ramUsedMB[i]! / t.ramTotalMB[i]!) * 100;
      if (ramPct >= thresholds.ramFullPct!) continue;
      if (worst < 0 || kb < t.lfbBlockKB[worst]! || (kb === t.lfbBlockKB[worst]! && t.lfbCount[i]! < t.lfbCount[worst]!)) worst = i;
    }
    if (worst < 0) return;
    const kb = t.lfbBlockKB[worst]!;
    if (kb > thresholds.blockKiBWarning!) return;
    // Compared with the start of the same segment: a reboot between them resets the free blocks.
    const seg = t.segments.find((g) => g.from <= worst && worst <= g.to) ?? { from: 0 };
    let first = seg.from;
    while (first < worst && !Number.isFinite(t.lfbBlockKB[first]!)) first++;
    const ramPct = Math.round((t.ramUsedMB[worst]! / t.ramTotalMB[worst]!) * 100);
    report({
      messageId: 'collapsed', signatures: ['tegrastats-ram-lfb'],
      severity: kb <= thresholds.blockKiBError! ? 'error' : 'warning',
      confidence: 0.75,
      data: { count: t.lfbCount[worst]!, blockKiB: kb, startCount: t.lfbCount[first]!, startKiB: t.lfbBlockKB[first]!, ramPct },
      figures: [
        largestFreeBlockFigure('tegrastats', kb * 1024, 'worst'),
        { label: 'RAM used then', value: ramPct, unit: '%' },
        { label: 'time into the log', value: formatDuration(t.t[worst]! - t.t[first]!) },
      ],
      evidence: compact([tegrastatsEvidence(t, first, 'RAM '), tegrastatsEvidence(t, worst, 'RAM ')]),
      tags: ['fragmentation'],
    });
  },
});
