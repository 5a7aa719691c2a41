import { defineRule } from '../define.js';
import { tegrastatsEvidence } from '../evidence.js';
import { formatDuration } from '../stats.js';
import { largestFreeBlockFigure } from '../../util/format.js';

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
      collapsed: 'The largest free block fell to {{count}}x{{blockKiB}} kB (from {{startCount}}x{{startKiB}} kB) while RAM was only {{ramPct}}% used: memory is fragmented.',
    },
    remedy: [
      'Pre-allocate large buffers once and reuse them (NVMM buffer pools with a fixed count).',
      'Compare with /proc/buddyinfo captured at the same time to see which zone lost its high orders.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: tegrastats utility (lfb, the largest free block)'],
    signatures: ['tegrastats-ram-lfb'],
  },
  check({ snapshot, thresholds, report }) {
    const t = snapshot.tegrastats!;
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
    let first = 0;
    while (first < t.samples && !Number.isFinite(t.lfbBlockKB[first]!)) first++;
    const ramPct = Math.round((t.ramUsedMB[worst]! / t.ramTotalMB[worst]!) * 100);
    const lfb = (i: number) => `RAM ${t.ramUsedMB[i]}/${t.ramTotalMB[i]}MB (lfb ${t.lfbCount[i]}x${t.lfbBlockKB[i]! >= 1024 ? `${t.lfbBlockKB[i]! / 1024}MB` : `${t.lfbBlockKB[i]}kB`})`;
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
      evidence: [tegrastatsEvidence(t, first, lfb(first)), tegrastatsEvidence(t, worst, lfb(worst))],
      tags: ['fragmentation'],
    });
  },
});
