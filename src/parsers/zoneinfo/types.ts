/**
 * /proc/zoneinfo: per-zone watermarks, counters and per-node stats. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
