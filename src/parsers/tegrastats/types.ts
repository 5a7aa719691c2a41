/**
 * tegrastats: a log of samples as typed columns, split into segments. Part of the snapshot
 * contract (re-exported by src/snapshot/types.ts).
 */
import type { SeriesSegment } from '../common/series-segments.js';

export type { SegmentBreak, SegmentBreakReason, SeriesSegment } from '../common/series-segments.js';

/** A numeric column; NaN where the sample has no value. Serialised as an array with nulls. */
export type Column = Float32Array | Float64Array;

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
