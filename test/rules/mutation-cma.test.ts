/**
 * The cma rule's less travelled paths (issue #14, mutation testing): the pool from the boot
 * reservation, the largest free CMA block from pagetypeinfo or a show-mem block, PFNs busy
 * with and without a failure, the release-default note, contiguous failures placed by wall
 * clock and by seconds since boot (5 minutes apart at most), nvgpu's physically addressed DMA
 * failures, and the cma= boot parameter against CmaTotal (4 MiB apart at most). Kernel lines
 * are the signature catalogue's formats and "seen" examples.
 */
import { describe, expect, it } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { dmesg, HEALTHY_MEMINFO, meminfo, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';
import { fixture, realLog } from '../helpers/fixtures.js';
import { parseCmaParam } from '../../src/rules/builtin/cma.js';
import { judgeCmaFailure } from '../../src/rules/builtin/cma-judgement.js';

const FAIL = 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12';
const BUSY = 'alloc_contig_range: [2f100, 2f20a) PFNs busy';
const OOM = 'gst-launch-1.0 invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0';
const ZONE = 'Normal free:22104kB min:10428kB low:13028kB high:15636kB active_anon:0kB free_cma:1204kB';
const NVGPU = (flags: string) => `nvgpu: 17000000.gpu               nvgpu_dma_print_err:101  [INFO]  DMA alloc FAILED: [sysmem] size=257490944 aligned=257490944 flags:${flags}`;
const CAM: [number, string] = [3600.5, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'];
const CMA_EV = at('proc/meminfo', 44, 43);
const cmdline = (cma: string) => ({ 'proc/meminfo': HEALTHY_MEMINFO, 'proc/cmdline': `root=/dev/mmcblk0p1 rw rootwait cma=${cma} quiet\n` });
const MISMATCH = { messageId: 'cmdlineMismatch', severity: 'warning' as const, evidence: [...at('proc/cmdline', 1), ...CMA_EV], tags: ['cma-config'], signatures: ['cma-reserved'] };
const OOM_CMA = { messageId: 'oomFreeCma', severity: 'error' as const, tags: ['cma-low', 'cma-failure'] };
const BUSY_W = { messageId: 'busy', severity: 'warning' as const, evidence: at('dmesg', 1), tags: ['cma-busy'], signatures: ['alloc-contig-range-busy'], verdict: /^1 "PFNs busy" line\(s\): pinned pages inside CMA could not be migrated\.$/ };

describeRule(
  'cma',
  {
    valid: [
      { name: 'cma= within 4 MiB above CmaTotal (772M against 768 MiB)', files: cmdline('772M') },
      { name: 'cma= within 4 MiB below CmaTotal (764M)', files: cmdline('764M') },
      { name: 'cma= in bytes, equal to CmaTotal', files: cmdline('805306368') },
      { name: 'cma= with a placement range', files: cmdline('768M@0-4G') },
      { name: 'cma= not a size', files: cmdline('auto') },
      { name: 'nvgpu DMA failure of a buffer that need not be contiguous, near an OOM with no free CMA', files: { dmesg: dmesg([[7529.9, NVGPU('')], [7530.03, OOM], [7530.05, ZONE]]) } },
    ],
    invalid: [
      {
        name: 'failure with only the boot reservation: the pool size is named as reserved at boot',
        files: { dmesg: dmesg([[0, 'cma: Reserved 256 MiB at 0x00000000c0000000'], [51234.1, FAIL]]) },
        // It used to say "CmaFree and the pool size are not in the bundle" beside the pool size it had (fixed).
        findings: [{ messageId: 'failures', severity: 'error', evidence: at('dmesg', 2), tags: ['cma-failure'], signatures: ['cma-alloc-failed'], verdict: /\(too small or fragmented cannot be told apart: the 24 MiB request is at most half of the pool \(CmaTotal 256 MiB \(reserved at boot\)\) but CmaFree is not in the bundle\)\.$/, figures: { failures: 1, 'largest request': 24, 'return codes': '-12 (ENOMEM)', 'CMA reserved at boot': 256, 'uptime at the first failure': 854 } }],
      },
      {
        name: 'failure with the pool reserved at boot too small for the request',
        files: { dmesg: dmesg([[0, 'cma: Reserved 16 MiB at 0x00000000c0000000'], [51234.1, FAIL]]) },
        findings: [{ messageId: 'failures', severity: 'error', evidence: at('dmesg', 2), tags: ['cma-failure', 'cma-too-small'], signatures: ['cma-alloc-failed'], verdict: /\(the pool is too small: the 24 MiB request is larger than the whole pool \(CmaTotal 16 MiB \(reserved at boot\)\)\)\.$/, figures: { 'CMA reserved at boot': 16 } }],
      },
      {
        name: 'failure 14 h after boot, pagetypeinfo showing free CMA only in small blocks',
        files: { dmesg: dmesg([[51234.1, FAIL]]), 'proc/pagetypeinfo': fixture('pagetypeinfo/synthetic-orin-cma-01.txt') },
        findings: [{
          messageId: 'failures', severity: 'error', evidence: at('dmesg', 1), tags: ['cma-failure', 'cma-fragmented'], signatures: ['cma-alloc-failed'],
          verdict: /\(fragmentation or pinned pages: the largest free CMA block is 0\.1 MiB; 14\.2 h after boot: time enough for allocate\/free cycles to fragment the pool\)\.$/,
          figures: { 'largest free CMA block': 64 },
        }],
      },
      {
        name: 'failure after a show-mem block with CMA free lists: its largest CMA block',
        files: { dmesg: realLog('oom-rpi-3872-showmem.log') + '\n[  493.000000] ' + FAIL + '\n' },
        findings: [{ messageId: 'failures', severity: 'error', evidence: at('dmesg', 16), tags: ['cma-failure', 'cma-failure-at-boot'], signatures: ['cma-alloc-failed'], verdict: /only 8\.2 min after boot, too early for fragmentation; the largest free CMA block is 4 MiB\)\.$/, figures: { 'largest free CMA block': 4096, 'uptime at the first failure': 8 } }],
      },
      {
        name: 'PFNs busy alone on a current kernel: a warning, no JetPack 4 note',
        files: { 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg([[25940.0327, BUSY]]) },
        findings: [BUSY_W],
      },
      {
        name: 'PFNs busy next to a failure: an error',
        files: { 'proc/meminfo': HEALTHY_MEMINFO, dmesg: dmesg([[25940.0327, BUSY], [25940.1, FAIL]]) },
        findings: [
          { messageId: 'failures', severity: 'error', evidence: [...at('dmesg', 2), ...CMA_EV], tags: ['cma-failure', 'cma-fragmented'], signatures: ['cma-alloc-failed'], figures: { CmaFree: 742.2, CmaTotal: 768, 'uptime at the first failure': 432 } },
          { ...BUSY_W, severity: 'error' },
        ],
      },
      {
        name: 'camera errors with the R32 default 64 MiB pool: says it is the default',
        files: { ...XAVIER_R32_IDENTITY, 'proc/meminfo': meminfo({ CmaTotal: 65536, CmaFree: 60000 }), dmesg: dmesg([CAM]) },
        findings: [{ messageId: 'smallForCamera', severity: 'warning', evidence: CMA_EV, tags: ['cma-too-small'], signatures: ['meminfo-memavailable-low', 'camrtc-capture-timeout'], verdict: /^CMA is 64 MiB \(the L4T 32\.6\.1 default\) while the camera reports errors/ }],
      },
      {
        name: 'camera errors with a resized 128 MiB pool: no default note',
        files: { ...XAVIER_R32_IDENTITY, 'proc/meminfo': meminfo({ CmaTotal: 131072, CmaFree: 120000 }), dmesg: dmesg([CAM]) },
        findings: [{ messageId: 'smallForCamera', severity: 'warning', evidence: CMA_EV, tags: ['cma-too-small'], signatures: ['meminfo-memavailable-low', 'camrtc-capture-timeout'], verdict: /^CMA is 128 MiB while the camera reports errors/ }],
      },
      {
        name: 'dmesg -T: PFNs busy 2 s before an OOM with no free CMA',
        files: { dmesg: [`[Tue Nov 24 10:37:38 2026] ${BUSY}`, `[Tue Nov 24 10:37:40 2026] ${OOM}`, `[Tue Nov 24 10:37:40 2026] ${ZONE}`, ''].join('\n') },
        findings: [BUSY_W, { ...OOM_CMA, evidence: at('dmesg', 1, 2, 3), signatures: ['show-mem-zone', 'alloc-contig-range-busy'], verdict: /^At the memory report at Tue Nov 24 10:37:40 2026 the kernel listed only 1204 kB of free CMA while contiguous allocations failed within minutes of it: CMA ran out/ }],
      },
      {
        name: 'dmesg -T: PFNs busy exactly 5 min before the OOM',
        files: { dmesg: [`[Tue Nov 24 10:32:40 2026] ${BUSY}`, `[Tue Nov 24 10:37:40 2026] ${OOM}`, `[Tue Nov 24 10:37:40 2026] ${ZONE}`, ''].join('\n') },
        findings: [BUSY_W, { ...OOM_CMA, evidence: at('dmesg', 1, 2, 3), signatures: ['show-mem-zone', 'alloc-contig-range-busy'] }],
      },
      {
        name: 'dmesg -T: PFNs busy 5 min 1 s before the OOM: another episode',
        files: { dmesg: [`[Tue Nov 24 10:32:39 2026] ${BUSY}`, `[Tue Nov 24 10:37:40 2026] ${OOM}`, `[Tue Nov 24 10:37:40 2026] ${ZONE}`, ''].join('\n') },
        findings: [BUSY_W],
      },
      {
        name: 'seconds since boot: PFNs busy exactly 300 s before the memory report',
        files: { dmesg: dmesg([[7230.5, BUSY], [7530.25, OOM], [7530.5, ZONE]]) },
        findings: [BUSY_W, { ...OOM_CMA, evidence: at('dmesg', 1, 2, 3), signatures: ['show-mem-zone', 'alloc-contig-range-busy'], verdict: /^At the memory report at 2:05:30 after boot the kernel listed only 1204 kB/ }],
      },
      {
        name: 'seconds since boot: PFNs busy 300.25 s before the memory report',
        files: { dmesg: dmesg([[7230.25, BUSY], [7530.25, OOM], [7530.5, ZONE]]) },
        findings: [BUSY_W],
      },
      {
        name: 'PFNs busy 10 s after the memory report counts too (within 5 minutes either way)',
        files: { dmesg: dmesg([[7530.25, OOM], [7530.5, ZONE], [7540.5, BUSY]]) },
        findings: [{ ...BUSY_W, evidence: at('dmesg', 3) }, { ...OOM_CMA, evidence: at('dmesg', 3, 1, 2), signatures: ['show-mem-zone', 'alloc-contig-range-busy'] }],
      },
      {
        name: 'nvgpu physically addressed DMA failure next to an OOM with no free CMA',
        files: { dmesg: dmesg([[7529.9, NVGPU('PHYSICALLY_ADDRESSED')], [7530.03, OOM], [7530.05, ZONE]]) },
        findings: [{ ...OOM_CMA, evidence: at('dmesg', 1, 2, 3), signatures: ['show-mem-zone', 'nvgpu-dma-alloc-failed'], verdict: /^At the memory report at 2:05:30 after boot the kernel listed only 1204 kB of free CMA while contiguous allocations failed within minutes of it: CMA ran out for those contiguous requests\.$/ }],
      },
      { name: 'cma= 773M against 768 MiB: over 4 MiB apart', files: cmdline('773M'), findings: [{ ...MISMATCH, verdict: /^cma=773M is on the kernel command line but CmaTotal is 768 MiB\.$/ }] },
      { name: 'cma= 763M against 768 MiB', files: cmdline('763M'), findings: [MISMATCH] },
      { name: 'cma= 1G', files: cmdline('1G'), findings: [MISMATCH] },
    ],
  },
  (name, found) => {
    // Free CMA at an OOM is a stronger sign on JetPack 4 (no failure line there); elsewhere less sure.
    for (const f of found) if (f.messageId === 'oomFreeCma') expect(f.confidence).toBe(0.65);
    if (name.startsWith('PFNs busy alone')) expect(found[0]!.confidence).toBe(0.7);
  },
);

describe('judgeCmaFailure when nothing decides', () => {
  const MiB = 1024 * 1024;
  it('names the pool size when it is known, and only then', () => {
    expect(judgeCmaFailure({ requestBytes: 24 * MiB, totalBytes: 768 * MiB })).toEqual({ cause: 'undecided', reasons: ['the 24 MiB request is at most half of the pool (CmaTotal 768 MiB) but CmaFree is not in the bundle'], against: [] });
    expect(judgeCmaFailure({ requestBytes: 24 * MiB, totalBytes: 48 * MiB }).reasons).toEqual(['the 24 MiB request is at most half of the pool (CmaTotal 48 MiB) but CmaFree is not in the bundle']);
    expect(judgeCmaFailure({ requestBytes: 24 * MiB, largestFreeBlockBytes: 32 * MiB }).reasons).toEqual(['CmaFree and the pool size are not in the bundle']);
  });
});

describe('parseCmaParam', () => {
  it.each([
    ['512M', 512 * 1024 ** 2],
    ['512m', 512 * 1024 ** 2],
    ['1G', 1024 ** 3],
    ['65536K', 65536 * 1024],
    ['268435456', 268435456],
    ['256M@0-4G', 256 * 1024 ** 2],
    ['auto', null],
    ['', null],
    ['@256M', null],
  ])('%s is %s bytes', (p, want) => {
    expect(parseCmaParam(p)).toBe(want);
  });
});
