/**
 * Every threshold of the built-in rules at its boundary: just under, at and just over, with
 * the severity expected on each side. The inputs are the helpers' realistic captures (meminfo,
 * zoneinfo, tegrastats in the JetPack 6 format, kernel lines from the signature catalogue)
 * with one value moved; the last test checks that every threshold in a rule's meta is here.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/registry.js';
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg, meminfo, ORIN_NANO_IDENTITY, tegrastats } from '../helpers/bundles.js';
import { fixture, realLog } from '../helpers/fixtures.js';
import { bufinfoSeries, nvmapSeries } from './field-input-cases.js';
import { runRules } from '../../src/rules/engine.js';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { ruleById } from '../helpers/rule-cases.js';

/** The thresholds each rule's boundary cases below exercise (checked against the rules' meta). */
const COVERED: Record<string, string[]> = {};
const covers = (rule: string, ...names: string[]) => (COVERED[rule] = [...(COVERED[rule] ?? []), ...names]);

// ---- memory-pressure: MemAvailable < 5 % critical, < 10 % warning (one decimal); swap >= 50 % used.
// MemTotal 10,000,000 kB so that 1 % is 100,000 kB.
const mem = (availKb: number, swapFreeKb = 1_000_000) => ({ 'proc/meminfo': meminfo({ MemTotal: 10_000_000, MemAvailable: availKb, SwapTotal: 1_000_000, SwapFree: swapFreeKb }) });
const MEM_EV = at('proc/meminfo', 3, 1, 2);
covers('memory-pressure', 'availablePctCritical', 'availablePctWarning', 'swapUsedPctWarning');
describeRule('memory-pressure', {
  valid: [
    { name: 'MemAvailable 10.1%', files: mem(1_010_000) },
    { name: 'MemAvailable 10.0% (at the warning threshold: not under it)', files: mem(1_000_000) },
    { name: 'swap 49.9% used', files: mem(2_000_000, 501_000) },
  ],
  invalid: [
    { name: 'MemAvailable 9.9%: warning', files: mem(990_000), findings: [{ messageId: 'warning', severity: 'warning', evidence: MEM_EV, tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], figures: { available: 9.9 } }] },
    { name: 'MemAvailable 5.1%: warning', files: mem(510_000), findings: [{ messageId: 'warning', severity: 'warning', evidence: MEM_EV, tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'] }] },
    { name: 'MemAvailable 5.0%: still a warning', files: mem(500_000), findings: [{ messageId: 'warning', severity: 'warning', evidence: MEM_EV, tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], figures: { available: 5 } }] },
    { name: 'MemAvailable 4.9%: critical', files: mem(490_000), findings: [{ messageId: 'critical', severity: 'critical', evidence: MEM_EV, tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], figures: { available: 4.9 } }] },
    { name: 'swap 50.0% used: warning', files: mem(2_000_000, 500_000), findings: [{ messageId: 'swap', severity: 'warning', evidence: at('proc/meminfo', 15, 16), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Swap is 50% used/ }] },
    { name: 'swap 50.1% used: warning', files: mem(2_000_000, 499_000), findings: [{ messageId: 'swap', severity: 'warning', evidence: at('proc/meminfo', 15, 16), tags: ['memory-pressure'], signatures: ['meminfo-memavailable-low'], verdict: /^Swap is 50\.1% used/ }] },
  ],
});

// ---- zone-watermarks: free < min error, free < low warning (pages). Real 5.4 capture: DMA32 min
// 12698, low 15872; its Normal zone is itself just under low (a second finding in every case).
const ZONEINFO = fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt');
const dma32 = (free: number) => ({ 'proc/zoneinfo': ZONEINFO.replace('pages free     21173', `pages free     ${free}`) });
const NORMAL_LOW = { messageId: 'belowLow', severity: 'warning' as const, evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /^Zone Normal/ };
const DMA32_EV = at('proc/zoneinfo', 75, 76, 77, 78);
const dma32Cma = (free: number, cma: number) => ({ 'proc/zoneinfo': ZONEINFO.replace('pages free     21173', `pages free     ${free}`).replace(/(nr_free_cma  0[\s\S]*?)nr_free_cma  0/, `$1nr_free_cma  ${cma}`) });
const tinyDmaLow = { 'proc/zoneinfo': ZONEINFO.replace('pages free     3962', 'pages free     50') };
covers('zone-watermarks', 'minZoneMiB');
describeRule('zone-watermarks', {
  valid: [{ name: 'real 5.4 zoneinfo (second host)', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-02.txt') } }],
  invalid: [
    { name: 'DMA32 at its low watermark (15872): not below it', files: dma32(15872), findings: [NORMAL_LOW] },
    { name: 'DMA32 one page under low: warning', files: dma32(15871), findings: [{ messageId: 'belowLow', severity: 'warning', evidence: DMA32_EV, tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /^Zone DMA32/ }, NORMAL_LOW] },
    { name: 'DMA32 at its min watermark (12698): below low only', files: dma32(12698), findings: [{ messageId: 'belowLow', severity: 'warning', evidence: DMA32_EV, tags: ['memory-pressure'], signatures: ['show-mem-zone'] }, NORMAL_LOW] },
    { name: 'DMA32 one page under min: error', files: dma32(12697), findings: [{ messageId: 'belowMin', severity: 'error', evidence: DMA32_EV, tags: ['memory-pressure'], signatures: ['show-mem-zone'] }, NORMAL_LOW] },
    // The tiny DMA zone (managed 3977 pages, 15.5 MiB) sits under minZoneMiB 16 and is not judged
    // even with its free pages under min; with the floor at 15 MiB it is.
    // cmaTrap: DMA32 has 21173 free pages against a min of 12698; CMA above 8475 of them leaves
    // less than min for unmovable allocations.
    { name: 'DMA32 with 8475 free CMA pages: exactly min left outside CMA, no trap', files: dma32Cma(21173, 8475), findings: [NORMAL_LOW] },
    { name: 'DMA32 with 8476 free CMA pages: under min outside CMA, a trap', files: dma32Cma(21173, 8476), findings: [{ messageId: 'cmaTrap', severity: 'warning', evidence: DMA32_EV, tags: ['memory-pressure', 'cma-trap'], signatures: ['show-mem-zone'], verdict: /^Zone DMA32: 33\.1 of its 82\.7 MiB free is CMA; only 49\.6 MiB is left for unmovable allocations \(min 49\.6 MiB\)/ }, NORMAL_LOW] },
    { name: 'DMA32 under min and mostly CMA: below min, not also a trap', files: dma32Cma(12000, 11000), findings: [{ messageId: 'belowMin', severity: 'error', evidence: DMA32_EV, tags: ['memory-pressure'], signatures: ['show-mem-zone'] }, NORMAL_LOW] },
    { name: 'minZoneMiB 16: the 15.5 MiB DMA zone under its min is skipped', files: tinyDmaLow, findings: [NORMAL_LOW] },
    { name: 'minZoneMiB 15: the same DMA zone is judged', files: tinyDmaLow, thresholds: { minZoneMiB: 15 }, findings: [{ messageId: 'belowMin', severity: 'error', evidence: at('proc/zoneinfo', 1, 35, 36, 37), tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /^Zone DMA \(node 0\)/ }, NORMAL_LOW] },
  ],
});

// ---- thermal: Orin Nano trips (cpu) throttle 99.0 °C, shutdown 104.5 °C; near within 3 °C
// (marginC); "throttling" within 2 °C (throttleMarginC) when clocks fell or a power cap was logged.
const hot = (tempC: number) => ({ ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(60, () => ({ tempC })) });
const hotWithOc = (tempC: number) => ({ ...hot(tempC), dmesg: dmesg([[5000.1, 'soctherm: OC ALARM 0x00000001']]) });
// The clock series: 60 s at 80 °C and 1510 MHz, then 60 s hot at `mhz` with the same load.
const hotClocks = (tempC: number, mhz: number) => ({ ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, cpuLoad: 60, cpuMHz: 1510 } : { tempC, cpuLoad: 60, cpuMHz: mhz })) });
const T = { tags: ['thermal'], signatures: ['tegrastats-temps-clocks'] };
covers('thermal', 'marginC', 'throttleMarginC', 'clockDropPct');
describeRule('thermal', {
  valid: [{ name: 'cpu 95.9 °C: more than 3 °C under the 99 °C trip', files: hot(95.9) }],
  invalid: [
    { name: 'cpu 96.0 °C: within 3 °C of the trip', files: hot(96), findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 1), ...T, verdict: /^cpu reached 96 °C, within 3 °C of its 99 °C throttle trip/ }] },
    { name: 'cpu 98.9 °C, no clock or power sign: near the trip only', files: hot(98.9), findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 1), ...T }] },
    { name: 'cpu 99.0 °C: at the throttle trip', files: hot(99), findings: [{ messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 1), tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], verdict: /^cpu reached 99 °C, at or above its 99 °C throttle trip/ }] },
    { name: 'cpu 104.4 °C: over the throttle trip, under shutdown', files: hot(104.4), findings: [{ messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 1), tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'] }] },
    {
      name: 'cpu 104.5 °C in tegrastats: at the shutdown trip',
      files: hot(104.5),
      findings: [{ messageId: 'overShutdown', severity: 'critical', evidence: at('tegrastats.log', 1), tags: ['thermal', 'thermal-throttling', 'thermal-shutdown'], signatures: ['tegrastats-temps-clocks'], verdict: /^cpu reached 104\.5 °C, at or above the 104\.5 °C shutdown trip/ }],
    },
    { name: 'cpu 96.9 °C with a power cap: more than 2 °C under, near only', files: hotWithOc(96.9), findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 1)], ...T }] },
    { name: 'cpu 97.0 °C with a power cap: within 2 °C, throttling', files: hotWithOc(97), findings: [{ messageId: 'atTrip', severity: 'error', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 1)], tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'] }] },
    // clockDropPct 5: 1510 MHz * 0.95 = 1434.5; the hot minimum must be at or below it.
    { name: 'CPU clock 1435 MHz hot (under a 5% drop): near only', files: hotClocks(97.5, 1435), findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 61), ...T }] },
    { name: 'CPU clock 1434 MHz hot (over a 5% drop): throttling', files: hotClocks(97.5, 1434), findings: [{ messageId: 'atTrip', severity: 'error', evidence: at('tegrastats.log', 61, 61), tags: ['thermal', 'throttling-clocks', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], verdict: /CPU clock fell from 1510 to 1434 MHz/ }] },
  ],
});

// ---- smmu-faults: 10 or more context faults (or camera/GPU errors nearby) make it an error.
const faults = (n: number) => ({
  dmesg: dmesg(Array.from({ length: n }, (_, i) => [7200 + i * 0.1, `arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x${(0x9c4b9000 + i * 0x1000).toString(16)}, fsynr=0x7c0020, cbfrsynra=0x800, cb=7`] as [number, string])),
});
const SMMU = { tags: ['smmu-fault', 'device:8000000.iommu'], signatures: ['arm-smmu-context-fault'] };
describeRule('smmu-faults', {
  valid: [{ name: 'boot log only', files: { dmesg: dmesg(BOOT_DMESG) } }],
  invalid: [
    { name: '9 context faults: warning', files: faults(9), findings: [{ messageId: 'context', severity: 'warning', evidence: at('dmesg', 1, 2, 3, 4, 5, 6, 7, 8, 9), ...SMMU, verdict: /^9 SMMU context fault/ }] },
    { name: '10 context faults: error', files: faults(10), findings: [{ messageId: 'context', severity: 'error', evidence: at('dmesg', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), ...SMMU, verdict: /^10 SMMU context fault/ }] },
    { name: '11 context faults: error', files: faults(11), findings: [{ messageId: 'context', severity: 'error', evidence: at('dmesg', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), ...SMMU }] },
  ],
});

// ---- cma: CmaFree under one 24 MiB buffer is an error; 90 % used (rounded) a warning; a camera
// error with CmaTotal under 256 MiB says CMA is too small for a camera. CmaTotal 786432 kB.
const cmaFree = (freeKb: number, totalKb = 786432) => ({ 'proc/meminfo': meminfo({ CmaTotal: totalKb, CmaFree: freeKb }) });
const CMA_EV = at('proc/meminfo', 44, 43);
const CAMERA_TIMEOUT = dmesg([[3600.5, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms']]);
covers('cma', 'largestAllocationMiB', 'lowFreePct', 'minCameraCmaMiB');
describeRule('cma', {
  valid: [
    { name: 'CMA 89% used (CmaFree 86508 kB)', files: cmaFree(86508) },
    { name: 'camera error with CmaTotal exactly 256 MiB', files: { ...cmaFree(200000, 262144), dmesg: CAMERA_TIMEOUT } },
  ],
  invalid: [
    { name: 'CMA 90% used (CmaFree 78644 kB): low', files: cmaFree(78644), findings: [{ messageId: 'low', severity: 'warning', evidence: CMA_EV, tags: ['cma-low'], signatures: ['meminfo-memavailable-low'], verdict: /^CMA is 90% used \(76\.8 MiB free of 768 MiB\)/ }] },
    { name: 'CmaFree exactly 24 MiB: not under one buffer, but low', files: cmaFree(24576), findings: [{ messageId: 'low', severity: 'warning', evidence: CMA_EV, tags: ['cma-low'], signatures: ['meminfo-memavailable-low'] }] },
    { name: 'CmaFree one kB under 24 MiB: below one buffer', files: cmaFree(24575), findings: [{ messageId: 'belowBuffer', severity: 'error', evidence: CMA_EV, tags: ['cma-low'], signatures: ['meminfo-memavailable-low'], verdict: /less than one 24 MiB buffer/ }] },
    {
      name: 'camera error with CmaTotal one kB under 256 MiB: too small for a camera',
      files: { ...cmaFree(200000, 262143), dmesg: CAMERA_TIMEOUT },
      findings: [{ messageId: 'smallForCamera', severity: 'warning', evidence: CMA_EV, tags: ['cma-too-small'], signatures: ['meminfo-memavailable-low', 'camrtc-capture-timeout'] }],
    },
  ],
});

// ---- buddy-fragmentation (order 6 = 256 KiB blocks; zones with 64 MiB or more free):
// no block of order >= 6 is an error; >= 90 % of free memory in smaller blocks a warning.
const buddy = (order0: number, order6: number) => ({ 'proc/buddyinfo': `Node 0, zone   Normal ${[order0, 0, 0, 0, 0, 0, order6, 0, 0, 0, 0].map((n) => String(n).padStart(6)).join(' ')}\n` });
const BUDDY = { evidence: at('proc/buddyinfo', 1), tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'] };
covers('buddy-fragmentation', 'highOrder', 'minFreeMiB', 'unusableWarning');
describeRule('buddy-fragmentation', {
  valid: [
    { name: '63.9 MiB free, none of it in high orders: under the 64 MiB floor', files: buddy(16359, 0) },
    // 30 order-6 blocks = 1920 pages; 17269 order-0 pages: 89.99 % unusable (the index has 4 decimals).
    { name: 'just under 90% of free memory unusable for order 6', files: buddy(17269, 30) },
  ],
  invalid: [
    { name: '64 MiB free, no block of order 6 or more: empty', files: buddy(16384, 0), findings: [{ messageId: 'empty', severity: 'error', ...BUDDY, verdict: /^Zone Normal has 64 MiB free but no block of order 6 or larger \(>= 256 KiB\)/ }] },
    { name: 'exactly 90% unusable: mostly unusable', files: buddy(17280, 30), findings: [{ messageId: 'mostlyUnusable', severity: 'warning', ...BUDDY, verdict: /^Zone Normal: 90% of its 75 MiB free is in blocks too small for an order-6 \(256 KiB\) allocation/ }] },
    { name: 'just over 90% unusable', files: buddy(17281, 30), findings: [{ messageId: 'mostlyUnusable', severity: 'warning', ...BUDDY }] },
    { name: 'highOrder 7 on the same zone: no order-7 block at all', files: buddy(17269, 30), thresholds: { highOrder: 7 }, findings: [{ messageId: 'empty', severity: 'error', ...BUDDY, verdict: /no block of order 7 or larger \(>= 512 KiB\)/ }] },
  ],
});

// ---- lfb-fragmentation: largest free block <= 2048 kB warning, <= 512 kB error, only while RAM
// is under 90 % used. 30 s at 28x4MB, then 30 s at the given block.
const lfb = (block: string, ramMB = 3400) => ({ 'tegrastats.log': tegrastats(60, (i) => (i < 30 ? { ramMB, lfb: '28x4MB' } : { ramMB, lfb: block })) });
const LFB = { evidence: at('tegrastats.log', 1, 31), tags: ['fragmentation'], signatures: ['tegrastats-ram-lfb'] };
covers('lfb-fragmentation', 'blockKiBWarning', 'blockKiBError', 'ramFullPct');
describeRule('lfb-fragmentation', {
  valid: [
    { name: 'largest block 2049 kB', files: lfb('1x2049kB') },
    { name: 'RAM at 90.0% (6858/7620 MB): a small block is expected, not fragmentation', files: lfb('1x512kB', 6858) },
  ],
  invalid: [
    { name: 'largest block 2048 kB: warning', files: lfb('1x2MB'), findings: [{ messageId: 'collapsed', severity: 'warning', ...LFB }] },
    { name: 'largest block 513 kB: warning', files: lfb('1x513kB'), findings: [{ messageId: 'collapsed', severity: 'warning', ...LFB }] },
    { name: 'largest block 512 kB: error', files: lfb('1x512kB'), findings: [{ messageId: 'collapsed', severity: 'error', ...LFB }] },
    { name: 'largest block 511 kB: error', files: lfb('1x511kB'), findings: [{ messageId: 'collapsed', severity: 'error', ...LFB }] },
    { name: 'RAM at 89.99% (6857/7620 MB): judged', files: lfb('1x512kB', 6857), findings: [{ messageId: 'collapsed', severity: 'error', ...LFB }] },
  ],
});

// ---- emc-bandwidth: EMC at >= 90 % for >= 60 s, or >= 80 % for at least half the log.
const emc = (n: number, load: number, total = 300) => ({ 'tegrastats.log': tegrastats(total, (i) => ({ emc: i >= 100 && i < 100 + n ? load : 20 })) });
const EMC = { evidence: at('tegrastats.log', 101), tags: ['bandwidth'], signatures: [] };
covers('emc-bandwidth', 'saturatedPct', 'minSeconds', 'busyPct', 'busyShare');
describeRule('emc-bandwidth', {
  valid: [
    { name: '59 s at 90%', files: emc(59, 90) },
    { name: '120 s at 89% (40% of the log busy)', files: emc(120, 89) },
    { name: '149 of 300 s at 80% (under half the log)', files: emc(149, 80) },
  ],
  invalid: [
    { name: '60 s at 90%', files: emc(60, 90), findings: [{ messageId: 'saturated', severity: 'warning', ...EMC, verdict: /at or above 90% for 60 s; 20% of the log was at or above 80%/, figures: { 'longest saturated stretch': '60 s', 'time at or above 80%': 20 } }] },
    { name: '61 s at 91%', files: emc(61, 91), findings: [{ messageId: 'saturated', severity: 'warning', ...EMC }] },
    { name: '150 of 300 s at 80% (half the log busy)', files: emc(150, 80), findings: [{ messageId: 'busy', severity: 'warning', evidence: at('tegrastats.log', 101), tags: ['bandwidth'], signatures: [], verdict: /at or above 80% for 50% of the log, with no stretch at or above 90%/ }] },
  ],
});

// ---- vmstat-compaction (one capture, counters since boot).
const vm = (counters: Record<string, number>) => ({ 'proc/vmstat': Object.entries({ nr_free_pages: 120000, ...counters }).map(([k, v]) => `${k} ${v}`).join('\n') + '\n' });
covers('vmstat-compaction', 'minStalls', 'failShare', 'minAllocStalls', 'minMigrateFail');
describeRule('vmstat-compaction', {
  valid: [
    { name: '99 compaction stalls, all failed: under 100 stalls', files: vm({ compact_stall: 99, compact_fail: 99 }) },
    { name: '1000 stalls, 499 failed: under half', files: vm({ compact_stall: 1000, compact_fail: 499 }) },
    { name: '999 reclaim stalls', files: vm({ allocstall_normal: 999 }) },
    { name: '9999 migrations failed (of 10999)', files: vm({ pgmigrate_success: 1000, pgmigrate_fail: 9999 }) },
  ],
  invalid: [
    { name: '100 stalls, all failed: error', files: vm({ compact_stall: 100, compact_fail: 100 }), findings: [{ messageId: 'compactionFailing', severity: 'error', evidence: at('proc/vmstat', 2, 3), tags: ['fragmentation'], signatures: [] }] },
    { name: '1000 stalls, 500 failed: warning', files: vm({ compact_stall: 1000, compact_fail: 500 }), findings: [{ messageId: 'compactionFailing', severity: 'warning', evidence: at('proc/vmstat', 2, 3), tags: ['fragmentation'], signatures: [], verdict: /^500 of 1000 direct compaction attempts failed \(50%\)/ }] },
    { name: '1000 stalls, 794 failed (79%): warning', files: vm({ compact_stall: 1000, compact_fail: 794 }), findings: [{ messageId: 'compactionFailing', severity: 'warning', evidence: at('proc/vmstat', 2, 3), tags: ['fragmentation'], signatures: [] }] },
    { name: '1000 stalls, 800 failed (80%): error', files: vm({ compact_stall: 1000, compact_fail: 800 }), findings: [{ messageId: 'compactionFailing', severity: 'error', evidence: at('proc/vmstat', 2, 3), tags: ['fragmentation'], signatures: [] }] },
    { name: '1000 reclaim stalls', files: vm({ allocstall_dma: 0, allocstall_normal: 1000 }), findings: [{ messageId: 'reclaimStalls', severity: 'warning', evidence: at('proc/vmstat', 3), tags: ['memory-pressure'], signatures: [], verdict: /stalled in direct reclaim 1000 times/ }] },
    { name: '10000 migrations failed', files: vm({ pgmigrate_success: 1000, pgmigrate_fail: 10000 }), findings: [{ messageId: 'migrateFailing', severity: 'info', evidence: at('proc/vmstat', 3), tags: ['fragmentation'], signatures: [] }] },
  ],
});

// ---- oom-kills: page allocation failures of order >= 3 point at fragmentation (error), below it a warning.
// The line is the catalogue's page-alloc-failure example with its order changed.
const allocFail = (order: number) => ({ dmesg: dmesg([[812.5, `Renderer: page allocation failure: order:${order}, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=user.slice,mems_allowed=0`]]) });
covers('oom-kills', 'fragmentationOrder');
describeRule('oom-kills', {
  valid: [{ name: 'boot log only', files: { dmesg: dmesg(BOOT_DMESG) } }],
  invalid: [
    { name: 'order 2: a warning', files: allocFail(2), findings: [{ messageId: 'allocFailures', severity: 'warning', evidence: at('dmesg', 1), tags: ['alloc-failure'], signatures: ['page-alloc-failure'], verdict: /highest order 2 \(16 KiB\)\.$/ }] },
    { name: 'order 3: fragmentation, an error', files: allocFail(3), findings: [{ messageId: 'allocFailures', severity: 'error', evidence: at('dmesg', 1), tags: ['alloc-failure', 'fragmentation'], signatures: ['page-alloc-failure'], verdict: /highest order 3 \(32 KiB\): high-order requests failing points at fragmentation/ }] },
    { name: 'order 4: an error', files: allocFail(4), findings: [{ messageId: 'allocFailures', severity: 'error', evidence: at('dmesg', 1), tags: ['alloc-failure', 'fragmentation'], signatures: ['page-alloc-failure'] }] },
  ],
});

// ---- memory-leak: the fit must reach R² 0.8 (minR2) and 5 MB/h (minSlopeMBPerHour) over at least
// an hour. Two hours at 10 MB/h with a repeating jitter of a few MB; the jitter pattern sets R²
// (0.7996 and 0.8003 computed for these exact series).
const jitter = (pattern: number[], perHour = 10) => ({ 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.floor((i * perHour) / 3600) + pattern[i % pattern.length]! })) });
const LEAK = { evidence: at('tegrastats.log', 1, 7200), tags: ['leak'], signatures: ['memavailable-downtrend'] };
covers('memory-leak', 'minR2', 'minSlopeMBPerHour');
describeRule('memory-leak', {
  valid: [
    { name: 'R² 0.7996: under the 0.8 gate', files: jitter([0, 3, 3, 8]) },
    { name: '4 MB/h, clean: under 5 MB/h', files: jitter([0], 4) },
  ],
  invalid: [
    { name: 'R² 0.8003: over the gate', files: jitter([0, 7, 2, 0]), findings: [{ messageId: 'leak', severity: 'warning', ...LEAK, verdict: /\(R² 0\.80\)/ }] },
    { name: 'R² 0.7996 with the gate lowered to 0.79', files: jitter([0, 3, 3, 8]), thresholds: { minR2: 0.79 }, findings: [{ messageId: 'leak', severity: 'warning', ...LEAK }] },
    { name: '6 MB/h, clean: over 5 MB/h', files: jitter([0], 6), findings: [{ messageId: 'leak', severity: 'warning', ...LEAK }] },
  ],
});

// ---- cma, /proc/pagetypeinfo: at least 32 MiB of free CMA (minFreeCmaMiB) with 80 % or more
// (smallSharePct, rounded) in blocks under order 9 (smallBlockOrder, 2 MiB). Counts per order 0..10.
const ptiCma = (order8: number, order9: number) => ({
  'proc/meminfo': meminfo({ CmaTotal: 786432, CmaFree: 700000 }),
  'proc/pagetypeinfo': fixture('pagetypeinfo/synthetic-orin-cma-01.txt').replace('120     80     33     10      2      0      0      0      0      0      0', [0, 0, 0, 0, 0, 0, 0, 0, order8, order9, 0].map((n) => String(n).padStart(6)).join(' ')),
});
const FRAG = { messageId: 'fragmentedBlocks', severity: 'warning' as const, evidence: at('proc/pagetypeinfo', 9), tags: ['cma-fragmented', 'fragmentation'], signatures: ['buddyinfo-high-orders-empty'] };
covers('cma', 'smallBlockOrder', 'smallSharePct', 'minFreeCmaMiB');
describeRule('cma', {
  valid: [
    { name: '31 MiB free CMA, all in 1 MiB blocks: under the 32 MiB floor', files: ptiCma(31, 0) },
    { name: '38 of 48 MiB in small blocks (79%)', files: ptiCma(38, 5) },
  ],
  invalid: [
    { name: '32 MiB free CMA, all in 1 MiB blocks', files: ptiCma(32, 0), findings: [{ ...FRAG, verdict: /^32 MiB of CMA is free but 100% of it sits in blocks under 2048 KiB/ }] },
    { name: '40 of 50 MiB in small blocks (80%)', files: ptiCma(40, 5), findings: [{ ...FRAG, verdict: /80% of it/ }] },
    { name: '41 of 51 MiB in small blocks (80.4%)', files: ptiCma(41, 5), findings: [FRAG] },
    { name: 'smallBlockOrder 10: 2 MiB blocks count as small too', files: ptiCma(38, 5), thresholds: { smallBlockOrder: 10 }, findings: [{ ...FRAG, verdict: /100% of it sits in blocks under 4096 KiB/ }] },
  ],
});

// ---- thermal sameLoadPct 5: a clock drop counts as throttling only if the load stayed within
// 5 points of the cool baseline (60 %).
const hotLoad = (load: number) => ({ ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, cpuLoad: 60, cpuMHz: 1510 } : { tempC: 97.5, cpuLoad: load, cpuMHz: 1389 })) });
covers('thermal', 'sameLoadPct');
describeRule('thermal', {
  valid: [{ name: 'cpu 95 °C', files: hot(95) }],
  invalid: [
    { name: 'hot load 54% (6 points under the baseline): the clock drop follows the load', files: hotLoad(54), findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 61), ...T }] },
    { name: 'hot load 55% (5 points under): throttling', files: hotLoad(55), findings: [{ messageId: 'atTrip', severity: 'error', evidence: at('tegrastats.log', 61, 61), tags: ['thermal', 'throttling-clocks', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'] }] },
  ],
});

// ---- memory-leak: windowHours (time to exhaustion under 24 h is an error), the sawtooth's
// fullPct (each peak at 90 % of RAM or more) and sawtoothMinutes (each climb at least 10 min).
/** `cycles` climbs from 2000 MB to `peakMB`, each `samples` seconds long, each followed by a drop. */
const saw = (cycles: number, samples: number, peakMB: number) => ({ 'tegrastats.log': tegrastats(cycles * samples, (i) => ({ ramMB: 2000 + Math.round(((i % samples) / (samples - 1)) * (peakMB - 2000)) })) });
const rise = (samples: number) => ({ 'tegrastats.log': tegrastats(samples, (i) => ({ ramMB: 3000 + Math.floor(i / 60) })) });
covers('memory-leak', 'windowHours', 'fullPct', 'sawtoothMinutes', 'minHours');
const SAW = { messageId: 'sawtooth', severity: 'error' as const, tags: ['leak', 'leak-sawtooth'], signatures: ['memavailable-downtrend'] };
describeRule('memory-leak', {
  valid: [{ name: 'flat', files: jitter([0], 0) }],
  invalid: [
    // 6 MB/h from 3012 MB of 7620: about 768 h to exhaustion.
    { name: 'time to exhaustion over the window: warning', files: jitter([0], 6), thresholds: { windowHours: 760 }, findings: [{ messageId: 'leak', severity: 'warning', ...LEAK }] },
    { name: 'time to exhaustion under the window: error', files: jitter([0], 6), thresholds: { windowHours: 780 }, findings: [{ messageId: 'leak', severity: 'error', ...LEAK }] },
    { name: 'climbs to 90.0% of RAM (6858 of 7620 MB): a sawtooth', files: saw(3, 1200, 6858), findings: [{ ...SAW, evidence: at('tegrastats.log', 1, 1200, 1201, 2400), verdict: /each time climbing at about [\d.]+ MiB\/h to 90% of RAM/ }] },
    { name: 'climbs spanning exactly 10 min (601 samples): a sawtooth', files: saw(3, 601, 7300), findings: [{ ...SAW, evidence: at('tegrastats.log', 1, 601, 602, 1202) }] },
    { name: 'a rise spanning exactly 60 min (3601 samples) is fitted', files: rise(3601), findings: [{ messageId: 'leak', severity: 'warning', evidence: at('tegrastats.log', 1, 3601), tags: ['leak'], signatures: ['memavailable-downtrend'], verdict: /grows 60 MiB\/h over 60 min/ }] },
  ],
});

describe('memory-leak boundaries that leave the rule unable to judge (never "passed")', () => {
  const outcome = (files: Record<string, string>) => runRules([ruleById('memory-leak')], snapshotFromFiles(files)).outcomes[0];
  it('a rise spanning 59 min 59 s is not evaluated', () => {
    expect(outcome(rise(3600))).toMatchObject({ status: 'not-evaluated', detail: expect.stringMatching(/spans 59.9 min; the leak fit needs at least 60 min/) });
  });
  it('climbs to 89.99% of RAM (6857 MB) are no sawtooth', () => {
    expect(outcome(saw(3, 1200, 6857))).toMatchObject({ status: 'not-evaluated', detail: expect.stringMatching(/spans 19.9 min/) });
  });
  it('climbs spanning 9 min 59 s are no sawtooth', () => {
    expect(outcome(saw(3, 600, 7300))).toMatchObject({ status: 'not-evaluated', detail: expect.stringMatching(/spans 9.9 min/) });
  });
});

// ---- dmabuf-buffers: growth of at least 64 MiB (minGrowthMiB) and 20 % (minGrowthShare) across
// periodic captures; buffers holding 40 % of RAM or more (largeShareOfRam). 8 MiB nvmap buffers.
const growBuffers = (from: number, to: number) => ({ 'dma_buf_bufinfo.log': bufinfoSeries(4, (i) => from + Math.round((i * (to - from)) / 3)) });
const oneCapture = (n: number) => ({ 'sys/kernel/debug/dma_buf/bufinfo': bufinfoSeries(1, () => n).replace(/^[^\n]*\n\n/, ''), 'proc/meminfo': meminfo() });
const GROW = { messageId: 'growing', severity: 'error' as const, tags: ['leak', 'dmabuf-leak'], signatures: [] };
covers('dmabuf-buffers', 'minGrowthMiB', 'minGrowthShare', 'largeShareOfRam');
describeRule('dmabuf-buffers', {
  valid: [
    { name: '10 to 17 buffers (56 MiB growth)', files: growBuffers(10, 17) },
    { name: '50 to 59 buffers (72 MiB, 18%)', files: growBuffers(50, 59) },
  ],
  invalid: [
    { name: '10 to 18 buffers (64 MiB growth)', files: growBuffers(10, 18), findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 56, 304), verdict: /from 10 \(80 MiB\) to 18 \(144 MiB\)/ }] },
    { name: '50 to 60 buffers (80 MiB, 20%)', files: growBuffers(50, 60), findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 256, 1124) }] },
    { name: '372 buffers, 2976 MiB: under 40% of RAM', files: oneCapture(372), findings: [{ messageId: 'holders', severity: 'info', evidence: at('sys/kernel/debug/dma_buf/bufinfo', 3, 8, 13), tags: [], signatures: [] }] },
    { name: '373 buffers, 2984 MiB: 40% of RAM', files: oneCapture(373), findings: [{ messageId: 'large', severity: 'warning', evidence: at('sys/kernel/debug/dma_buf/bufinfo', 3, 8, 13), tags: ['memory-pressure'], signatures: [], verdict: /^DMA-BUF buffers hold 2984 MiB, 40% of RAM, in 373 buffer/ }] },
  ],
});

// ---- nvmap-clients: a process growing by 128 MiB (minGrowthMiB) and 20 % (minGrowthShare);
// one process holding 40 % of RAM (largeShareOfRam). Sizes in K, four captures.
const nvGrow = (fromK: number, toK: number) => ({ 'nvmap-clients.log': nvmapSeries([0, 1, 2, 3].map((i) => fromK + Math.round((i * (toK - fromK)) / 3))), 'proc/meminfo': meminfo() });
const nvOne = (k: number) => ({ 'sys/kernel/debug/nvmap/iovmm/clients': `CLIENT                        PROCESS      PID        SIZE\nuser                          python3     2210  ${String(k).padStart(10)}K\ntotal                                            ${k}K\n`, 'proc/meminfo': meminfo() });
const NVGROW = { messageId: 'growing', severity: 'error' as const, tags: ['leak', 'process:python3'], signatures: [] };
covers('nvmap-clients', 'minGrowthMiB', 'minGrowthShare', 'largeShareOfRam');
describeRule('nvmap-clients', {
  valid: [
    { name: 'python3 512 MiB to 640 MiB less 1 K', files: nvGrow(524288, 655359) },
    { name: 'python3 1000 MiB to 1200 MiB less 1 K (20% less 1 K)', files: nvGrow(1024000, 1228799) },
  ],
  invalid: [
    { name: 'python3 grows by 128 MiB', files: nvGrow(524288, 655360), findings: [{ ...NVGROW, evidence: at('nvmap-clients.log', 4, 19) }] },
    { name: 'python3 grows by 20% (1000 to 1200 MiB)', files: nvGrow(1024000, 1228800), findings: [{ ...NVGROW, evidence: at('nvmap-clients.log', 4, 19), verdict: /from 1000 MiB to 1200 MiB/ }] },
    { name: 'python3 holds 3053414 K: under 40% of RAM', files: nvOne(3053414), findings: [{ messageId: 'holders', severity: 'info', evidence: at('sys/kernel/debug/nvmap/iovmm/clients', 2), tags: ['process:python3'], signatures: [] }] },
    { name: 'python3 holds 3053415 K: 40% of RAM', files: nvOne(3053415), findings: [{ messageId: 'large', severity: 'warning', evidence: at('sys/kernel/debug/nvmap/iovmm/clients', 2), tags: ['memory-pressure', 'process:python3'], signatures: [] }] },
  ],
});

// ---- usb-reconnect-loop: four disconnects of one port make a loop (three do not), each within
// maxGapSeconds 60 of the previous (61 s ends the burst). Boot lines 1-6, then one disconnect and
// one re-enumeration per cycle; the evidence ends at the last disconnect.
const usbCycles = (gaps: number[]) => {
  const lines: [number, string][] = [...BOOT_DMESG];
  let t = 100;
  [0, ...gaps].forEach((g, k) => {
    t += g;
    lines.push([t, `usb 1-3: USB disconnect, device number ${k + 4}`], [t + 1, `usb 1-3: new high-speed USB device number ${k + 5} using tegra-xusb`]);
  });
  return { dmesg: dmesg(lines) };
};
const USB_LOOP = { messageId: 'loop', severity: 'warning' as const, evidence: at('dmesg', 7, 8, 9, 10, 11, 12, 13), tags: ['signature:usb-reconnect-loop'], signatures: [] };
covers('usb-reconnect-loop', 'minDisconnects', 'maxGapSeconds');
describeRule('usb-reconnect-loop', {
  valid: [
    { name: 'three disconnects 10 s apart: one under minDisconnects', files: usbCycles([10, 10]) },
    { name: 'four disconnects, the last 61 s after the third: the burst ends', files: usbCycles([10, 10, 61]) },
  ],
  invalid: [
    { name: 'four disconnects 10 s apart: a loop', files: usbCycles([10, 10, 10]), findings: [{ ...USB_LOOP, verdict: /port 1-3 dropped off the bus 4 time\(s\) in 30 s/ }] },
    { name: 'four disconnects, the last exactly 60 s after the third: still one burst', files: usbCycles([10, 10, 60]), findings: [{ ...USB_LOOP, verdict: /4 time\(s\) in 80 s/ }] },
  ],
});

describe('threshold coverage', () => {
  // Thresholds whose boundary is tested elsewhere, with where.
  const ELSEWHERE: Record<string, string[]> = {
    'ram-size': ['shortfallPct', 'nominalFloorPct'], // ram-size.test.ts
    'buddy-trend': ['highOrder', 'minFirstBlocks', 'lostShare'], // buddy-trend.test.ts
  };
  it.each(BUILTIN_RULES.map((r) => [r.meta.id, Object.keys(r.meta.thresholds)] as const))('%s: every threshold has boundary cases', (id, names) => {
    const tested = new Set([...(COVERED[id] ?? []), ...(ELSEWHERE[id] ?? [])]);
    expect(names.filter((n) => !tested.has(n))).toEqual([]);
  });
});

// ---- cma failure judgement: free CMA exactly the request (it would fit: fragmentation) against
// one page short (the pool is too small). Real r36 failure line (catalogue example) with a
// 24 MiB request, two hours after boot; CmaTotal 768 MiB.
const cmaFailure = (freeKb: number) => ({
  // Otherwise healthy memory, so no other cause competes.
  'proc/meminfo': meminfo({ MemFree: 4200000, MemAvailable: 5600000, SwapFree: 3816752, Cached: 1400000, CmaTotal: 786432, CmaFree: freeKb }),
  dmesg: dmesg([...BOOT_DMESG, [7200.5, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
});
const FAIL = { messageId: 'failures', severity: 'error' as const, evidence: [...at('dmesg', 7), ...at('proc/meminfo', 44, 43)], signatures: ['cma-alloc-failed'] };
describeRule('cma', {
  valid: [{ name: 'CmaFree 200 MiB, no failure', files: cmaFree(204800) }],
  invalid: [
    {
      name: 'CmaFree exactly the 24 MiB request: it would fit, fragmentation',
      files: cmaFailure(24576),
      findings: [{ ...FAIL, tags: ['cma-failure', 'cma-fragmented'], verdict: /fragmentation or pinned pages: CmaFree 24 MiB would hold the 24 MiB request/ }, { messageId: 'low', severity: 'warning', evidence: CMA_EV, tags: ['cma-low'], signatures: ['meminfo-memavailable-low'] }],
    },
    {
      name: 'CmaFree one page short of the request: too small',
      files: cmaFailure(24572),
      findings: [{ ...FAIL, tags: ['cma-failure', 'cma-too-small'], verdict: /the pool is too small: CmaFree 24 MiB is smaller than the 24 MiB request/ }, { messageId: 'belowBuffer', severity: 'error', evidence: CMA_EV, tags: ['cma-low'], signatures: ['meminfo-memavailable-low'] }],
    },
  ],
});

describe('free CMA about the request size: the ranked causes flip at one page', () => {
  const rank = (freeKb: number) => analyzeSnapshot(snapshotFromFiles(cmaFailure(freeKb))).hypotheses.map((h) => [h.id, h.confidence]);
  it('exactly the request: fragmentation first', () => {
    expect(rank(24576)).toEqual([['cma-fragmentation', 0.55], ['cma-too-small', 0.25]]);
  });
  it('one page short: too small first', () => {
    expect(rank(24572)).toEqual([['cma-too-small', 0.7], ['cma-fragmentation', 0.1]]);
  });
});

describe('two causes with equal support from a real bundle: a tie, broken and explained', () => {
  // Over the throttle trip with the GPU clock falling (thermal 45 % + 25 %), and a real burst of
  // memory-cgroup kills while the device itself is not short (container limit 55 % + 15 %).
  const files = {
    ...ORIN_NANO_IDENTITY,
    'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 70, gpuLoad: 99, gpuMHz: 1020 } : { tempC: 99.5, gpuLoad: 99, gpuMHz: 612 })),
    'var/log/kern.log': realLog('oom-docker-1001-memcg-burst.log'),
  };
  it('ranks both at 70 % and says why one is first', () => {
    const h = analyzeSnapshot(snapshotFromFiles(files)).hypotheses;
    expect(h.map((x) => [x.id, x.confidence])).toEqual([['container-memory-limit', 0.7], ['thermal-throttling', 0.7], ['memory-overcommit', 0.2]]);
    expect(h[0]!.tieBreak).toMatch(/ranked above "Thermal throttling behind slow inference" \(also 70%\): \d+ evidence lines, against \d+/);
    expect(h[1]!.tieBreak).toMatch(/ranked below "Container memory limit reached" \(also 70%\)/);
  });
});
