/**
 * Kernel panics with the detector's line that set them off: the reason of `Kernel panic - not
 * syncing` names the mechanism, the line above it (printed before the stack dump) names the
 * task, CPU or fault. Lines from public reports: balena-jetson#166 (Xavier NX hung task),
 * ArduCAM MIPI_Camera#145 (Nano hard lockup), SkiffOS#137 (soft-lockup panic quoted alone).
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

const PANIC = { messageId: 'found', severity: 'critical' as const, tags: ['reboot', 'signature:kernel-panic'] };

describeRule('kernel-panic', {
  valid: [
    { name: 'a clean boot', files: { dmesg: dmesg(BOOT_DMESG) } },
    { name: 'a hung task with no panic after it', files: { dmesg: dmesg([[243.565482, 'INFO: task balenad:4049 blocked for more than 120 seconds.']]) } },
  ],
  invalid: [
    {
      name: 'hung-task panic (4.9): the blocked task quoted, 13 stack lines between',
      files: {
        dmesg: dmesg([
          [243.565482, 'INFO: task balenad:4049 blocked for more than 120 seconds.'],
          [243.565737, '      Not tainted 4.9.140-l4t-r32.4 #1'],
          [243.566032, 'balenad         D    0  4049      1 0x00000008'],
          [243.566236, 'Call trace:'],
          [243.567237, '[<ffffff8008083900>] el0_svc_naked+0x34/0x38'],
          [243.567394, 'Kernel panic - not syncing: hung_task: blocked tasks'],
        ]),
      },
      findings: [{ ...PANIC, evidence: at('dmesg', 1, 6), signatures: ['kernel-panic', 'hung-task'], verdict: /^The kernel panicked: hung_task: blocked tasks, set off by: INFO: task balenad:4049 blocked for more than 120 seconds\.$/ }],
    },
    {
      name: 'soft-lockup panic (5.x): the BUG line quoted',
      files: { dmesg: dmesg([[5300.22939, 'watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]'], [5300.2295, 'Call trace:'], [5300.23, 'Kernel panic - not syncing: softlockup: hung tasks']]) },
      findings: [{ ...PANIC, evidence: at('dmesg', 1, 3), signatures: ['kernel-panic', 'soft-lockup'], verdict: /set off by: watchdog: BUG: soft lockup - CPU#2 stuck for 23s! \[kworker\/2:1:25629\]\.$/ }],
    },
    {
      name: 'hard-lockup panic (5.x): the NMI watchdog line quoted; a soft-lockup line is not its trigger',
      files: { dmesg: dmesg([[800, 'watchdog: BUG: soft lockup - CPU#1 stuck for 22s! [a:1]'], [812.1, 'NMI watchdog: Watchdog detected hard LOCKUP on cpu 3'], [812.2, 'Kernel panic - not syncing: Hard LOCKUP']]) },
      findings: [{ ...PANIC, evidence: at('dmesg', 2, 3), signatures: ['kernel-panic', 'soft-lockup'], verdict: /^The kernel panicked: Hard LOCKUP, set off by: NMI watchdog: Watchdog detected hard LOCKUP on cpu 3\.$/ }],
    },
    {
      name: 'hard lockup on 4.9: the reason is the detector line itself, nothing else quoted',
      files: { dmesg: dmesg([[48.322333, 'Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 0']]) },
      findings: [{ ...PANIC, evidence: at('dmesg', 1), signatures: ['kernel-panic'], verdict: /^The kernel panicked: Watchdog detected hard LOCKUP on cpu 0\.$/ }],
    },
    {
      name: 'fatal-exception panic: the oops line quoted',
      files: { dmesg: dmesg([[99, 'Unable to handle kernel NULL pointer dereference at virtual address 00000000'], [99.0001, 'Internal error: Oops: 96000005 [#1] PREEMPT SMP'], [99.0009, 'Kernel panic - not syncing: Fatal exception']]) },
      findings: [{ ...PANIC, evidence: at('dmesg', 2, 3), signatures: ['kernel-panic', 'kernel-oops'], verdict: /set off by: Internal error: Oops: 96000005 \[#1\] PREEMPT SMP\.$/ }],
    },
    {
      name: 'a hung task 63 s before the panic (over 60 s): not quoted',
      files: { dmesg: dmesg([[200, 'INFO: task kworker/0:1:12 blocked for more than 120 seconds.'], [263.000001, 'Kernel panic - not syncing: hung_task: blocked tasks']]) },
      findings: [{ ...PANIC, evidence: at('dmesg', 2), signatures: ['kernel-panic'], verdict: /^The kernel panicked: hung_task: blocked tasks\.$/ }],
    },
    {
      name: 'a second panic does not reach past the first for its trigger',
      files: { dmesg: ['INFO: task sync:40 blocked for more than 120 seconds.', 'Kernel panic - not syncing: hung_task: blocked tasks', 'Kernel panic - not syncing: hung_task: blocked tasks', ''].join('\n') },
      findings: [{ ...PANIC, evidence: at('dmesg', 1, 2, 3), signatures: ['kernel-panic', 'hung-task'], figures: { occurrences: 2 } }],
    },
    {
      name: 'a panic reason with no detector (SkiffOS#137 quoted the soft-lockup panic alone): the reason only',
      files: { dmesg: 'Kernel panic - not syncing: softlockup: hung tasks\n' },
      findings: [{ ...PANIC, evidence: at('dmesg', 1), signatures: ['kernel-panic'], verdict: /^The kernel panicked: softlockup: hung tasks\.$/ }],
    },
  ],
});
