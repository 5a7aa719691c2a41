import type { Evidence } from '../types.js';
import { defineRule } from '../define.js';
import type { IommuGroup, Snapshot } from '../../snapshot/types.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence } from '../signatures/pack-rule.js';
import { captureBytes } from './dmabuf-buffers.js';
import { CAMERA, GPU } from './smmu-faults.js';

/** Name parts of a device (`15c10000.vi` -> 15c10000, vi; `tegra-capture-vi` -> tegra, capture, vi). */
const parts = (name: string) => name.toLowerCase().split(/[.\-_:@/\s]+/).filter(Boolean);

/**
 * Memory-client names the kernel prints for a stream (the SoC's MC client list) that differ
 * from the device-tree node name of the device behind them.
 */
const CLIENT_ALIASES: [RegExp, string[]][] = [
  [/^afi/, ['pcie']],
  [/^sdmmc/, ['sdhci', 'mmc']],
  [/^xusb/, ['xhci', 'xudc', 'xusb']],
  [/^(nvdisplay|dc)/, ['display', 'dc']],
  [/^(vi|vifal)/, ['vi', 'capture']],
  [/^gpu/, ['gpu']],
  [/^eqos/, ['ethernet', 'eqos']],
];

/** Devices matching a stream name as the kernel prints it (sid=17(0x11 - AFI)). */
function byName(groups: IommuGroup[], stream: string): { group: IommuGroup; device: string }[] {
  const name = stream.toLowerCase().replace(/\s+/g, '');
  if (!name) return [];
  const wanted = CLIENT_ALIASES.find(([re]) => re.test(name))?.[1] ?? [name.replace(/[rw]$/, '')];
  return groups.flatMap((g) => g.devices.filter((d) => parts(d.name).some((p) => wanted.includes(p))).map((d) => ({ group: g, device: d.name })));
}

const CAMERA_PARTS = ['vi', 'capture', 'isp', 'nvcsi'];
const GPU_PARTS = ['gpu'];

function byKind(groups: IommuGroup[], kind: string[]): { group: IommuGroup; device: string }[] {
  return groups.flatMap((g) => g.devices.filter((d) => parts(d.name).some((p) => kind.includes(p))).map((d) => ({ group: g, device: d.name })));
}

function dmabufHeld(s: Snapshot, device: string): string {
  const d = s.dmaBuf?.captures[s.dmaBuf.captures.length - 1];
  if (!d) return '';
  const held = d.objects.filter((o) => o.attached.includes(device));
  if (!held.length) return '';
  const bytes = held.reduce((a, o) => a + o.sizeBytes, 0);
  return `; it holds ${held.length} DMA-BUF(s), ${Math.round((bytes / 1048576) * 10) / 10} MiB of ${Math.round((captureBytes(d) / 1048576) * 10) / 10} MiB`;
}

const near = (a: SignatureHit[], b: SignatureHit[]) => a.some((x) => x.t !== undefined && b.some((y) => y.t !== undefined && Math.abs(x.t! - y.t!) <= 5));

/** An SMMU fault names a stream; the IOMMU groups say which device that stream is. */
export const smmuStreamDevice = defineRule({
  meta: {
    id: 'smmu-stream-device',
    title: 'Which device an SMMU fault belongs to (IOMMU groups)',
    category: 'smmu',
    docs: {
      description: 'For each SMMU context-fault stream, finds the device in /sys/kernel/iommu_groups: by the stream name the kernel prints (r32: "sid=..(0x.. - NAME)"), else by the engine whose errors sit within seconds of the faults (camera VI/ISP, GPU). Names the devices sharing its group and the DMA-BUFs attached to it.',
      why: 'A fault line names a stream id, not a driver; the device that did the bad DMA is the one whose buffer handling must be fixed.',
      seed: 'seed §9 (each device has its own stream ID), the SMMU debugging list (ls /sys/kernel/iommu_groups/*/devices/), §20 step 4',
    },
    requires: ['dmesg', 'iommuGroups'],
    uses: ['dmaBuf'],
    thresholds: {},
    messages: {
      named: 'SMMU faults on stream {{stream}} come from {{device}} (IOMMU group {{group}}{{shared}}){{held}}.',
      inferred: 'SMMU faults on stream {{stream}} sit next to {{engine}} errors: the likely device is {{device}} (IOMMU group {{group}}{{shared}}){{held}}.',
      unmatched: 'SMMU faults on stream {{stream}} could not be tied to a device: none of the {{devices}} device(s) in {{groups}} IOMMU group(s) matches it.',
    },
    remedy: [
      'Fix buffer lifetime in the driver or application that feeds this device: wait for its fences before freeing, import DMA-BUFs on this device.',
    ],
    references: ['Linux kernel documentation: Documentation/ABI/testing/sysfs-kernel-iommu_groups'],
    signatures: ['arm-smmu-context-fault'],
  },
  check({ snapshot, signatures, report }) {
    const groups = snapshot.iommuGroups!.groups;
    const dfile = snapshot.dmesg!.file;
    const faults = signatures.hits('arm-smmu-context-fault').filter((h) => h.role === 'primary');
    if (!faults.length) return;
    const streams = new Map<string, { name?: string; hits: SignatureHit[] }>();
    for (const h of faults) {
      const g = h.groups;
      const id = g.sid_hex ?? g.cbfrsynra ?? (g.cb !== undefined ? `cb${g.cb}` : 'whose id the log does not print');
      const s = streams.get(id) ?? { name: g.sid_name?.trim(), hits: [] };
      s.hits.push(h);
      streams.set(id, s);
    }
    const camera = CAMERA.flatMap((id) => signatures.events(id));
    const gpu = GPU.flatMap((id) => signatures.events(id));
    for (const [id, s] of streams) {
      const stream = s.name ? `${id} (${s.name})` : id;
      const evidence: Evidence[] = hitEvidence(dfile, s.hits.slice(0, 3));
      const describe = (m: { group: IommuGroup; device: string }) => {
        const others = m.group.devices.map((d) => d.name).filter((n) => n !== m.device);
        const row = m.group.devices.find((d) => d.name === m.device)!;
        evidence.push({ file: snapshot.iommuGroups!.file, line: row.line, text: row.text });
        return { device: m.device, group: m.group.id, shared: others.length ? `, shared with ${others.join(', ')}` : '', held: dmabufHeld(snapshot, m.device) };
      };
      const named = s.name ? byName(groups, s.name) : [];
      if (named.length) {
        report({ messageId: 'named', signatures: ['arm-smmu-context-fault'], severity: 'warning', confidence: 0.85, data: { stream, ...describe(named[0]!) }, evidence, tags: ['smmu-fault', `device:${named[0]!.device}`] });
        continue;
      }
      const engine = near(s.hits, camera) ? { name: 'camera capture', parts: CAMERA_PARTS } : near(s.hits, gpu) ? { name: 'GPU', parts: GPU_PARTS } : null;
      const guess = engine ? byKind(groups, engine.parts) : [];
      if (engine && guess.length) {
        report({ messageId: 'inferred', signatures: ['arm-smmu-context-fault'], severity: 'warning', confidence: 0.55, data: { stream, engine: engine.name, ...describe(guess[0]!) }, evidence, tags: ['smmu-fault', `device:${guess[0]!.device}`] });
        continue;
      }
      report({
        messageId: 'unmatched', signatures: ['arm-smmu-context-fault'],
        severity: 'info',
        confidence: 0.5,
        data: { stream, devices: groups.reduce((a, g) => a + g.devices.length, 0), groups: groups.length },
        evidence,
        tags: ['smmu-fault'],
      });
    }
  },
});
