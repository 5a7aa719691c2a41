/** `ls /sys/kernel/iommu_groups/<n>/devices`: which devices share an IOMMU group (SMMU context). */
export interface IommuGroup {
  id: number;
  line: number;
  devices: { name: string; line: number; target?: string }[];
}

export interface IommuGroups {
  file: string;
  groups: IommuGroup[];
}
