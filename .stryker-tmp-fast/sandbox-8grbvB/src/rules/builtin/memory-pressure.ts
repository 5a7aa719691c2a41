// @ts-nocheck
import { defineRule } from '../define.js';
import { compact, meminfoEvidence } from '../evidence.js';
import { mib, pct } from '../format.js';

/** Checklist step 1: MemAvailable against MemTotal, swap in use, MemTotal against the board. */
export const memoryPressure = defineRule({
  meta: {
    id: 'memory-pressure',
    title: 'Memory pressure',
    category: 'memory',
    docs: {
      description: 'Compares MemAvailable with MemTotal in the last /proc/meminfo capture and reports swap in use.',
      why: 'CPU, GPU, camera and codecs share one DRAM pool on Jetson; when MemAvailable is low every allocator suffers and the OOM killer is next.',
      seed: 'seed §20 step 1 (Check Overall Memory), §21 OOM Killer on Jetson; signatures meminfo-memavailable-low',
    },
    requires: ['meminfo'],
    thresholds: { availablePctCritical: 5, availablePctWarning: 10, swapUsedPctWarning: 50 },
    messages: {
      critical: 'Only {{availMiB}} MiB ({{availPct}}%) of {{totalMiB}} MiB is available: the system is under severe memory pressure.',
      warning: 'MemAvailable is {{availMiB}} MiB ({{availPct}}% of {{totalMiB}} MiB): memory is getting tight.',
      swap: 'Swap is {{swapPct}}% used ({{swapUsedMiB}} of {{swapTotalMiB}} MiB): the working set no longer fits in RAM.',
    },
    remedy: [
      'Budget CPU + GPU + camera memory together: all come from the same DRAM.',
      'Reduce model size (INT8/INT4 quantisation), batch size or camera buffer count.',
      'Stop the desktop GUI on headless deployments (sudo systemctl set-default multi-user.target).',
      'Add zram or a swap file as a cushion, and cap per-process memory (systemd MemoryMax=).',
    ],
    references: ['Linux kernel documentation: Documentation/filesystems/proc.rst, /proc/meminfo (MemAvailable)'],
    signatures: ['meminfo-memavailable-low'],
  },
  check({ snapshot, thresholds, report }) {
    const m = snapshot.meminfo!;
    const c = m.captures[m.captures.length - 1]!;
    const total = c.values.MemTotal;
    const avail = c.values.MemAvailable ?? (c.values.MemFree !== undefined ? c.values.MemFree + (c.values.Cached ?? 0) + (c.values.Buffers ?? 0) : undefined);
    if (total && avail !== undefined) {
      const availPct = pct(avail, total);
      const sev = availPct < thresholds.availablePctCritical! ? 'critical' : availPct < thresholds.availablePctWarning! ? 'warning' : null;
      if (sev) {
        report({
          messageId: sev,
          signatures: ['meminfo-memavailable-low'],
          severity: sev,
          confidence: c.values.MemAvailable !== undefined ? 0.9 : 0.6,
          data: { availMiB: mib(avail), availPct, totalMiB: mib(total) },
          figures: [
            { label: 'MemAvailable', value: mib(avail), unit: 'MiB' },
            { label: 'MemTotal', value: mib(total), unit: 'MiB' },
            { label: 'available', value: availPct, unit: '%' },
          ],
          evidence: compact([meminfoEvidence(m, c, 'MemAvailable'), meminfoEvidence(m, c, 'MemTotal'), meminfoEvidence(m, c, 'MemFree')]),
          tags: ['memory-pressure'],
        });
      }
    }
    const swapTotal = c.values.SwapTotal;
    const swapFree = c.values.SwapFree;
    if (swapTotal && swapFree !== undefined) {
      const used = swapTotal - swapFree;
      const swapPct = pct(used, swapTotal);
      if (swapPct >= thresholds.swapUsedPctWarning!) {
        report({
          messageId: 'swap', signatures: ['meminfo-memavailable-low'],
          severity: 'warning',
          confidence: 0.7,
          data: { swapPct, swapUsedMiB: mib(used), swapTotalMiB: mib(swapTotal) },
          figures: [{ label: 'swap used', value: mib(used), unit: 'MiB' }],
          evidence: compact([meminfoEvidence(m, c, 'SwapTotal'), meminfoEvidence(m, c, 'SwapFree')]),
          tags: ['memory-pressure'],
        });
      }
    }
  },
});
