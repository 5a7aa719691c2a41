/**
 * The snapshot contract: what parsers fill and rules read. One optional field per source;
 * a field is absent when its file was not in the bundle. Every value can be traced to the
 * file and line it came from. Bump SCHEMA_VERSION on any incompatible change and keep
 * schema/snapshot.schema.json in step (a test checks real output against it).
 */
// @ts-nocheck

// 

import type { Diagnostic } from './diagnostics.js';
import type { Provenance } from './provenance.js';
import type { BundleInventory } from '../bundle/inventory.js';
import type { Vmstat } from '../parsers/vmstat/types.js';
import type { DmaBufInfo } from '../parsers/dma-buf/types.js';
import type { IommuGroups } from '../parsers/iommu-groups/types.js';
import type { NvmapClients } from '../parsers/nvmap-clients/types.js';
import type { ThermalTrips } from '../parsers/thermal-trips/types.js';

export type * from '../parsers/vmstat/types.js';
export type * from '../parsers/dma-buf/types.js';
export type * from '../parsers/iommu-groups/types.js';
export type * from '../parsers/nvmap-clients/types.js';
export type * from '../parsers/thermal-trips/types.js';

export const SCHEMA_VERSION = 1;

export interface Snapshot {
  schemaVersion: number;
  generator: { name: string; version: string };
  bundle: BundleInventory;
  identity?: Identity;
  meminfo?: Meminfo;
  buddyinfo?: Buddyinfo;
  zoneinfo?: Zoneinfo;
  iomem?: Iomem;
  pagetypeinfo?: Pagetypeinfo;
  dmesg?: Dmesg;
  tegrastats?: Tegrastats;
  vmstat?: Vmstat;
  dmaBuf?: DmaBufInfo;
  iommuGroups?: IommuGroups;
  nvmapClients?: NvmapClients;
  thermalTrips?: ThermalTrips;
  diagnostics: Diagnostic[];
}

/** Names of the snapshot parts that come from bundle files (rules declare which they need). */
export type SnapshotPart =
  | 'identity'
  | 'meminfo'
  | 'buddyinfo'
  | 'zoneinfo'
  | 'iomem'
  | 'pagetypeinfo'
  | 'dmesg'
  | 'tegrastats'
  | 'vmstat'
  | 'dmaBuf'
  | 'iommuGroups'
  | 'nvmapClients'
  | 'thermalTrips';

// ---------------------------------------------------------------- identity

export interface Sourced<T> {
  value: T;
  source: Provenance;
}

export interface L4tRelease {
  major: number;
  minor: number;
  patch: number;
  /** e.g. "36.4.3" */
  version: string;
  /** BSP family tag (`t186ref`, `t210ref`, `generic`): not the board. */
  board?: string;
  buildDate?: string;
  raw: string;
}

export interface ThermalZoneReading {
  zone: string;
  type?: string;
  tempC?: number;
  source: Provenance;
  /** The temp file's line the reading came from, verbatim (evidence). */
  tempLine?: { file: string; line: number; text: string };
}

export interface Identity {
  l4t?: Sourced<L4tRelease>;
  model?: Sourced<string>;
  compatible?: Sourced<string[]>;
  /** Device-tree source file name (`/proc/device-tree/nvidia,dtsfilename` or the boot log). */
  dtsFilename?: Sourced<string>;
  /** `uname -r` style kernel release, from uname output or the dmesg banner. */
  kernelRelease?: Sourced<string>;
  hostname?: Sourced<string>;
  /** The module's serial number (`/proc/device-tree/serial-number`): a device's stable id. */
  serialNumber?: Sourced<string>;
  /** `/etc/machine-id`: stable per installation (a re-flash gives a new one). */
  machineId?: Sourced<string>;
  cmdline?: Sourced<{ raw: string; params: Record<string, string | true> }>;
  uptimeSeconds?: Sourced<number>;
  thermalZones?: ThermalZoneReading[];
  manifest?: Sourced<{ deviceId?: string; captureTime?: string; fields: Record<string, unknown> }>;
}

// ---------------------------------------------------------------- meminfo

/** The fields rules use most; every other key of the file is kept too. */
export const MEMINFO_KEYS = [
  'MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'SwapTotal', 'SwapFree', 'CmaTotal', 'CmaFree',
  'Slab', 'SReclaimable', 'SUnreclaim', 'Mapped', 'Shmem', 'AnonPages', 'HugePages_Total', 'HugePages_Free',
  'Hugepagesize', 'NvMapMemUsed', 'NvMapMemFree',
] as const;
export type MeminfoKey = (typeof MEMINFO_KEYS)[number];

export interface MeminfoCapture {
  /** Line of the first field of this capture. */
  line: number;
  /** Wall-clock stamp written between captures by a periodic logger, when present. */
  time?: string;
  /** That stamp in seconds since the epoch, when it could be read. */
  epoch?: number;
  /** Every field; `kB` values converted to bytes, unit-less values (HugePages_*) as counts. */
  values: Partial<Record<MeminfoKey, number>> & Record<string, number>;
  /** Line of each field, for evidence. */
  lines: Record<string, number>;
  /** Verbatim text of the lines evidence cites (MemTotal, MemFree, MemAvailable, Swap*, Cma*, commit): key -> line. */
  text?: Record<string, string>;
}

export interface Meminfo {
  file: string;
  captures: MeminfoCapture[];
}

// ---------------------------------------------------------------- buddyinfo

export interface BuddyZone {
  node: number;
  zone: string;
  line: number;
  /** Free block count per order (order 0 first). */
  counts: number[];
  freeBytesPerOrder: number[];
  totalFreeBytes: number;
  /** Highest order with a free block, -1 when the zone has none. */
  largestOrder: number;
  largestBlockBytes: number;
  /**
   * Per order k: share of free memory (0..1) held in blocks smaller than order k, i.e. unusable
   * for an allocation of order k (the "unusable free space index").
   */
  unusableIndex: number[];
  /** The line verbatim, for evidence: kept for the first and the last capture only. */
  text?: string;
}

export interface BuddyinfoCapture {
  line: number;
  time?: string;
  epoch?: number;
  zones: BuddyZone[];
}

export interface Buddyinfo {
  file: string;
  pageSize: number;
  captures: BuddyinfoCapture[];
}

// ---------------------------------------------------------------- zoneinfo

export interface ZoneinfoZone {
  node: number;
  zone: string;
  line: number;
  /** Pages. Absent when the kernel does not print the key. */
  free?: number;
  min?: number;
  low?: number;
  high?: number;
  spanned?: number;
  present?: number;
  managed?: number;
  nrFreeCma?: number;
  protection?: number[];
  /** Every `key value` line of the stanza (zone part). */
  values: Record<string, number>;
  /** Line of each value, for evidence. */
  lines: Record<string, number>;
  /** Per-cpu pageset counters. */
  pagesets: { cpu: number; values: Record<string, number> }[];
  /** Verbatim text of the lines evidence cites: `header` (the `Node N, zone NAME` line), pages free, min, low, high, managed, nr_free_cma. */
  text?: Record<string, string>;
}

export interface ZoneinfoNode {
  node: number;
  line: number;
  /** `per-node stats` block of kernels >= 4.8. */
  stats: Record<string, number>;
}

export interface Zoneinfo {
  file: string;
  zones: ZoneinfoZone[];
  nodes: ZoneinfoNode[];
}

// ---------------------------------------------------------------- iomem

export type IomemKind = 'system-ram' | 'reserved' | 'cma' | 'kernel' | 'carveout' | 'device';

export interface IomemRegion {
  /** Hex without 0x, exactly as printed (64-bit safe). */
  start: string;
  end: string;
  sizeBytes: number;
  name: string;
  depth: number;
  line: number;
  kind: IomemKind;
  children: IomemRegion[];
}

export interface Iomem {
  file: string;
  regions: IomemRegion[];
  /** All addresses zero: the capture was made without root and hides the layout. */
  addressesHidden: boolean;
  totals: Record<IomemKind, number>;
}

// ---------------------------------------------------------------- pagetypeinfo

export interface PagetypeRow {
  node: number;
  zone: string;
  type: string;
  counts: number[];
  line: number;
  /** The row's line as printed (trailing blanks dropped): what evidence quotes. */
  text: string;
}

export interface Pagetypeinfo {
  file: string;
  pageblockOrder?: number;
  free: PagetypeRow[];
  /** Pageblocks per migrate type per zone. */
  blocks: { node: number; zone: string; counts: Record<string, number>; line: number }[];
}

// ---------------------------------------------------------------- dmesg

export type DmesgFormat =
  | 'dmesg'
  | 'dmesg-T'
  | 'dmesg-raw'
  | 'dmesg-x'
  | 'syslog'
  | 'journal-short'
  | 'journal-iso'
  | 'plain'
  | 'serial-console';

export interface DmesgRecord {
  line: number;
  /** Seconds since boot, when printed. */
  monotonic?: number;
  /** Wall clock as printed (syslog/journal/`dmesg -T`). */
  wallClock?: string;
  /** printk level 0..7 when known. */
  level?: number;
  facility?: string;
  /** Syslog identifier for journal/syslog captures (`kernel` for kernel lines). */
  ident?: string;
  /** Driver or subsystem prefix, e.g. `arm-smmu`, `nvgpu`, `cma`. */
  subsystem?: string;
  /** Device name after the driver, e.g. `12000000.iommu`. */
  device?: string;
  message: string;
  /**
   * The line's text before the message (time stamp, level, host and ident) exactly as
   * printed: prefix + message is the verbatim line that evidence quotes.
   */
  prefix?: string;
  /** Index of the boot segment (a reboot inside the log starts a new one). */
  boot: number;
  /** Index of the head record when this line continues a multi-line report. */
  groupHead?: number;
}

export interface DmesgGroup {
  kind: 'oom' | 'oops' | 'warning' | 'page-alloc-failure' | 'hung-task' | 'stack' | 'continuation';
  head: number;
  last: number;
}

/**
 * What a kernel log file is to the analysis: this boot's log, a previous boot's (journal
 * `-b -1`, `dmesg.0`, rotated `kern.log.1`, the collector's previous-boot folder), a pstore
 * record of the boot that crashed, or a serial-console capture.
 */
export type KernelLogRole = 'current' | 'previous' | 'pstore' | 'serial-console';

export interface DmesgBoot {
  index: number;
  firstRecord: number;
  line: number;
  kernelVersion?: string;
  /** The file this boot's records come from (set when the bundle has several kernel logs). */
  file?: string;
  role?: KernelLogRole;
  /** Boots before the newest one read (0 = the current boot). */
  bootsAgo?: number;
  /**
   * The same boot was read from another file: the boot index kept in full. This segment then
   * holds only the lines the other file lacks (e.g. a pstore console's last lines).
   */
  sameBootAs?: number;
}

/** One kernel log file of the bundle and what became of it. */
export interface KernelLogSource {
  file: string;
  role: KernelLogRole;
  format: DmesgFormat;
  /** Kernel lines read from it (before dropping a boot another file held). */
  records: number;
  skippedLines: number;
  startsMidBoot: boolean;
  /** Boot indexes (into `Dmesg.boots`) its lines went to. */
  boots: number[];
  /** Boots it held that another file already supplied: "same boot, also in …". */
  duplicateOf?: string[];
}

/** One zone line of a show-mem block: `Normal free:22104kB min:… low:… high:… free_cma:…`. */
export interface ShowMemZone {
  node?: number;
  zone: string;
  line: number;
  freeKB: number;
  minKB: number;
  lowKB: number;
  highKB: number;
  freeCmaKB?: number;
  managedKB?: number;
}

/** One free-list line of a show-mem block: `Normal: 12*4kB (UME) … = N kB`. */
export interface ShowMemBuddy {
  node?: number;
  zone: string;
  line: number;
  /** Free blocks per size; `types` are the migrate types with blocks of that size (C = CMA). */
  blocks: { sizeKB: number; count: number; types?: string }[];
  totalKB: number;
}

/** The memory state the kernel printed at an OOM or allocation failure (show_mem). */
export interface ShowMemReport {
  /** Line and record of the block's first line (`Mem-Info:` or its first zone line). */
  line: number;
  /** The kernel log file the block is in (`line` numbers are that file's). */
  file?: string;
  record: number;
  boot: number;
  monotonic?: number;
  wallClock?: string;
  /** What printed it: an OOM report, a page allocation failure, or unknown (excerpt). */
  trigger: 'oom' | 'page-alloc-failure' | 'other';
  /** Record of the `invoked oom-killer` / `page allocation failure` line it belongs to. */
  headRecord?: number;
  /** Global counters, in pages. */
  freePages?: number;
  freeCmaPages?: number;
  zones: ShowMemZone[];
  buddy: ShowMemBuddy[];
  ramPages?: number;
  reservedPages?: number;
  cmaReservedPages?: number;
}

export interface Dmesg {
  file: string;
  format: DmesgFormat;
  records: DmesgRecord[];
  groups: DmesgGroup[];
  boots: DmesgBoot[];
  /** The log does not start at boot (ring buffer wrapped or excerpt). */
  startsMidBoot: boolean;
  /** Lines that were not kernel messages (bootloader, prompts, user-space journal lines). */
  skippedLines: number;
  /** Show-mem blocks (memory state at each OOM / allocation failure), in log order. */
  memoryReports?: ShowMemReport[];
  /** User-space lines of a syslog/journal capture (ident not `kernel`), kept apart from the kernel records. */
  userspace?: DmesgRecord[];
  /**
   * Every kernel log read, when there were several: records of all of them are in `records`,
   * boot by boot in time order (earlier boots first); `boots[i].file` says where each boot's
   * lines are. `file`, `format`, `startsMidBoot` and `skippedLines` describe the current boot's file.
   */
  sources?: KernelLogSource[];
}

// ---------------------------------------------------------------- tegrastats

/** A numeric column; NaN where the sample has no value. Serialised as an array with nulls. */
export type Column = Float64Array;

export type { SegmentBreak, SegmentBreakReason, SeriesSegment } from '../parsers/common/series-segments.js';
import type { SeriesSegment } from '../parsers/common/series-segments.js';

export interface Tegrastats {
  file: string;
  samples: number;
  /** Seconds since the first sample. */
  t: Column;
  /** Line of each sample. */
  line: Uint32Array;
  timeSource: 'timestamps' | 'interval';
  /** The usual step between samples (median of the steps when timestamped; gaps do not stretch it). */
  intervalSeconds: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  /** Epoch seconds (UTC) of t = 0, when the log has timestamps. */
  startEpoch?: number;
  /**
   * The stretches of the log one run of the device spans, split at gaps, clocks going back,
   * a restarted logger, and used RAM falling (an OOM kill, a restart, a reboot). Fits and
   * trends run per segment. At least one segment when there are samples.
   */
  segments: SeriesSegment[];
  /**
   * Verbatim text of the few lines evidence may quote (line number -> text): the first and
   * last sample of each segment and the samples holding each segment's extremes. Other
   * lines are not kept (a week-long log has 600k of them).
   */
  quoted: Record<number, string>;
  ramUsedMB: Column;
  ramTotalMB: Column;
  lfbCount: Column;
  lfbBlockKB: Column;
  swapUsedMB: Column;
  swapTotalMB: Column;
  swapCachedMB: Column;
  iramUsedKB: Column;
  iramTotalKB: Column;
  cpuCores: number;
  /** Per core: load % (NaN when the core is off). */
  cpuLoad: Column[];
  cpuFreqMHz: Column[];
  emcLoad: Column;
  emcFreqMHz: Column;
  gr3dLoad: Column;
  /** Highest GPC frequency when the GPU reports several. */
  gr3dFreqMHz: Column;
  /** Engines (NVENC, NVDEC, VIC, APE, NVDLA0...): frequency in MHz, NaN when off. */
  engineFreqMHz: Record<string, Column>;
  engineLoad: Record<string, Column>;
  /** Temperatures by sensor label as printed; placeholders (-256C) are NaN and counted below. */
  tempC: Record<string, Column>;
  offlineSensorSamples: Record<string, number>;
  /** Power rails by name (duplicates get #2, #3): current and average mW. */
  railCurrentMW: Record<string, Column>;
  railAverageMW: Record<string, Column>;
  /** Fields the grammar does not know, kept by name with their count of occurrences. */
  unknownFields: Record<string, { count: number; example: string; line: number }>;
}
