/**
 * Reads the memory state the kernel printed with an OOM report or allocation failure
 * (`dmesg.memoryReports`): watermarks, free blocks per order, free CMA. Only a request that
 * cannot use CMA (not movable) starves when free memory is CMA alone: an ordinary movable
 * OOM with little free_cma is CMA holding user pages, which is normal.
 */
// @ts-nocheck

// 

import type { ShowMemBuddy, ShowMemReport } from '../../snapshot/types.js';
import type { Figure } from '../types.js';
import type { Tag } from '../tags.js';
import { gfpMovable } from './oom-episodes.js';
import { largestFreeBlockFigure } from '../../util/format.js';

export interface MemoryState {
  notes: string[];
  figures: Figure[];
  tags: Tag[];
  /** A zone whose free memory outside CMA was below min while the request could not use CMA. */
  unusableCma?: { zone: string; freeKB: number; freeCmaKB: number; minKB: number };
}

/** Largest free block (kB) outside CMA pageblocks; a size listed without types counts as usable. */
export function largestNonCmaBlockKB(buddy: ShowMemBuddy[]): number {
  let best = 0;
  for (const b of buddy) for (const x of b.blocks) if (x.count > 0 && (!x.types || x.types !== 'C') && x.sizeKB > best) best = x.sizeKB;
  return best;
}

/** Largest free block (kB) that lies in CMA pageblocks (`(C)` in the free lists). */
export function largestCmaBlockKB(buddy: ShowMemBuddy[]): number {
  let best = 0;
  for (const b of buddy) for (const x of b.blocks) if (x.count > 0 && x.types?.includes('C') && x.sizeKB > best) best = x.sizeKB;
  return best;
}

export function memoryAtFailure(
  m: ShowMemReport | undefined,
  request: Record<string, string | undefined> | undefined,
  fragmentationOrder: number,
): MemoryState {
  const out: MemoryState = { notes: [], figures: [], tags: [] };
  if (!m) return out;
  const movable = gfpMovable(request?.gfp_flags, request?.gfp_mask);
  const order = request?.order !== undefined ? Number(request.order) : undefined;
  for (const z of m.zones) {
    out.figures.push({ label: `${z.zone} free / min at the failure`, value: `${z.freeKB} / ${z.minKB}`, unit: 'kB' });
    if (z.freeCmaKB !== undefined) out.figures.push({ label: `${z.zone} free_cma at the failure`, value: z.freeCmaKB, unit: 'kB' });
    const outsideCma = z.freeKB - (z.freeCmaKB ?? 0);
    if (z.freeCmaKB !== undefined && z.freeCmaKB > 0 && outsideCma < z.minKB && movable === false && !out.unusableCma) {
      out.unusableCma = { zone: z.zone, freeKB: z.freeKB, freeCmaKB: z.freeCmaKB, minKB: z.minKB };
      out.notes.push(`zone ${z.zone} had ${z.freeKB} kB free but ${z.freeCmaKB} kB of it was CMA, which this non-movable request cannot use (outside CMA: ${outsideCma} kB, below min ${z.minKB} kB)`);
      out.tags.push('cma-unusable-free', 'cma-trap');
    } else if (z.freeKB < z.minKB) {
      out.notes.push(`zone ${z.zone} was below its min watermark (free ${z.freeKB} kB, min ${z.minKB} kB)`);
      if (!out.tags.includes('memory-pressure')) out.tags.push('memory-pressure');
    }
  }
  const reservedKB = m.cmaReservedPages !== undefined ? m.cmaReservedPages * 4 : undefined;
  const freeCmaKB = m.zones.reduce((a, z) => a + (z.freeCmaKB ?? 0), 0);
  const lowCma = m.zones.some((z) => z.freeCmaKB !== undefined) && (reservedKB ? freeCmaKB < reservedKB / 10 : freeCmaKB < 8192);
  if (lowCma && !out.unusableCma) out.tags.push('cma-low-at-oom');
  if (m.buddy.length) {
    const nonCma = largestNonCmaBlockKB(m.buddy);
    out.figures.push(largestFreeBlockFigure('show-mem', nonCma * 1024, 'at the failure'));
    const needKB = order !== undefined && order > 0 ? 4 * 2 ** order : 0;
    const freeKB = m.buddy.reduce((a, b) => a + b.totalKB, 0);
    if (needKB && nonCma < needKB && order! >= fragmentationOrder && freeKB >= 4 * needKB) {
      out.notes.push(`no free block of ${needKB} kB (order ${order}) outside CMA although ${freeKB} kB was free: memory was fragmented`);
      out.tags.push('fragmentation');
    } else if (needKB && nonCma < needKB && freeKB >= 4 * needKB) {
      out.notes.push(`a higher-order request (order ${order}) found no free block that large outside CMA`);
    }
  }
  return out;
}
