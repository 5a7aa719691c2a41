/** `ls /sys/kernel/iommu_groups/<n>/devices`: which devices share an IOMMU group (SMMU context). */
// @ts-nocheck

// 

export interface IommuGroup {
  id: number;
  line: number;
  /** `text` is the listing line that names the device, as printed (what evidence quotes). */
  devices: { name: string; line: number; target?: string; text: string }[];
}

export interface IommuGroups {
  file: string;
  groups: IommuGroup[];
}
