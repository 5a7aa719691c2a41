// @ts-nocheck
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { HEALTHY_MEMINFO, meminfo } from '../helpers/bundles.js';

describeRule('memory-pressure', {
  valid: [{ name: 'healthy Orin Nano', files: { 'proc/meminfo': HEALTHY_MEMINFO } }],
  invalid: [
    {
      name: 'MemAvailable 3% and swap 89% used',
      files: { 'proc/meminfo': meminfo() },
      findings: [
        { messageId: 'critical', evidence: at('proc/meminfo', 3, 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], severity: 'critical', verdict: /Only 243 MiB \(3\.3%\)/ },
        { messageId: 'swap', evidence: at('proc/meminfo', 15, 16), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], severity: 'warning' },
      ],
    },
    {
      name: 'MemAvailable 8% is a warning; threshold override makes it critical',
      files: { 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) },
      findings: [{ messageId: 'warning', evidence: at('proc/meminfo', 3, 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], severity: 'warning' }],
    },
    {
      name: 'threshold override',
      files: { 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) },
      thresholds: { availablePctCritical: 9 },
      findings: [{ messageId: 'critical', evidence: at('proc/meminfo', 3, 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], severity: 'critical' }],
    },
    {
      // Kernels before 3.14 print no MemAvailable: MemFree + Cached + Buffers stands in, less surely.
      name: 'no MemAvailable line: estimated from MemFree, Cached and Buffers',
      files: { 'proc/meminfo': meminfo({ SwapFree: 3816752 }).replace(/^MemAvailable:.*\n/m, '') },
      findings: [{ messageId: 'warning', severity: 'warning', evidence: at('proc/meminfo', 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^MemAvailable is 408\.9 MiB \(5\.5% of 7454\.6 MiB\)/, figures: { available: 5.5 } }],
    },
  ],
}, (name, found) => {
  // How sure: a measured MemAvailable, an estimate without it.
  const f = found[0]!;
  if (name.startsWith('no MemAvailable')) expect(f.confidence).toBe(0.6);
  else if (f.messageId !== 'swap') expect(f.confidence).toBe(0.9);
  if (name.startsWith('MemAvailable 3%')) expect(found[1]!.confidence).toBe(0.7);
});
