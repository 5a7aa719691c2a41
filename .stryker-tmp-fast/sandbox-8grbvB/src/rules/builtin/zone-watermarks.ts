// @ts-nocheck
import { defineRule } from '../define.js';
import { mib, PAGE_BYTES } from '../format.js';

const PAGE = PAGE_BYTES;

/** Checklist step 1 (zones): free pages against the min/low watermarks, and the CMA trap. */
export const zoneWatermarks = defineRule({
  meta: {
    id: 'zone-watermarks',
    title: 'Zone free pages against watermarks',
    category: 'memory',
    docs: {
      description: 'Compares each zone\'s free pages with its min and low watermarks in /proc/zoneinfo, and checks how much of the free memory is CMA.',
      why: 'Below low, kswapd reclaims; below min, every allocation enters direct reclaim (latency spikes). Free memory that is mostly CMA cannot serve unmovable allocations.',
      seed: 'seed §5 (zones, watermarks), signatures show-mem-zone',
    },
    requires: ['zoneinfo'],
    thresholds: { minZoneMiB: 16 },
    messages: {
      belowMin: 'Zone {{zone}} (node {{node}}) has {{freeMiB}} MiB free, below its min watermark of {{minMiB}} MiB: allocations stall in direct reclaim.',
      belowLow: 'Zone {{zone}} (node {{node}}) has {{freeMiB}} MiB free, below its low watermark of {{lowMiB}} MiB: kswapd is reclaiming.',
      cmaTrap: 'Zone {{zone}}: {{cmaMiB}} of its {{freeMiB}} MiB free is CMA; only {{nonCmaMiB}} MiB is left for unmovable allocations (min {{minMiB}} MiB).',
    },
    remedy: [
      'Reduce memory use (see memory-pressure) or raise vm.min_free_kbytes so reclaim starts earlier.',
      'When free memory is mostly CMA, non-movable (kernel/driver) allocations starve: shrink CMA to what the workload needs or lower kernel memory use.',
    ],
    references: ['Linux kernel documentation: Documentation/admin-guide/sysctl/vm.rst (min_free_kbytes, watermark_scale_factor)'],
    signatures: ['show-mem-zone'],
  },
  check({ snapshot, thresholds, report }) {
    const zi = snapshot.zoneinfo!;
    for (const z of zi.zones) {
      if (!z.managed || z.managed * PAGE < thresholds.minZoneMiB! * 1024 * 1024) continue;
      if (z.free === undefined || z.min === undefined || z.low === undefined) continue;
      const data = { zone: z.zone, node: z.node, freeMiB: mib(z.free * PAGE), minMiB: mib(z.min * PAGE), lowMiB: mib(z.low * PAGE) };
      // The zone's own lines, verbatim (a line whose text was not kept is left out, never re-typed).
      const evidence = [
        ...(z.text?.header !== undefined ? [{ file: zi.file, line: z.line, text: z.text.header }] : []),
        ...(['pages free', 'min', 'low'] as const).flatMap((k) => (z.lines[k] !== undefined && z.text?.[k] !== undefined ? [{ file: zi.file, line: z.lines[k]!, text: z.text[k]! }] : [])),
      ];
      const figures = [
        { label: 'free', value: data.freeMiB, unit: 'MiB' },
        { label: 'min watermark', value: data.minMiB, unit: 'MiB' },
        { label: 'low watermark', value: data.lowMiB, unit: 'MiB' },
      ];
      if (z.free < z.min) report({ messageId: 'belowMin', signatures: ['show-mem-zone'], severity: 'error', confidence: 0.85, data, figures, evidence, tags: ['memory-pressure'] });
      else if (z.free < z.low) report({ messageId: 'belowLow', signatures: ['show-mem-zone'], severity: 'warning', confidence: 0.75, data, figures, evidence, tags: ['memory-pressure'] });
      const cma = z.nrFreeCma ?? 0;
      if (cma > 0 && z.free >= z.min && z.free - cma < z.min) {
        report({
          messageId: 'cmaTrap', signatures: ['show-mem-zone'],
          severity: 'warning',
          confidence: 0.7,
          data: { ...data, cmaMiB: mib(cma * PAGE), nonCmaMiB: mib((z.free - cma) * PAGE) },
          figures: [...figures, { label: 'free CMA', value: mib(cma * PAGE), unit: 'MiB' }],
          evidence,
          tags: ['memory-pressure', 'cma-trap'],
        });
      }
    }
  },
});
