/**
 * The catalogue ids of real failure signatures: the fleet's grouping key. Every finding lists
 * the ids it rests on (`Finding.signatures`). 49 catalogue entries; `kernel-panic / kernel-oops`
 * is one entry with two ids, so 50 ids. A typo in a rule's id list fails to compile.
 */
// @ts-nocheck

// 

export const CATALOGUE_IDS = [
  // memory
  'page-alloc-stall', 'show-mem-zone', 'meminfo-memavailable-low', 'memavailable-downtrend', 'nvmap-userspace-alloc-failed',
  // fragmentation
  'page-alloc-failure', 'show-mem-buddy', 'buddyinfo-high-orders-empty', 'tegrastats-ram-lfb',
  // cma
  'cma-alloc-failed', 'alloc-contig-range-busy', 'cma-reserved',
  // oom
  'oom-invoked', 'oom-kill-victim', 'oom-kill-summary', 'oom-task-table', 'oom-reaper', 'oom-panic',
  // smmu / memory controller
  'arm-smmu-context-fault', 'arm-smmu-global-fault', 'arm-smmu-tlb-sync-timeout', 'arm-smmu-v3-event', 'tegra-mc-error',
  // thermal
  'thermal-critical-shutdown', 'soctherm-trip-config', 'tegrastats-temps-clocks',
  // power
  'soctherm-oc-alarm', 'oc-throttle-notification', 'pmic-event-recorder',
  // gpu
  'nvgpu-dma-alloc-failed', 'nvgpu-mmu-fault', 'nvgpu-channel-timeout', 'nvgpu-error-notifier', 'nvgpu-init-failed', 'nvrm-xid',
  // camera
  'camrtc-capture-timeout', 'camrtc-corr-err', 'vi-syncpt-timeout', 'argus-scf-error',
  // storage
  'ext4-fs-error', 'block-io-error', 'mmc-timeout',
  // other
  'hung-task', 'soft-lockup', 'rcu-stall', 'kernel-panic', 'kernel-oops', 'cbb-fabric-error', 'pcie-aer', 'nvmap-no-tag-warning',
] as const;

export type CatalogueId = (typeof CATALOGUE_IDS)[number];

const KNOWN = new Set<string>(CATALOGUE_IDS);
export const isCatalogueId = (id: string): id is CatalogueId => KNOWN.has(id);

/** Each catalogue id with the rules whose findings cite it (`jetdiag rules` lists them all). */
export function catalogueCoverage(rules: { meta: { id: string; signatures?: readonly string[] } }[]): { id: string; rules: string[] }[] {
  return CATALOGUE_IDS.map((id) => ({ id, rules: rules.filter((r) => r.meta.signatures?.includes(id)).map((r) => r.meta.id) }));
}

/**
 * Signature ids that are not catalogue ids: jetdiag's own (marked `"catalogue": false` in its
 * packs) and those of a user's packs, with the pack that defines each. Listed apart from the
 * catalogue's stable documented set.
 */
export function ownSignatureIds(signatures: { id: string; pack: string; title: string }[]): { id: string; pack: string; title: string }[] {
  return signatures.filter((s) => !isCatalogueId(s.id)).map((s) => ({ id: s.id, pack: s.pack, title: s.title }));
}
