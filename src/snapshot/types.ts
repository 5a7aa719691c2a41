/**
 * The snapshot contract: what parsers fill and rules read. One optional field per source;
 * a field is absent when its file was not in the bundle. Every value can be traced to the
 * file and line it came from. Bump SCHEMA_VERSION on any incompatible change and keep
 * schema/snapshot.schema.json in step (a test checks real output against it).
 */
import type { Diagnostic } from './diagnostics.js';
import type { BundleInventory } from '../bundle/inventory.js';
import type { Vmstat } from '../parsers/vmstat/types.js';
import type { DmaBufInfo } from '../parsers/dma-buf/types.js';
import type { IommuGroups } from '../parsers/iommu-groups/types.js';
import type { NvmapClients } from '../parsers/nvmap-clients/types.js';
import type { ThermalTrips } from '../parsers/thermal-trips/types.js';
import type { Identity } from '../parsers/identity/types.js';
import type { Meminfo } from '../parsers/meminfo/types.js';
import type { Buddyinfo } from '../parsers/buddyinfo/types.js';
import type { Zoneinfo } from '../parsers/zoneinfo/types.js';
import type { Iomem } from '../parsers/iomem/types.js';
import type { Pagetypeinfo } from '../parsers/pagetypeinfo/types.js';
import type { Dmesg } from '../parsers/dmesg/types.js';
import type { Tegrastats } from '../parsers/tegrastats/types.js';

export type * from '../parsers/vmstat/types.js';
export type * from '../parsers/dma-buf/types.js';
export type * from '../parsers/iommu-groups/types.js';
export type * from '../parsers/nvmap-clients/types.js';
export type * from '../parsers/thermal-trips/types.js';
export type * from '../parsers/identity/types.js';
export type * from '../parsers/meminfo/types.js';
export type * from '../parsers/buddyinfo/types.js';
export type * from '../parsers/zoneinfo/types.js';
export type * from '../parsers/iomem/types.js';
export type * from '../parsers/pagetypeinfo/types.js';
export type * from '../parsers/dmesg/types.js';
export type * from '../parsers/tegrastats/types.js';
export { MEMINFO_KEYS } from '../parsers/meminfo/types.js';

export const SCHEMA_VERSION = 1;

export interface Snapshot {
  schemaVersion: number;
  generator: { name: string; version: string };
  bundle: BundleInventory;
  identity?: Identity;
  meminfo?: Meminfo;
  buddyinfo?: Buddyinfo;
  zoneinfo?: Zoneinfo;
  iomem?: Iomem;
  pagetypeinfo?: Pagetypeinfo;
  dmesg?: Dmesg;
  tegrastats?: Tegrastats;
  vmstat?: Vmstat;
  dmaBuf?: DmaBufInfo;
  iommuGroups?: IommuGroups;
  nvmapClients?: NvmapClients;
  thermalTrips?: ThermalTrips;
  diagnostics: Diagnostic[];
}

/** Names of the snapshot parts that come from bundle files (rules declare which they need). */
export type SnapshotPart =
  | 'identity'
  | 'meminfo'
  | 'buddyinfo'
  | 'zoneinfo'
  | 'iomem'
  | 'pagetypeinfo'
  | 'dmesg'
  | 'tegrastats'
  | 'vmstat'
  | 'dmaBuf'
  | 'iommuGroups'
  | 'nvmapClients'
  | 'thermalTrips';
