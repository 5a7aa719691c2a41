// @ts-nocheck
// 
import type { Evidence } from '../types.js';
import { defineRule } from '../define.js';
import type { Vmstat, VmstatCapture } from '../../snapshot/types.js';
import { formatDuration } from '../stats.js';
import { vmstatCounter } from '../../facts/field-inputs.js';

const total = vmstatCounter;

/**
 * The counter's /proc/vmstat line, or the lines of its per-zone parts (allocstall_dma,
 * allocstall_normal, …) that are not zero. /proc/vmstat prints exactly "name value", so
 * each quote is the file's line.
 */
function ev(v: Vmstat, c: VmstatCapture, key: string): Evidence[] {
  const own = c.lines[key];
  if (own !== undefined) return [{ file: v.file, line: own, text: `${key} ${c.values[key]}` }];
  const parts = Object.keys(c.lines).filter((k) => k.startsWith(`${key}_`));
  const nonZero = parts.filter((k) => c.values[k] !== 0);
  return (nonZero.length ? nonZero : parts.slice(0, 1)).map((k) => ({ file: v.file, line: c.lines[k]!, text: `${k} ${c.values[k]}` }));
}

/**
 * What the counters did: during the capture when it was periodic (last minus first),
 * otherwise since boot.
 */
function window(v: Vmstat, uptime?: number): { first?: VmstatCapture; last: VmstatCapture; seconds?: number; label: string } {
  const last = v.captures[v.captures.length - 1]!;
  if (v.captures.length > 1) {
    const first = v.captures[0]!;
    const seconds = first.epoch !== undefined && last.epoch !== undefined ? last.epoch - first.epoch : undefined;
    return { first, last, seconds, label: seconds !== undefined ? `during the ${formatDuration(seconds)} of capture` : `across ${v.captures.length} captures` };
  }
  return { last, seconds: uptime, label: uptime !== undefined ? `in ${formatDuration(uptime)} since boot` : 'since boot' };
}

/** /proc/vmstat: direct compaction and reclaim, migration and CMA allocation counters. */
export const vmstatCompaction = defineRule({
  meta: {
    id: 'vmstat-compaction',
    title: 'Compaction, reclaim and CMA counters (/proc/vmstat)',
    category: 'memory',
    docs: {
      description: 'Reads compact_stall/compact_fail/compact_success, allocstall*, pgmigrate_fail and cma_alloc_success/cma_alloc_fail from /proc/vmstat: over the capture window when captured periodically, else since boot (per hour of uptime).',
      why: 'Each compaction stall is an allocation that found no free block of its order and had to move pages first; when most stalls fail, memory is fragmented and contiguous buffers (camera, GPU, DMA) fail next. Allocation stalls are direct reclaim: the caller waited for memory. cma_alloc_fail counts CMA allocations that failed even where dmesg has wrapped.',
      seed: 'seed §6 (buddy allocator, compaction), §7-8 (CMA), §20 step 2, §21 CMA Exhaustion',
    },
    requires: ['vmstat'],
    uses: ['identity'],
    thresholds: { minStalls: 100, failShare: 0.5, minAllocStalls: 1000, minMigrateFail: 10000 },
    messages: {
      compactionFailing: '{{fails}} of {{stalls}} direct compaction attempts failed ({{failPct}}%) {{window}}: memory is too fragmented for higher-order allocations.',
      cmaFailed: '{{fails}} CMA allocation(s) failed {{window}} ({{successes}} succeeded): contiguous buffers could not be placed.',
      reclaimStalls: 'Allocations stalled in direct reclaim {{count}} times {{window}}: processes waited for memory to be freed.',
      migrateFailing: '{{fails}} page migrations failed {{window}} ({{failPct}}% of attempts): pinned or unmovable pages block compaction and CMA.',
    },
    remedy: [
      'Pre-allocate camera/GPU buffer pools at startup and keep them; avoid allocate/free cycles of large buffers.',
      'Trigger compaction during quiet periods (echo 1 > /proc/sys/vm/compact_memory) and watch compact_fail.',
      'Enlarge CMA (cma= on the kernel command line) when CMA allocations fail with CmaFree low.',
    ],
    references: ['Linux kernel documentation: Documentation/admin-guide/sysctl/vm.rst (compaction)', 'Linux kernel documentation: Documentation/mm/page_migration.rst'],
    signatures: ['cma-alloc-failed'],
  },
  check({ snapshot, thresholds, report }) {
    const v = snapshot.vmstat!;
    if (!v.captures.length) return;
    const w = window(v, snapshot.identity?.uptimeSeconds?.value);
    const delta = (key: string) => {
      const b = total(w.last, key);
      if (b === undefined) return undefined;
      const a = w.first ? total(w.first, key) : 0;
      return a === undefined ? undefined : Math.max(0, b - a);
    };
    const perHour = (n: number) => (w.seconds && w.seconds > 0 ? { label: 'per hour', value: Math.round((n / w.seconds) * 3600) } : null);
    const figs = (...xs: ({ label: string; value: number | string; unit?: string } | null)[]) => xs.filter((x): x is { label: string; value: number | string } => x !== null);

    const stalls = delta('compact_stall');
    const cfail = delta('compact_fail');
    if (stalls !== undefined && cfail !== undefined && stalls >= thresholds.minStalls! && cfail / stalls >= thresholds.failShare!) {
      const failPct = Math.round((cfail / stalls) * 100);
      report({
        messageId: 'compactionFailing', signatures: [],
        severity: failPct >= 80 ? 'error' : 'warning',
        confidence: w.first ? 0.8 : 0.65,
        data: { fails: cfail, stalls, failPct, window: w.label },
        figures: figs({ label: 'compaction stalls', value: stalls }, { label: 'failed', value: cfail }, { label: 'succeeded', value: delta('compact_success') ?? 'not counted' }, perHour(stalls)),
        evidence: [...ev(v, w.last, 'compact_stall'), ...ev(v, w.last, 'compact_fail')],
        tags: ['fragmentation', ...(w.first ? (['fragmentation-trend'] as const) : [])],
      });
    }
    const cmaFail = delta('cma_alloc_fail');
    if (cmaFail !== undefined && cmaFail > 0) {
      report({
        messageId: 'cmaFailed', signatures: ['cma-alloc-failed'],
        severity: 'error',
        confidence: 0.9,
        data: { fails: cmaFail, successes: delta('cma_alloc_success') ?? 'an unknown number', window: w.label },
        figures: figs({ label: 'CMA allocations failed', value: cmaFail }, { label: 'succeeded', value: delta('cma_alloc_success') ?? 'not counted' }),
        evidence: ev(v, w.last, 'cma_alloc_fail'),
        tags: ['cma-failure'],
      });
    }
    const allocstall = delta('allocstall');
    if (allocstall !== undefined && allocstall >= thresholds.minAllocStalls!) {
      report({
        messageId: 'reclaimStalls', signatures: [],
        severity: 'warning',
        confidence: 0.6,
        data: { count: allocstall, window: w.label },
        figures: figs({ label: 'allocation stalls', value: allocstall }, perHour(allocstall), { label: 'pages scanned directly', value: delta('pgscan_direct') ?? 'not counted' }),
        evidence: ev(v, w.last, 'allocstall'),
        tags: ['memory-pressure'],
      });
    }
    const mfail = delta('pgmigrate_fail');
    const mok = delta('pgmigrate_success');
    if (mfail !== undefined && mfail >= thresholds.minMigrateFail! && mok !== undefined && mfail / (mfail + mok) >= 0.01) {
      report({
        messageId: 'migrateFailing', signatures: [],
        severity: 'info',
        confidence: 0.5,
        data: { fails: mfail, failPct: Math.round((mfail / (mfail + mok)) * 1000) / 10, window: w.label },
        figures: figs({ label: 'migrations failed', value: mfail }, { label: 'succeeded', value: mok }),
        evidence: ev(v, w.last, 'pgmigrate_fail'),
        tags: ['fragmentation'],
      });
    }
  },
});
