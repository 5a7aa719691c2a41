// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { at, describeRule, ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { fixture } from '../helpers/fixtures.js';

// buddyinfo lines in the kernel's layout (`Node N, zone NAME` then eleven counts); the series
// is synthetic: no public periodic buddyinfo capture of one device was found.
const BUDDY_HEALTHY = 'Node 0, zone      DMA    512    400    300    200    150    120    100     80     60     40    300\nNode 0, zone   Normal   2011   1433    902    411    200    105     60     31     12      9    180\n';
const DRAINED = BUDDY_HEALTHY.replace(/ 300\n/, ' 10\n').replace(/60     31     12      9    180/, '3      1      0      0      2');
/** Two captures of one Normal zone with `h0` then `h1` free blocks of `order` (and 200 order-0 pages). */
const drain = (h0: number, h1: number, order = 10) => {
  const row = (h: number) => `Node 0, zone   Normal ${Array.from({ length: 11 }, (_, k) => (k === 0 ? 200 : k === order ? h : 0)).map((n) => String(n).padStart(6)).join(' ')}\n`;
  return { 'proc/buddyinfo': `Tue Nov 24 08:00:00 UTC 2026\n${row(h0)}Tue Nov 24 20:00:00 UTC 2026\n${row(h1)}` };
};
const PERIODIC = `Tue Nov 24 08:00:00 UTC 2026\n${BUDDY_HEALTHY}Tue Nov 24 14:00:00 UTC 2026\n${BUDDY_HEALTHY}Tue Nov 24 20:00:00 UTC 2026\n${DRAINED}`;

describeRule('buddy-trend', {
  valid: [
    { name: 'high orders steady across captures', files: { 'proc/buddyinfo': `Tue Nov 24 08:00:00 UTC 2026\n${BUDDY_HEALTHY}Tue Nov 24 20:00:00 UTC 2026\n${BUDDY_HEALTHY}` } },
    // A trend needs at least 8 high-order blocks at first and a fall to a quarter or less.
    { name: 'high orders 8 to 3 (more than a quarter left)', files: drain(8, 3) },
    { name: 'high orders 7 to 0 (too few to call a trend)', files: drain(7, 0) },
    // Order 6 is the first high order: order-5 blocks draining are no trend.
    { name: 'order-5 blocks 8 to 0 (below the high orders)', files: drain(8, 0, 5) },
  ],
  invalid: [
    {
      name: 'high orders draining across periodic captures',
      files: { 'proc/buddyinfo': PERIODIC },
      // DMA keeps 290 high-order blocks; Normal drops from 292 to 6.
      findings: [{ messageId: 'trend', evidence: at('proc/buddyinfo', 3, 9), tags: ['fragmentation', 'fragmentation-trend'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /^Across 3 buddyinfo captures over 12 h, free blocks of order 6 and up in zone Normal fell from 292 to 6\.$/ }],
    },
    {
      name: 'order-6 blocks 8 to 0: a trend',
      files: drain(8, 0, 6),
      findings: [{ messageId: 'trend', evidence: at('proc/buddyinfo', 2, 4), tags: ['fragmentation', 'fragmentation-trend'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /in zone Normal fell from 8 to 0\.$/ }],
    },
    {
      name: 'high orders 8 to 2 (a quarter): a trend',
      files: drain(8, 2),
      findings: [{ messageId: 'trend', evidence: at('proc/buddyinfo', 2, 4), tags: ['fragmentation', 'fragmentation-trend'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /^Across 2 buddyinfo captures over 12 h, free blocks of order 6 and up in zone Normal fell from 8 to 2\.$/, figures: { 'free blocks of order >= 6, first capture': 8, 'free blocks of order >= 6, last capture': 2 } }],
    },
  ],
}, (name, found) => {
  if (!name.startsWith('high orders draining')) return;
  // Evidence: the first and the last capture's own lines, verbatim.
  const lines = PERIODIC.split('\n');
  expect(found[0]!.evidence.map((e) => e.line)).toEqual([3, 9]);
  for (const e of found[0]!.evidence) expect(e.text).toBe(lines[e.line - 1]);
});

describe('buddy-trend on a single capture', () => {
  it('is not evaluated, never passed, and says why in plain words', () => {
    const r = runRules([ruleById('buddy-trend')], snapshotFromFiles({ 'proc/buddyinfo': fixture('buddyinfo/generic-ubuntu2004-k5.4-x86-01.txt') }), { signatures: SIGNATURES });
    expect(r.outcomes[0]).toEqual({ ruleId: 'buddy-trend', title: 'Buddy allocator fragmentation trend', status: 'not-evaluated', detail: 'a single /proc/buddyinfo capture: the trend needs it captured at least twice over time' });
  });
});
