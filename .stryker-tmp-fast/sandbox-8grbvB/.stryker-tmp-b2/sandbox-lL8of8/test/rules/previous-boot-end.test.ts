// @ts-nocheck
// 
import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';
import { fixture, realLog } from '../helpers/fixtures.js';

const NANO_BOOT = fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt');
// The reset source a Jetson user read after four watchdog resets (a driver deadlock with no
// crash line); the line is laid out as the tegra-pmc driver prints it at boot (see the Nano log above).
const WATCHDOG_BOOT = dmesg([...BOOT_DMESG.slice(0, 4), [0.254148, 'tegra-pmc: ### PMC reset source: BCCPLEXWDT'], [0.254172, 'tegra-pmc: ### PMC reset level: L1'], ...BOOT_DMESG.slice(4)]);
// Catalogue thermal-critical-shutdown, "seen (desktop, 4.x-5.x format)".
const THERMAL_END = dmesg([[5301.2, 'thermal thermal_zone4: critical temperature reached (128 C), shutting down']]);

describeRule(
  'previous-boot-end',
  {
    valid: [
      { name: 'one clean boot after a software reset', files: { dmesg: NANO_BOOT } },
      { name: 'one boot, no reset line', files: { dmesg: dmesg(BOOT_DMESG) } },
    ],
    invalid: [
      {
        name: 'pstore console of a hung-task panic (balena-jetson#166) next to the current dmesg',
        files: { 'dmesg.txt': NANO_BOOT, 'sys/fs/pstore/console-ramoops-0': realLog('pstore-xaviernx-hung-task-panic.log') },
        findings: [{ messageId: 'crash', evidence: [...at('sys/fs/pstore/console-ramoops-0', 16), ...at('dmesg.txt', 181)], tags: ['reboot', 'lockup'], signatures: ['kernel-panic'], severity: 'critical', verdict: /^Previous boot \(pstore console-ramoops-0\) ended in a kernel panic: hung_task: blocked tasks; the next boot reports a software reset/ }],
      },
      {
        name: 'a watchdog reset with no log of the boot before',
        files: { dmesg: WATCHDOG_BOOT },
        findings: [{ messageId: 'reset', evidence: at('dmesg', 5), tags: ['watchdog-reset'], signatures: [], severity: 'error', verdict: /^The boot before this one ended in a watchdog reset \(the system stopped responding\), PMC reset source BCCPLEXWDT: the bundle holds no log of that boot/ }],
      },
      {
        name: 'a thermal shutdown ended the boot kept in dmesg.0',
        files: { 'dmesg.0': THERMAL_END, dmesg: dmesg(BOOT_DMESG) },
        findings: [{ messageId: 'crash', evidence: at('dmesg.0', 1), tags: ['thermal-shutdown', 'thermal'], signatures: ['thermal-critical-shutdown'], severity: 'critical', verdict: /^Previous boot \(from dmesg\.0\) ended in a thermal shutdown \(thermal_zone4 reached its critical trip\)\.$/ }],
      },
      {
        name: 'hung tasks, then an orderly power-off (nixpkgs#37886): the boot ended in order',
        files: { 'dmesg.0': realLog('nixos-37886-hung-then-power-down.log'), dmesg: NANO_BOOT },
        findings: [{ messageId: 'orderly', evidence: [...at('dmesg.0', 7), ...at('dmesg', 181)], tags: [], signatures: [], severity: 'info', verdict: /^Previous boot \(from dmesg\.0\) ended in an orderly power-off; the next boot reports a software reset \(a reboot\), PMC reset source TEGRA_SOFTWARE_RESET\.$/ }],
      },
      {
        // The same real lines with the power-down line cut off: the boot's log stops at the hung tasks.
        name: 'hung tasks and no orderly line after them: the boot stopped',
        files: { 'dmesg.0': realLog('nixos-37886-hung-then-power-down.log').replace(/\n\[  290\.136131\] reboot: Power down\n?$/, '\n'), dmesg: NANO_BOOT },
        findings: [{ messageId: 'stopped', evidence: [...at('dmesg.0', 1, 4), ...at('dmesg', 181)], tags: ['lockup'], signatures: ['hung-task'], severity: 'error', verdict: /^Previous boot \(from dmesg\.0\) stopped after a hung task \(INFO: task umount:482 blocked for more than 120 seconds\.\): no orderly shutdown line follows; the next boot reports a software reset/ }],
      },
      {
        name: "the previous boot's journal ends without a crash or shutdown line",
        files: { 'previous-boot/journalctl-k-b-1.txt': realLog('journal-b1-tk1-oom-short-monotonic.log'), dmesg: NANO_BOOT },
        findings: [{ messageId: 'unknown', evidence: [...at('previous-boot/journalctl-k-b-1.txt', 5), ...at('dmesg', 181)], tags: [], signatures: [], severity: 'info', verdict: /^Previous boot \(from journalctl-k-b-1\.txt\): its log ends without a crash or shutdown line; the next boot reports a software reset/ }],
      },
    ],
  },
  (name, findings) => {
    if (name.startsWith('pstore')) {
      expect(findings[0]!.evidence[0]!.file).toBe('sys/fs/pstore/console-ramoops-0');
      expect(findings[0]!.tags).toEqual(expect.arrayContaining(['reboot', 'lockup']));
    }
    if (name.startsWith('a watchdog')) expect(findings[0]!.tags).toEqual(['watchdog-reset']);
    if (name.startsWith('a thermal')) expect(findings[0]!.evidence[0]).toMatchObject({ file: 'dmesg.0', line: 1 });
  },
);
