// @ts-nocheck
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { fixture } from '../helpers/fixtures.js';

const ZONEINFO = fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt');

/** Lowers DMA32's free pages (first `pages free     21173`) below its min of 12698. */
const ZONEINFO_BELOW_MIN = ZONEINFO.replace('pages free     21173', 'pages free     9000');
const ZONEINFO_BELOW_LOW = ZONEINFO.replace('pages free     21173', 'pages free     14000');

describeRule('zone-watermarks', {
  valid: [
    { name: 'real 5.4 zoneinfo (second host)', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-02.txt') } },
    { name: 'real 4.1 ARM router just above low', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-armv7-router-k4.1-01.txt') } },
  ],
  invalid: [
    // This real capture has Normal at 5154 free pages against a low of 5164: kswapd was working.
    { name: 'real 5.4 zoneinfo with Normal just below low', files: { 'proc/zoneinfo': ZONEINFO }, findings: [{ messageId: 'belowLow', evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'], verdict: /Zone Normal \(node 0\) has 20\.1 MiB free, below its low watermark of 20\.2 MiB/ }] },
    {
      name: 'DMA32 below min',
      files: { 'proc/zoneinfo': ZONEINFO_BELOW_MIN },
      findings: [{ messageId: 'belowMin', evidence: at('proc/zoneinfo', 75, 76, 77, 78), tags: ['memory-pressure'], signatures: ['show-mem-zone'], severity: 'error', verdict: /DMA32.*below its min watermark/ }, { messageId: 'belowLow', evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'] }],
    },
    { name: 'DMA32 below low', files: { 'proc/zoneinfo': ZONEINFO_BELOW_LOW }, findings: [{ messageId: 'belowLow', evidence: at('proc/zoneinfo', 75, 76, 77, 78), tags: ['memory-pressure'], signatures: ['show-mem-zone'], severity: 'warning', verdict: /DMA32/ }, { messageId: 'belowLow', evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'] }] },
    {
      name: 'free memory mostly CMA',
      // the second nr_free_cma line belongs to DMA32
      files: { 'proc/zoneinfo': ZONEINFO.replace(/(nr_free_cma  0[\s\S]*?)nr_free_cma  0/, '$1nr_free_cma  12000') },
      findings: [{ messageId: 'cmaTrap', evidence: at('proc/zoneinfo', 75, 76, 77, 78), tags: ['memory-pressure',  'cma-trap'], signatures: ['show-mem-zone'], severity: 'warning', verdict: /DMA32: 46\.9 of its 82\.7 MiB free is CMA/ }, { messageId: 'belowLow', evidence: at('proc/zoneinfo', 116, 117, 118, 119), tags: ['memory-pressure'], signatures: ['show-mem-zone'] }],
    },
  ],
}, (name, found) => {
  if (name !== 'real 5.4 zoneinfo with Normal just below low') return;
  // Evidence: the real capture's own lines (header, pages free, min, low), character for character.
  const lines = ZONEINFO.split('\n');
  expect(found[0]!.evidence.length).toBe(4);
  for (const e of found[0]!.evidence) expect(e.text).toBe(lines[e.line - 1]);
});
