/**
 * memory-pressure, zone-watermarks and ram-size past their threshold cases (issue #14,
 * mutation testing): MemAvailable estimated from MemFree + Cached + Buffers on kernels that do
 * not print it (and its lower confidence), no swap, the last of several captures judged,
 * zone figures, a board known only by its nominal size (85 % of 8192 MiB is 6963.2 MiB).
 * meminfo is the Orin Nano layout of test/helpers/bundles.ts, zoneinfo a real 5.4 capture.
 */
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { meminfo, ORIN_NANO_IDENTITY } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

const without = (text: string, ...keys: string[]) => text.split('\n').filter((l) => !keys.some((k) => l.startsWith(`${k}:`))).join('\n');
const stamped = (...caps: string[]) => caps.map((c, i) => `2026-11-24T10:${String(i * 10).padStart(2, '0')}:00Z\n${c}`).join('');
const NX8 = 'nvidia,p3767-0001\0nvidia,tegra234\0';

describeRule(
  'memory-pressure',
  {
    valid: [
      { name: 'no MemAvailable, MemFree + Cached + Buffers 10.5 %', files: { 'proc/meminfo': without(meminfo({ MemTotal: 10_000_000, MemFree: 900_000, Cached: 100_000, Buffers: 50_000, SwapFree: 3_000_000 }), 'MemAvailable') } },
      { name: 'a swap of size 0', files: { 'proc/meminfo': meminfo({ MemAvailable: 5_000_000, SwapTotal: 0, SwapFree: 0 }) } },
      { name: 'the last capture is judged: tight before, fine now', files: { 'proc/meminfo': stamped(meminfo({ MemAvailable: 300_000, SwapFree: 3_000_000 }), meminfo({ MemAvailable: 5_000_000, SwapFree: 3_000_000 })) } },
    ],
    invalid: [
      {
        name: 'no MemAvailable: estimated from MemFree, Cached and Buffers',
        files: { 'proc/meminfo': without(meminfo({ MemTotal: 10_000_000, MemFree: 300_000, Cached: 100_000, Buffers: 50_000, SwapFree: 3_000_000 }), 'MemAvailable') },
        findings: [{ messageId: 'critical', severity: 'critical', evidence: at('proc/meminfo', 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Only 439\.5 MiB \(4\.5%\) of 9765\.6 MiB is available/, figures: { MemAvailable: 439.5, MemTotal: 9765.6, available: 4.5 } }],
      },
      {
        name: 'no MemAvailable, Cached or Buffers: MemFree alone',
        files: { 'proc/meminfo': without(meminfo({ MemTotal: 10_000_000, MemFree: 300_000, SwapFree: 3_000_000 }), 'MemAvailable', 'Cached', 'Buffers') },
        findings: [{ messageId: 'critical', severity: 'critical', evidence: at('proc/meminfo', 1, 2), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Only 293 MiB \(3%\) of 9765\.6 MiB/ }],
      },
      {
        name: 'the last capture is judged: fine before, tight now',
        files: { 'proc/meminfo': stamped(meminfo({ MemAvailable: 5_000_000, SwapFree: 3_000_000 }), meminfo({ MemAvailable: 300_000, SwapFree: 3_000_000 })) },
        findings: [{ messageId: 'critical', severity: 'critical', evidence: at('proc/meminfo', 55, 53, 54), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Only 293 MiB \(3\.9%\)/ }],
      },
      {
        name: 'swap 89.5 % used: its figure',
        files: { 'proc/meminfo': meminfo({ MemAvailable: 5_000_000 }) },
        findings: [{ messageId: 'swap', severity: 'warning', evidence: at('proc/meminfo', 15, 16), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Swap is 89\.5% used \(3334\.6 of 3727\.3 MiB\)/, figures: { 'swap used': 3334.6 } }],
      },
    ],
  },
  (name, found) => {
    // An estimate from MemFree is less sure than the kernel's own MemAvailable.
    if (name.startsWith('no MemAvailable')) expect(found[0]!.confidence).toBe(0.6);
    if (name.startsWith('the last capture')) expect(found[0]!.confidence).toBe(0.9);
    if (name.startsWith('swap')) expect(found[0]!.confidence).toBe(0.7);
  },
);

describeRule('zone-watermarks', {
  valid: [{ name: 'real 5.4 zoneinfo as captured', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-02.txt') } }],
  invalid: [
    {
      name: 'DMA32 under min and Normal under low: the figures of each',
      files: { 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt').replace('pages free     21173', 'pages free     12000') },
      findings: [
        { messageId: 'belowMin', severity: 'error', evidence: at('proc/zoneinfo', 75, 76, 77, 78), tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /^Zone DMA32 \(node 0\) has 46\.9 MiB free, below its min watermark of 49\.6 MiB/, figures: { free: 46.9, 'min watermark': 49.6, 'low watermark': 62 } },
        { messageId: 'belowLow', severity: 'warning', evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /^Zone Normal \(node 0\) has 20\.1 MiB free, below its low watermark of 20\.2 MiB/, figures: { free: 20.1, 'min watermark': 16.1, 'low watermark': 20.2 } },
      ],
    },
  ],
});

describeRule('ram-size', {
  valid: [
    // Orin NX 8GB has no usual MemTotal in the table: only far below its nominal size is reported.
    { name: 'Orin NX 8GB with 7000 MiB', files: { 'proc/meminfo': meminfo({ MemTotal: 7000 * 1024 }), 'proc/device-tree/compatible': NX8 } },
    { name: 'Orin NX 8GB with 6964 MiB: just over 85 % of 8192', files: { 'proc/meminfo': meminfo({ MemTotal: 6964 * 1024 }), 'proc/device-tree/compatible': NX8 } },
    { name: 'the last capture is judged', files: { 'proc/meminfo': stamped(meminfo({ MemTotal: 6000 * 1024 }), meminfo({ MemTotal: 7454 * 1024 })), ...ORIN_NANO_IDENTITY } },
  ],
  invalid: [
    {
      name: 'Orin NX 8GB with 6963 MiB: under 85 % of its nominal 8192 MiB',
      files: { 'proc/meminfo': meminfo({ MemTotal: 6963 * 1024 }), 'proc/device-tree/compatible': NX8 },
      findings: [{ messageId: 'wrongSku', severity: 'warning', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], verdict: /^MemTotal is 6963 MiB, far below the 8192 MiB of a Jetson Orin NX 8GB: check the module SKU and device tree\.$/, figures: { MemTotal: 6963 } }],
    },
  ],
});
