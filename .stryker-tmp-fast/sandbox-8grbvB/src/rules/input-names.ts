/** What each snapshot part is called where users see it: the file they would add to the bundle. */
// @ts-nocheck

import type { SnapshotPart } from '../snapshot/types.js';

export const INPUT_NAMES: Record<SnapshotPart, string> = {
  identity: 'device identity files (/etc/nv_tegra_release, /proc/device-tree/model)',
  meminfo: '/proc/meminfo',
  buddyinfo: '/proc/buddyinfo',
  zoneinfo: '/proc/zoneinfo',
  iomem: '/proc/iomem',
  pagetypeinfo: '/proc/pagetypeinfo',
  dmesg: 'kernel log (dmesg)',
  tegrastats: 'tegrastats log',
  vmstat: '/proc/vmstat',
  dmaBuf: '/sys/kernel/debug/dma_buf/bufinfo',
  iommuGroups: '/sys/kernel/iommu_groups listing',
  nvmapClients: '/sys/kernel/debug/nvmap/iovmm/clients',
  thermalTrips: 'thermal trip points (/sys/class/thermal/thermal_zone*/trip_point_*)',
};

export function inputName(p: SnapshotPart): string {
  return INPUT_NAMES[p];
}
