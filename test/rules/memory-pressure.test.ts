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
  ],
});
