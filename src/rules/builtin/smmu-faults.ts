import { defineRule } from '../define.js';
import { paramTag, type Tag } from '../tags.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { decodeMcClient } from './mc-clients.js';

/** ARM SMMUv2 FSR bits (the 6.x decode strings use the same names). */
const FSR_BITS: [number, string][] = [
  [1, 'TF translation fault'],
  [2, 'AFF access flag fault'],
  [3, 'PF permission fault'],
  [4, 'EF external fault'],
  [5, 'TLBMCF'],
  [6, 'TLBLKF'],
  [7, 'ASF'],
  [8, 'UUT'],
  [30, 'SS stalled'],
  [31, 'MULTI'],
];

export function decodeFsr(fsr: string | undefined): string {
  if (!fsr) return '';
  const v = parseInt(fsr, 16);
  return FSR_BITS.filter(([bit]) => (v >>> bit) & 1)
    .map(([, name]) => name)
    .join(', ');
}

/** Signatures of the camera pipeline and of the GPU: a fault near them in time is blamed on them. */
export const CAMERA = ['camrtc-capture-timeout', 'camrtc-corr-err', 'vi-syncpt-timeout', 'argus-scf-error', 'camrtc-ivc-read-failed'];
export const GPU = ['nvgpu-mmu-fault', 'nvgpu-error-notifier', 'nvgpu-channel-timeout'];
const NEAR_SECONDS = 5;

/** Distance from `t` to the closest value of the sorted array `xs`. */
export function nearestGap(xs: number[], t: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const a = Math.abs(xs[lo]! - t);
  return lo > 0 ? Math.min(a, Math.abs(xs[lo - 1]! - t)) : a;
}

interface FaultGroup {
  device: string;
  stream: string;
  hits: SignatureHit[];
  iovas: Map<string, number>;
  fsr: Set<string>;
  writes: number;
}

/** The memory controller interrupt handler's rate-limit notice (4.9-5.x and 5.10+ names). */
const MC_NOTICE = /\b(tegra_mc_irq|tegra30_mc_handle_irq): \d+ callbacks suppressed/;

/** The tags of a memory-controller client that maps its own DMA (PCIe, USB controllers). */
function ownDmaTags(device: string | undefined): Tag[] {
  if (device === 'PCIe controller') return ['smmu-pcie'];
  if (device?.startsWith('USB ')) return ['smmu-usb'];
  return [];
}

/** Checklist step 4: SMMU and memory-controller faults, grouped by device and stream. */
export const smmuFaults = defineRule({
  meta: {
    id: 'smmu-faults',
    title: 'SMMU / IOMMU and memory-controller faults',
    category: 'smmu',
    docs: {
      description: 'Groups arm-smmu context faults by SMMU instance and stream id with counts (rate-limited repeats included), first and last time, IOVAs and decoded FSR bits; adds global faults, SMMUv3 events and tegra-mc errors, and notes camera or GPU errors within seconds of a fault.',
      why: 'A device DMA to an unmapped IOVA means a buffer freed while still in use or a bad DMA-BUF import: frames drop and engines wedge.',
      seed: 'seed §9 (SMMU fault debugging), §20 step 4, §21 SMMU Faults Under Load; signatures arm-smmu-*, tegra-mc-error',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      context: '{{count}} SMMU context fault(s) on {{device}} stream {{stream}}{{faultKind}}{{near}}.',
      mc: '{{count}} memory-controller error(s) ({{client}}): {{error}}{{smmu}}.',
      mcSuppressed: 'The kernel rate-limited {{count}} memory-controller error report(s) ({{fn}}: callbacks suppressed) and no report is whole in the log: the errors happened, but the client and the address are not known.',
      global: '{{count}} SMMU global fault(s) on {{device}}: a stream id without a configured context (missing iommus in the device tree?).',
      v3: '{{count}} SMMUv3 event(s) on {{device}} (event {{event}}).',
    },
    remedy: [
      'Wait for engine idle / fences before unmapping or freeing a buffer; do not touch a V4L2 buffer while it is queued (QBUF/DQBUF discipline).',
      'Map buffers with dma_map_* against the device that does the DMA; import DMA-BUFs with dma_buf_attach + dma_buf_map_attachment on the consuming device.',
      'Check refcounting on shared buffers; as a diagnostic only, boot with iommu.passthrough=1 and see whether the failure moves.',
    ],
    references: ['Arm System Memory Management Unit Architecture Specification (SMMUv2): fault status register FSR', 'NVIDIA Jetson Linux Developer Guide: SMMU'],
    signatures: ['arm-smmu-context-fault', 'arm-smmu-global-fault', 'arm-smmu-v3-event', 'tegra-mc-error'],
  },
  check({ snapshot, signatures, report }) {
    const file = snapshot.dmesg!.file;
    const all = signatures.hits('arm-smmu-context-fault');
    const groups = new Map<string, FaultGroup>();
    for (let k = 0; k < all.length; k++) {
      const h = all[k]!;
      if (h.role !== 'primary') continue;
      const g0 = h.groups;
      // 5.x prints the stream id on a following `FSR = ... SID=` line; r32 names it inline.
      let detail: SignatureHit | undefined;
      for (let j = k + 1; j < k + 3 && j < all.length && !detail; j++) {
        const d = all[j]!;
        if (d.role === 'detail' && d.groups.dev === g0.dev && d.groups.sid) detail = d;
      }
      const sid = g0.sid_hex ? `${g0.sid_hex}${g0.sid_name ? ` (${g0.sid_name})` : ''}` : g0.cbfrsynra ?? detail?.groups.sid ?? `cb${g0.cb}`;
      const key = `${g0.dev} ${sid}`;
      const g: FaultGroup = groups.get(key) ?? { device: g0.dev!, stream: sid, hits: [], iovas: new Map(), fsr: new Set(), writes: 0 };
      g.hits.push(h);
      if (g0.iova) g.iovas.set(g0.iova, (g.iovas.get(g0.iova) ?? 0) + 1);
      const fsr = g0.fsr ?? g0.fsr_alt;
      if (fsr) g.fsr.add(fsr);
      if (g0.fsynr && (parseInt(g0.fsynr, 16) >>> 4) & 1) g.writes++;
      groups.set(key, g);
    }
    const suppressed = signatures.suppressed('arm-smmu-context-fault');
    // Sorted fault times + binary search: logs with thousands of faults and camera errors
    // must not cost faults x errors comparisons.
    // The events of each list once (every group is compared with the same ones). User-space
    // lines carry only a wall clock: not on the faults' time scale.
    const candidates = new Map<string[], SignatureHit[]>();
    const timed = (ids: string[]): SignatureHit[] => {
      let list = candidates.get(ids);
      if (!list) candidates.set(ids, (list = ids.flatMap((id) => signatures.events(id)).filter((e) => !e.userspace && e.t !== undefined)));
      return list;
    };
    const nearby = (times: number[], ids: string[]): SignatureHit[] => (times.length ? timed(ids).filter((e) => nearestGap(times, e.t!) <= NEAR_SECONDS) : []);
    const sorted = [...groups.values()].sort((a, b) => b.hits.length - a.hits.length);
    sorted.forEach((g, gi) => {
      const times = g.hits.map((h) => h.t).filter((t): t is number => t !== undefined).sort((a, b) => a - b);
      const cam = nearby(times, CAMERA);
      const gpu = nearby(times, GPU);
      const near = [cam.length ? `; ${cam.length} camera error(s) within ${NEAR_SECONDS} s` : '', gpu.length ? `; ${gpu.length} GPU error(s) within ${NEAR_SECONDS} s` : ''].join('');
      const kinds = [...g.fsr].map(decodeFsr).filter(Boolean);
      const count = g.hits.length + (gi === 0 ? suppressed : 0);
      const topIovas = [...g.iovas.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      const tags: Tag[] = ['smmu-fault', paramTag('device', g.device)];
      if (cam.length) tags.push('smmu-near-camera');
      if (gpu.length) tags.push('smmu-near-gpu');
      // r32 names the stream: AFI (TX2) and PCIE* are PCIe controllers, whose endpoints map their own buffers.
      if (/^(afi|pcie)/i.test(g.hits[0]!.groups.sid_name ?? '')) tags.push('smmu-pcie');
      // XUSB_HOST / XUSB_DEV: the USB controllers DMA to their own rings and URB buffers.
      if (/^xusb/i.test(g.hits[0]!.groups.sid_name ?? '')) tags.push('smmu-usb');
      report({
        messageId: 'context', signatures: ['arm-smmu-context-fault'],
        severity: count >= 10 || cam.length || gpu.length ? 'error' : 'warning',
        confidence: 0.85,
        data: { count, device: g.device, stream: g.stream, faultKind: kinds.length ? ` (${[...new Set(kinds)].join('; ')})` : '', near },
        figures: [
          { label: 'faults', value: count },
          ...(gi === 0 && suppressed ? [{ label: 'rate-limited repeats', value: suppressed }] : []),
          { label: 'first', value: hitTime(g.hits[0]!) },
          { label: 'last', value: hitTime(g.hits[g.hits.length - 1]!) },
          { label: 'distinct IOVAs', value: g.iovas.size },
          { label: 'top IOVAs', value: topIovas.map(([iova, n]) => `${iova} x${n}`).join(', ') },
          { label: 'writes (FSYNR WNR)', value: g.writes },
        ],
        evidence: [
          ...hitEvidence(file, g.hits),
          ...hitEvidence(file, [...cam, ...gpu].slice(0, 10)),
        ],
        tags,
      });
    });
    const mc = signatures.events('tegra-mc-error');
    // The memory controller's interrupt handler prints only errors: a rate-limit notice of it is
    // errors even when no report line is whole (an excerpt, a line cut in a paste or a title).
    const mcSuppressed = signatures.suppressed('tegra-mc-error');
    if (!mc.length && mcSuppressed) {
      const notices = (snapshot.dmesg?.records ?? []).filter((r) => MC_NOTICE.test(r.message));
      const fn = MC_NOTICE.exec(notices[0]?.message ?? '')?.[1] ?? 'tegra_mc_irq';
      report({
        messageId: 'mcSuppressed',
        signatures: ['tegra-mc-error'],
        severity: 'error',
        confidence: 0.6,
        data: { count: mcSuppressed, fn },
        figures: [{ label: 'rate-limited reports', value: mcSuppressed }],
        remedy: ['Get the whole kernel log around the notice (journalctl -k -b, the serial console): the report lines name the client, the device whose access the memory controller refused, and the address.'],
        evidence: notices.map((r) => ({ file: file, line: r.line, text: (r.prefix ?? '') + r.message })),
        // No client: nothing says whose DMA it was, so no SMMU-fault cause is fed.
        tags: ['mc-error'],
      });
    }
    // The status / secure / pagetable lines that follow each report line (T210/T186 and r35).
    const details = signatures.hits('tegra-mc-error').filter((h) => h.role === 'detail');
    // A detail belongs to the report line before it (up to the next one, within a second or two).
    const detailOf = (h: SignatureHit) => {
      const next = mc.find((x) => x.record > h.record)?.record ?? Infinity;
      return details.filter((d) => d.record > h.record && d.record < next && d.boot === h.boot && (d.t === undefined || h.t === undefined ? d.record - h.record <= 20 : d.t - h.t <= 2));
    };
    const byClient = new Map<string, SignatureHit[]>();
    for (const h of mc) {
      const who = h.groups.client ? `client ${h.groups.client}` : `${h.groups.dev ?? 'memory controller'}, client not printed`;
      const k = `${who}|${h.groups.error ?? ''}`;
      byClient.set(k, [...(byClient.get(k) ?? []), h]);
    }
    for (const [k, hits] of byClient) {
      const [client, error] = k.split('|');
      const name = hits[0]!.groups.client;
      const decoded = name ? decodeMcClient(name) : null;
      const access = hits[0]!.groups.dir ?? decoded?.access;
      const d = new Map<string, string>();
      for (const x of hits.flatMap(detailOf)) for (const [g, v] of Object.entries(x.groups)) if (v !== undefined && !d.has(g)) d.set(g, v);
      // Upstream tegra-mc puts it in the parenthesis after the error: "(SMMU translation error [--S])".
      const smmu = d.get('smmu_fault') ?? (/SMMU|PDE or PTE/.test(`${error ?? ''} ${hits[0]!.groups.desc ?? ''}`) ? 'yes' : undefined);
      const evidenceHits = [...hits, ...hits.flatMap(detailOf)].sort((a, b) => a.record - b.record);
      report({
        messageId: 'mc',
        signatures: ['tegra-mc-error'],
        severity: 'error',
        confidence: 0.8,
        data: {
          count: hits.length + signatures.suppressed('tegra-mc-error'),
          client: decoded ? `${client}: ${decoded.device}${access ? ` ${access}` : ''}` : client!,
          error: error || 'error',
          smmu: smmu && smmu !== 'none' ? '; the client\'s SMMU translation failed (stale or unmapped IOVA)' : '',
        },
        figures: [
          { label: 'errors', value: hits.length },
          { label: 'first', value: hitTime(hits[0]!) },
          ...(decoded ? [{ label: 'device', value: decoded.device }] : []),
          ...(access ? [{ label: 'access', value: access }] : []),
          ...(d.has('addr') ? [{ label: 'address', value: d.get('addr')! }] : []),
          ...(d.has('status') ? [{ label: 'status', value: d.get('status')! }] : []),
          ...(d.has('smmu_fault') ? [{ label: 'SMMU fault', value: d.get('smmu_fault')! }] : []),
          ...(d.has('fault_address') ? [{ label: 'SMMU fault address', value: d.get('fault_address')! }] : []),
        ],
        evidence: hitEvidence(file, evidenceHits),
        // A PCIe or USB controller client did the bad access through its own driver's mappings
        // (an endpoint's DMA, xHCI rings and URB buffers), not through a shared DMA-BUF.
        tags: ['smmu-fault', 'mc-error', ...ownDmaTags(decoded?.device)],
      });
    }
    const global = signatures.events('arm-smmu-global-fault');
    if (global.length) {
      report({
        messageId: 'global', signatures: ['arm-smmu-global-fault'],
        severity: 'error',
        confidence: 0.8,
        data: { count: global.length, device: global[0]!.groups.dev ?? 'SMMU' },
        evidence: hitEvidence(file, signatures.hits('arm-smmu-global-fault')),
        tags: ['smmu-fault'],
      });
    }
    const v3 = signatures.events('arm-smmu-v3-event');
    if (v3.length) {
      report({
        messageId: 'v3', signatures: ['arm-smmu-v3-event'],
        severity: 'error',
        confidence: 0.75,
        data: { count: v3.length, device: v3[0]!.groups.dev!, event: `0x${v3[0]!.groups.event_id}` },
        evidence: hitEvidence(file, v3),
        tags: ['smmu-fault'],
      });
    }
  },
});
