/**
 * Small derived values of the collector's inputs that rules and reports both read: computed
 * one way, here, instead of once per reader.
 */
// @ts-nocheck

// 

import type { DmaBufCapture, VmstatCapture } from '../snapshot/types.js';

/** A vmstat counter; kernels that split it per zone (allocstall_normal, allocstall_movable) are summed. */
export function vmstatCounter(c: Pick<VmstatCapture, 'values'>, base: string): number | undefined {
  if (c.values[base] !== undefined) return c.values[base];
  const parts = Object.entries(c.values).filter(([k]) => k.startsWith(`${base}_`));
  return parts.length ? parts.reduce((a, [, v]) => a + v, 0) : undefined;
}

/** Bytes held in DMA-BUFs in one capture: the kernel's total line, else the sum of the objects. */
export function dmaBufBytes(c: DmaBufCapture): number {
  return c.total?.bytes ?? c.objects.reduce((a, o) => a + o.sizeBytes, 0);
}
