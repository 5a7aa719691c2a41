import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/registry.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { assertRuleDocumented, checkInvalid, checkValid, type RuleCases } from '../../src/rules/tester.js';
import { BOOT_DMESG, dmesg, HEALTHY_MEMINFO, meminfo, ORIN_NANO_IDENTITY, tegrastats, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';
import { FIELD_INPUT_CASES } from './field-input-cases.js';

const SIGNATURES = loadSignatures();
const ZONEINFO = fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt');

/** Lowers DMA32's free pages (first `pages free     21173`) below its min of 12698. */
const ZONEINFO_BELOW_MIN = ZONEINFO.replace('pages free     21173', 'pages free     9000');
const ZONEINFO_BELOW_LOW = ZONEINFO.replace('pages free     21173', 'pages free     14000');

const BUDDY_HEALTHY = 'Node 0, zone      DMA    512    400    300    200    150    120    100     80     60     40    300\nNode 0, zone   Normal   2011   1433    902    411    200    105     60     31     12      9    180\n';
const BUDDY_FRAGMENTED = 'Node 0, zone      DMA  24012  15433   8021   2011    312     41      0      0      0      0      0\nNode 0, zone   Normal  31022  20110   9100   1800    220     12      0      0      0      0      0\n';

const CASES: Record<string, RuleCases> = {
  // The rules reading the collector's inputs keep their cases in their own file.
  ...FIELD_INPUT_CASES,
  'memory-pressure': {
    valid: [{ name: 'healthy Orin Nano', files: { 'proc/meminfo': HEALTHY_MEMINFO } }],
    invalid: [
      {
        name: 'MemAvailable 3% and swap 89% used',
        files: { 'proc/meminfo': meminfo() },
        findings: [
          { messageId: 'critical', severity: 'critical', verdict: /Only 243 MiB \(3\.3%\)/ },
          { messageId: 'swap', severity: 'warning' },
        ],
      },
      {
        name: 'MemAvailable 8% is a warning; threshold override makes it critical',
        files: { 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) },
        findings: [{ messageId: 'warning', severity: 'warning' }],
      },
      {
        name: 'threshold override',
        files: { 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) },
        thresholds: { availablePctCritical: 9 },
        findings: [{ messageId: 'critical', severity: 'critical' }],
      },
    ],
  },
  'zone-watermarks': {
    valid: [
      { name: 'real 5.4 zoneinfo (second host)', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-02.txt') } },
      { name: 'real 4.1 ARM router just above low', files: { 'proc/zoneinfo': fixture('zoneinfo/generic-armv7-router-k4.1-01.txt') } },
    ],
    invalid: [
      // This real capture has Normal at 5154 free pages against a low of 5164: kswapd was working.
      { name: 'real 5.4 zoneinfo with Normal just below low', files: { 'proc/zoneinfo': ZONEINFO }, findings: [{ messageId: 'belowLow', verdict: /Zone Normal \(node 0\) has 20\.1 MiB free, below its low watermark of 20\.2 MiB/ }] },
      {
        name: 'DMA32 below min',
        files: { 'proc/zoneinfo': ZONEINFO_BELOW_MIN },
        findings: [{ messageId: 'belowMin', severity: 'error', verdict: /DMA32.*below its min watermark/ }, { messageId: 'belowLow' }],
      },
      { name: 'DMA32 below low', files: { 'proc/zoneinfo': ZONEINFO_BELOW_LOW }, findings: [{ messageId: 'belowLow', severity: 'warning', verdict: /DMA32/ }, { messageId: 'belowLow' }] },
      {
        name: 'free memory mostly CMA',
        // the second nr_free_cma line belongs to DMA32
        files: { 'proc/zoneinfo': ZONEINFO.replace(/(nr_free_cma  0[\s\S]*?)nr_free_cma  0/, '$1nr_free_cma  12000') },
        findings: [{ messageId: 'cmaTrap', severity: 'warning', verdict: /DMA32: 46\.9 of its 82\.7 MiB free is CMA/ }, { messageId: 'belowLow' }],
      },
    ],
  },
  'ram-size': {
    valid: [{ name: 'Orin Nano with the usual 7454 MiB', files: { 'proc/meminfo': meminfo(), ...ORIN_NANO_IDENTITY } }],
    invalid: [
      {
        name: 'Orin Nano missing 600 MiB',
        files: { 'proc/meminfo': meminfo({ MemTotal: 7020000 }), ...ORIN_NANO_IDENTITY },
        findings: [{ messageId: 'short', severity: 'warning', verdict: /normally shows 7620 MiB/ }],
      },
      {
        name: 'AGX Xavier 16GB with 8 GB visible',
        files: { 'proc/meminfo': meminfo({ MemTotal: 7633536 }), ...XAVIER_R32_IDENTITY },
        findings: [{ messageId: 'short', severity: 'warning' }],
      },
    ],
  },
  'buddy-fragmentation': {
    valid: [{ name: 'orders up to 10 populated', files: { 'proc/buddyinfo': BUDDY_HEALTHY } }],
    invalid: [
      {
        name: 'orders 6+ empty with hundreds of MiB free',
        files: { 'proc/buddyinfo': BUDDY_FRAGMENTED },
        findings: [
          { messageId: 'empty', severity: 'error', verdict: /Zone DMA has 427\.2 MiB free but no block of order 6/ },
          { messageId: 'empty', severity: 'error', verdict: /Normal/ },
        ],
      },
      {
        name: 'high orders draining across periodic captures',
        files: { 'proc/buddyinfo': `Tue Nov 24 08:00:00 UTC 2026\n${BUDDY_HEALTHY}Tue Nov 24 20:00:00 UTC 2026\n${BUDDY_HEALTHY.replace(/ 300\n/, ' 10\n').replace(/60     31     12      9    180/, '3      1      0      0      2')}` },
        // DMA keeps 290 high-order blocks; Normal drops from 292 to 6.
        findings: [{ messageId: 'trend', severity: 'warning', verdict: /zone Normal fell from 292 to 6/ }],
      },
    ],
  },
  'lfb-fragmentation': {
    valid: [{ name: 'lfb stays at 4MB', files: { 'tegrastats.log': tegrastats(30, () => ({})) } }],
    invalid: [
      {
        name: 'lfb collapses to 1x512kB with RAM at 45%',
        files: { 'tegrastats.log': tegrastats(60, (i) => ({ ramMB: 3400, lfb: i < 30 ? '28x4MB' : i < 50 ? '3x2MB' : '1x512kB' })) },
        findings: [{ messageId: 'collapsed', severity: 'error', verdict: /1x512 kB \(from 28x4096 kB\)/ }],
      },
      { name: 'real Xavier NX GPU burn log (27x4MB to 2x128kB)', files: { 'tegrastats.log': fixture('tegrastats/jetson-xavier-nx-jp5-01.txt') }, findings: [{ messageId: 'collapsed', severity: 'error' }] },
    ],
  },
  cma: {
    valid: [{ name: 'CMA mostly free, no failures', files: { 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg(BOOT_DMESG) } }],
    invalid: [
      {
        name: 'cma_alloc failures with CmaFree that would fit: fragmentation',
        files: {
          'proc/meminfo': meminfo({ CmaFree: 301204 }),
          dmesg: dmesg([...BOOT_DMESG, [51234.1, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12'], [51234.2, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
        },
        findings: [{ messageId: 'failures', severity: 'error', verdict: /2 CMA allocation failure.*24 MiB.*would fit it/ }],
      },
      {
        name: 'CmaFree below one buffer',
        files: { 'proc/meminfo': meminfo() },
        findings: [{ messageId: 'belowBuffer', severity: 'error', verdict: /CmaFree is 10\.9 MiB of 768 MiB/ }],
      },
      {
        name: 'JetPack 4: no failure line, PFNs busy is the sign',
        files: { ...XAVIER_R32_IDENTITY, 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg([[25940.0327, 'alloc_contig_range: [2f100, 2f20a) PFNs busy'], [25940.0401, 'alloc_contig_range: [2f200, 2f30a) PFNs busy']]) },
        findings: [{ messageId: 'busy', severity: 'error', verdict: /JetPack 4 prints no CMA failure line/ }],
      },
      {
        name: 'JetPack 4 OOM report with no free CMA left',
        files: {
          ...XAVIER_R32_IDENTITY,
          'proc/meminfo': HEALTHY_MEMINFO,
          dmesg: dmesg([
            [7530.03, 'gst-launch-1.0 invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
            [7530.05, 'Normal free:22104kB min:10428kB low:13028kB high:15636kB active_anon:0kB free_cma:1204kB'],
          ]),
        },
        findings: [{ messageId: 'oomFreeCma', severity: 'error', verdict: /only 1204 kB of free CMA \(JetPack 4 prints no CMA failure line/ }],
      },
      {
        name: 'cma= on the command line but CmaTotal differs',
        files: { 'proc/meminfo': HEALTHY_MEMINFO, 'proc/cmdline': 'root=/dev/mmcblk0p1 rw rootwait cma=1024M quiet\n' },
        findings: [{ messageId: 'cmdlineMismatch', severity: 'warning' }],
      },
      {
        name: 'pagetypeinfo: free CMA only in small blocks',
        files: { 'proc/meminfo': HEALTHY_MEMINFO, 'proc/pagetypeinfo': fixture('pagetypeinfo/synthetic-orin-cma-01.txt').replace('120     80     33     10      2', '9120   4080   2033   1010    402') },
        findings: [{ messageId: 'fragmentedBlocks', severity: 'warning', verdict: /100% of it sits in blocks under 2048 KiB/ }],
      },
      {
        name: 'reservation failed at boot (dmesg only)',
        files: { dmesg: dmesg([[0, 'cma: Failed to reserve 2048 MiB']]) },
        findings: [{ messageId: 'reserveFailed', severity: 'critical' }],
      },
    ],
  },
  'smmu-faults': {
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
        findings: [{ messageId: 'context', severity: 'error', verdict: /85 SMMU context fault\(s\) on 8000000\.iommu stream 0x800 \(TF translation fault\); 1 camera error/ }],
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
          { messageId: 'context', severity: 'warning', verdict: /stream 0x11 \(AFI\)/ },
          { messageId: 'mc', severity: 'error', verdict: /\(client csr_nvl7r\): EMEM address decode error/ },
        ],
      },
      {
        name: 'dmesg -T (wall clock only): camera error 2 s after the fault is still related',
        files: {
          dmesg: [
            '[Tue Nov 24 10:37:38 2026] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cbfrsynra=0x800, cb=7',
            '[Tue Nov 24 10:37:40 2026] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms',
          ].join('\n'),
        },
        findings: [{ messageId: 'context', severity: 'error', verdict: /1 camera error\(s\) within 5 s/ }],
      },
      {
        name: 'a fault wrapped over two lines by whoever pasted it',
        files: { dmesg: 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402,\niova=0xfffb5000, cbfrsynra=0x100f, cb=3\n' },
        findings: [{ messageId: 'context', verdict: /stream 0x100f/ }],
      },
    ],
  },
  'oom-kills': {
    valid: [{ name: 'a clean boot', files: { dmesg: fixture('dmesg/generic-ubuntu2004-k5.4-x86-01.txt') } }],
    invalid: [
      {
        name: '5.15 OOM report with task table and free_cma trap',
        files: {
          dmesg: dmesg([
            [492.65, 'python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0'],
            [492.6501, 'CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1'],
            [492.659, 'Mem-Info:'],
            [492.659081, 'Normal free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB reserved_highatomic:0KB active_anon:0kB free_cma:513592kB'],
            [492.6622, 'Normal: 142*4kB (UEC) 161*8kB (UEC) 59*16kB (UEC) 51*32kB (UEC) 18*64kB (UEC) 2*128kB (UC) 1*256kB (C) 0*512kB 1*1024kB (C) 0*2048kB 125*4096kB (C) = 519120kB'],
            [492.674226, '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name'],
            [492.6743, '[   2210]  1000  2210  2345678  1234567  9876543        0             0 python3'],
            [492.6744, '[   1877]     0  1877   345678   501234  1876543        0             0 nvargus-daemon'],
            [492.68, 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=python3,pid=2210,uid=1000'],
            [492.6801, 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:4938268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0'],
          ]),
        },
        findings: [{ messageId: 'kill', severity: 'critical', verdict: /killed python3 \(pid 2210, anon-rss 4822\.5 MiB\); triggered by python3 \(order 0, GFP_HIGHUSER_MOVABLE\).*only in CMA pageblocks.*mostly CMA/ }],
      },
      {
        name: '4.9 two-line victim, killed twice, memcg kill, allocation failures',
        files: {
          dmesg: dmesg([
            [7530.03203, 'adec_send_aacst invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
            [7530.1, 'Out of memory: Kill process 1039 (netifd) score 2 or sacrifice child'],
            [7530.2, 'Killed process 1039 (netifd) total-vm:1680kB, anon-rss:148kB, file-rss:4kB, shmem-rss:0kB'],
            [9000.1, 'netifd invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
            [9000.2, 'Killed process 1502 (netifd) total-vm:1680kB, anon-rss:152kB, file-rss:4kB, shmem-rss:0kB'],
            [9100.0, 'Renderer: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=user.slice,mems_allowed=0'],
            [9200.0, 'Memory cgroup out of memory: Killed process 4242 (python) total-vm:87716756kB, anon-rss:16715856kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:165916kB oom_score_adj:0'],
          ]),
        },
        findings: [
          { messageId: 'kill', severity: 'critical', verdict: /netifd \(pid 1039.*killed 2 times/ },
          { messageId: 'kill', severity: 'critical', verdict: /pid 1502/ },
          { messageId: 'memcg', severity: 'error', verdict: /memory-cgroup limit/ },
          { messageId: 'allocFailures', severity: 'error', verdict: /order 5 \(128 KiB\).*fragmentation/ },
        ],
      },
    ],
  },
  thermal: {
    valid: [{ name: 'Orin Nano at 55 C', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(30, () => ({})) } }],
    invalid: [
      {
        name: 'Orin Nano at its 99 C trip with the GPU clock falling under load',
        files: {
          ...ORIN_NANO_IDENTITY,
          'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 70, gpuLoad: 99, gpuMHz: 1020 } : { tempC: 99.5, gpuLoad: 99, gpuMHz: 612 })),
        },
        findings: [
          { messageId: 'overTrip', severity: 'error', verdict: /cpu reached 99\.5 °C, at or above its 99 °C throttle trip.*GPU clock fell from 1020 to 612 MHz/ },
        ],
      },
      {
        name: 'no tegrastats: the thermal_zone readings of the seed checklist',
        files: {
          ...ORIN_NANO_IDENTITY,
          'sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
          'sys/class/thermal/thermal_zone0/temp': '97125\n',
          'sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
          'sys/class/thermal/thermal_zone1/temp': '-256000\n',
        },
        findings: [{ messageId: 'nearTrip', severity: 'warning', verdict: /cpu-thermal \(thermal_zone0\) reached 97\.125 °C, within 3 °C of its 99 °C throttle trip/ }],
      },
      {
        name: 'Nano trip points from its own boot log; critical shutdown line',
        files: {
          'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0',
          dmesg: dmesg([
            [0.4, 'tegra_soctherm 700e2000.soctherm: thermtrip: will shut down when cpu reaches 102500 mC'],
            [0.4, 'tegra_soctherm 700e2000.soctherm: throttrip: will throttle when cpu reaches 96000 mC'],
            [9000, 'thermal thermal_zone1: critical temperature reached(105 C),shutting down'],
          ]),
          'tegrastats.log': 'RAM 1180/3965MB (lfb 10x4MB) CPU [90%@1479,90%@1479,90%@1479,90%@1479] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 PLL@57C CPU@97C PMIC@100C GPU@59C AO@65C thermal@59.75C\n',
        },
        findings: [
          { messageId: 'shutdown', severity: 'critical', verdict: /thermal_zone1 at 105 °C/ },
          { messageId: 'overTrip', severity: 'error', verdict: /CPU reached 97 °C.*96 °C throttle trip \(boot log/ },
        ],
      },
    ],
  },
  'over-current': {
    valid: [{ name: 'no alarms', files: { dmesg: dmesg(BOOT_DMESG) } }],
    invalid: [
      {
        name: 'Nano OC alarms',
        files: { 'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0', dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000001'], [101, 'soctherm: OC ALARM 0x00000005']]) },
        findings: [{ messageId: 'alarms', severity: 'warning', verdict: /2 over-current alarm\(s\) \(channels OC1, OC3\).*weak 5 V supply/ }],
      },
    ],
  },
  'memory-leak': {
    valid: [{ name: 'flat RAM for 2 h', files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3100 + (i % 7) })) } }],
    invalid: [
      {
        name: 'RAM rising 60 MB/h for 2 h',
        files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) + (i % 3) })) },
        findings: [{ messageId: 'leak', severity: 'warning', verdict: /grows 60 MB\/h over 120 min \(R² 0\.999\); at this rate memory runs out in 3\.1 days/ }],
      },
      {
        name: 'periodic meminfo with timestamps, MemAvailable falling fast',
        files: {
          'meminfo.log': [0, 1, 2, 3].map((h) => `2026-11-24T0${h}:00:00Z\n${meminfo({ MemAvailable: 2000000 - h * 400000 })}`).join(''),
        },
        findings: [{ messageId: 'leak', severity: 'error', verdict: /grows 390\.6 MB\/h over 3 h/ }],
      },
    ],
  },
  'emc-bandwidth': {
    valid: [{ name: 'EMC at 20%', files: { 'tegrastats.log': tegrastats(300, () => ({})) } }],
    invalid: [
      {
        name: 'EMC at 95% for 4 minutes',
        files: { 'tegrastats.log': tegrastats(300, (i) => ({ emc: i >= 50 && i < 290 ? 95 : 30 })) },
        findings: [{ messageId: 'saturated', severity: 'warning', verdict: /for 4 min; 80% of the log/ }],
      },
    ],
  },
};

describe('every built-in rule is documented and has valid and invalid cases', () => {
  it.each(BUILTIN_RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    assertRuleDocumented(rule);
    expect(CASES[id], `no test cases for rule ${id}`).toBeDefined();
    expect(CASES[id]!.valid.length).toBeGreaterThan(0);
    expect(CASES[id]!.invalid.length).toBeGreaterThan(0);
  });
});

for (const rule of BUILTIN_RULES) {
  const cases = CASES[rule.meta.id];
  if (!cases) continue;
  describe(`rule ${rule.meta.id}`, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => checkValid(rule, c, SIGNATURES));
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      checkInvalid(rule, c, SIGNATURES);
    });
  });
}
