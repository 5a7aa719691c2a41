// @ts-nocheck
import { defineRule } from '../define.js';
import { mib } from '../format.js';
import { largestFreeBlockFigure } from '../../util/format.js';

/** Checklist step 2: high-order free blocks gone while plenty of memory is free. */
export const buddyFragmentation = defineRule({
  meta: {
    id: 'buddy-fragmentation',
    title: 'Buddy allocator fragmentation',
    category: 'fragmentation',
    docs: {
      description: 'Looks for zones in /proc/buddyinfo whose orders 6 and up (256 KiB and larger blocks) are empty while much memory is free, and reports the unusable-free-space index per order (the trend across captures is the buddy-trend check).',
      why: 'Camera and GPU drivers need contiguous blocks; with high orders empty, large allocations fail even though MemFree looks healthy.',
      seed: 'seed §6 and §20 step 2 (Check Fragmentation); signatures buddyinfo-high-orders-empty, show-mem-buddy',
    },
    requires: ['buddyinfo'],
    thresholds: { highOrder: 6, minFreeMiB: 64, unusableWarning: 0.9 },
    messages: {
      empty: 'Zone {{zone}} has {{freeMiB}} MiB free but no block of order {{order}} or larger (>= {{blockKiB}} KiB): memory is fragmented.',
      mostlyUnusable: 'Zone {{zone}}: {{unusablePct}}% of its {{freeMiB}} MiB free is in blocks too small for an order-{{order}} ({{blockKiB}} KiB) allocation.',
    },
    remedy: [
      'Pre-allocate large buffers at start-up and reuse them instead of allocating per frame.',
      'As a diagnostic, trigger compaction: echo 1 > /proc/sys/vm/compact_memory, then re-read /proc/buddyinfo.',
      'Raise vm.min_free_kbytes so the kernel keeps more headroom for compaction.',
    ],
    references: ['Linux kernel documentation: Documentation/filesystems/proc.rst, /proc/buddyinfo'],
    signatures: ['buddyinfo-high-orders-empty'],
  },
  check({ snapshot, thresholds, report }) {
    const b = snapshot.buddyinfo!;
    const last = b.captures[b.captures.length - 1]!;
    const k = thresholds.highOrder!;
    const blockKiB = (b.pageSize * 2 ** k) / 1024;
    for (const z of last.zones) {
      if (z.counts.length <= k) continue;
      const freeMiB = mib(z.totalFreeBytes);
      if (freeMiB < thresholds.minFreeMiB!) continue;
      const high = z.counts.slice(k).reduce((a, c) => a + c, 0);
      const evidence = z.text !== undefined ? [{ file: b.file, line: z.line, text: z.text }] : [];
      const figures = [
        { label: 'free in zone', value: freeMiB, unit: 'MiB' },
        { label: `free blocks of order >= ${k}`, value: high },
        largestFreeBlockFigure('buddyinfo', z.largestBlockBytes),
        { label: `unusable for order ${k}`, value: Math.round(z.unusableIndex[k]! * 100), unit: '%' },
      ];
      if (high === 0) {
        report({ messageId: 'empty', severity: 'error', confidence: 0.85, data: { zone: z.zone, freeMiB, order: k, blockKiB }, figures, evidence, tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'] });
      } else if (z.unusableIndex[k]! >= thresholds.unusableWarning!) {
        report({
          messageId: 'mostlyUnusable',
          severity: 'warning',
          confidence: 0.7,
          data: { zone: z.zone, freeMiB, order: k, blockKiB, unusablePct: Math.round(z.unusableIndex[k]! * 100) },
          figures,
          evidence,
          tags: ['fragmentation'],
          signatures: ['buddyinfo-high-orders-empty'],
        });
      }
    }
  },
});
