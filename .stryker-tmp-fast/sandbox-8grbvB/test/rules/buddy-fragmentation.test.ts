// @ts-nocheck
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { fixture } from '../helpers/fixtures.js';

const BUDDY_HEALTHY = 'Node 0, zone      DMA    512    400    300    200    150    120    100     80     60     40    300\nNode 0, zone   Normal   2011   1433    902    411    200    105     60     31     12      9    180\n';
const BUDDY_FRAGMENTED = 'Node 0, zone      DMA  24012  15433   8021   2011    312     41      0      0      0      0      0\nNode 0, zone   Normal  31022  20110   9100   1800    220     12      0      0      0      0      0\n';

describeRule('buddy-fragmentation', {
  valid: [{ name: 'orders up to 10 populated', files: { 'proc/buddyinfo': BUDDY_HEALTHY } }],
  invalid: [
    {
      name: 'orders 6+ empty with hundreds of MiB free',
      files: { 'proc/buddyinfo': BUDDY_FRAGMENTED },
      findings: [
        { messageId: 'empty', evidence: at('proc/buddyinfo', 1), tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'], severity: 'error', verdict: /Zone DMA has 427\.2 MiB free but no block of order 6/ },
        { messageId: 'empty', evidence: at('proc/buddyinfo', 2), tags: ['fragmentation'], signatures: ['buddyinfo-high-orders-empty'], severity: 'error', verdict: /Normal/ },
      ],
    },
  ],
}, (name, found) => {
  if (!name.startsWith('orders 6+ empty')) return;
  // Evidence: the zone's line verbatim, spacing included.
  const lines = BUDDY_FRAGMENTED.split('\n');
  for (const f of found) for (const e of f.evidence) expect(e.text).toBe(lines[e.line - 1]);
});

// The trend across captures is its own check (buddy-trend), not evaluated on a single capture.
