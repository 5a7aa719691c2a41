/**
 * The closed vocabulary of finding tags. Rules tag their findings with facts the root causes
 * correlate on; a cause pack may only name tags listed here. Built-in rules are typed against
 * `Tag` (an unknown tag does not compile); declarative packs are checked at load (`isTag`).
 * A new tag is one line here with its meaning, plus the rule that emits it; then
 * `npm run build && node scripts/sync-tag-schemas.mjs` copies the list into the JSON Schemas.
 */

/** Plain tags and what a finding carrying one asserts. */
export const TAG_MEANINGS = {
  // Memory and OOM
  'memory-pressure': 'Memory is short: MemAvailable low, a zone below its watermark, swap in use or allocations stalling.',
  leak: 'Used memory grows steadily over time (a fitted slope over the tegrastats log).',
  'leak-sawtooth': 'Used memory climbed to exhaustion and dropped suddenly (a kill or restart) more than once: grow, OOM, restart, grow.',
  'dmabuf-leak': 'DMA-BUF buffers and bytes grow from capture to capture (buffers created and not closed).',
  oom: 'The OOM killer ran: a kill, a victim the reaper could not reap, or a panic on OOM.',
  'oom-memcg': 'An OOM kill came from a memory-cgroup (container) limit, not from the device running out of memory.',
  'alloc-failure': 'A page allocation failed ("page allocation failure: order:N").',
  carveouts: 'MemTotal is below what the identified board normally shows: carve-outs or a different SKU.',
  fragmentation: 'Memory is free but not in large blocks (buddy free lists, tegrastats largest free block, CMA free lists).',
  'fragmentation-trend': 'Large free blocks shrink from capture to capture.',
  bandwidth: 'The memory controller (EMC) is saturated for long stretches.',
  // CMA
  'cma-failure': 'A contiguous (CMA) allocation failed, or the CMA reservation failed at boot.',
  'cma-busy': 'alloc_contig_range found pages busy inside CMA: pinned or unmovable pages block contiguous ranges.',
  'cma-fragmented': 'Free CMA would fit the failing request, or free CMA is mostly in small blocks.',
  'cma-too-small': 'The CMA pool is smaller than the failing request, or than a camera workload needs.',
  'cma-low': 'CmaFree is low against CmaTotal or below the largest buffer the workload allocates.',
  'cma-trap': 'Free memory is mostly CMA: free pages outside CMA are below the zone min watermark.',
  'cma-unusable-free': 'An allocation failed while free memory was CMA alone and the request could not use CMA (unmovable).',
  'cma-low-at-oom': 'An OOM report showed little free CMA; normal when CMA holds movable user pages, not a CMA failure by itself.',
  'cma-config': 'The cma= boot parameter and the CmaTotal the kernel reports disagree.',
  'cma-reserved': 'The boot log shows the CMA reservation (size and place).',
  'cma-failure-at-boot': 'Every contiguous (CMA) allocation failure came within 30 minutes of boot, before allocate/free cycles could fragment the pool.',
  // SMMU and memory controller
  'smmu-fault': 'A device accessed an IOVA its SMMU/IOMMU does not map (context, global or v3 event), or the memory controller reported a bad access.',
  smmu: 'The SMMU itself misbehaved (TLB sync timeout).',
  'smmu-near-camera': 'SMMU faults occurred close in time to camera capture errors.',
  'smmu-near-gpu': 'SMMU faults occurred close in time to GPU errors.',
  'smmu-pcie': 'An SMMU fault names a PCIe controller stream (AFI, PCIE*): a PCIe endpoint did the bad DMA through its own driver\'s mappings.',
  'smmu-usb': 'An SMMU or memory-controller fault names a USB controller (XUSB): the xHCI or device controller did the bad DMA to its own rings or transfer buffers.',
  'mc-error': 'The Tegra memory controller reported an access error (decode error, SMMU fault, security violation).',
  // GPU and camera
  gpu: 'The GPU driver (nvgpu/nvrm) reported an error: channel timeout, error notifier, init failure, Xid.',
  'gpu-fault': 'A GPU engine faulted on an invalid GPU virtual address (GPU MMU fault).',
  'gpu-alloc-failure': 'A GPU/nvmap buffer allocation from user space failed.',
  'camera-error': 'The camera stack reported capture errors or timeouts (RTCPU, VI, Argus).',
  // Thermal and power
  thermal: 'A temperature is at or near a trip point, or a thermal event was logged.',
  'thermal-throttling': 'The SoC was at or over its throttle trip: clocks are being capped.',
  'throttling-clocks': 'Clocks fell while the SoC was hot and the load stayed up.',
  'thermal-shutdown': 'A temperature reached the shutdown trip (the device powered off or will).',
  power: 'Over-current or under-voltage protection acted (soctherm OC, PMIC events, OC throttle).',
  'over-current': 'soctherm over-current alarms were raised.',
  // Crashes and storage
  reboot: 'The kernel panicked or oopsed, or the device shut down: it rebooted or hung.',
  lockup: 'A soft/hard lockup, RCU stall or hung task: the kernel stopped making progress.',
  'watchdog-reset': 'A hardware watchdog reset the SoC (Tegra PMC reset source): the system stopped responding before it rebooted.',
  storage: 'The storage device (SD card, eMMC, NVMe) reported I/O errors, timeouts or filesystem corruption.',
} as const satisfies Record<string, string>;

/** Tags with a parameter (`kind:value`) and what the value names. */
export const PARAM_TAG_MEANINGS = {
  process: 'A process the finding names, e.g. the OOM victim: process:python3.',
  device: 'A device the finding names, e.g. the SMMU that faulted: device:8000000.iommu.',
  signature: 'The catalogue signature a declarative finding comes from: signature:mmc-timeout.',
} as const satisfies Record<string, string>;

export type PlainTag = keyof typeof TAG_MEANINGS;
export type TagKind = keyof typeof PARAM_TAG_MEANINGS;
export type ParamTag = `${TagKind}:${string}`;
export type Tag = PlainTag | ParamTag;

export const PLAIN_TAGS = Object.keys(TAG_MEANINGS) as PlainTag[];
export const TAG_KINDS = Object.keys(PARAM_TAG_MEANINGS) as TagKind[];

/** A parameterised tag, e.g. `paramTag('process', 'python3')`. */
export function paramTag<K extends TagKind>(kind: K, value: string): `${K}:${string}` {
  return `${kind}:${value}`;
}

export function isTag(s: string): s is Tag {
  if (Object.hasOwn(TAG_MEANINGS, s)) return true;
  const colon = s.indexOf(':');
  return colon > 0 && colon < s.length - 1 && Object.hasOwn(PARAM_TAG_MEANINGS, s.slice(0, colon));
}

/** The plain tag, or the kind of a parameterised one (`process:python3` -> `process`). */
export function tagKey(t: Tag): PlainTag | TagKind {
  const colon = t.indexOf(':');
  return (colon > 0 ? t.slice(0, colon) : t) as PlainTag | TagKind;
}

/** The value of a parameterised tag of the given kind, or undefined. */
export function tagValue(t: string, kind: TagKind): string | undefined {
  return t.startsWith(`${kind}:`) ? t.slice(kind.length + 1) : undefined;
}

/** The meaning of a tag, for `jetdiag rules` and reports. */
export function tagMeaning(t: Tag): string {
  const key = tagKey(t);
  return (TAG_MEANINGS as Record<string, string>)[key] ?? (PARAM_TAG_MEANINGS as Record<string, string>)[key]!;
}
