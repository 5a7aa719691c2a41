// @ts-nocheck
import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';

/** Checklist step 2 over time: large free blocks shrinking from the first buddyinfo capture to the last. */
export const buddyTrend = defineRule({
  meta: {
    id: 'buddy-trend',
    title: 'Buddy allocator fragmentation trend',
    category: 'fragmentation',
    docs: {
      description: 'Compares the free blocks of order 6 and up (256 KiB and larger) per zone between the first and the last /proc/buddyinfo capture of a periodic log, and flags a zone that lost three quarters of them.',
      why: 'One capture shows the state; a series shows memory fragmenting while the device runs, before a large allocation (camera, GPU) fails. A single capture cannot show a trend, so it is not evaluated, never passed.',
      seed: 'seed §6 and §20 step 2 (Check Fragmentation); signatures buddyinfo-high-orders-empty',
    },
    requires: ['buddyinfo'],
    thresholds: { highOrder: 6, minFirstBlocks: 8, lostShare: 0.75 },
    messages: {
      trend: 'Across {{captures}} buddyinfo captures{{span}}, free blocks of order {{order}} and up in zone {{zone}} fell from {{first}} to {{last}}.',
    },
    remedy: [
      'Pre-allocate large buffers at start-up and reuse them instead of allocating per frame.',
      'As a diagnostic, trigger compaction: echo 1 > /proc/sys/vm/compact_memory, then re-read /proc/buddyinfo.',
      'Raise vm.min_free_kbytes so the kernel keeps more headroom for compaction.',
    ],
    references: ['Linux kernel documentation: Documentation/filesystems/proc.rst, /proc/buddyinfo'],
    signatures: ['buddyinfo-high-orders-empty'],
  },
  check({ snapshot, thresholds, report, notEvaluated }) {
    const b = snapshot.buddyinfo!;
    if (b.captures.length < 2) return notEvaluated('a single /proc/buddyinfo capture: the trend needs it captured at least twice over time');
    const first = b.captures[0]!;
    const last = b.captures[b.captures.length - 1]!;
    const k = thresholds.highOrder!;
    const minutes = first.epoch !== undefined && last.epoch !== undefined ? Math.round((last.epoch - first.epoch) / 60) : undefined;
    const span = minutes !== undefined ? ` over ${minutes >= 120 ? `${Math.round(minutes / 6) / 10} h` : `${minutes} min`}` : '';
    for (const z of last.zones) {
      const z0 = first.zones.find((x) => x.node === z.node && x.zone === z.zone);
      if (!z0) continue;
      const h0 = z0.counts.slice(k).reduce((a, c) => a + c, 0);
      const h1 = z.counts.slice(k).reduce((a, c) => a + c, 0);
      if (h0 < thresholds.minFirstBlocks! || h1 > h0 * (1 - thresholds.lostShare!)) continue;
      // The two captures' own lines, verbatim.
      const evidence: Evidence[] = [];
      if (z0.text !== undefined) evidence.push({ file: b.file, line: z0.line, text: z0.text });
      if (z.text !== undefined) evidence.push({ file: b.file, line: z.line, text: z.text });
      report({
        messageId: 'trend',
        severity: 'warning',
        confidence: 0.75,
        data: { captures: b.captures.length, span, order: k, zone: z.zone, first: h0, last: h1 },
        figures: [
          { label: `free blocks of order >= ${k}, first capture`, value: h0 },
          { label: `free blocks of order >= ${k}, last capture`, value: h1 },
        ],
        evidence,
        tags: ['fragmentation', 'fragmentation-trend'],
        signatures: ['buddyinfo-high-orders-empty'],
      });
    }
  },
});
