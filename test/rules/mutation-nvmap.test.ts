/**
 * nvmap-clients at each threshold (issue #14, mutation testing): growth of 128 MiB and of a
 * fifth of what the process held (at, just under), a process that appeared during the capture,
 * captures without stamps, the process holding 40 % of RAM (at, just under), the figures of the
 * five largest, a total line missing. The layout is nvmap's iovmm/clients as the collector
 * captures it; MemTotal is the Orin Nano meminfo's 7633536 kB (40 % is 3053414.4 kB).
 */
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { meminfo } from '../helpers/bundles.js';

const stamp = (i: number) => `2026-11-24T10:${String(i * 10).padStart(2, '0')}:00Z`;
type Row = [process: string, pid: number, kB: number];
function clients(rows: Row[], total = true): string {
  return `CLIENT                        PROCESS      PID        SIZE\n${rows.map(([p, pid, k]) => `user ${p.padStart(28)} ${String(pid).padStart(8)} ${String(k).padStart(10)}K\n`).join('')}${total ? `total                                            ${rows.reduce((a, r) => a + r[2], 0)}K\n` : ''}`;
}
const series = (caps: Row[][], stamped = true) => ({ 'nvmap-clients.log': caps.map((rows, i) => `${stamped ? `${stamp(i)}\n` : ''}${clients(rows)}`).join(stamped ? '' : '\n'), 'proc/meminfo': meminfo() });
const ARGUS: Row = ['nvargus-daemon', 812, 131072];
const py = (kB: number): Row => ['python3', 2210, kB];
const GROW = { messageId: 'growing', severity: 'error' as const, signatures: [] };
const one = (rows: Row[], total = true) => ({ 'sys/kernel/debug/nvmap/iovmm/clients': clients(rows, total), 'proc/meminfo': meminfo() });
const F = 'sys/kernel/debug/nvmap/iovmm/clients';

describeRule(
  'nvmap-clients',
  {
    valid: [
      { name: 'no client', files: { [F]: clients([]) } },
    ],
    invalid: [
      {
        name: 'python3 grew 128 MiB (512 to 640 MiB): growing',
        files: series([[ARGUS, py(524288)], [ARGUS, py(655360)]]),
        findings: [{ ...GROW, evidence: at('nvmap-clients.log', 4, 9), tags: ['leak', 'process:python3'], verdict: /^python3 \(2210\) grew its NVMM memory from 512 MiB to 640 MiB over 10 min: GPU\/multimedia buffers allocated and not freed\.$/, figures: { growth: 128 } }],
      },
      {
        name: 'python3 grew 127 MiB: not growing, only who holds it',
        files: series([[ARGUS, py(524288)], [ARGUS, py(654336)]]),
        findings: [{ messageId: 'holders', severity: 'info', evidence: at('nvmap-clients.log', 9, 8), tags: ['process:python3'], signatures: [], verdict: /^NVMM memory: 767 MiB across 2 process\(es\); most held by python3 \(2210\) 639 MiB\.$/ }],
      },
      {
        name: 'python3 grew 128 MiB on 640 MiB: a fifth exactly',
        files: series([[ARGUS, py(655360)], [ARGUS, py(786432)]]),
        findings: [{ ...GROW, evidence: at('nvmap-clients.log', 4, 9), tags: ['leak', 'process:python3'], verdict: /from 640 MiB to 768 MiB/ }],
      },
      {
        name: 'python3 grew 128 MiB on 641 MiB: under a fifth',
        files: series([[ARGUS, py(656384)], [ARGUS, py(787456)]]),
        findings: [{ messageId: 'holders', severity: 'info', evidence: at('nvmap-clients.log', 9, 8), tags: ['process:python3'], signatures: [] }],
      },
      {
        name: 'a process that appeared during the capture grew from nothing; the one that grew most is named',
        files: series([[ARGUS, py(524288)], [ARGUS, py(600000), ['gst-launch-1.0', 3301, 262144]]]),
        findings: [{ ...GROW, evidence: at('nvmap-clients.log', 10), tags: ['leak', 'process:gst-launch-1.0'], verdict: /^gst-launch-1\.0 \(3301\) grew its NVMM memory from 0 MiB to 256 MiB over 10 min/ }],
      },
      {
        // The same name with another pid is another process: its memory is counted from nothing.
        name: 'a restarted process (new pid) is compared with nothing, not with the old one',
        files: series([[ARGUS, py(524288)], [ARGUS, ['python3', 3301, 716800]]]),
        findings: [{ ...GROW, evidence: at('nvmap-clients.log', 9), tags: ['leak', 'process:python3'], verdict: /^python3 \(3301\) grew its NVMM memory from 0 MiB to 700 MiB over 10 min/ }],
      },
      {
        name: 'captures without stamps: the span is the number of captures',
        files: series([[ARGUS, py(524288)], [ARGUS, py(600000)], [ARGUS, py(786432)]], false),
        findings: [{ ...GROW, evidence: at('nvmap-clients.log', 3, 13), tags: ['leak', 'process:python3'], verdict: /over 3 captures:/ }],
      },
      {
        name: 'one process holding 40 % of RAM',
        files: one([ARGUS, py(3053415)]),
        findings: [{ messageId: 'large', severity: 'warning', evidence: at(F, 3, 2), tags: ['memory-pressure', 'process:python3'], signatures: [], verdict: /^python3 \(2210\) holds 2982 MiB of NVMM memory, 40% of RAM \(3110 MiB across 2 process\(es\)\)\.$/, figures: { 'python3 (2210)': 2982, 'nvargus-daemon (812)': 128 } }],
      },
      {
        name: 'one process holding just under 40 % of RAM',
        files: one([ARGUS, py(3053414)]),
        findings: [{ messageId: 'holders', severity: 'info', evidence: at(F, 3, 2), tags: ['process:python3'], signatures: [] }],
      },
      {
        name: 'no total line: the clients are added up; figures for the five largest only',
        files: one([ARGUS, py(1000), ['a', 1, 2048], ['b', 2, 4096], ['c', 3, 8192], ['d', 4, 3072]], false),
        findings: [{ messageId: 'holders', severity: 'info', evidence: at(F, 2, 6, 5), tags: ['process:nvargus-daemon'], signatures: [], verdict: /^NVMM memory: 146 MiB across 6 process\(es\); most held by nvargus-daemon \(812\) 128 MiB\.$/ }],
      },
    ],
  },
  (name, found) => {
    if (name.startsWith('no total line')) expect(found[0]!.figures.map((f) => f.label)).toEqual(['nvargus-daemon (812)', 'c (3)', 'b (2)', 'd (4)', 'a (1)']);
    if (name.startsWith('one process holding 40')) expect(found[0]!.confidence).toBe(0.7);
  },
);
