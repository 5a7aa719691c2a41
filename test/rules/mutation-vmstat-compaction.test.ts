/**
 * vmstat-compaction beyond its thresholds (issue #14, mutation testing): the 80 % line between
 * a warning and an error, one capture against a periodic one (window words, confidence, the
 * trend tag, per-hour rates), a counter that went back, per-zone counters quoted by their
 * non-zero lines, and the 1 % share of failed migrations. Counter names and layout as
 * /proc/vmstat prints them; periodic captures as the collector writes them.
 */
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';

const stamp = (i: number) => `2026-11-24T10:${String(i * 10).padStart(2, '0')}:00Z`;
const V = (text: string) => ({ 'proc/vmstat': text });
const FRAG = { messageId: 'compactionFailing', tags: ['fragmentation'], signatures: [] };

describeRule(
  'vmstat-compaction',
  {
    valid: [
      { name: 'an empty capture', files: V('nr_free_pages 120000\n') },
      { name: 'CMA failures counted since boot only before the capture: a counter that went back is no failure', files: V(`${stamp(0)}\ncma_alloc_fail 30\n${stamp(1)}\ncma_alloc_fail 5\n`) },
      { name: 'migrations failing just under 1 % of attempts', files: V('pgmigrate_success 990001\npgmigrate_fail 10000\n') },
      { name: 'migrations failing without a success count', files: V('pgmigrate_fail 50000\n') },
      { name: '999 reclaim stalls over the zones', files: V('allocstall_dma 0\nallocstall_normal 599\nallocstall_movable 400\n') },
      { name: 'no CMA failure during the capture', files: V(`${stamp(0)}\ncma_alloc_fail 3\n${stamp(1)}\ncma_alloc_fail 3\n`) },
    ],
    invalid: [
      {
        name: '80 % of compactions failing since boot: an error',
        files: V('compact_stall 100\ncompact_fail 80\ncompact_success 20\n'),
        findings: [{ ...FRAG, severity: 'error', evidence: at('proc/vmstat', 1, 2), verdict: /^80 of 100 direct compaction attempts failed \(80%\) since boot: memory is too fragmented/, figures: { 'compaction stalls': 100, failed: 80, succeeded: 20 } }],
      },
      {
        name: '79 % failing, 2 h since boot: a warning with a rate per hour',
        files: { ...V('compact_stall 100\ncompact_fail 79\n'), 'proc/uptime': '7200.00 1.00\n' },
        findings: [{ ...FRAG, severity: 'warning', evidence: at('proc/vmstat', 1, 2), verdict: /^79 of 100 direct compaction attempts failed \(79%\) in 2 h since boot:/, figures: { succeeded: 'not counted', 'per hour': 50 } }],
      },
      {
        name: 'periodic captures with stamps: counted over the 10 min of capture',
        files: V(`${stamp(0)}\ncompact_stall 1000\ncompact_fail 500\ncma_alloc_fail 3\n${stamp(1)}\ncompact_stall 1200\ncompact_fail 660\ncma_alloc_fail 5\n`),
        findings: [
          { ...FRAG, tags: ['fragmentation', 'fragmentation-trend'], severity: 'error', evidence: at('proc/vmstat', 6, 7), verdict: /^160 of 200 direct compaction attempts failed \(80%\) during the 10 min of capture:/, figures: { 'compaction stalls': 200, failed: 160, 'per hour': 1200 } },
          { messageId: 'cmaFailed', severity: 'error', evidence: at('proc/vmstat', 8), tags: ['cma-failure'], signatures: ['cma-alloc-failed'], verdict: /^2 CMA allocation\(s\) failed during the 10 min of capture \(an unknown number succeeded\)/, figures: { 'CMA allocations failed': 2, succeeded: 'not counted' } },
        ],
      },
      {
        name: 'periodic captures without stamps: counted across the captures, reclaim stalls over the zones',
        files: V('compact_stall 1000\ncompact_fail 500\nallocstall_dma 0\nallocstall_normal 10\n\ncompact_stall 1200\ncompact_fail 660\nallocstall_dma 0\nallocstall_normal 1010\n'),
        findings: [
          { ...FRAG, tags: ['fragmentation', 'fragmentation-trend'], severity: 'error', evidence: at('proc/vmstat', 6, 7), verdict: /across 2 captures:/ },
          { messageId: 'reclaimStalls', severity: 'warning', evidence: at('proc/vmstat', 9), tags: ['memory-pressure'], signatures: [], verdict: /^Allocations stalled in direct reclaim 1000 times across 2 captures:/, figures: { 'allocation stalls': 1000, 'pages scanned directly': 'not counted' } },
        ],
      },
      {
        name: '1000 reclaim stalls over the zones: the non-zero zone lines are quoted',
        files: V('allocstall_dma 0\nallocstall_dma32 0\nallocstall_normal 600\nallocstall_movable 400\npgscan_direct 123456\n'),
        findings: [{ messageId: 'reclaimStalls', severity: 'warning', evidence: at('proc/vmstat', 3, 4), tags: ['memory-pressure'], signatures: [], verdict: /1000 times since boot:/, figures: { 'allocation stalls': 1000, 'pages scanned directly': 123456 } }],
      },
      {
        name: 'migrations failing at 1 % of attempts',
        files: V('pgmigrate_success 990000\npgmigrate_fail 10000\n'),
        findings: [{ messageId: 'migrateFailing', severity: 'info', evidence: at('proc/vmstat', 2), tags: ['fragmentation'], signatures: [], verdict: /^10000 page migrations failed since boot \(1% of attempts\)/, figures: { 'migrations failed': 10000, succeeded: 990000 } }],
      },
    ],
  },
  (name, found) => {
    const c = found.find((f) => f.messageId === 'compactionFailing');
    // A periodic capture measures the window itself: surer than counters since boot.
    if (c) expect(c.confidence).toBe(name.startsWith('periodic') ? 0.8 : 0.65);
    if (name.startsWith('80 %')) expect(found[0]!.figures.map((f) => f.label)).toEqual(['compaction stalls', 'failed', 'succeeded']);
    if (name.startsWith('periodic captures without')) expect(found[0]!.figures.map((f) => f.label)).not.toContain('per hour');
  },
);
