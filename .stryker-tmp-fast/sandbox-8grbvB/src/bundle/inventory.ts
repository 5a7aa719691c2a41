/** What the bundle held and what each file was used for: the report's "what was read" table. */
// @ts-nocheck

export type InputKind =
  | 'meminfo'
  | 'buddyinfo'
  | 'zoneinfo'
  | 'iomem'
  | 'pagetypeinfo'
  | 'dmesg'
  | 'tegrastats'
  | 'nv-tegra-release'
  | 'dt-model'
  | 'dt-compatible'
  | 'dt-dtsfilename'
  | 'dt-serial-number'
  | 'machine-id'
  | 'uname'
  | 'cmdline'
  | 'uptime'
  | 'hostname'
  | 'thermal-type'
  | 'thermal-temp'
  | 'vmstat'
  | 'dma-buf'
  | 'iommu-groups'
  | 'nvmap-clients'
  | 'thermal-trips'
  | 'manifest'
  | 'nvidia-bug-report';

export type BundleLayout = 'flat' | 'sosreport' | 'nvidia-bug-report' | 'single-file';

export interface InventoryEntry {
  path: string;
  size: number;
  /** What the file was read as; absent when it fed nothing. */
  kind?: InputKind;
  /** How the kind was decided. */
  recognisedBy?: 'name' | 'content' | 'section';
  /** Why the file fed nothing (unrecognised, duplicate, not text, ignored link...). */
  unusedReason?: string;
  /** The file was cut short (by the collector or by a size limit). */
  truncated?: boolean;
  /** What the file was to the analysis when that is more than its kind (a previous boot's kernel log, a boot also read from another file). */
  note?: string;
}

export interface BundleProblem {
  severity: 'error' | 'warning' | 'info';
  code: string;
  file?: string;
  message: string;
}

export interface BundleInventory {
  source: string;
  layout: BundleLayout;
  /** Nested archives and the layout marker's folder, when any. */
  root?: string;
  entries: InventoryEntry[];
  problems: BundleProblem[];
  totalBytes: number;
}
