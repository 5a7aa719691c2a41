/**
 * /proc/iomem: the physical memory map as a tree of regions. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
