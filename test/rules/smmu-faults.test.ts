import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';
import { fixture, realLog } from '../helpers/fixtures.js';

describeRule('smmu-faults', {
  valid: [{ name: 'SMMU probe lines only', files: { dmesg: fixture('dmesg/jetson-tx2-l4t28.1-k4.4-boot-01.txt') } }],
  invalid: [
    {
      name: '5.x faults with decode lines and a camera timeout nearby',
      files: {
        dmesg: dmesg([
          ...BOOT_DMESG,
          [7200.1, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7'],
          [7200.1, 'arm-smmu 8000000.iommu: FSR    = 00000402 [Format=2 TF], SID=0x800'],
          [7200.2, 'arm_smmu_context_fault: 83 callbacks suppressed'],
          [7200.3, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4ba000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7'],
          [7202.5, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
        ]),
      },
      findings: [{ messageId: 'context', evidence: at('dmesg', 7, 10, 11), tags: ['smmu-fault',  'device:8000000.iommu',  'smmu-near-camera'], signatures: ['arm-smmu-context-fault'], severity: 'error', verdict: /85 SMMU context fault\(s\) on 8000000\.iommu stream 0x800 \(TF translation fault\); 1 camera error/ }],
    },
    {
      name: 'L4T r32 fault naming its stream, and an mc-err',
      files: {
        dmesg: dmesg([
          [812.2, 'arm-smmu 12000000.iommu: Unhandled context fault: iova=0x17fe0fe00, fsynr=0x220003, cb=21, sid=17(0x11 - AFI), pgd=25bec9003, pud=25bec9003, pmd=235086003, pte=0'],
          [812.3, 'mc-err: (255) csr_nvl7r: EMEM address decode error'],
        ]),
      },
      findings: [
        { messageId: 'context', evidence: at('dmesg', 1), tags: ['smmu-fault', 'device:12000000.iommu', 'smmu-pcie'], signatures: ['arm-smmu-context-fault'], severity: 'warning', verdict: /stream 0x11 \(AFI\)/ },
        { messageId: 'mc', evidence: at('dmesg', 2), tags: ['smmu-fault',  'mc-error'], signatures: ['tegra-mc-error'], severity: 'error', verdict: /\(client csr_nvl7r\): EMEM address decode error/ },
      ],
    },
    {
      name: 'real T210 (TX1) mc-err block: xusb host write, status/secure lines and the tegra-smmu page-table dump',
      files: { dmesg: realLog('tx1-mcerr-xusb-hostw.log') },
      findings: [
        {
          // The USB host controller does its own DMA (rings, transfer buffers): tagged apart from DMA-BUF users.
          messageId: 'mc', evidence: at('dmesg', 3, 4, 5, 15), tags: ['smmu-fault', 'mc-error', 'smmu-usb'], signatures: ['tegra-mc-error'],
          severity: 'error',
          verdict: /^1 memory-controller error\(s\) \(client csw_xusb_hostw: USB host controller \(xHCI\) write\): EMEM decode error on PDE or PTE entry; the client's SMMU translation failed/,
        },
      ],
    },
    {
      // AGX Orin forum thread 361959: the notice of the 5.10+ handler, the report line cut after the address.
      name: 'a memory-controller rate-limit notice with no whole report line: the rate-limited errors, no client, no SMMU-fault tag',
      files: { dmesg: dmesg([[5517.386309, 'tegra30_mc_handle_irq: 238542 callbacks suppressed'], [5517.38633, 'tegra-mc 2c00000.memory-controller: pcie5w: write @0x0000000000000000']]) },
      findings: [{ messageId: 'mcSuppressed', severity: 'error', evidence: at('dmesg', 1), tags: ['mc-error'], signatures: ['tegra-mc-error'], verdict: /^The kernel rate-limited 238542 memory-controller error report\(s\) \(tegra30_mc_handle_irq: callbacks suppressed\)/ }],
    },
    {
      name: 'an upstream tegra-mc report from a PCIe client: tagged as the endpoint\'s own DMA',
      files: { dmesg: dmesg([[812.5, 'tegra-mc 2c00000.memory-controller: pcie5w: write @0x0000000000000000: EMEM address decode error (SMMU translation error [--S])']]) },
      findings: [{ messageId: 'mc', severity: 'error', evidence: at('dmesg', 1), tags: ['smmu-fault', 'mc-error', 'smmu-pcie'], signatures: ['tegra-mc-error'], verdict: /client pcie5w: PCIe controller write/ }],
    },
    {
      name: 'dmesg -T (wall clock only): camera error 2 s after the fault is still related',
      files: {
        dmesg: [
          '[Tue Nov 24 10:37:38 2026] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7',
          '[Tue Nov 24 10:37:40 2026] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms',
        ].join('\n'),
      },
      findings: [{ messageId: 'context', evidence: at('dmesg', 1, 2), tags: ['smmu-fault',  'device:8000000.iommu',  'smmu-near-camera'], signatures: ['arm-smmu-context-fault'], severity: 'error', verdict: /1 camera error\(s\) within 5 s/ }],
    },
    {
      name: 'a fault wrapped over two lines by whoever pasted it',
      files: { dmesg: 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402,\niova=0xfffb5000, cbfrsynra=0x100f, cb=3\n' },
      findings: [{ messageId: 'context', evidence: at('dmesg', 1), tags: ['smmu-fault',  'device:8000000.iommu'], signatures: ['arm-smmu-context-fault'], verdict: /stream 0x100f/ }],
    },
    {
      // Format strings from the kernel's arm-smmu.c (L4T r32 and upstream, in the signature catalogue); values illustrative.
      name: 'global faults: a stream without a context',
      files: {
        dmesg: dmesg([
          [15.2, 'arm-smmu 12000000.iommu: Unexpected global fault, this could be serious'],
          [15.2, 'arm-smmu 12000000.iommu: \tGFSR 0x80000002, GFSYNR0 0x00000000, GFSYNR1 0x00000010, GFSYNR2 0x00000000'],
          [15.3, 'arm-smmu 12000000.iommu: Unexpected {global,context} fault, this could be serious'],
        ]),
      },
      findings: [{ messageId: 'global', severity: 'error', evidence: at('dmesg', 1, 2, 3), tags: ['smmu-fault'], signatures: ['arm-smmu-global-fault'], verdict: /^2 SMMU global fault\(s\) on 12000000\.iommu: a stream id without a configured context/ }],
    },
    {
      // The catalogue's SMMUv3 example (arm-smmu-v3.c format: the event line, then four dwords).
      name: 'SMMUv3 events (Thor / server Arm)',
      files: {
        dmesg: dmesg([
          [920.4, 'arm-smmu-v3 arm-smmu-v3.0.auto: event 0x10 received:'],
          [920.4, 'arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000080000000010'],
          [920.4, 'arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000'],
          [920.4, 'arm-smmu-v3 arm-smmu-v3.0.auto: \t0x00000000fff00000'],
          [920.4, 'arm-smmu-v3 arm-smmu-v3.0.auto: \t0x0000000000000000'],
        ]),
      },
      findings: [{ messageId: 'v3', severity: 'error', evidence: at('dmesg', 1), tags: ['smmu-fault'], signatures: ['arm-smmu-v3-event'], verdict: /^1 SMMUv3 event\(s\) on arm-smmu-v3\.0\.auto \(event 0x10\)\.$/ }],
    },
  ],
}, (name, found) => {
  if (!name.startsWith('real T210')) return;
  const fig = Object.fromEntries(found[0]!.figures.map((f) => [f.label, f.value]));
  expect(fig).toMatchObject({ device: 'USB host controller (xHCI)', access: 'write', address: '0x80180000', status: '0x6001004b', 'SMMU fault': 'nr-nw-s', 'SMMU fault address': '0x0000000080180000' });
  expect(found[0]!.evidence.map((e) => e.line)).toEqual([3, 4, 5, 15]);
  expect(found[0]!.signatures).toEqual(['tegra-mc-error']);
});
