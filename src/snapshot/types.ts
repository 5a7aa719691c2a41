/**
 * The snapshot contract: what parsers fill and rules read. One optional field per source;
 * a field is absent when its file was not in the bundle. Every value can be traced to the
 * file and line it came from. Bump SCHEMA_VERSION on any incompatible change and keep
 * schema/snapshot.schema.json in step (a test checks real output against it).
 */
import type { Diagnostic } from './diagnostics.js';
import type { BundleInventory } from '../bundle/inventory.js';
import type { Vmstat } from '../parsers/vmstat/types.js';
import type { DmaBufInfo } from '../parsers/dma-buf/types.js';
import type { IommuGroups } from '../parsers/iommu-groups/types.js';
import type { NvmapClients } from '../parsers/nvmap-clients/types.js';
import type { ThermalTrips } from '../parsers/thermal-trips/types.js';
import type { Identity } from '../parsers/identity/types.js';
import type { Meminfo } from '../parsers/meminfo/types.js';
import type { Buddyinfo } from '../parsers/buddyinfo/types.js';
import type { Zoneinfo } from '../parsers/zoneinfo/types.js';
import type { Iomem } from '../parsers/iomem/types.js';
import type { Pagetypeinfo } from '../parsers/pagetypeinfo/types.js';
import type { Dmesg } from '../parsers/dmesg/types.js';

export type * from '../parsers/vmstat/types.js';
export type * from '../parsers/dma-buf/types.js';
export type * from '../parsers/iommu-groups/types.js';
export type * from '../parsers/nvmap-clients/types.js';
export type * from '../parsers/thermal-trips/types.js';
export type * from '../parsers/identity/types.js';
export type * from '../parsers/meminfo/types.js';
export type * from '../parsers/buddyinfo/types.js';
export type * from '../parsers/zoneinfo/types.js';
export type * from '../parsers/iomem/types.js';
export type * from '../parsers/pagetypeinfo/types.js';
export type * from '../parsers/dmesg/types.js';
export { MEMINFO_KEYS } from '../parsers/meminfo/types.js';

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

// ---------------------------------------------------------------- tegrastats

/** A numeric column; NaN where the sample has no value. Serialised as an array with nulls. */
export type Column = Float32Array | Float64Array;

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
