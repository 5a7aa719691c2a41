import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';
import { compact, dmesgLineEvidence, meminfoEvidence } from '../evidence.js';
import { hasPart } from '../engine.js';
import { mib, PAGE_BYTES } from '../format.js';
import { hitEvidence } from '../signatures/pack-rule.js';
import { largestCmaBlockKB, memoryAtFailure } from './show-mem.js';
import { judgeCmaFailure, YOUNG_SECONDS } from './cma-judgement.js';
import { formatBootTime, formatErrno, largestFreeBlockFigure } from '../../util/format.js';
import { wallSeconds } from '../../util/wallclock.js';

const CAMERA_IDS = ['camrtc-capture-timeout', 'vi-syncpt-timeout', 'argus-scf-error'] as const;
/** A contiguous-allocation failure this close to a memory report belongs to the same episode. */
const EPISODE_SECONDS = 300;

/** Checklist step 3: CMA usage, failures and sizing. */
export const cma = defineRule({
  meta: {
    id: 'cma',
    title: 'CMA (contiguous memory) exhaustion and sizing',
    category: 'cma',
    docs: {
      description: 'Compares CmaFree with CmaTotal and with the largest single buffer the workload needs, reads cma_alloc failures and "PFNs busy" lines, the boot-time reservation and cma= on the command line.',
      why: 'Camera (VI/ISP) and GPU buffers must be physically contiguous: when CMA runs out or fragments, capture and inference fail after hours although RAM looks fine. JetPack 4 prints no CMA failure line, so there it is inferred.',
      seed: 'seed §7, §8, §18, §20 step 3 and §21 (CMA Exhaustion); signatures cma-alloc-failed, alloc-contig-range-busy, cma-reserved',
    },
    requires: [],
    requiresAny: ['meminfo', 'dmesg'],
    uses: ['identity', 'pagetypeinfo'],
    thresholds: { largestAllocationMiB: 24, lowFreePct: 10, minCameraCmaMiB: 256, smallBlockOrder: 9, smallSharePct: 80, minFreeCmaMiB: 32 },
    messages: {
      failures: '{{count}} CMA allocation failure(s); the largest request was {{maxReq}} ({{cause}}).',
      belowBuffer: 'CmaFree is {{freeMiB}} MiB of {{totalMiB}} MiB: less than one {{bufferMiB}} MiB buffer, so the next large camera/GPU allocation fails.',
      low: 'CMA is {{usedPct}}% used ({{freeMiB}} MiB free of {{totalMiB}} MiB).',
      busy: '{{count}} "PFNs busy" line(s): pinned pages inside CMA could not be migrated{{inferred}}.',
      reserveFailed: 'The kernel failed to reserve the configured CMA area ({{what}}) at boot: every CMA user will fail.',
      cmdlineMismatch: 'cma={{param}} is on the kernel command line but CmaTotal is {{totalMiB}} MiB.',
      oomFreeCma: 'At the memory report{{when}} the kernel listed only {{freeCmaKiB}} kB of free CMA while contiguous allocations failed within minutes of it{{inferred}}: CMA ran out for those contiguous requests.',
      unusableFree: 'At the failure{{when}} zone {{zone}} had {{freeKiB}} kB free but {{freeCmaKiB}} kB of it was CMA, which the non-movable request ({{gfp}}) cannot use: only {{outsideKiB}} kB outside CMA, below the {{minKiB}} kB min watermark.',
      fragmentedBlocks: '{{freeMiB}} MiB of CMA is free but {{smallPct}}% of it sits in blocks under {{blockKiB}} KiB (/proc/pagetypeinfo): the CMA area is fragmented.',
      smallForCamera: 'CMA is {{totalMiB}} MiB{{defaultNote}} while the camera reports errors: a single camera usually needs 256-512 MB.',
    },
    remedy: [
      'Pre-allocate buffer pools at start-up and never free them (NVMM pools with a fixed count).',
      'Increase CMA: cma=768M on the kernel command line (/boot/extlinux/extlinux.conf APPEND) or the DT linux,cma size; verify CmaTotal afterwards.',
      'Periodically trigger compaction: echo 1 > /proc/sys/vm/compact_memory.',
    ],
    references: ['Linux kernel documentation: Documentation/admin-guide/kernel-parameters.txt (cma=)', 'Linux kernel documentation: Documentation/admin-guide/mm/cma_debugfs.rst'],
    signatures: ['cma-alloc-failed', 'alloc-contig-range-busy', 'cma-reserved', 'show-mem-zone', 'nvgpu-dma-alloc-failed', 'meminfo-memavailable-low', 'buddyinfo-high-orders-empty', ...CAMERA_IDS],
  },
  check({ snapshot, device, thresholds, signatures, report }) {
    const m = snapshot.meminfo;
    const c = m?.captures[m.captures.length - 1];
    const total = c?.values.CmaTotal;
    const free = c?.values.CmaFree;
    const memEvidence: Evidence[] = m && c ? compact([meminfoEvidence(m, c, 'CmaFree'), meminfoEvidence(m, c, 'CmaTotal')]) : [];
    const dmesgFile = snapshot.dmesg?.file ?? '';
    const failures = signatures.events('cma-alloc-failed');
    const busy = signatures.events('alloc-contig-range-busy');
    const reserved = signatures.events('cma-reserved');
    const cameraIds = CAMERA_IDS.filter((id) => signatures.events(id).length > 0);
    const cameraTrouble = cameraIds.length > 0;
    const r32 = device.l4t?.startsWith('32.') || /^4\.9\./.test(device.kernel ?? '');

    if (failures.length) {
      // What cma_alloc returned says why it failed (mm/cma.c, mm/page_alloc.c):
      // -12 ENOMEM: no free range of that size was left in the CMA bitmap (pool used up or cut
      //   into pieces by CMA allocations): the size/fragmentation judgement below applies;
      // -16 EBUSY: free ranges were found, but pages in them were in use (pinned, under
      //   writeback, unmovable) and could not be isolated or migrated out: not a pool too small;
      // -4 EINTR: the allocating task had a fatal signal pending (it was being killed), so the
      //   migration was abandoned: says nothing about CMA.
      const kindOf = (h: (typeof failures)[number]) => (h.groups.ret === '-16' ? 'busy' : h.groups.ret === '-4' ? 'interrupted' : 'nomem');
      const nomem = failures.filter((h) => kindOf(h) === 'nomem');
      const busyRet = failures.filter((h) => kindOf(h) === 'busy');
      const interrupted = failures.filter((h) => kindOf(h) === 'interrupted');
      const reqs = failures.map((h) => Number(h.groups.pages) * PAGE_BYTES);
      const maxReq = Math.max(...reqs);
      const firstFail = failures[0]!;
      const maxOf = (hs: typeof failures) => Math.max(...hs.map((h) => Number(h.groups.pages) * PAGE_BYTES));
      // The boot log's reservations give the pool size when meminfo is missing: every CMA area
      // of the failing boot (the cma= / CONFIG_CMA_SIZE area and each reusable shared-dma-pool
      // node), once per base address, as CmaTotal counts them.
      const areas = new Map<string, number>();
      for (const h of reserved) {
        const m = Number(h.groups.mib);
        if (h.boot === firstFail.boot && Number.isFinite(m) && m > 0) areas.set(h.groups.base ?? `line ${h.line}`, m);
      }
      const reservedMiB = areas.size ? [...areas.values()].reduce((a, b) => a + b, 0) : undefined;
      const pool = total ?? (reservedMiB !== undefined ? reservedMiB * 1024 * 1024 : undefined);
      const ptiCma = snapshot.pagetypeinfo?.free.filter((r) => r.type === 'CMA') ?? [];
      const ptiLargest = ptiCma.length ? Math.max(0, ...ptiCma.flatMap((r) => r.counts.map((c, order) => (c > 0 ? PAGE_BYTES * 2 ** order : 0)))) : undefined;
      const showMem = (snapshot.dmesg?.memoryReports ?? []).filter((m) => m.buddy.some((b) => b.blocks.some((x) => x.types?.includes('C'))));
      const showMemLargest = showMem.length ? largestCmaBlockKB(showMem.at(-1)!.buddy) * 1024 : undefined;
      const judgement = nomem.length
        ? judgeCmaFailure({
          requestBytes: maxOf(nomem),
          totalBytes: pool,
          totalSource: total === undefined && pool !== undefined ? 'reserved at boot' : undefined,
          freeBytes: free,
          largestFreeBlockBytes: ptiLargest ?? showMemLargest,
          uptimeSeconds: nomem[0]!.monotonic,
        })
        : undefined;
      const causes: string[] = [];
      if (judgement) {
        const against = judgement.against.length ? `; against it: ${judgement.against.join('; ')}` : '';
        const prefix = busyRet.length || interrupted.length ? `${formatErrno(-12)}: ` : '';
        causes.push(
          prefix +
            (judgement.cause === 'too-small'
              ? `the pool is too small: ${judgement.reasons.join('; ')}${against}`
              : judgement.cause === 'fragmented'
                ? `fragmentation or pinned pages: ${judgement.reasons.join('; ')}${against}`
                : `too small or fragmented cannot be told apart: ${judgement.reasons.join('; ')}`),
        );
      }
      if (busyRet.length) {
        causes.push(`${formatErrno(-16)}: free CMA ranges were found but pages in them were in use (pinned, under writeback or unmovable) and could not be migrated out, not a pool too small`);
      }
      if (interrupted.length) {
        causes.push(`${formatErrno(-4)}: the allocating task had a fatal signal pending (it was being killed), so the allocation was abandoned; this says nothing about CMA size or fragmentation`);
      }
      const cause = causes.join('; ');
      const ret = [...new Set(failures.map((h) => h.groups.ret))].map((r) => (r === undefined ? 'not printed' : formatErrno(r))).join(', ');
      const cmaProblem = nomem.length > 0 || busyRet.length > 0;
      // A request of a few pages (a USB or audio buffer) is under 0.1 MiB: said in KiB, never "0 MiB".
      const reqFigure = maxReq >= 0.1 * 1024 * 1024
        ? { label: 'largest request', value: mib(maxReq), unit: 'MiB' }
        : { label: 'largest request', value: maxReq / 1024, unit: 'KiB' };
      report({
        messageId: 'failures', signatures: ['cma-alloc-failed'],
        // Interrupted allocations alone are the end of a killed task, not a CMA shortage.
        severity: cmaProblem ? 'error' : 'warning',
        confidence: cmaProblem ? 0.9 : 0.7,
        data: { count: failures.length + signatures.suppressed('cma-alloc-failed'), maxReq: `${reqFigure.value} ${reqFigure.unit}`, cause },
        figures: [
          { label: 'failures', value: failures.length },
          reqFigure,
          { label: 'return codes', value: ret },
          ...(free !== undefined ? [{ label: 'CmaFree', value: mib(free), unit: 'MiB' }] : []),
          ...(pool !== undefined ? [{ label: total !== undefined ? 'CmaTotal' : 'CMA reserved at boot', value: mib(pool), unit: 'MiB' }] : []),
          ...(ptiLargest ?? showMemLargest) !== undefined ? [largestFreeBlockFigure('cma', (ptiLargest ?? showMemLargest)!)] : [],
          ...(firstFail.monotonic !== undefined ? [{ label: 'uptime at the first failure', value: Math.round(firstFail.monotonic / 60), unit: 'min' }] : []),
        ],
        evidence: [...hitEvidence(dmesgFile, failures), ...memEvidence],
        tags: cmaProblem
          ? [
            'cma-failure',
            ...(judgement?.cause === 'fragmented' ? (['cma-fragmented'] as const) : judgement?.cause === 'too-small' ? (['cma-too-small'] as const) : []),
            ...(busyRet.length ? (['cma-busy'] as const) : []),
            ...(failures.every((h) => h.monotonic !== undefined && h.monotonic < YOUNG_SECONDS) ? (['cma-failure-at-boot'] as const) : []),
          ]
          : [],
      });
    }
    if (total && free !== undefined) {
      const bufferMiB = thresholds.largestAllocationMiB!;
      const usedPct = Math.round(((total - free) / total) * 100);
      const data = { freeMiB: mib(free), totalMiB: mib(total), bufferMiB, usedPct };
      const figures = [
        { label: 'CmaFree', value: data.freeMiB, unit: 'MiB' },
        { label: 'CmaTotal', value: data.totalMiB, unit: 'MiB' },
        { label: 'largest buffer assumed', value: bufferMiB, unit: 'MiB' },
      ];
      if (free < bufferMiB * 1024 * 1024) {
        report({ messageId: 'belowBuffer', signatures: ['meminfo-memavailable-low'], severity: 'error', confidence: 0.8, data, figures, evidence: memEvidence, tags: ['cma-low'] });
      } else if (usedPct >= 100 - thresholds.lowFreePct!) {
        report({ messageId: 'low', signatures: ['meminfo-memavailable-low'], severity: 'warning', confidence: 0.7, data, figures, evidence: memEvidence, tags: ['cma-low'] });
      }
      if (cameraTrouble && total < thresholds.minCameraCmaMiB! * 1024 * 1024) {
        const isDefault = device.defaultCma && Math.abs(device.defaultCma.mb - mib(total)) < 1;
        report({
          messageId: 'smallForCamera', signatures: ['meminfo-memavailable-low', ...cameraIds],
          severity: 'warning',
          confidence: 0.6,
          data: { ...data, defaultNote: isDefault ? ` (the L4T ${device.l4t} default)` : '' },
          figures,
          evidence: memEvidence,
          tags: ['cma-too-small'],
        });
      }
    }
    if (busy.length) {
      const inferred = r32 && !failures.length ? ' (JetPack 4 prints no CMA failure line: this is how its CMA exhaustion shows)' : '';
      report({
        messageId: 'busy', signatures: ['alloc-contig-range-busy'],
        severity: failures.length || r32 ? 'error' : 'warning',
        confidence: 0.7,
        data: { count: busy.length + signatures.suppressed('alloc-contig-range-busy'), inferred },
        figures: [{ label: 'busy ranges', value: busy.length }],
        evidence: hitEvidence(dmesgFile, busy),
        tags: ['cma-busy'],
      });
    }
    // The memory state printed at an OOM / allocation failure names CMA only in two cases:
    // contiguous allocations failed (JetPack 4 prints no cma_alloc line: free_cma at the OOM
    // is how its exhaustion shows), or free memory was CMA alone and the request could not use
    // it. An ordinary movable OOM with little free_cma is CMA holding user pages: normal.
    // Only a contiguous failure of the same episode counts: a cma_alloc failure hours earlier
    // says nothing about an OOM now. nvgpu's DMA failures count only for physically addressed
    // (contiguous) buffers.
    const contiguous = [
      // An interrupted allocation (-4 EINTR: its task was being killed) is no sign of CMA running out.
      ...failures.filter((h) => h.groups.ret !== '-4'),
      ...busy,
      ...signatures.events('nvgpu-dma-alloc-failed').filter((h) => /PHYSICALLY_ADDRESSED/.test(h.groups.flags ?? '')),
    ];
    const contiguousNear = (m: { boot: number; monotonic?: number; wallClock?: string }) =>
      contiguous.filter((h) => {
        if (h.boot !== m.boot) return false;
        if (h.monotonic !== undefined && m.monotonic !== undefined) return Math.abs(h.monotonic - m.monotonic) <= EPISODE_SECONDS;
        const a = wallSeconds(h.wallClock);
        const b = wallSeconds(m.wallClock);
        // Without times on one scale, the same boot is all that can be said.
        return a === undefined || b === undefined || Math.abs(a - b) <= EPISODE_SECONDS;
      });
    const heads = [...signatures.events('oom-invoked'), ...signatures.events('page-alloc-failure')];
    for (const m of snapshot.dmesg?.memoryReports ?? []) {
      const head = heads.find((h) => h.record === m.headRecord);
      const request = head ? { gfp_mask: head.groups.gfp_mask ?? head.groups.mode, gfp_flags: head.groups.gfp_flags, order: head.groups.order } : undefined;
      const state = memoryAtFailure(m, request, 3);
      const cmaZones = m.zones.filter((z) => z.freeCmaKB !== undefined);
      const when = m.monotonic !== undefined ? ` at ${formatBootTime(m.monotonic)}` : m.wallClock ? ` at ${m.wallClock}` : '';
      const evidence = [...(head ? hitEvidence(dmesgFile, [head]) : []), ...compact(cmaZones.map((z) => dmesgLineEvidence(snapshot, m.file, z.line)))];
      if (state.unusableCma) {
        const u = state.unusableCma;
        report({
          messageId: 'unusableFree',
          signatures: ['show-mem-zone'],
          severity: 'error',
          confidence: 0.8,
          data: { when, zone: u.zone, freeKiB: u.freeKB, freeCmaKiB: u.freeCmaKB, outsideKiB: u.freeKB - u.freeCmaKB, minKiB: u.minKB, gfp: request?.gfp_flags ?? request?.gfp_mask ?? 'unknown' },
          evidence,
          tags: ['cma-unusable-free', 'cma-trap'],
        });
        continue;
      }
      const freeCma = cmaZones.reduce((x, z) => x + z.freeCmaKB!, 0);
      const near = contiguousNear(m);
      if (near.length && cmaZones.length && freeCma * 1024 < thresholds.largestAllocationMiB * 1024 * 1024) {
        report({
          messageId: 'oomFreeCma',
          signatures: ['show-mem-zone', ...new Set(near.map((h) => h.signatureId as 'cma-alloc-failed' | 'alloc-contig-range-busy' | 'nvgpu-dma-alloc-failed'))],
          severity: 'error',
          confidence: r32 ? 0.75 : 0.65,
          data: { when, freeCmaKiB: freeCma, inferred: r32 && !failures.length ? ' (JetPack 4 prints no CMA failure line; this is how its exhaustion shows)' : '' },
          evidence: [...hitEvidence(dmesgFile, near.slice(0, 3)), ...evidence],
          tags: ['cma-low', 'cma-failure'],
        });
      }
    }
    const pti = snapshot.pagetypeinfo;
    const cmaRows = pti?.free.filter((r) => r.type === 'CMA') ?? [];
    if (cmaRows.length) {
      const k = thresholds.smallBlockOrder!;
      let small = 0;
      let all = 0;
      for (const r of cmaRows) r.counts.forEach((c, order) => {
        const bytes = c * PAGE_BYTES * 2 ** order;
        all += bytes;
        if (order < k) small += bytes;
      });
      const smallPct = all ? Math.round((small / all) * 100) : 0;
      if (all >= thresholds.minFreeCmaMiB! * 1024 * 1024 && smallPct >= thresholds.smallSharePct!) {
        report({
          messageId: 'fragmentedBlocks', signatures: ['buddyinfo-high-orders-empty'],
          severity: 'warning',
          confidence: 0.75,
          data: { freeMiB: mib(all), smallPct, blockKiB: (PAGE_BYTES * 2 ** k) / 1024 },
          figures: cmaRows.map((r) => ({ label: `CMA free blocks per order (node ${r.node}, ${r.zone})`, value: r.counts.join(' ') })),
          evidence: cmaRows.map((r) => ({ file: pti!.file, line: r.line, text: r.text })),
          tags: ['cma-fragmented', 'fragmentation'],
        });
      }
    }
    // `cma: Failed to reserve N MiB` (cma= / CONFIG_CMA_SIZE) or the device tree's CMA node that
    // could not be allocated (`OF: reserved mem: failed to allocate memory for node 'linux,cma'`,
    // with its size on newer kernels); both may come together for one area.
    const failedReserves = reserved.filter((h) => h.groups.fail_mib !== undefined || h.groups.fail_node !== undefined);
    if (failedReserves.length) {
      const sized = failedReserves.find((h) => h.groups.fail_mib !== undefined);
      const node = failedReserves.find((h) => h.groups.fail_node !== undefined)?.groups.fail_node;
      const what = [sized ? `${sized.groups.fail_mib} MiB` : '', node ? `node ${node}` : ''].filter(Boolean).join(', ');
      report({
        messageId: 'reserveFailed', signatures: ['cma-reserved'],
        severity: 'critical',
        confidence: 0.9,
        data: { what },
        evidence: hitEvidence(dmesgFile, failedReserves),
        tags: ['cma-failure'],
      });
    }
    const param = snapshot.identity?.cmdline?.value.params.cma;
    if (typeof param === 'string' && total !== undefined && hasPart(snapshot, 'meminfo')) {
      const wanted = parseCmaParam(param);
      if (wanted && Math.abs(wanted - total) > 4 * 1024 * 1024) {
        const src = snapshot.identity!.cmdline!.source;
        report({
          messageId: 'cmdlineMismatch', signatures: ['cma-reserved'],
          severity: 'warning',
          confidence: 0.6,
          data: { param, totalMiB: mib(total) },
          // The whole command line as printed (in the boot log, or /proc/cmdline).
          evidence: [dmesgLineEvidence(snapshot, src.file, src.line) ?? { file: src.file, line: src.line, text: snapshot.identity!.cmdline!.value.raw }, ...memEvidence],
          tags: ['cma-config'],
        });
      }
    }
  },
});

/** `512M`, `1G`, `268435456`, `256M@0-4G` -> bytes. */
export function parseCmaParam(p: string): number | null {
  const m = /^(\d+)([KMG]?)/i.exec(p);
  if (!m) return null;
  const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2]!.toUpperCase()]!;
  return Number(m[1]) * mult;
}

