import { describeRule } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

describeRule('oom-kills', {
  valid: [{ name: 'a clean boot', files: { dmesg: fixture('dmesg/generic-ubuntu2004-k5.4-x86-01.txt') } }],
  invalid: [
    {
      name: '5.15 OOM report with task table and free_cma trap',
      files: {
        dmesg: dmesg([
          [492.65, 'python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0'],
          [492.6501, 'CPU: 3 PID: 2210 Comm: python3 Not tainted 5.15.148-tegra #1'],
          [492.659, 'Mem-Info:'],
          [492.659081, 'Normal free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB reserved_highatomic:0KB active_anon:0kB free_cma:513592kB'],
          [492.6622, 'Normal: 142*4kB (UEC) 161*8kB (UEC) 59*16kB (UEC) 51*32kB (UEC) 18*64kB (UEC) 2*128kB (UC) 1*256kB (C) 0*512kB 1*1024kB (C) 0*2048kB 125*4096kB (C) = 519120kB'],
          [492.674226, '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name'],
          [492.6743, '[   2210]  1000  2210  2345678  1234567  9876543        0             0 python3'],
          [492.6744, '[   1877]     0  1877   345678   501234  1876543        0             0 nvargus-daemon'],
          [492.68, 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice,task=python3,pid=2210,uid=1000'],
          [492.6801, 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:4938268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0'],
        ]),
      },
      findings: [{ messageId: 'kill', severity: 'critical', verdict: /killed python3 \(pid 2210, anon-rss 4822\.5 MiB\); triggered by python3 \(order 0, GFP_HIGHUSER_MOVABLE\).*only in CMA pageblocks.*mostly CMA/ }],
    },
    {
      name: '4.9 two-line victim, killed twice, memcg kill, allocation failures',
      files: {
        dmesg: dmesg([
          [7530.03203, 'adec_send_aacst invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
          [7530.1, 'Out of memory: Kill process 1039 (netifd) score 2 or sacrifice child'],
          [7530.2, 'Killed process 1039 (netifd) total-vm:1680kB, anon-rss:148kB, file-rss:4kB, shmem-rss:0kB'],
          [9000.1, 'netifd invoked oom-killer: gfp_mask=0x24201ca(GFP_HIGHUSER_MOVABLE|__GFP_COLD), nodemask=0, order=0, oom_score_adj=0'],
          [9000.2, 'Killed process 1502 (netifd) total-vm:1680kB, anon-rss:152kB, file-rss:4kB, shmem-rss:0kB'],
          [9100.0, 'Renderer: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=user.slice,mems_allowed=0'],
          [9200.0, 'Memory cgroup out of memory: Killed process 4242 (python) total-vm:87716756kB, anon-rss:16715856kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:165916kB oom_score_adj:0'],
        ]),
      },
      findings: [
        { messageId: 'kill', severity: 'critical', verdict: /netifd \(pid 1039.*killed 2 times/ },
        { messageId: 'kill', severity: 'critical', verdict: /pid 1502/ },
        { messageId: 'memcg', severity: 'error', verdict: /memory-cgroup limit/ },
        { messageId: 'allocFailures', severity: 'error', verdict: /order 5 \(128 KiB\).*fragmentation/ },
      ],
    },
  ],
});
