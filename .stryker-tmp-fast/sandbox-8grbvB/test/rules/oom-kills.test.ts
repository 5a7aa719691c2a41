// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { fixture, realLog } from '../helpers/fixtures.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { memoryAtFailure, largestCmaBlockKB, largestNonCmaBlockKB } from '../../src/rules/builtin/show-mem.js';

describeRule(
  'oom-kills',
  {
    valid: [
      { name: 'a clean boot', files: { dmesg: fixture('dmesg/generic-ubuntu2004-k5.4-x86-01.txt') } },
      // Memory state alone: without the request nothing says whether CMA was usable, so nothing is claimed.
      { name: 'real show-mem block without header or victim (raspberrypi/linux#3872)', files: { dmesg: realLog('oom-rpi-3872-showmem.log') } },
    ],
    invalid: [
      {
        // The reaper's format string from mm/oom_kill.c as the signature catalogue gives it ("unable to reap pid:%d (%s)"),
        // after a victim line in the catalogue's format; pids and names illustrative.
        name: 'the OOM reaper could not reap the victim',
        files: {
          dmesg: [
            '[ 5120.402211] Out of memory: Killed process 2210 (python3) total-vm:9812340kB, anon-rss:5012344kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:10920kB oom_score_adj:0',
            '[ 5121.410002] oom_reaper: unable to reap pid:2210 (python3)',
            '',
          ].join('\n'),
        },
        findings: [
          { messageId: 'kill', severity: 'critical', evidence: at('dmesg', 1, 2), tags: ['oom', 'process:python3'], signatures: ['oom-kill-victim', 'oom-reaper'] },
          { messageId: 'unreaped', severity: 'error', evidence: at('dmesg', 2), tags: ['oom'], signatures: ['oom-reaper'], verdict: /^The OOM reaper could not reap python3 \(pid 2210\)/ },
        ],
      },
      {
        name: 'real legacy two-line victim (TK1): one kill, not two',
        files: { dmesg: realLog('oom-catalogue-legacy-victim.log') },
        findings: [{ messageId: 'kill', evidence: at('dmesg', 1, 2), tags: ['oom',  'process:DeviceMemory'], signatures: ['oom-kill-victim'], severity: 'critical', verdict: /^The OOM killer killed DeviceMemory \(pid 2700, anon-rss 2\.6 MiB\) at 0:01:20 after boot; triggered by a task not in the log \(request not in the log\)\.$/ }],
      },
      {
        name: 'real header without a victim (4.9 raw kmsg)',
        files: { dmesg: realLog('oom-catalogue-invoker-only.log') },
        findings: [{ messageId: 'invokedOnly', evidence: at('dmesg', 1), tags: ['oom'], signatures: ['oom-invoked'], severity: 'critical', verdict: /invoked by adec_send_aacst \(order 0, GFP_HIGHUSER_MOVABLE\|__GFP_COLD\).*no victim line/ }],
      },
      {
        name: 'real task table alone (raspberrypi/linux#3872)',
        files: { dmesg: realLog('oom-rpi-3872-task-table.log') },
        findings: [{ messageId: 'tableOnly', evidence: at('dmesg', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14), tags: ['oom',  'process:pacman'], signatures: ['oom-task-table'], severity: 'error', verdict: /largest task was pacman \(49\.4 MiB RSS\)/ }],
      },
      {
        name: 'real memcg OOM with legacy victim naming a child, then a later header (kubernetes#56891)',
        files: { dmesg: realLog('oom-k8s-56891-memcg-legacy.log') },
        findings: [
          { messageId: 'memcg', evidence: at('dmesg', 1, 2, 3, 4), tags: ['oom',  'process:java',  'oom-memcg'], signatures: ['oom-kill-victim',  'oom-task-table'], severity: 'error', verdict: /^java \(pid 28438, anon-rss 455\.2 MiB\) killed by a memory-cgroup limit/ },
          { messageId: 'invokedOnly', evidence: at('dmesg', 5), tags: ['oom'], signatures: ['oom-invoked'], verdict: /invoked by java \(order 0, 0xd0\)/ },
        ],
      },
      {
        name: 'real burst of four memcg kills in 40 ms is one episode (docker/for-linux#1001)',
        files: { dmesg: realLog('oom-docker-1001-memcg-burst.log') },
        findings: [{ messageId: 'memcg', evidence: at('dmesg', 1, 2, 3, 4, 5, 6, 7), tags: ['oom',  'process:python3',  'oom-memcg'], signatures: ['oom-kill-victim',  'oom-reaper'], severity: 'error', verdict: /^python3 \(pid 15617, anon-rss 4\.2 MiB\), python3 \(pid 15674.*and 1 more killed by a memory-cgroup limit/ }],
      },
      {
        name: 'real RHEL victim line with ", UID 0," (apache/doris#3525)',
        files: { dmesg: realLog('oom-doris-3525-rhel-uid.log') },
        findings: [{ messageId: 'memcg', evidence: at('dmesg', 1, 2), tags: ['oom',  'process:palo_be',  'oom-memcg'], signatures: ['oom-kill-victim'], verdict: /^palo_be \(pid 18177, anon-rss 44495\.7 MiB\)/ }],
      },
    ],
  },
  (name, found) => {
    if (name.startsWith('real burst')) expect(found[0]!.figures.find((f) => f.label === 'kills in this episode')?.value).toBe(4);
    for (const f of found) expect(f.signatures.length).toBeGreaterThan(0);
    if (name.startsWith('real legacy')) expect(found[0]!.signatures).toEqual(['oom-kill-victim']);
    if (name.startsWith('real task table')) expect(found[0]!.signatures).toEqual(['oom-task-table']);
  },
);

describe('memory state at the OOM (real show-mem block, raspberrypi/linux#3872)', () => {
  const report = snapshotFromFiles({ dmesg: realLog('oom-rpi-3872-showmem.log') }).dmesg!.memoryReports![0]!;

  it('is parsed into the snapshot: zone watermarks, free_cma, free lists by order and type, cma reserved', () => {
    expect(report.zones).toEqual([{ zone: 'DMA', line: 2, freeKB: 519112, minKB: 10428, lowKB: 11228, highKB: 12028, freeCmaKB: 513592, managedKB: 663836 }]);
    expect(report.buddy[0]!.totalKB).toBe(519120);
    expect(report.buddy[0]!.blocks.at(-1)).toEqual({ sizeKB: 4096, count: 125, types: 'C' });
    expect(report.cmaReservedPages).toBe(131072);
    expect(report.ramPages).toBe(1012736);
    expect(largestNonCmaBlockKB(report.buddy)).toBe(128);
    expect(largestCmaBlockKB(report.buddy)).toBe(4096);
  });

  // The request lines below are real too (catalogue oom-invoked: the 4.9 movable header; raspberrypi/linux#5279's
  // order-1 GFP_KERNEL_ACCOUNT header); pairing them with this block tests the decision, not a log.
  it('an ordinary movable request is not told it starved on CMA', () => {
    const s = memoryAtFailure(report, { gfp_mask: '0x24201ca', gfp_flags: 'GFP_HIGHUSER_MOVABLE|__GFP_COLD', order: '0' }, 3);
    expect(s.unusableCma).toBeUndefined();
    expect(s.notes.join(' ')).not.toMatch(/CMA/);
    expect(s.tags).not.toContain('cma-unusable-free');
  });

  it('a non-movable request with free memory CMA alone is the CMA trap', () => {
    const s = memoryAtFailure(report, { gfp_mask: '0x7080c0', gfp_flags: 'GFP_KERNEL_ACCOUNT|__GFP_ZERO', order: '1' }, 3);
    expect(s.unusableCma).toEqual({ zone: 'DMA', freeKB: 519112, freeCmaKB: 513592, minKB: 10428 });
    expect(s.tags).toContain('cma-unusable-free');
    expect(s.notes[0]).toMatch(/513592 kB of it was CMA, which this non-movable request cannot use \(outside CMA: 5520 kB, below min 10428 kB\)/);
  });

  it('the gfp mask alone (no flag names printed) decides movability', () => {
    expect(memoryAtFailure(report, { gfp_mask: '0xd0', order: '0' }, 3).unusableCma).toBeDefined();
    expect(memoryAtFailure(report, { gfp_mask: '0x24201ca', order: '0' }, 3).unusableCma).toBeUndefined();
  });
});
