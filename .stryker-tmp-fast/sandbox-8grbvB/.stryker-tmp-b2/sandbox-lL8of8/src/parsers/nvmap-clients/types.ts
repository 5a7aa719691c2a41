// @ts-nocheck
// 
import type { TimedCapture } from '../common/series.js';

/** One row of /sys/kernel/debug/nvmap/iovmm/clients: NVMM memory a process holds. */
export interface NvmapClient {
  line: number;
  /** nvmap client kind (`user`, `kernel`). */
  client: string;
  process: string;
  pid?: number;
  sizeBytes: number;
  /** The row's line as printed (trailing blanks dropped): what evidence quotes. */
  text: string;
}

export interface NvmapClientsCapture extends TimedCapture {
  clients: NvmapClient[];
  /** The `total` row, when present. */
  total?: { bytes: number; line: number };
}

export interface NvmapClients {
  file: string;
  captures: NvmapClientsCapture[];
}
