/**
 * /proc/buddyinfo: free blocks per order per zone, one capture or a series. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
