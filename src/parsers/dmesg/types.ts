/**
 * Kernel logs: records, multi-line groups, boot segments, the files they came from and the
 * show-mem blocks printed at OOMs and allocation failures. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
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
