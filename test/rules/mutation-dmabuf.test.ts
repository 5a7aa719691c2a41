/**
 * dmabuf-buffers at each threshold (issue #14, mutation testing): growth of 64 MiB and of a
 * fifth of the first capture (at, just under), growth that gave memory back (a capture under
 * 90 % of the peak), the 40 %-of-RAM line, the exporter that grew most, devices holding
 * buffers, captures without stamps. bufinfo in the debugfs layout the collector captures
 * (test/rules/field-input-cases.ts), MemTotal from the Orin Nano meminfo (7454.6 MiB).
 */
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { meminfo } from '../helpers/bundles.js';

const MiB = 1024 * 1024;
const stamp = (i: number) => `2026-11-24T10:${String(i * 10).padStart(2, '0')}:00Z`;
interface Buf { mib: number; exporter?: string; devices?: string[] }
/** One capture of bufinfo; `stamped` puts the collector's time line before it. */
function capture(bufs: Buf[], i: number, stamped = true): string {
  let out = `${stamped ? `${stamp(i)}\n` : ''}\nDma-buf Objects:\nsize    \tflags   \tmode    \tcount   \texp_name\tino     \tname\n`;
  bufs.forEach((b, k) => {
    const devs = b.devices ?? ['15340000.vic'];
    out += `${String(b.mib * MiB).padStart(8, '0')}\t00000002\t00080007\t00000002\t${b.exporter ?? 'nvmap'}\t${String(100 + k).padStart(8, '0')}\t<none>\n\tAttached Devices:\n${devs.map((d) => `\t${d}\n`).join('')}Total ${devs.length} devices attached\n\n`;
  });
  return `${out}\nTotal ${bufs.length} objects, ${bufs.reduce((a, b) => a + b.mib * MiB, 0)} bytes\n`;
}
const n8 = (n: number, exporter?: string): Buf[] => Array.from({ length: n }, () => ({ mib: 8, exporter }));
const series = (counts: number[], stamped = true) => ({ 'dma_buf_bufinfo.log': counts.map((n, i) => capture(n8(n), i, stamped)).join(''), 'proc/meminfo': meminfo() });
const GROW = { messageId: 'growing', severity: 'error' as const, tags: ['leak', 'dmabuf-leak'], signatures: [] };
describeRule(
  'dmabuf-buffers',
  {
    valid: [
      { name: 'growth of 56 MiB (80 to 136 MiB): under 64 MiB', files: series([10, 17]) },
      { name: 'growth of 64 MiB on 328 MiB: under a fifth', files: series([41, 49]) },
      { name: 'growth that gave memory back: a capture under 90 % of the peak', files: series([10, 20, 17, 30]) },
      { name: '2976 MiB in buffers: under 40 % of RAM', files: { 'sys/kernel/debug/dma_buf/bufinfo': capture(n8(372), 0, false), 'proc/meminfo': meminfo() } },
      { name: 'a capture with its table header only', files: { 'sys/kernel/debug/dma_buf/bufinfo': '\nDma-buf Objects:\nsize\tflags\tmode\tcount\texp_name\tino\tname\n' } },
    ],
    invalid: [
      {
        name: 'growth of exactly 64 MiB (80 to 144 MiB)',
        files: series([10, 18]),
        findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 56, 152), verdict: /^DMA-BUF buffers grew from 10 \(80 MiB\) to 18 \(144 MiB\) over 10 min, mostly nvmap buffers: buffers are created and not closed\.$/, figures: { growth: 64, 'buffers first / last': '10 / 18', 'by exporter (last)': 'nvmap 18 (144 MiB)' } }],
      },
      {
        name: 'growth of 64 MiB on 320 MiB: a fifth exactly',
        files: series([40, 48]),
        findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 206, 452), verdict: /from 40 \(320 MiB\) to 48 \(384 MiB\)/ }],
      },
      {
        name: 'a capture at 90 % of the peak is still steady growth',
        files: series([10, 20, 18, 30]),
        findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 56, 414), verdict: /from 10 \(80 MiB\) to 30 \(240 MiB\) over 30 min/ }],
      },
      {
        name: 'captures without stamps: the span is the number of captures',
        files: series([10, 20, 30], false),
        findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 55, 315), verdict: /over 3 captures,/ }],
      },
      {
        name: 'the exporter that grew most is named, not the largest',
        files: {
          'dma_buf_bufinfo.log': capture([...n8(30, 'drm'), ...n8(2, 'nvmap')], 0) + capture([...n8(30, 'drm'), ...n8(12, 'nvmap')], 1),
          'proc/meminfo': meminfo(),
        },
        findings: [{ ...GROW, evidence: at('dma_buf_bufinfo.log', 166, 382), verdict: /mostly nvmap buffers/, figures: { 'by exporter (last)': 'drm 30 (240 MiB), nvmap 12 (96 MiB)' } }],
      },
      {
        name: '2984 MiB in buffers: 40 % of RAM',
        files: { 'sys/kernel/debug/dma_buf/bufinfo': capture([{ mib: 24 }, { mib: 16 }, ...n8(370), { mib: 12 }], 0, false), 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'large', severity: 'warning', evidence: at('sys/kernel/debug/dma_buf/bufinfo', 4, 9, 1864), tags: ['memory-pressure'], signatures: [], verdict: /^DMA-BUF buffers hold 3012 MiB, 40% of RAM, in 373 buffer\(s\) \(nvmap 373 \(3012 MiB\)\)\.$/, figures: { 'largest buffers': '24 MiB nvmap, 16 MiB nvmap, 12 MiB nvmap' } }],
      },
      {
        name: 'who holds the buffers: devices by bytes, buffers attached to none',
        files: { 'sys/kernel/debug/dma_buf/bufinfo': capture([{ mib: 4, devices: [] }, { mib: 32, devices: ['tegra-capture-vi', '15340000.vic'] }, { mib: 8, exporter: 'drm', devices: ['13e00000.host1x'] }, { mib: 2, devices: [] }, { mib: 1, exporter: 'dmabuf-heap', devices: [] }], 0, false) },
        findings: [{
          messageId: 'holders', severity: 'info', tags: [], signatures: [],
          evidence: at('sys/kernel/debug/dma_buf/bufinfo', 8, 14, 4),
          verdict: /^5 DMA-BUF buffer\(s\), 47 MiB: exported by nvmap 3 \(38 MiB\), drm 1 \(8 MiB\), dmabuf-heap 1 \(1 MiB\); attached to tegra-capture-vi 1 \(32 MiB\), 15340000\.vic 1 \(32 MiB\), 13e00000\.host1x 1 \(8 MiB\), no device 3 \(7 MiB\)\.$/,
        }],
      },
    ],
  },
  (name, found) => {
    if (name.startsWith('growth of exactly')) expect(found[0]!.confidence).toBe(0.8);
  },
);
