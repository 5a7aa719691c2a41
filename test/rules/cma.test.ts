import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg, HEALTHY_MEMINFO, meminfo, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';
import { fixture, realLog } from '../helpers/fixtures.js';

describeRule('cma', {
  valid: [
    { name: 'CMA mostly free, no failures', files: { 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg(BOOT_DMESG) } },
    // An ordinary movable OOM with little free_cma is CMA holding user pages, not CMA exhaustion
    // (real 4.9 header; the zone line after it is synthetic, in the show-mem-zone format).
    {
      name: 'ordinary movable OOM (real 4.9 header) with low free_cma and no contiguous failure',
      files: { dmesg: realLog('oom-catalogue-invoker-only.log') + '\n<4>[ 7530.050000] Normal free:22104kB min:10428kB low:13028kB high:15636kB active_anon:0kB free_cma:1204kB\n' },
    },
    { name: 'real show-mem block with free memory mostly CMA but no request known (raspberrypi/linux#3872)', files: { dmesg: realLog('oom-rpi-3872-showmem.log') } },
    {
      // Real lines composed: the 4.9 movable header (yi-hack-Allwinner#232) before a real zone line with
      // free_cma:0kB (raspberrypi/linux#7085). No contiguous allocation failed: not a CMA problem.
      name: 'ordinary movable OOM with free_cma 0 kB (real lines composed): no CMA finding',
      files: { dmesg: realLog('oom-catalogue-invoker-only.log') + '\n' + realLog('oom-rpi-7085-zone-free-cma-0.log') },
    },
  ],
  invalid: [
    {
      name: 'cma_alloc failures with CmaFree that would fit: fragmentation',
      files: {
        'proc/meminfo': meminfo({ CmaFree: 301204 }),
        dmesg: dmesg([...BOOT_DMESG, [51234.1, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12'], [51234.2, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
      },
      findings: [{ messageId: 'failures', evidence: [...at('dmesg', 7, 8), ...at('proc/meminfo', 44, 43)], tags: ['cma-failure', 'cma-fragmented'], signatures: ['cma-alloc-failed'], severity: 'error', verdict: /2 CMA allocation failure.*24 MiB \(fragmentation or pinned pages: CmaFree 294\.1 MiB would hold the 24 MiB request; 14\.2 h after boot: time enough for allocate\/free cycles to fragment the pool\)/ }],
    },
    {
      // Real AGX Orin r36.3 line (OE4T/meta-tegra#1613): alone it cannot say too small or fragmented.
      name: 'real r36 cma_alloc failure with no meminfo: undecided, and says why',
      files: { dmesg: '[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n' },
      findings: [{ messageId: 'failures', evidence: at('dmesg', 1), tags: ['cma-failure', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], verdict: /245\.6 MiB \(too small or fragmented cannot be told apart: CmaFree and the pool size are not in the bundle\)/ }],
    },
    {
      // The same real line with a (synthetic) 256 MiB pool: the request is most of the pool.
      name: 'real r36 failure against a 256 MiB pool: too small',
      files: { dmesg: '[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n', 'proc/meminfo': meminfo({ CmaTotal: 262144, CmaFree: 204800 }) },
      findings: [
        { messageId: 'failures', evidence: [...at('dmesg', 1), ...at('proc/meminfo', 44, 43)], tags: ['cma-failure', 'cma-too-small', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], verdict: /the pool is too small: the 245\.6 MiB request is more than half of the pool \(CmaTotal 256 MiB\); CmaFree 200 MiB is smaller than the 245\.6 MiB request/ },
      ],
    },
    {
      // Free CMA would hold it, but 13 s after boot is too early for fragmentation: not called fragmentation.
      name: 'real r36 failure 13 s after boot with CmaFree that would hold it: not fragmentation',
      files: { dmesg: '[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n', 'proc/meminfo': HEALTHY_MEMINFO },
      findings: [{ messageId: 'failures', evidence: [...at('dmesg', 1), ...at('proc/meminfo', 44, 43)], tags: ['cma-failure', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], verdict: /too small or fragmented cannot be told apart: only 13 s after boot, too early for fragmentation; CmaFree 742\.2 MiB would hold/ }],
    },
    {
      // Real line (linux-mm thread on commit 29a8af92b874, M. Szyprowski, May 2022, ARM): -16 EBUSY means free
      // ranges were found but their pages could not be isolated or migrated: worded so, not "too small or
      // fragmented cannot be told apart".
      name: 'real cma_alloc failure with ret -16 (EBUSY): pages in use could not be migrated, not a pool too small',
      files: { dmesg: '[ 7200.000000] cma: cma_alloc: linux,cma: alloc failed, req-size: 128 pages, ret: -16\n' },
      findings: [{
        messageId: 'failures', evidence: at('dmesg', 1), tags: ['cma-failure', 'cma-busy'], signatures: ['cma-alloc-failed'], severity: 'error',
        verdict: /^1 CMA allocation failure\(s\); the largest request was 0\.5 MiB \(-16 \(EBUSY\): free CMA ranges were found but pages in them were in use \(pinned, under writeback or unmovable\) and could not be migrated out, not a pool too small\)\.$/,
      }],
    },
    {
      // Real line (Sensorgnome field notes, Raspberry Pi syslog, a USB audio set-up): -4 EINTR is a task with a
      // fatal signal pending; a warning that names no CMA cause.
      name: 'real cma_alloc failure with ret -4 (EINTR): the task was being killed, no CMA cause',
      files: { dmesg: '[ 1157.281879] cma: cma_alloc: linux,cma: alloc failed, req-size: 1 pages, ret: -4\n' },
      findings: [{
        messageId: 'failures', evidence: at('dmesg', 1), tags: [], signatures: ['cma-alloc-failed'], severity: 'warning',
        verdict: /^1 CMA allocation failure\(s\); the largest request was 4 KiB \(-4 \(EINTR\): the allocating task had a fatal signal pending \(it was being killed\), so the allocation was abandoned; this says nothing about CMA size or fragmentation\)\.$/,
      }],
    },
    {
      // The real r36 -12 line and the real -16 line together: each return code worded by what it means.
      name: 'ret -12 and -16 together: the -12 judged on size, the -16 as pages in use',
      files: { dmesg: '[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n[   14.100000] cma: cma_alloc: linux,cma: alloc failed, req-size: 128 pages, ret: -16\n', 'proc/meminfo': meminfo({ CmaTotal: 262144, CmaFree: 204800 }) },
      findings: [{
        messageId: 'failures', evidence: [...at('dmesg', 1, 2), ...at('proc/meminfo', 44, 43)], tags: ['cma-failure', 'cma-too-small', 'cma-busy', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], severity: 'error',
        verdict: /\(-12 \(ENOMEM\): the pool is too small: the 245\.6 MiB request is more than half of the pool.*; -16 \(EBUSY\): free CMA ranges were found but pages in them were in use/,
      }],
    },
    {
      name: 'CmaFree below one buffer',
      files: { 'proc/meminfo': meminfo() },
      findings: [{ messageId: 'belowBuffer', evidence: at('proc/meminfo', 44, 43), tags: ['cma-low'], signatures: ['meminfo-memavailable-low'], severity: 'error', verdict: /CmaFree is 10\.9 MiB of 768 MiB/ }],
    },
    {
      name: 'JetPack 4: no failure line, PFNs busy is the sign',
      files: { ...XAVIER_R32_IDENTITY, 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg([[25940.0327, 'alloc_contig_range: [2f100, 2f20a) PFNs busy'], [25940.0401, 'alloc_contig_range: [2f200, 2f30a) PFNs busy']]) },
      findings: [{ messageId: 'busy', evidence: at('dmesg', 1, 2), tags: ['cma-busy'], signatures: ['alloc-contig-range-busy'], severity: 'error', verdict: /JetPack 4 prints no CMA failure line/ }],
    },
    {
      // Synthetic from the catalogue formats (no real JetPack 4 report with both was found): PFNs busy
      // says contiguous allocations failed, so the OOM's low free_cma is CMA exhaustion.
      name: 'JetPack 4: contiguous allocations failing and an OOM report with no free CMA left',
      files: {
        ...XAVIER_R32_IDENTITY,
        'proc/meminfo': HEALTHY_MEMINFO,
        dmesg: dmesg([
          [7529.9, 'alloc_contig_range: [2f100, 2f20a) PFNs busy'],
          [7530.03, 'gst-launch-1.0 invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
          [7530.05, 'Normal free:22104kB min:10428kB low:13028kB high:15636kB active_anon:0kB free_cma:1204kB'],
        ]),
      },
      findings: [
        { messageId: 'busy', evidence: at('dmesg', 1), tags: ['cma-busy'], signatures: ['alloc-contig-range-busy'], severity: 'error' },
        { messageId: 'oomFreeCma', evidence: at('dmesg', 1, 2, 3), tags: ['cma-low', 'cma-failure'], signatures: ['show-mem-zone', 'alloc-contig-range-busy'], severity: 'error', verdict: /only 1204 kB of free CMA while contiguous allocations failed within minutes of it \(JetPack 4 prints no CMA failure line/ },
      ],
    },
    {
      // Real messages composed: the order-1 GFP_KERNEL_ACCOUNT header of raspberrypi/linux#5279 (its own timestamp
      // was a logger's) placed before the real show-mem block of raspberrypi/linux#3872.
      name: 'non-movable request while free memory was CMA alone (real lines composed)',
      files: { dmesg: '[  492.650000] kthreadd invoked oom-killer: gfp_mask=0x7080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null), order=1, oom_score_adj=0\n' + realLog('oom-rpi-3872-showmem.log') },
      findings: [{ messageId: 'unusableFree', evidence: at('dmesg', 1, 3), tags: ['cma-unusable-free',  'cma-trap'], signatures: ['show-mem-zone'], severity: 'error', verdict: /zone DMA had 519112 kB free but 513592 kB of it was CMA, which the non-movable request \(GFP_KERNEL_ACCOUNT\|__GFP_ZERO\) cannot use: only 5520 kB outside CMA/ }],
    },
    {
      // Real lines composed: the r36 cma_alloc failure (OE4T/meta-tegra#1613) 13.9 s after boot, and an ordinary
      // movable OOM two hours later (yi-hack-Allwinner#232 header, raspberrypi/linux#7085 zone line with free_cma:0kB).
      // The failure is reported; the later OOM's low free_cma is not called CMA exhaustion.
      name: 'a CMA failure at boot and an ordinary OOM two hours later: the OOM is not blamed on CMA',
      files: { dmesg: '[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n' + realLog('oom-catalogue-invoker-only.log') + '\n' + realLog('oom-rpi-7085-zone-free-cma-0.log').replace(/\[  302\.\d+\]/g, '[ 7530.050000]') },
      findings: [{ messageId: 'failures', evidence: at('dmesg', 1), tags: ['cma-failure', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'] }],
    },
    {
      // The same composition (the zone line's timestamp moved to the OOM's in both cases) with the failure in the same minute as the OOM report: now the low free_cma is CMA
      // running out for contiguous requests, and the finding quotes the failure line.
      name: 'a CMA failure in the same episode as an OOM with free_cma 0 kB: CMA ran out for contiguous requests',
      files: { dmesg: '[ 7529.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n' + realLog('oom-catalogue-invoker-only.log') + '\n' + realLog('oom-rpi-7085-zone-free-cma-0.log').replace(/\[  302\.\d+\]/g, '[ 7530.050000]') },
      findings: [{ messageId: 'failures', evidence: at('dmesg', 1), tags: ['cma-failure'], signatures: ['cma-alloc-failed'] }, { messageId: 'oomFreeCma', evidence: at('dmesg', 1, 2, 4), tags: ['cma-low', 'cma-failure'], signatures: ['show-mem-zone', 'cma-alloc-failed'], verdict: /only 0 kB of free CMA while contiguous allocations failed within minutes of it: CMA ran out for those contiguous requests\.$/ }],
    },
    {
      name: 'cma= on the command line but CmaTotal differs',
      files: { 'proc/meminfo': HEALTHY_MEMINFO, 'proc/cmdline': 'root=/dev/mmcblk0p1 rw rootwait cma=1024M quiet\n' },
      findings: [{ messageId: 'cmdlineMismatch', evidence: [...at('proc/cmdline', 1), ...at('proc/meminfo', 44, 43)], tags: ['cma-config'], signatures: ['cma-reserved'], severity: 'warning' }],
    },
    {
      name: 'pagetypeinfo: free CMA only in small blocks',
      files: { 'proc/meminfo': HEALTHY_MEMINFO, 'proc/pagetypeinfo': fixture('pagetypeinfo/synthetic-orin-cma-01.txt').replace('120     80     33     10      2', '9120   4080   2033   1010    402') },
      findings: [{ messageId: 'fragmentedBlocks', evidence: at('proc/pagetypeinfo', 9), tags: ['cma-fragmented',  'fragmentation'], signatures: ['buddyinfo-high-orders-empty'], severity: 'warning', verdict: /100% of it sits in blocks under 2048 KiB/ }],
    },
    {
      name: 'reservation failed at boot (dmesg only)',
      files: { dmesg: dmesg([[0, 'cma: Failed to reserve 2048 MiB']]) },
      findings: [{ messageId: 'reserveFailed', evidence: at('dmesg', 1), tags: ['cma-failure'], signatures: ['cma-reserved'], severity: 'critical', verdict: /\(2048 MiB\) at boot/ }],
    },
    {
      // Real lines composed: the Orin Nano 5.10 boot's DT pool line (ArduCAM/Arducam_tof_camera#37) and the r36
      // cma_alloc failure (OE4T/meta-tegra#1613). Without meminfo the pool size comes from the boot log.
      name: 'device-tree CMA pool line at boot and a failure, no meminfo: the pool is the one the boot reserved',
      files: { dmesg: '[    0.000000] Reserved memory: created CMA memory pool at 0x000000025a800000, size 256 MiB\n[   13.879784] cma: cma_alloc: linux,cma: alloc failed, req-size: 62864 pages, ret: -12\n' },
      findings: [{
        messageId: 'failures', evidence: at('dmesg', 2), tags: ['cma-failure', 'cma-too-small', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], severity: 'error',
        verdict: /the pool is too small: the 245\.6 MiB request is more than half of the pool \(CmaTotal 256 MiB \(reserved at boot\)\)/,
      }],
    },
    {
      // Real lines of one boot (a linux-next 5.6-rc1 report on linux-kernel): the DT linux,cma node could not be
      // allocated, then the cma= area neither. One critical finding citing both lines.
      name: 'DT linux,cma node not allocated and cma: Failed to reserve: one reservation failure, both lines',
      files: { dmesg: "[    0.000000] OF: reserved mem: failed to allocate memory for node 'linux,cma'\n[    0.000000] cma: Failed to reserve 32 MiB\n" },
      findings: [{ messageId: 'reserveFailed', evidence: at('dmesg', 1, 2), tags: ['cma-failure'], signatures: ['cma-reserved'], severity: 'critical', verdict: /^The kernel failed to reserve the configured CMA area \(32 MiB, node linux,cma\) at boot/ }],
    },
    {
      // Real lines (an i.MX boot log): the node failure alone, then a DMA (not CMA) pool that must not count.
      name: 'DT linux,cma node not allocated, a DMA pool after it: the node named, the DMA pool ignored',
      files: { dmesg: "[    0.000000] OF: reserved mem: failed to allocate memory for node 'linux,cma'\n[    0.000000] Reserved memory: created DMA memory pool at 0x0000000055000000, size 0 MiB\n" },
      findings: [{ messageId: 'reserveFailed', evidence: at('dmesg', 1), tags: ['cma-failure'], signatures: ['cma-reserved'], severity: 'critical', verdict: /\(node linux,cma\) at boot/ }],
    },
  ],
});
