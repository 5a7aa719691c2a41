// @ts-nocheck
// 
import { defineRule } from '../define.js';
import type { NvmapClientsCapture } from '../../snapshot/types.js';
import { formatDuration } from '../stats.js';

const MiB = 1024 * 1024;
const mib = (b: number) => Math.round(b / MiB);

function totalBytes(c: NvmapClientsCapture): number {
  return c.total?.bytes ?? c.clients.reduce((a, x) => a + x.sizeBytes, 0);
}

const key = (x: { process: string; pid?: number }) => `${x.process}${x.pid !== undefined ? ` (${x.pid})` : ''}`;

/** nvmap's per-process accounting: who holds the GPU/camera/codec memory RSS does not show. */
export const nvmapClients = defineRule({
  meta: {
    id: 'nvmap-clients',
    title: 'NVMM memory per process (nvmap clients)',
    category: 'memory',
    docs: {
      description: 'Reads /sys/kernel/debug/nvmap/iovmm/clients: the processes holding nvmap (NVMM) memory and their share of RAM; across periodic captures, a process whose NVMM keeps growing.',
      why: 'On Jetson, CUDA, camera, encoder and display buffers are nvmap allocations charged to the process that made them but not to its RSS: when MemAvailable falls and no process looks big, this is where the memory went.',
      seed: 'seed §15 (LLM memory growth), §18 (multi-camera budgets), §21 Memory Leak in Long-Running Inference (CUDA memory not freed)',
    },
    requires: ['nvmapClients'],
    uses: ['meminfo'],
    thresholds: { largeShareOfRam: 0.4, minGrowthMiB: 128, minGrowthShare: 0.2 },
    messages: {
      growing: '{{process}} grew its NVMM memory from {{firstMiB}} MiB to {{lastMiB}} MiB over {{span}}: GPU/multimedia buffers allocated and not freed.',
      large: '{{process}} holds {{mib}} MiB of NVMM memory, {{sharePct}}% of RAM ({{totalMiB}} MiB across {{clients}} process(es)).',
      holders: 'NVMM memory: {{totalMiB}} MiB across {{clients}} process(es); most held by {{top}}.',
    },
    remedy: [
      'Free what the process allocates: every cudaMalloc needs its cudaFree; release NvBufSurface/EGL images; call torch.cuda.empty_cache() where PyTorch caches.',
      'Bound model size, context length and batch so GPU memory fits the budget beside the camera pipeline.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: Memory Management (NvMap)'],
    signatures: [],
  },
  check({ snapshot, thresholds, report }) {
    const n = snapshot.nvmapClients!;
    const caps = n.captures.filter((c) => c.clients.length);
    if (!caps.length) return;
    const last = caps[caps.length - 1]!;
    const sorted = [...last.clients].sort((a, b) => b.sizeBytes - a.sizeBytes);
    const top = sorted[0]!;
    const total = totalBytes(last);
    if (caps.length > 1) {
      const first = caps[0]!;
      const growth = last.clients
        .map((c) => {
          const before = first.clients.find((x) => x.process === c.process && x.pid === c.pid);
          return { c, before: before?.sizeBytes ?? 0, grown: c.sizeBytes - (before?.sizeBytes ?? 0) };
        })
        .sort((a, b) => b.grown - a.grown)[0];
      if (growth && growth.grown >= thresholds.minGrowthMiB! * MiB && growth.grown >= growth.before * thresholds.minGrowthShare!) {
        const span = first.epoch !== undefined && last.epoch !== undefined ? formatDuration(last.epoch - first.epoch) : `${caps.length} captures`;
        report({
          messageId: 'growing', signatures: [],
          severity: 'error',
          confidence: 0.8,
          data: { process: key(growth.c), firstMiB: mib(growth.before), lastMiB: mib(growth.c.sizeBytes), span },
          figures: [{ label: 'growth', value: mib(growth.grown), unit: 'MiB' }],
          evidence: [
            ...(first.clients.filter((x) => x.process === growth.c.process && x.pid === growth.c.pid).map((x) => ({ file: n.file, line: x.line, text: x.text }))),
            { file: n.file, line: growth.c.line, text: growth.c.text },
          ],
          tags: ['leak', `process:${growth.c.process}`],
        });
        return;
      }
    }
    const memTotal = snapshot.meminfo?.captures[snapshot.meminfo.captures.length - 1]?.values.MemTotal;
    const evidence = sorted.slice(0, 3).map((x) => ({ file: n.file, line: x.line, text: x.text }));
    const figures = sorted.slice(0, 5).map((x) => ({ label: key(x), value: mib(x.sizeBytes), unit: 'MiB' }));
    if (memTotal && top.sizeBytes >= memTotal * thresholds.largeShareOfRam!) {
      report({
        messageId: 'large', signatures: [],
        severity: 'warning',
        confidence: 0.7,
        data: { process: key(top), mib: mib(top.sizeBytes), sharePct: Math.round((top.sizeBytes / memTotal) * 100), totalMiB: mib(total), clients: last.clients.length },
        figures,
        evidence,
        tags: ['memory-pressure', `process:${top.process}`],
      });
      return;
    }
    report({
      messageId: 'holders', signatures: [],
      severity: 'info',
      confidence: 0.9,
      data: { totalMiB: mib(total), clients: last.clients.length, top: `${key(top)} ${mib(top.sizeBytes)} MiB` },
      figures,
      evidence,
      tags: [`process:${top.process}`],
    });
  },
});
