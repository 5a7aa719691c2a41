/**
 * A CPU register dump whose first line (oops, WARN, lockup, NMI backtrace) is not in the log:
 * reported as what it is, never as a crash, and never when its first line is there.
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

/** The Orin NX excerpt of jetpack-nixos#34: the dump interleaved with other drivers' lines. */
const ORIN_NX: [number, string][] = [
  [7.454936, 'CPU: 6 PID: 128 Comm: kworker/6:1 Not tainted 5.10.104 #1-NixOS'],
  [7.454939, 'Hardware name: Unknown NVIDIA Orin NX Developer Kit/NVIDIA Orin NX Developer Kit, BIOS jetson-r35.2 01/01/1980'],
  [7.460071, 'tegra194-vi5 13e40000.host1x:vi1@14c00000: initialized'],
  [7.464392, 'Workqueue: events tegra_xudc_usb_role_sw_work'],
  [7.468020, 'tegra194-pcie 140a0000.pcie: Using GICv2m MSI allocator'],
  [7.470244, 'pstate: 60c00009 (nZCv daif +PAN +UAO -TCO BTYPE=--)'],
  [7.470248, 'pc : tegra_xudc_unpowergate+0x148/0x760'],
  [7.478819, 'lr : tegra_xudc_unpowergate+0x120/0x760'],
];

/** A WARN with its dump (Nano 2GB r32.7.4, meta-tegra#1364, 5.x register format). */
const WARN: [number, string][] = [
  [10.653594, '------------[ cut here ]------------'],
  [10.658215, 'WARNING: CPU: 0 PID: 2147 at mm/slab_common.c:98 kmem_cache_create+0x1cc/0x258'],
  [10.666459, 'Modules linked in: g_serial nvgpu tegra_udrm userspace_alert dione_ir'],
  [10.675459, 'CPU: 0 PID: 2147 Comm: nvphsd_setup. Not tainted 4.9.299-l4t-r32.7.4 #1'],
  [10.68, 'pc : kmem_cache_create+0x1cc/0x258'],
];

describeRule('kernel-register-dump', {
  valid: [
    { name: 'a clean boot', files: { dmesg: dmesg(BOOT_DMESG) } },
    { name: 'a WARN with its dump: the WARNING line explains it', files: { dmesg: dmesg(WARN) } },
    {
      name: 'an oops with its dump: kernel-oops reports it',
      files: { dmesg: dmesg([[624.47, 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000'], [624.53, 'Internal error: Oops: 96000005 [#1] PREEMPT SMP'], [624.6, 'pc : hid_xpadneo_probe+0x30/0x200']]) },
    },
    {
      name: 'a soft lockup and an NMI backtrace with their dumps',
      files: { dmesg: dmesg([[50, 'watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:4:4202]'], [50, 'pc : __do_softirq+0x100/0x300'], [80, 'NMI backtrace for cpu 1'], [80, 'pc : cpuidle_enter_state+0xb8/0x2b0']]) },
    },
  ],
  invalid: [
    {
      name: 'Orin NX dump cut above its first line: the function, task and workqueue, as a warning',
      files: { dmesg: dmesg(ORIN_NX) },
      findings: [{
        messageId: 'dump', severity: 'warning', signatures: [], tags: ['signature:kernel-register-dump'], evidence: at('dmesg', 1, 4, 7),
        verdict: /^1 kernel register dump\(s\) without the oops, WARN or lockup line that starts them \(first: the CPU was in tegra_xudc_unpowergate\+0x148\/0x760, task kworker\/6:1 on CPU 6, workqueue events tegra_xudc_usb_role_sw_work\): the log is cut above the dump, so whether the kernel crashed or only warned is not in it\.$/,
      }],
    },
    {
      name: 'the 4.9 form ("PC is at") with no header, and a WARN far above it (more than 60 lines) does not explain it',
      files: { dmesg: dmesg([...WARN.slice(0, 2), ...Array.from({ length: 70 }, (_, i): [number, string] => [11 + i, `usb 1-2: device descriptor read/64, error -71 (${i})`]), [90, 'PC is at nvhost_scale_emc_debug_init.isra.0+0x1c4/0x1dc']]) },
      findings: [{ messageId: 'dump', severity: 'warning', signatures: [], tags: ['signature:kernel-register-dump'], evidence: at('dmesg', 73), verdict: /the CPU was in nvhost_scale_emc_debug_init\.isra\.0\+0x1c4\/0x1dc\): / }],
    },
  ],
});
