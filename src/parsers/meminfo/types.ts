/**
 * /proc/meminfo: one capture or a periodic series. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
