/**
 * oom-kills, every figure, evidence line and remedy of its findings (issue #14, mutation
 * testing). Lines: the order-1 GFP_KERNEL_ACCOUNT header of raspberrypi/linux#5279 before the
 * real show-mem block of raspberrypi/linux#3872 (as in cma.test.ts), task-table rows, summary
 * and victim lines in the 5.x formats of the signature catalogue; 4.9 selection lines; memcg
 * summaries as the 5.x kernel prints them for a container; page allocation failures by order.
 */
import { describe, expect, it } from 'vitest';
import { runCase } from '../../src/rules/tester.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import { realLog } from '../helpers/fixtures.js';
import type { Finding } from '../../src/rules/types.js';

const rule = ruleById('oom-kills');
const run = (text: string): Finding[] => runCase(rule, { name: 'case', files: { dmesg: text } }, SIGNATURES);
const figs = (f: Finding) => Object.fromEntries(f.figures.map((x) => [x.label, x.value]));
const lines = (f: Finding) => f.evidence.map((e) => e.line);

const HEAD = 'kthreadd invoked oom-killer: gfp_mask=0x7080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null), order=1, oom_score_adj=0';
const MOVABLE_HEAD = 'python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0';
const SUMMARY = 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice/user-1000.slice/session-3.scope,task=python3,pid=2210,uid=1000';
const MEMCG_SUMMARY = 'oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/docker/4f1c,task_memcg=/docker/4f1c,task=python3,pid=15617,uid=0';
const VICTIM = (pid = 2210, comm = 'python3', scope = 'Out of memory') => `${scope}: Killed process ${pid} (${comm}) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0`;
const ROW = (pid: number, rss: number, name: string) => `[${String(pid).padStart(7)}]  1000 ${String(pid).padStart(5)}  2345678 ${String(rss).padStart(8)}   7901184        0             0 ${name}`;
const KILL_REMEDY = [
  'Budget CPU + GPU + camera memory together: they share one DRAM pool; check tegrastats RAM around the kill.',
  'Reduce model size (INT8/INT4), camera buffer count or resolution; offload layers to the DLA where the board has one.',
  'Set process memory limits (systemd MemoryMax=) and give the inference service a lower oom_score_adj only if something else can be sacrificed.',
  'GPU memory allocated through nvmap is not in anon-rss: a small victim RSS with a large shortfall points at GPU/camera buffers.',
];
const MEMCG_REMEDY = ["Raise or remove the container memory limit (docker --memory), or reduce the container's working set."];

describe('a whole 5.x OOM report with its memory state', () => {
  const text = [
    `[  492.650000] ${HEAD}`,
    realLog('oom-rpi-3872-showmem.log').trimEnd(),
    `[  492.675000] ${ROW(2210, 1404567, 'python3')}`,
    `[  492.675100] ${ROW(1800, 2404567, 'java')}`,
    `[  492.676000] ${SUMMARY}`,
    `[  492.677000] ${VICTIM()}`,
    '',
  ].join('\n');
  // Run inside each test, not here: Stryker activates a mutant only while tests run.
  const whole = () => run(text);

  it('one kill finding, with the largest task and the memory state in the verdict', () => {
    const [f, ...rest] = whole();
    expect(rest).toEqual([]);
    expect(f!.messageId).toBe('kill');
    expect(f!.confidence).toBe(0.95);
    expect(f!.verdict).toBe(
      'The OOM killer killed python3 (pid 2210, anon-rss 5486.6 MiB) at 0:08:12 after boot; triggered by kthreadd (order 1, GFP_KERNEL_ACCOUNT|__GFP_ZERO); the largest task in the table was java (9392.8 MiB RSS); zone DMA had 519112 kB free but 513592 kB of it was CMA, which this non-movable request cannot use (outside CMA: 5520 kB, below min 10428 kB).',
    );
  });

  it('the figures: victim, its RSS, the request, the memory state, the time', () => {
    const [f] = whole();
    expect(f!.figures).toEqual([
      { label: 'victims', value: 'python3 (pid 2210, anon-rss 5486.6 MiB)' },
      { label: 'anon-rss', value: 5486.6, unit: 'MiB' },
      { label: 'total-vm', value: 9162.8, unit: 'MiB' },
      { label: 'gfp_mask', value: '0x7080c0 (GFP_KERNEL_ACCOUNT|__GFP_ZERO)' },
      { label: 'order', value: 1 },
      { label: 'DMA free / min at the failure', value: '519112 / 10428', unit: 'kB' },
      { label: 'DMA free_cma at the failure', value: 513592, unit: 'kB' },
      { label: 'largest free block outside CMA (kernel memory report), at the failure', value: 128, unit: 'KiB' },
      { label: 'when', value: '0:08:12 after boot' },
    ]);
  });

  it('evidence: every line of the report in log order, show-mem zone and free-list lines included', () => {
    const [f] = whole();
    expect(lines(f!)).toEqual([1, 3, 5, 15, 16, 17, 18, 19]);
    expect(f!.signatures).toEqual(['oom-invoked', 'oom-kill-victim', 'oom-kill-summary', 'oom-task-table', 'show-mem-zone', 'show-mem-buddy']);
    expect(f!.tags).toEqual(['oom', 'process:python3', 'cma-unusable-free', 'cma-trap']);
    expect(f!.remedy).toEqual(KILL_REMEDY);
  });

  it('the largest task is not named again when it is the victim', () => {
    const own = run([`[  100.000000] ${MOVABLE_HEAD}`, `[  100.100000] ${ROW(2210, 1404567, 'python3')}`, `[  100.200000] ${ROW(1800, 404567, 'java')}`, `[  100.300000] ${VICTIM()}`, ''].join('\n'));
    expect(own[0]!.verdict).toBe('The OOM killer killed python3 (pid 2210, anon-rss 5486.6 MiB) at 0:01:40 after boot; triggered by python3 (order 0, GFP_HIGHUSER_MOVABLE).');
    expect(own[0]!.signatures).toEqual(['oom-invoked', 'oom-kill-victim', 'oom-task-table']);
  });
});

describe('episodes of several kills', () => {
  it('three victims are all named', () => {
    const [f] = run(dmesg([[100, VICTIM(1)], [110, VICTIM(2)], [120, VICTIM(3)]]));
    expect(f!.verdict).toBe('The OOM killer killed python3 (pid 1, anon-rss 5486.6 MiB), python3 (pid 2, anon-rss 5486.6 MiB), python3 (pid 3, anon-rss 5486.6 MiB) at 0:01:40 after boot; triggered by a task not in the log (request not in the log).');
    expect(f!.confidence).toBe(0.85);
    expect(figs(f!)['kills in this episode']).toBe(3);
    expect(figs(f!).victims).toBe('python3 (pid 1, anon-rss 5486.6 MiB); python3 (pid 2, anon-rss 5486.6 MiB); python3 (pid 3, anon-rss 5486.6 MiB)');
  });

  it('beyond three, the rest are counted; a header-only kill of the episode is not a kill', () => {
    const [f] = run(dmesg([[100, MOVABLE_HEAD], [140, VICTIM(1)], [150, VICTIM(2)], [151, VICTIM(3)], [152, VICTIM(4)], [153, VICTIM(5)]]));
    expect(f!.verdict).toMatch(/^The OOM killer killed python3 \(pid 1, anon-rss 5486\.6 MiB\), python3 \(pid 2, anon-rss 5486\.6 MiB\), python3 \(pid 3, anon-rss 5486\.6 MiB\) and 2 more at 0:01:40 after boot; triggered by python3 \(order 0, GFP_HIGHUSER_MOVABLE\)\.$/);
    expect(figs(f!)['kills in this episode']).toBe(5);
    expect(lines(f!)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('one kill: no episode count', () => {
    const [f] = run(dmesg([[100, VICTIM()]]));
    expect(f!.figures.map((x) => x.label)).toEqual(['victims', 'anon-rss', 'total-vm', 'when']);
  });
});

describe('victims known only in part', () => {
  it('only the 5.x summary line: the task and pid it names', () => {
    const [f] = run(dmesg([[100, SUMMARY]]));
    expect(f!.verdict).toBe('The OOM killer killed python3 (pid 2210) at 0:01:40 after boot; triggered by a task not in the log (request not in the log).');
    expect(f!.figures).toEqual([{ label: 'victims', value: 'python3 (pid 2210)' }, { label: 'when', value: '0:01:40 after boot' }]);
    expect(f!.signatures).toEqual(['oom-kill-summary']);
  });

  it('only the 4.9 selection line: the process chosen', () => {
    const [f] = run(dmesg([[100, 'Out of memory: Kill process 2210 (python3) score 714 or sacrifice child']]));
    expect(f!.verdict).toBe('The OOM killer killed python3 (pid 2210) at 0:01:40 after boot; triggered by a task not in the log (request not in the log).');
  });

  it('only a reaper line that reaped: no finding', () => {
    expect(run(dmesg([[100, 'oom_reaper: reaped process 2210 (python3), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB']]))).toEqual([]);
  });

  it('a task table alone: of two tasks with the same RSS the first is named', () => {
    const [f] = run(dmesg([[100, ROW(2210, 1000, 'python3')], [100.1, ROW(2211, 1000, 'gst-launch-1.0')]]));
    expect(f!.verdict).toBe('An OOM task table without its header or victim at 0:01:40 after boot: the largest task was python3 (3.9 MiB RSS).');
    expect(f!.tags).toEqual(['oom', 'process:python3']);
  });
});

describe('memory-cgroup kills', () => {
  it('a memcg victim line without a summary: the limit is named as the container limit', () => {
    const [f] = run(dmesg([[100, VICTIM(15617, 'python3', 'Memory cgroup out of memory')]]));
    expect(f!.verdict).toBe('python3 (pid 15617, anon-rss 5486.6 MiB) killed by a memory-cgroup limit (container limit), not by the device running out of memory at 0:01:40 after boot.');
    expect(f!.remedy).toEqual(MEMCG_REMEDY);
    expect(f!.tags).toEqual(['oom', 'process:python3', 'oom-memcg']);
  });

  it('a CONSTRAINT_MEMCG summary alone: the cgroup it names', () => {
    const [f] = run(dmesg([[100, MEMCG_SUMMARY]]));
    expect(f!.verdict).toBe('python3 (pid 15617) killed by a memory-cgroup limit (/docker/4f1c), not by the device running out of memory at 0:01:40 after boot.');
    expect(f!.severity).toBe('error');
  });

  it('one memcg kill makes the episode a memcg one', () => {
    const [f] = run(dmesg([[100, VICTIM(15617, 'python3', 'Memory cgroup out of memory')], [110, VICTIM(2210, 'java')]]));
    expect(f!.messageId).toBe('memcg');
    expect(f!.verdict).toMatch(/^python3 \(pid 15617, anon-rss 5486\.6 MiB\), java \(pid 2210, anon-rss 5486\.6 MiB\) killed by a memory-cgroup limit \(container limit\)/);
  });
});

describe('page allocation failures', () => {
  const fail = (comm: string, order: number) => `${comm}: page allocation failure: order:${order}, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=/,mems_allowed=0`;
  it('counted by order, sorted, the highest order deciding', () => {
    const [f, ...rest] = run(dmesg([[100, fail('kworker/u8:2', 4)], [101, fail('sshd', 0)], [102, fail('kworker/u8:2', 4)], [103, fail('v4l2', 2)]]));
    expect(rest).toEqual([]);
    expect(f!.verdict).toBe('4 page allocation failure(s), highest order 4 (64 KiB): high-order requests failing points at fragmentation (compare /proc/buddyinfo).');
    expect(f!.severity).toBe('error');
    expect(f!.figures).toEqual([
      { label: 'order 0 (4 KiB)', value: 1 },
      { label: 'order 2 (16 KiB)', value: 1 },
      { label: 'order 4 (64 KiB)', value: 2 },
    ]);
    expect(f!.tags).toEqual(['alloc-failure', 'fragmentation']);
    expect(f!.remedy).toEqual(['For drivers, switch large kmalloc to kvmalloc or scatter-gather; keep big buffers pre-allocated.', 'Raise vm.min_free_kbytes; as a diagnostic, echo 1 > /proc/sys/vm/compact_memory.']);
    expect(lines(f!)).toEqual([1, 2, 3, 4]);
  });

  it('low orders only: a warning, no fragmentation', () => {
    const [f] = run(dmesg([[100, fail('sshd', 2)], [101, fail('sshd', 0)]]));
    expect(f!.severity).toBe('warning');
    expect(f!.verdict).toBe('2 page allocation failure(s), highest order 2 (16 KiB).');
    expect(f!.tags).toEqual(['alloc-failure']);
  });
});
