/**
 * The memory state at an OOM or allocation failure (src/rules/builtin/show-mem.ts), each
 * decision at its boundary. The zone and free-list figures are those of the real show-mem
 * block of raspberrypi/linux#3872 (test/rules/data/oom-rpi-3872-showmem.log) with one value
 * moved; the requests are real oom-invoked headers' gfp masks (issue #14, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { largestCmaBlockKB, largestNonCmaBlockKB, memoryAtFailure } from '../../src/rules/builtin/show-mem.js';
import { gfpMovable } from '../../src/rules/builtin/oom-episodes.js';
import type { ShowMemBuddy, ShowMemReport, ShowMemZone } from '../../src/snapshot/types.js';

const zone = (z: Partial<ShowMemZone> = {}): ShowMemZone => ({ zone: 'DMA', line: 2, freeKB: 519112, minKB: 10428, lowKB: 11228, highKB: 12028, freeCmaKB: 513592, managedKB: 663836, ...z });
const buddy = (blocks: ShowMemBuddy['blocks'], totalKB = blocks.reduce((a, b) => a + b.sizeKB * b.count, 0)): ShowMemBuddy => ({ zone: 'DMA', line: 3, blocks, totalKB });
const report = (zones: ShowMemZone[], buddies: ShowMemBuddy[] = [], cmaReservedPages?: number): ShowMemReport =>
  ({ line: 1, record: 0, boot: 0, trigger: 'oom', zones, buddy: buddies, cmaReservedPages }) as ShowMemReport;
const KERNEL = { gfp_mask: '0x7080c0', gfp_flags: 'GFP_KERNEL_ACCOUNT|__GFP_ZERO', order: '1' };
const MOVABLE = { gfp_mask: '0x24201ca', gfp_flags: 'GFP_HIGHUSER_MOVABLE|__GFP_COLD', order: '0' };

describe('gfpMovable', () => {
  it('flag names first, else the mask bit 0x08, else unknown', () => {
    expect(gfpMovable('GFP_HIGHUSER_MOVABLE', '0xd0')).toBe(true);
    expect(gfpMovable('GFP_KERNEL', '0x24201ca')).toBe(false);
    expect(gfpMovable(undefined, '0x08')).toBe(true);
    expect(gfpMovable(undefined, '0x24201ca')).toBe(true);
    expect(gfpMovable(undefined, '0xd0')).toBe(false);
    expect(gfpMovable(undefined, '0x07')).toBe(false);
    expect(gfpMovable('', '0x08')).toBe(true);
    expect(gfpMovable(undefined, undefined)).toBeUndefined();
  });
});

describe('largest free blocks', () => {
  const b = [buddy([{ sizeKB: 4, count: 10, types: 'UME' }, { sizeKB: 128, count: 1, types: 'M' }, { sizeKB: 256, count: 0, types: 'M' }, { sizeKB: 512, count: 2, types: 'C' }, { sizeKB: 1024, count: 1, types: 'MC' }])];
  it('outside CMA: counted blocks not only in CMA; untyped sizes count as usable', () => {
    expect(largestNonCmaBlockKB(b)).toBe(1024);
    expect(largestNonCmaBlockKB([buddy([{ sizeKB: 128, count: 1, types: 'M' }, { sizeKB: 512, count: 2, types: 'C' }])])).toBe(128);
    expect(largestNonCmaBlockKB([buddy([{ sizeKB: 64, count: 3 }])])).toBe(64);
    expect(largestNonCmaBlockKB([buddy([{ sizeKB: 64, count: 0 }])])).toBe(0);
    expect(largestNonCmaBlockKB([])).toBe(0);
  });
  it('in CMA: blocks whose types include C', () => {
    expect(largestCmaBlockKB(b)).toBe(1024);
    expect(largestCmaBlockKB([buddy([{ sizeKB: 512, count: 2, types: 'C' }, { sizeKB: 1024, count: 0, types: 'C' }, { sizeKB: 2048, count: 1, types: 'M' }])])).toBe(512);
    expect(largestCmaBlockKB([buddy([{ sizeKB: 64, count: 3 }])])).toBe(0);
  });
});

describe('memoryAtFailure', () => {
  it('no report: nothing', () => {
    expect(memoryAtFailure(undefined, KERNEL, 3)).toEqual({ notes: [], figures: [], tags: [] });
  });

  it('figures per zone: free / min, and free_cma only when printed', () => {
    const s = memoryAtFailure(report([zone(), zone({ zone: 'Normal', freeCmaKB: undefined, freeKB: 90000, minKB: 4000 })]), MOVABLE, 3);
    expect(s.figures).toEqual([
      { label: 'DMA free / min at the failure', value: '519112 / 10428', unit: 'kB' },
      { label: 'DMA free_cma at the failure', value: 513592, unit: 'kB' },
      { label: 'Normal free / min at the failure', value: '90000 / 4000', unit: 'kB' },
    ]);
    expect(s.notes).toEqual([]);
  });

  it('the CMA trap at its boundary: free outside CMA just under min, at min', () => {
    // outside CMA = freeKB - freeCmaKB: 10427 is under min 10428, 10428 is not.
    const under = memoryAtFailure(report([zone({ freeKB: 513592 + 10427 })]), KERNEL, 3);
    expect(under.unusableCma).toEqual({ zone: 'DMA', freeKB: 524019, freeCmaKB: 513592, minKB: 10428 });
    expect(under.tags).toEqual(['cma-unusable-free', 'cma-trap']);
    const at = memoryAtFailure(report([zone({ freeKB: 513592 + 10428 })]), KERNEL, 3);
    expect(at.unusableCma).toBeUndefined();
    expect(at.tags).toEqual([]);
    expect(at.notes).toEqual([]);
  });

  it('no trap without free CMA, for a movable request, or when movability is unknown', () => {
    expect(memoryAtFailure(report([zone({ freeCmaKB: 0, freeKB: 5000 })]), KERNEL, 3).unusableCma).toBeUndefined();
    expect(memoryAtFailure(report([zone()]), MOVABLE, 3).unusableCma).toBeUndefined();
    expect(memoryAtFailure(report([zone()]), undefined, 3).unusableCma).toBeUndefined();
    expect(memoryAtFailure(report([zone()]), { order: '0' }, 3).unusableCma).toBeUndefined();
  });

  it('only the first trapped zone is named', () => {
    const s = memoryAtFailure(report([zone(), zone({ zone: 'DMA32' })]), KERNEL, 3);
    expect(s.unusableCma?.zone).toBe('DMA');
    expect(s.notes.length).toBe(1);
    expect(s.tags).toEqual(['cma-unusable-free', 'cma-trap']);
  });

  it('a zone below min without the trap: memory pressure, tagged once', () => {
    const z = (name: string, freeKB: number) => zone({ zone: name, freeKB, minKB: 4000, freeCmaKB: undefined });
    const s = memoryAtFailure(report([z('DMA', 3999), z('Normal', 3000), z('HighMem', 4000)]), MOVABLE, 3);
    expect(s.notes).toEqual([
      'zone DMA was below its min watermark (free 3999 kB, min 4000 kB)',
      'zone Normal was below its min watermark (free 3000 kB, min 4000 kB)',
    ]);
    expect(s.tags).toEqual(['memory-pressure']);
  });

  it('little free CMA at the OOM: under a tenth of the reservation, or under 8 MiB without one', () => {
    const reserved = 131072; // pages: 524288 kB, a tenth is 52428.8 kB
    const movable = (freeCmaKB: number, pages?: number) => memoryAtFailure(report([zone({ freeCmaKB, freeKB: freeCmaKB + 200000 })], [], pages), MOVABLE, 3).tags;
    expect(movable(52428, reserved)).toEqual(['cma-low-at-oom']);
    expect(movable(52429, reserved)).toEqual([]);
    expect(movable(8191)).toEqual(['cma-low-at-oom']);
    expect(movable(8192)).toEqual([]);
    expect(movable(8191, 0)).toEqual(['cma-low-at-oom']);
    // Free CMA summed over the zones.
    const two = memoryAtFailure(report([zone({ freeCmaKB: 5000, freeKB: 300000 }), zone({ zone: 'Normal', freeCmaKB: 5000, freeKB: 300000 })]), MOVABLE, 3);
    expect(two.tags).toEqual([]);
    // No zone printed free_cma: nothing said about CMA.
    expect(memoryAtFailure(report([zone({ freeCmaKB: undefined, freeKB: 300000 })]), MOVABLE, 3).tags).toEqual([]);
    // The trap already says it: not tagged twice.
    expect(memoryAtFailure(report([zone({ freeCmaKB: 100, freeKB: 5000 })]), KERNEL, 3).tags).toEqual(['cma-unusable-free', 'cma-trap']);
  });

  describe('free lists: a high-order request with no block that large outside CMA', () => {
    // Order 3 needs 32 kB; the largest non-CMA block is 16 kB.
    const lists = (totalKB: number) => [buddy([{ sizeKB: 4, count: 50, types: 'UME' }, { sizeKB: 16, count: 2, types: 'M' }, { sizeKB: 4096, count: 30, types: 'C' }], totalKB)];
    const at = (order: string, totalKB: number, fragOrder = 3) => memoryAtFailure(report([zone({ freeCmaKB: undefined, freeKB: 300000 })], lists(totalKB)), { gfp_mask: '0xd0', gfp_flags: 'GFP_KERNEL', order }, fragOrder);

    it('the largest block outside CMA is a figure', () => {
      expect(at('3', 128).figures.at(-1)).toEqual({ label: 'largest free block outside CMA (kernel memory report), at the failure', value: 16, unit: 'KiB' });
    });

    it('at the fragmentation order with four times the need free: fragmentation', () => {
      const s = at('3', 128);
      expect(s.notes).toEqual(['no free block of 32 kB (order 3) outside CMA although 128 kB was free: memory was fragmented']);
      expect(s.tags).toEqual(['fragmentation']);
    });

    it('just under four times the need free: not called fragmentation', () => {
      const s = at('3', 127);
      expect(s.notes).toEqual([]);
      expect(s.tags).toEqual([]);
    });

    it('under the fragmentation order: only noted', () => {
      const s = at('3', 128, 4);
      expect(s.notes).toEqual(['a higher-order request (order 3) found no free block that large outside CMA']);
      expect(s.tags).toEqual([]);
      expect(at('3', 127, 4).notes).toEqual([]);
    });

    it('a block as large as the need outside CMA, or an order-0 request: nothing', () => {
      expect(at('2', 10000).notes).toEqual([]);
      expect(at('0', 10000).notes).toEqual([]);
      expect(memoryAtFailure(report([zone({ freeCmaKB: undefined, freeKB: 300000 })], lists(10000)), { gfp_mask: '0xd0' }, 3).notes).toEqual([]);
    });
  });
});
