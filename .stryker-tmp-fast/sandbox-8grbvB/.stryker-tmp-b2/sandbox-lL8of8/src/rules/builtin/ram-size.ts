// @ts-nocheck
// 
import { defineRule } from '../define.js';
import { compact, meminfoEvidence } from '../evidence.js';
import { mib } from '../format.js';

/** Checklist step 1: MemTotal against the RAM the board should show (carveouts too big?). */
export const ramSize = defineRule({
  meta: {
    id: 'ram-size',
    title: 'Visible RAM against the board',
    category: 'memory',
    docs: {
      description: 'Compares MemTotal with the Linux-visible RAM real captures of the same board show (nominal minus firmware carveouts).',
      why: 'Oversized carveouts (VPR, camera, display) or a device tree for the wrong module SKU silently take memory from every application.',
      seed: 'seed §4 (What the 8GB really looks like), jetson-reference §3 and §5.2',
    },
    requires: ['meminfo', 'identity'],
    thresholds: { shortfallPct: 3, nominalFloorPct: 85 },
    messages: {
      short: 'MemTotal is {{memMiB}} MiB; a {{board}} normally shows {{expectedMiB}} MiB: {{missingMiB}} MiB more than usual is carved out or not mapped.',
      wrongSku: 'MemTotal is {{memMiB}} MiB, far below the {{nominalMiB}} MiB of a {{board}}: check the module SKU and device tree.',
      unknownBoard: 'The board could not be identified, so MemTotal ({{memMiB}} MiB) was not compared with an expected size.',
    },
    remedy: [
      'List the carve-outs in /proc/iomem and /proc/device-tree/reserved-memory; compare with a stock image for this module.',
      'Make sure the flashed BSP and DTB match the module SKU (e.g. a 32GB DTB on a 64GB AGX Orin).',
    ],
    references: ['NVIDIA Jetson module data sheets (memory size of each module)', 'NVIDIA Jetson Linux Developer Guide: Memory carve-outs'],
    // No catalogue signature describes this check: its findings cite no id.
    signatures: [],
  },
  check({ snapshot, device, thresholds, report }) {
    const m = snapshot.meminfo!;
    const c = m.captures[m.captures.length - 1]!;
    const total = c.values.MemTotal;
    if (!total) return;
    const memMiB = mib(total);
    const evidence = compact([meminfoEvidence(m, c, 'MemTotal')]);
    const board = device.board;
    if (!board) {
      report({ messageId: 'unknownBoard', signatures: [], severity: 'info', confidence: 0.5, data: { memMiB }, evidence });
      return;
    }
    // Far below what the module shows (its usual MemTotal when known, else its nominal size) is
    // a different module or DTB; a smaller shortfall against the usual MemTotal is carve-outs.
    const reference = board.observedRamMB?.[0] ?? board.nominalRamMB;
    if (memMiB < (reference * thresholds.nominalFloorPct!) / 100) {
      report({
        messageId: 'wrongSku', signatures: [],
        severity: 'warning',
        confidence: 0.6,
        data: { memMiB, board: board.name, nominalMiB: board.nominalRamMB },
        figures: [{ label: 'MemTotal', value: memMiB, unit: 'MiB' }],
        evidence,
        tags: ['carveouts'],
      });
      return;
    }
    if (board.observedRamMB) {
      const expected = board.observedRamMB[0];
      if (memMiB < expected * (1 - thresholds.shortfallPct! / 100)) {
        report({
          messageId: 'short', signatures: [],
          severity: 'warning',
          confidence: 0.7,
          data: { memMiB, board: board.name, expectedMiB: expected, missingMiB: Math.round(expected - memMiB) },
          figures: [
            { label: 'MemTotal', value: memMiB, unit: 'MiB' },
            { label: 'usual for this board', value: expected, unit: 'MiB' },
          ],
          evidence,
          tags: ['carveouts'],
        });
      }
    }
  },
});
