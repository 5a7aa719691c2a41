/**
 * Valid and invalid cases for the rules that read the collector's inputs (vmstat, DMA-BUF
 * bufinfo, IOMMU groups, nvmap clients); builtin-rules.test.ts runs them with the others.
 */
// @ts-nocheck

// 

import type { RuleCases } from '../../src/rules/tester.js';
import { dmesg, meminfo, ORIN_NANO_IDENTITY } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';
import { at } from '../helpers/rule-cases.js';

const capture = (rel: string) => fixture(rel).replace(/^(#[^\n]*\n)+\n?/, '');
const VMSTAT_LKML = capture('vmstat/generic-x86-k4.19-lkml-01.txt');
const stamp = (i: number) => `2026-11-24T10:${String(i * 10).padStart(2, '0')}:00Z`;

/** Periodic bufinfo: `n(i)` nvmap buffers of 8 MiB each at capture i. */
export function bufinfoSeries(captures: number, n: (i: number) => number): string {
  let out = '';
  for (let i = 0; i < captures; i++) {
    out += `${stamp(i)}\n\nDma-buf Objects:\nsize    \tflags   \tmode    \tcount   \texp_name\tino     \tname\n`;
    for (let k = 0; k < n(i); k++) out += `08388608\t00000002\t00080007\t00000002\tnvmap\t${String(100 + k).padStart(8, '0')}\t<none>\n\tAttached Devices:\n\t15340000.vic\nTotal 1 devices attached\n\n`;
    out += `\nTotal ${n(i)} objects, ${n(i) * 8388608} bytes\n`;
  }
  return out;
}

export function nvmapSeries(sizesK: number[]): string {
  return sizesK
    .map((k, i) => `${stamp(i)}\nCLIENT                        PROCESS      PID        SIZE\nuser                   nvargus-daemon      812     131072K\nuser                          python3     2210  ${String(k).padStart(10)}K\ntotal                                            ${131072 + k}K\n`)
    .join('');
}

const IOMMU_ORIN = '/sys/kernel/iommu_groups/3/devices:\n13e00000.host1x\ntegra-capture-vi\n\n/sys/kernel/iommu_groups/4/devices:\n17000000.gpu\n';

export const FIELD_INPUT_CASES: Record<string, RuleCases> = {
  'vmstat-compaction': {
    valid: [
      { name: 'a few compaction stalls, none failing', files: { 'proc/vmstat': 'nr_free_pages 120000\ncompact_stall 12\ncompact_fail 1\ncompact_success 11\nallocstall_normal 0\nallocstall_movable 3\npgmigrate_success 5000\npgmigrate_fail 2\n' } },
      {
        name: 'counters high since boot but quiet during the periodic capture',
        files: { 'proc/vmstat': `${stamp(0)}\ncompact_stall 205761\ncompact_fail 182420\n${stamp(1)}\ncompact_stall 205790\ncompact_fail 182421\n` },
      },
    ],
    invalid: [
      {
        name: 'a real 4.19 capture: most compactions fail, allocations stall',
        files: { 'proc/vmstat': VMSTAT_LKML, 'proc/uptime': '3600000.00 1.00\n' },
        findings: [
          { messageId: 'compactionFailing', evidence: at('proc/vmstat', 95, 96), tags: ['fragmentation'], signatures: [], severity: 'error', verdict: /182420 of 205761 direct compaction attempts failed \(89%\) in 41\.7 days since boot/ },
          { messageId: 'reclaimStalls', evidence: at('proc/vmstat', 60, 61), tags: ['memory-pressure'], signatures: [], severity: 'warning', verdict: /1980128 times/ },
        ],
      },
      {
        name: 'page migrations failing often (pinned pages)',
        files: { 'proc/vmstat': 'pgmigrate_success 400000\npgmigrate_fail 52000\n' },
        findings: [{ messageId: 'migrateFailing', evidence: at('proc/vmstat', 2), tags: ['fragmentation'], signatures: [], severity: 'info', verdict: /^52000 page migrations failed since boot \(11\.5% of attempts\)/ }],
      },
      {
        name: 'CMA allocations failing during a periodic capture',
        files: { 'proc/vmstat': `${stamp(0)}\ncma_alloc_success 120\ncma_alloc_fail 0\n${stamp(1)}\ncma_alloc_success 131\ncma_alloc_fail 4\n` },
        findings: [{ messageId: 'cmaFailed', evidence: at('proc/vmstat', 6), tags: ['cma-failure'], signatures: ['cma-alloc-failed'], severity: 'error', verdict: /^4 CMA allocation\(s\) failed during the 10 min of capture \(11 succeeded\)/ }],
      },
    ],
  },
  'dmabuf-buffers': {
    valid: [{ name: 'an empty table', files: { 'sys/kernel/debug/dma_buf/bufinfo': '\nDma-buf Objects:\nsize\tflags\tmode\tcount\texp_name\tino\tname\n\nTotal 0 objects, 0 bytes\n' } }],
    invalid: [
      {
        name: 'one capture: who exported and who holds the buffers',
        files: { 'sys/kernel/debug/dma_buf/bufinfo': capture('dma_buf/generic-arm64-asahi-k6.2-01.txt') },
        findings: [{ messageId: 'holders', evidence: at('sys/kernel/debug/dma_buf/bufinfo', 17, 23, 3), tags: [], signatures: [], severity: 'info', verdict: /^4 DMA-BUF buffer\(s\), 46 MiB: exported by drm 4 \(46 MiB\); attached to no device 2 \(44 MiB\), soc:display-subsystem 2 \(2 MiB\)\.$/ }],
      },
      {
        name: 'periodic captures: nvmap buffers pile up (DMA-BUF not closed)',
        files: { 'dma_buf_bufinfo.log': bufinfoSeries(4, (i) => 10 + i * 6), 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'growing', evidence: at('dma_buf_bufinfo.log', 56, 404), tags: ['leak',  'dmabuf-leak'], signatures: [], severity: 'error', verdict: /from 10 \(80 MiB\) to 28 \(224 MiB\) over 30 min, mostly nvmap buffers/ }],
      },
      {
        name: 'one capture holding half the RAM',
        files: { 'sys/kernel/debug/dma_buf/bufinfo': bufinfoSeries(1, () => 460), 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'large', evidence: at('sys/kernel/debug/dma_buf/bufinfo', 5, 10, 15), tags: ['memory-pressure'], signatures: [], severity: 'warning', verdict: /^DMA-BUF buffers hold 3680 MiB, 49% of RAM/ }],
      },
    ],
  },
  'nvmap-clients': {
    valid: [{ name: 'no client holds NVMM memory', files: { 'sys/kernel/debug/nvmap/iovmm/clients': 'CLIENT                        PROCESS      PID        SIZE\ntotal                                                  0K\n' } }],
    invalid: [
      {
        name: 'a real Orin capture: gpu_burn holds most of the memory',
        files: { 'sys/kernel/debug/nvmap/iovmm/clients': capture('nvmap/jetson-orin-htop-readme-01.txt'), 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'large', evidence: at('sys/kernel/debug/nvmap/iovmm/clients', 2, 4, 3), tags: ['memory-pressure',  'process:gpu_burn'], signatures: [], severity: 'warning', verdict: /^gpu_burn \(7979\) holds 22974 MiB of NVMM memory/ }],
      },
      {
        name: 'the same without meminfo: who holds it',
        files: { 'sys/kernel/debug/nvmap/iovmm/clients': capture('nvmap/jetson-orin-htop-readme-01.txt') },
        findings: [{ messageId: 'holders', evidence: at('sys/kernel/debug/nvmap/iovmm/clients', 2, 4, 3), tags: ['process:gpu_burn'], signatures: [], severity: 'info', verdict: /most held by gpu_burn \(7979\) 22974 MiB/ }],
      },
      {
        name: 'periodic captures: python3 keeps allocating',
        files: { 'nvmap-clients.log': nvmapSeries([524288, 1048576, 1572864, 2097152]), 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'growing', evidence: at('nvmap-clients.log', 4, 19), tags: ['leak',  'process:python3'], signatures: [], severity: 'error', verdict: /^python3 \(2210\) grew its NVMM memory from 512 MiB to 2048 MiB over 30 min/ }],
      },
    ],
  },
  'smmu-stream-device': {
    valid: [{ name: 'no SMMU fault', files: { ...ORIN_NANO_IDENTITY, 'dmesg.txt': dmesg([[3.1, 'tegra-camrtc-capture-vi tegra-capture-vi: subdev imx219 9-0010 bound']]), 'sys/kernel/iommu_groups.txt': IOMMU_ORIN } }],
    invalid: [
      {
        name: 'r32 names the stream: AFI is the PCIe controller',
        files: {
          'dmesg.txt': dmesg([[812.40211, 'arm-smmu 12000000.iommu: Unhandled context fault: iova=0x17fe0fe00, fsynr=0x220003, cb=21, sid=17(0x11 - AFI), pgd=25bec9003, pud=25bec9003, pmd=235086003, pte=0']]),
          'sys/kernel/iommu_groups.txt': '/sys/kernel/iommu_groups/0/devices:\n3160000.i2c\n\n/sys/kernel/iommu_groups/7/devices:\n10003000.pcie\n',
        },
        findings: [{ messageId: 'named', evidence: [...at('dmesg.txt', 1), ...at('sys/kernel/iommu_groups.txt', 5)], tags: ['smmu-fault',  'device:10003000.pcie'], signatures: ['arm-smmu-context-fault'], severity: 'warning', verdict: /^SMMU faults on stream 0x11 \(AFI\) come from 10003000\.pcie \(IOMMU group 7\)\.$/ }],
      },
      {
        name: '5.x prints only the stream id: camera errors next to it point at the capture device',
        files: {
          ...ORIN_NANO_IDENTITY,
          'dmesg.txt': dmesg([
            [7201.112032, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3'],
            [7203.644952, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
          ]),
          'sys/kernel/iommu_groups.txt': IOMMU_ORIN,
          'sys/kernel/debug/dma_buf/bufinfo': bufinfoSeries(1, () => 3).replace(/15340000\.vic/g, 'tegra-capture-vi'),
        },
        findings: [{ messageId: 'inferred', evidence: [...at('dmesg.txt', 1), ...at('sys/kernel/iommu_groups.txt', 3)], tags: ['smmu-fault',  'device:tegra-capture-vi'], signatures: ['arm-smmu-context-fault'], severity: 'warning', verdict: /camera capture errors: the likely device is tegra-capture-vi \(IOMMU group 3, shared with 13e00000\.host1x\); it holds 3 DMA-BUF\(s\), 24 MiB of 24 MiB\.$/ }],
      },
      {
        name: 'a fault no group explains',
        files: {
          ...ORIN_NANO_IDENTITY,
          'dmesg.txt': dmesg([[50.1, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7']]),
          'sys/kernel/iommu_groups.txt': IOMMU_ORIN,
        },
        findings: [{ messageId: 'unmatched', evidence: at('dmesg.txt', 1), tags: ['smmu-fault'], signatures: ['arm-smmu-context-fault'], severity: 'info', verdict: /none of the 3 device\(s\) in 2 IOMMU group\(s\)/ }],
      },
    ],
  },
};
