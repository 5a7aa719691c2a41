/**
 * /proc/pagetypeinfo: free blocks and pageblocks per migrate type. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
