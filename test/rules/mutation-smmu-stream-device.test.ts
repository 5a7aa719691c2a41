/**
 * smmu-stream-device (issue #14, mutation testing): each memory-client alias of an r32 stream
 * name and a name without an alias, devices sharing the group, DMA-BUFs the device holds, the
 * camera and GPU errors within 5 s (at, just over), several streams, and names that must not
 * match. Fault lines are the r32 (`sid=N(0xNN - NAME)`) and 5.x (`cbfrsynra=`) formats of the
 * signature catalogue; the IOMMU groups listing is the collector's.
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import { bufinfoSeries } from './field-input-cases.js';

const r32 = (sid: number, name: string) => `arm-smmu 12000000.iommu: Unhandled context fault: iova=0x17fe0fe00, fsynr=0x220003, cb=21, sid=${sid}(0x${sid.toString(16)} - ${name}), pgd=25bec9003, pud=25bec9003, pmd=235086003, pte=0`;
const v5 = (cbfrsynra: string, cb = 3) => `arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=${cbfrsynra}, cb=${cb}`;
// Xavier-like groups: one device per group, but PCIe and the USB host share group 7.
const GROUPS = [
  '/sys/kernel/iommu_groups/0/devices:', '3400000.sdhci', '',
  '/sys/kernel/iommu_groups/7/devices:', '3610000.xhci', '14180000.pcie', '',
  '/sys/kernel/iommu_groups/9/devices:', '15210000.display', '',
  '/sys/kernel/iommu_groups/11/devices:', '15c10000.vi', '',
  '/sys/kernel/iommu_groups/12/devices:', '17000000.gpu', '',
  '/sys/kernel/iommu_groups/14/devices:', '2490000.ethernet', '',
  '/sys/kernel/iommu_groups/15/devices:', '14800000.isp', '',
].join('\n');
const IOMMU = { 'sys/kernel/iommu_groups.txt': GROUPS };
const line = (dev: string) => GROUPS.split('\n').indexOf(dev) + 1;
const named = (sid: number, name: string, device: string, verdict: RegExp) => ({
  name: `r32 stream ${name} is ${device}`,
  files: { dmesg: dmesg([[812.4, r32(sid, name)]]), ...IOMMU },
  findings: [{ messageId: 'named', severity: 'warning' as const, evidence: [...at('dmesg', 1), ...at('sys/kernel/iommu_groups.txt', line(device))], tags: ['smmu-fault', `device:${device}`], signatures: ['arm-smmu-context-fault'], verdict }],
});
const CAM_ERR = 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms';
const GPU_ERR = 'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294  [ERR]  [MMU FAULT] mmu engine id:  18, ch id:  479, fault addr: 0x0, fault addr aperture: 0, fault type: invalid pde, access type: virt read,';

describeRule('smmu-stream-device', {
  valid: [
    // A stream the groups cannot tie to a device is an info line only (no finding at warning or above).
    { name: 'a 5.x stream with no engine error nearby', files: { dmesg: dmesg([[50.1, v5('0x800')]]), ...IOMMU } },
    { name: 'camera error 5.5 s after the fault: not next to it', files: { dmesg: dmesg([[50, v5('0x800')], [55.5, CAM_ERR]]), ...IOMMU } },
    // NVENCSRD has no alias and no device part is called that.
    { name: 'an r32 name no device carries', files: { dmesg: dmesg([[812.4, r32(30, 'NVENCSRD')]]), ...IOMMU } },
  ],
  invalid: [
    named(17, 'AFI', '14180000.pcie', /^SMMU faults on stream 0x11 \(AFI\) come from 14180000\.pcie \(IOMMU group 7, shared with 3610000\.xhci\)\.$/),
    named(32, 'SDMMCRA', '3400000.sdhci', /^SMMU faults on stream 0x20 \(SDMMCRA\) come from 3400000\.sdhci \(IOMMU group 0\)\.$/),
    named(33, 'XUSB_HOSTW', '3610000.xhci', /come from 3610000\.xhci \(IOMMU group 7, shared with 14180000\.pcie\)\.$/),
    named(34, 'NVDISPLAYR', '15210000.display', /come from 15210000\.display \(IOMMU group 9\)/),
    named(35, 'VIW', '15c10000.vi', /come from 15c10000\.vi \(IOMMU group 11\)/),
    named(36, 'GPUSRD', '17000000.gpu', /come from 17000000\.gpu \(IOMMU group 12\)/),
    named(37, 'EQOSR', '2490000.ethernet', /come from 2490000\.ethernet/),
    // No alias: the name less its read/write letter.
    named(38, 'ISPW', '14800000.isp', /^SMMU faults on stream 0x26 \(ISPW\) come from 14800000\.isp \(IOMMU group 15\)\.$/),
    {
      name: 'the device holds DMA-BUFs',
      files: { dmesg: dmesg([[812.4, r32(35, 'VIW')]]), ...IOMMU, 'sys/kernel/debug/dma_buf/bufinfo': bufinfoSeries(1, () => 3).replace(/15340000\.vic/g, '15c10000.vi') },
      findings: [{ messageId: 'named', severity: 'warning', evidence: [...at('dmesg', 1), ...at('sys/kernel/iommu_groups.txt', line('15c10000.vi'))], tags: ['smmu-fault', 'device:15c10000.vi'], signatures: ['arm-smmu-context-fault'], verdict: /\(IOMMU group 11\); it holds 3 DMA-BUF\(s\), 24 MiB of 24 MiB\.$/ }],
    },
    {
      name: 'camera error exactly 5 s after a 5.x fault: the camera device',
      files: { dmesg: dmesg([[50, v5('0x800')], [55, CAM_ERR]]), ...IOMMU },
      findings: [{ messageId: 'inferred', severity: 'warning', evidence: [...at('dmesg', 1), ...at('sys/kernel/iommu_groups.txt', line('15c10000.vi'))], tags: ['smmu-fault', 'device:15c10000.vi'], signatures: ['arm-smmu-context-fault'], verdict: /^SMMU faults on stream 0x800 sit next to camera capture errors: the likely device is 15c10000\.vi \(IOMMU group 11\)\.$/ }],
    },
    {
      name: 'a GPU MMU fault 2 s before: the GPU',
      files: { dmesg: dmesg([[48, GPU_ERR], [50, v5('0x1c04')]]), ...IOMMU },
      findings: [{ messageId: 'inferred', severity: 'warning', evidence: [...at('dmesg', 2), ...at('sys/kernel/iommu_groups.txt', line('17000000.gpu'))], tags: ['smmu-fault', 'device:17000000.gpu'], signatures: ['arm-smmu-context-fault'], verdict: /sit next to GPU errors: the likely device is 17000000\.gpu \(IOMMU group 12\)/ }],
    },
    {
      name: 'two streams, each judged on its own; the first three faults of a stream are quoted',
      files: { dmesg: dmesg([[812.1, r32(17, 'AFI')], [812.2, r32(17, 'AFI')], [812.3, r32(17, 'AFI')], [812.4, r32(17, 'AFI')], [900, v5('0x800', 7)]]), ...IOMMU },
      findings: [
        { messageId: 'named', severity: 'warning', evidence: [...at('dmesg', 1, 2, 3), ...at('sys/kernel/iommu_groups.txt', line('14180000.pcie'))], tags: ['smmu-fault', 'device:14180000.pcie'], signatures: ['arm-smmu-context-fault'] },
        { messageId: 'unmatched', severity: 'info', evidence: at('dmesg', 5), tags: ['smmu-fault'], signatures: ['arm-smmu-context-fault'], verdict: /^SMMU faults on stream 0x800 could not be tied to a device: none of the 8 device\(s\) in 7 IOMMU group\(s\) matches it\.$/ },
      ],
    },
  ],
});
