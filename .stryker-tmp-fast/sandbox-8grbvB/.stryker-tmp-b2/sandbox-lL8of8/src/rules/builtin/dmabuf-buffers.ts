// @ts-nocheck
// 
import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';
import type { DmaBufCapture, DmaBufInfo } from '../../snapshot/types.js';
import { formatDuration } from '../stats.js';
import { dmaBufBytes } from '../../facts/field-inputs.js';

const MiB = 1024 * 1024;
const mib = (b: number) => Math.round((b / MiB) * 10) / 10;

export const captureBytes = dmaBufBytes;

export function captureCount(c: DmaBufCapture): number {
  return c.total?.objects ?? c.objects.length;
}

/** Bytes and buffer count per key (exporter, or attached device) in one capture. */
export function tally(c: DmaBufCapture, keys: (o: DmaBufCapture['objects'][number]) => string[]): [string, { count: number; bytes: number }][] {
  const m = new Map<string, { count: number; bytes: number }>();
  for (const o of c.objects) {
    for (const k of keys(o)) {
      const t = m.get(k) ?? { count: 0, bytes: 0 };
      t.count++;
      t.bytes += o.sizeBytes;
      m.set(k, t);
    }
  }
  return [...m.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
}

const list = (xs: [string, { count: number; bytes: number }][]) => xs.slice(0, 4).map(([k, t]) => `${k} ${t.count} (${mib(t.bytes)} MiB)`).join(', ');

function span(d: DmaBufInfo): string {
  const a = d.captures[0]!.epoch;
  const b = d.captures[d.captures.length - 1]!.epoch;
  return a !== undefined && b !== undefined ? formatDuration(b - a) : `${d.captures.length} captures`;
}

/** DMA-BUF debugfs: who exported and who holds buffers, and buffers that are never closed. */
export const dmabufBuffers = defineRule({
  meta: {
    id: 'dmabuf-buffers',
    title: 'DMA-BUF buffers (bufinfo)',
    category: 'memory',
    docs: {
      description: 'Totals /sys/kernel/debug/dma_buf/bufinfo by exporter and by attached device; across periodic captures, fits the growth of buffers and bytes (buffers created and never closed); in one capture, compares the DMA-BUF total with MemTotal.',
      why: 'Camera, codec and GPU pipelines pass frames as DMA-BUFs. A buffer whose file descriptor is never closed stays allocated (often in CMA or nvmap carve-outs) and shows nowhere in process RSS: memory disappears until allocations fail.',
      seed: 'seed §9 and §16.4 (DMA-BUF zero-copy), the SMMU debugging list (cat /sys/kernel/debug/dma_buf/bufinfo), §21 Memory Leak (DMA-BUF not closed)',
    },
    requires: ['dmaBuf'],
    uses: ['meminfo'],
    thresholds: { minGrowthMiB: 64, minGrowthShare: 0.2, largeShareOfRam: 0.4 },
    messages: {
      growing: 'DMA-BUF buffers grew from {{firstCount}} ({{firstMiB}} MiB) to {{lastCount}} ({{lastMiB}} MiB) over {{span}}, mostly {{exporter}} buffers: buffers are created and not closed.',
      large: 'DMA-BUF buffers hold {{totalMiB}} MiB, {{sharePct}}% of RAM, in {{count}} buffer(s) ({{exporters}}).',
      holders: '{{count}} DMA-BUF buffer(s), {{totalMiB}} MiB: exported by {{exporters}}; attached to {{devices}}.',
    },
    remedy: [
      'Close every DMA-BUF file descriptor after use (NvBufSurface / NvBuffer destroy, V4L2 EXPBUF fds, EGLImage release).',
      'Reuse a fixed pool of buffers instead of creating one per frame.',
      'Match `ino` in bufinfo with `ino:` in /proc/<pid>/fdinfo/* to find the process that keeps a buffer open.',
    ],
    references: ['Linux kernel documentation: Documentation/driver-api/dma-buf.rst'],
    signatures: [],
  },
  check({ snapshot, thresholds, report }) {
    const d = snapshot.dmaBuf!;
    const caps = d.captures.filter((c) => c.objects.length || c.total);
    if (!caps.length) return;
    const first = caps[0]!;
    const last = caps[caps.length - 1]!;
    const lastBytes = captureBytes(last);
    const byExporter = tally(last, (o) => [o.exporter]);
    if (caps.length > 1) {
      const firstBytes = captureBytes(first);
      const grown = lastBytes - firstBytes;
      // Growth that mostly never gives back: each capture at least 90% of the previous peak.
      let peak = 0;
      let steady = true;
      for (const c of caps) {
        const b = captureBytes(c);
        if (b < peak * 0.9) steady = false;
        peak = Math.max(peak, b);
      }
      if (steady && grown >= thresholds.minGrowthMiB! * MiB && grown >= firstBytes * thresholds.minGrowthShare! && captureCount(last) > captureCount(first)) {
        const firstBy = new Map(tally(first, (o) => [o.exporter]));
        const top = byExporter.map(([k, t]) => [k, t.bytes - (firstBy.get(k)?.bytes ?? 0)] as const).sort((a, b) => b[1] - a[1])[0]!;
        report({
          messageId: 'growing', signatures: [],
          severity: 'error',
          confidence: 0.8,
          data: { firstCount: captureCount(first), firstMiB: mib(firstBytes), lastCount: captureCount(last), lastMiB: mib(lastBytes), span: span(d), exporter: top[0] },
          figures: [
            { label: 'growth', value: mib(grown), unit: 'MiB' },
            { label: 'buffers first / last', value: `${captureCount(first)} / ${captureCount(last)}` },
            { label: 'by exporter (last)', value: list(byExporter) },
          ],
          evidence: [...captureEvidence(d.file, first), ...captureEvidence(d.file, last)],
          tags: ['leak', 'dmabuf-leak'],
        });
        return;
      }
    }
    const memTotal = snapshot.meminfo?.captures[snapshot.meminfo.captures.length - 1]?.values.MemTotal;
    if (memTotal && lastBytes >= memTotal * thresholds.largeShareOfRam!) {
      report({
        messageId: 'large', signatures: [],
        severity: 'warning',
        confidence: 0.5,
        data: { totalMiB: mib(lastBytes), sharePct: Math.round((lastBytes / memTotal) * 100), count: captureCount(last), exporters: list(byExporter) },
        figures: [{ label: 'largest buffers', value: [...last.objects].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 3).map((o) => `${mib(o.sizeBytes)} MiB ${o.exporter}`).join(', ') }],
        evidence: [...last.objects].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 3).map((o) => ({ file: d.file, line: o.line, text: o.text })),
        tags: ['memory-pressure'],
      });
      return;
    }
    if (!last.objects.length) return;
    const byDevice = tally(last, (o) => (o.attached.length ? o.attached : ['no device']));
    report({
      messageId: 'holders', signatures: [],
      severity: 'info',
      confidence: 0.9,
      data: { count: captureCount(last), totalMiB: mib(lastBytes), exporters: list(byExporter), devices: list(byDevice) },
      evidence: [...last.objects].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, 3).map((o) => ({ file: d.file, line: o.line, text: o.text })),
      tags: [],
    });
  },
});

/** A capture's own line: its `Total N objects, M bytes` line, else its first buffer's line. */
function captureEvidence(file: string, c: DmaBufCapture): Evidence[] {
  const row = c.total ?? c.objects[0];
  return row ? [{ file, line: row.line, text: row.text }] : [];
}
