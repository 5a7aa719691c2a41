import { at, describeRule } from '../helpers/rule-cases.js';
import { fixture } from '../helpers/fixtures.js';

const BUDDY_HEALTHY = 'Node 0, zone      DMA    512    400    300    200    150    120    100     80     60     40    300\nNode 0, zone   Normal   2011   1433    902    411    200    105     60     31     12      9    180\n';
const BUDDY_FRAGMENTED = 'Node 0, zone      DMA  24012  15433   8021   2011    312     41      0      0      0      0      0\nNode 0, zone   Normal  31022  20110   9100   1800    220     12      0      0      0      0      0\n';

/** Two captures of one Normal zone with `h0` then `h1` free order-10 blocks (and 200 order-0 pages). */
const drain = (h0: number, h1: number) => {
  const row = (h: number) => `Node 0, zone   Normal ${[200, 0, 0, 0, 0, 0, 0, 0, 0, 0, h].map((n) => String(n).padStart(6)).join(' ')}\n`;
  return { 'proc/buddyinfo': `Tue Nov 24 08:00:00 UTC 2026\n${row(h0)}Tue Nov 24 20:00:00 UTC 2026\n${row(h1)}` };
};

describeRule('buddy-fragmentation', {
  valid: [
    { name: 'orders up to 10 populated', files: { 'proc/buddyinfo': BUDDY_HEALTHY } },
    // A trend needs at least 8 high-order blocks at first and a fall to a quarter or less.
    { name: 'high orders 8 to 3 (more than a quarter left)', files: drain(8, 3) },
    { name: 'high orders 7 to 0 (too few to call a trend)', files: drain(7, 0) },
  ],
  invalid: [
    {
      name: 'orders 6+ empty with hundreds of MiB free',
      files: { 'proc/buddyinfo': BUDDY_FRAGMENTED },
      findings: [
        { messageId: 'empty', evidence: at('proc/buddyinfo', 1), tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'], severity: 'error', verdict: /Zone DMA has 427\.2 MiB free but no block of order 6/ },
        { messageId: 'empty', evidence: at('proc/buddyinfo', 2), tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'], severity: 'error', verdict: /Normal/ },
      ],
    },
    {
      name: 'high orders draining across periodic captures',
      files: { 'proc/buddyinfo': `Tue Nov 24 08:00:00 UTC 2026\n${BUDDY_HEALTHY}Tue Nov 24 20:00:00 UTC 2026\n${BUDDY_HEALTHY.replace(/ 300\n/, ' 10\n').replace(/60     31     12      9    180/, '3      1      0      0      2')}` },
      // DMA keeps 290 high-order blocks; Normal drops from 292 to 6.
      findings: [{ messageId: 'trend', evidence: at('proc/buddyinfo', 3, 6), tags: ['fragmentation',  'fragmentation-trend'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /zone Normal fell from 292 to 6/ }],
    },
    {
      name: 'high orders 8 to 2 (a quarter): a trend',
      files: drain(8, 2),
      findings: [{ messageId: 'trend', evidence: at('proc/buddyinfo', 2, 4), tags: ['fragmentation', 'fragmentation-trend'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /^Across 2 buddyinfo captures, free blocks of order 6 and up in zone Normal fell from 8 to 2\.$/, figures: { 'first capture': 8, 'last capture': 2 } }],
    },
  ],
});
