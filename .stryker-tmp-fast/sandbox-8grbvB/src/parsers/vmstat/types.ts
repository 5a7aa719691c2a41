// @ts-nocheck
import type { TimedCapture } from '../common/series.js';

/** The counters rules read; every other line of the file is kept too. */
export const VMSTAT_KEYS = [
  'compact_stall', 'compact_fail', 'compact_success', 'allocstall', 'allocstall_dma', 'allocstall_dma32',
  'allocstall_normal', 'allocstall_movable', 'pgmigrate_success', 'pgmigrate_fail', 'cma_alloc_success',
  'cma_alloc_fail', 'nr_free_cma', 'oom_kill', 'pgscan_direct', 'pgsteal_direct',
] as const;

export interface VmstatCapture extends TimedCapture {
  /** Every `name value` line; counters are cumulative since boot. */
  values: Record<string, number>;
  lines: Record<string, number>;
}

/** /proc/vmstat, one capture or a periodic series. */
export interface Vmstat {
  file: string;
  captures: VmstatCapture[];
}
