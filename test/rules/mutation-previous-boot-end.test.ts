/**
 * previous-boot-end, every ending and every reset kind (issue #14, mutation testing). Two
 * kernel logs: the earlier boot in dmesg.0 (the boot lines of test/helpers/bundles.ts with
 * slightly different stamps, then its last lines: crash lines from the signature catalogue's
 * "seen" examples) and the current boot in dmesg, whose tegra-pmc line names the reset source
 * as the PMC drivers print it (T186/T194 names, L4T T210 TEGRA_* names, mainline SYS_RESET_N).
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

const PREV: [number, string][] = BOOT_DMESG.map(([t, m]) => [t ? t + 0.013 : t, m]);
const prev = (...end: [number, string][]) => dmesg([...PREV, ...end]);
/** The current boot with its PMC reset source line (line 5) and reset level line (line 6). */
const cur = (source: string) => dmesg([...BOOT_DMESG.slice(0, 4), [0.254148, `tegra-pmc: ### PMC reset source: ${source}`], [0.254172, 'tegra-pmc: ### PMC reset level: L1'], ...BOOT_DMESG.slice(4)]);
const QUIET = prev([812.5, 'systemd-journald[231]: Received SIGTERM from PID 1 (systemd-shutdown).']);
const unknownEnd = (source: string, severity: 'warning' | 'info', words: string) => ({
  name: `an earlier log ending without a crash line, next boot reset by ${source}`,
  files: { 'dmesg.0': QUIET, dmesg: cur(source) },
  findings: [{
    messageId: 'unknown', severity, evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: [], signatures: [],
    verdict: new RegExp(`^Previous boot \\(from dmesg\\.0\\): its log ends without a crash or shutdown line; the next boot reports ${words}, PMC reset source ${source}; the capture may be cut short or power was lost\\.$`),
    figures: { 'log of that boot': 'dmesg.0', 'last line at': 813, 'PMC reset source (next boot)': source },
  }],
});
const sensorReset = (source: string, kind: 'thermal' | 'watchdog') => ({
  name: `no crash line, next boot reset by ${source}: a ${kind} reset`,
  files: { 'dmesg.0': QUIET, dmesg: cur(source) },
  findings: [{
    messageId: 'reset', severity: 'error' as const, evidence: at('dmesg', 5), signatures: [],
    tags: kind === 'thermal' ? ['thermal-shutdown', 'thermal'] : ['watchdog-reset'],
    verdict: new RegExp(`^Previous boot \\(from dmesg\\.0\\) ended in a ${kind === 'thermal' ? 'thermal-sensor reset \\(the hardware over-temperature trip\\)' : 'watchdog reset \\(the system stopped responding\\)'}, PMC reset source ${source}, with no crash line in the log of that boot \\(dmesg\\.0\\)\\.$`),
    figures: { 'PMC reset source': source, 'log of that boot': 'dmesg.0', 'last line at': 813 },
  }],
});

describeRule('previous-boot-end', {
  valid: [
    // Only the reset level line: no source named.
    { name: 'a PMC reset level line alone', files: { dmesg: dmesg([...BOOT_DMESG.slice(0, 4), [0.254172, 'tegra-pmc: ### PMC reset level: L1']]) } },
    // One log, the boot before it unknown, reset by a power cut: nothing to say about a boot not read.
    { name: 'one boot reset by power-on', files: { dmesg: cur('TEGRA_POWER_ON_RESET') } },
    { name: 'one boot reset by software', files: { dmesg: cur('MAINSWRST') } },
    // Two boots in one file, the first ending quietly: orderly and unknown ends are said only for a boot in a file of its own.
    { name: 'two boots in one log, the first ending quietly', files: { dmesg: QUIET + cur('MAINSWRST') } },
  ],
  invalid: [
    unknownEnd('TEGRA_POWER_ON_RESET', 'warning', 'a power-on reset \\(power was cut or the reset line pulled\\)'),
    unknownEnd('SYS_RESET_N', 'warning', 'a power-on reset \\(power was cut or the reset line pulled\\)'),
    unknownEnd('MAINSWRST', 'info', 'a software reset \\(a reboot\\)'),
    unknownEnd('TEGRA_SOFTWARE_RESET', 'info', 'a software reset \\(a reboot\\)'),
    unknownEnd('SC7', 'info', 'a wake from deep sleep'),
    unknownEnd('TEGRA_LP0', 'info', 'a wake from deep sleep'),
    // VFSENSOR is the voltage/frequency sensor, not the thermal one.
    unknownEnd('VFSENSOR', 'info', 'a voltage/frequency-sensor reset'),
    unknownEnd('CSITE', 'info', 'a reset'),
    sensorReset('SENSOR', 'thermal'),
    sensorReset('TEGRA_SENSOR', 'thermal'),
    sensorReset('AOTAG', 'thermal'),
    sensorReset('AOWDT', 'watchdog'),
    sensorReset('TEGRA_WATCHDOG', 'watchdog'),
    {
      name: 'a boot ended by a reboot line',
      files: { 'dmesg.0': prev([900.1, 'reboot: Restarting system']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'orderly', severity: 'info', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: [], signatures: [], verdict: /^Previous boot \(from dmesg\.0\) ended in an orderly reboot; the next boot reports a software reset \(a reboot\), PMC reset source MAINSWRST\.$/, figures: { 'last line at': 900 } }],
    },
    {
      name: 'a boot ended by a halt',
      files: { 'dmesg.0': prev([900.1, 'reboot: System halted']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'orderly', severity: 'info', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: [], signatures: [], verdict: /ended in an orderly halt;/ }],
    },
    {
      name: 'systemd-shutdown powering off, with no reset line in the next boot',
      files: { 'dmesg.0': prev([900.1, 'systemd-shutdown[1]: Powering off.']), dmesg: dmesg(BOOT_DMESG) },
      findings: [{ messageId: 'orderly', severity: 'info', evidence: at('dmesg.0', 7), tags: [], signatures: [], verdict: /^Previous boot \(from dmesg\.0\) ended in an orderly power-off\.$/ }],
    },
    {
      name: 'systemd-shutdown rebooting',
      files: { 'dmesg.0': prev([900.1, 'systemd-shutdown[1]: Rebooting.']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'orderly', severity: 'info', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: [], signatures: [], verdict: /ended in an orderly reboot;/ }],
    },
    {
      name: 'an oops the log stops after',
      files: { 'dmesg.0': prev([900.1, 'Internal error: Oops: 96000004 [#1] PREEMPT SMP']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'stopped', severity: 'error', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: ['reboot'], signatures: ['kernel-oops'], verdict: /^Previous boot \(from dmesg\.0\) stopped after a kernel oops \(Internal error: Oops: 96000004 \[#1\] PREEMPT SMP\): no orderly shutdown line follows; the next boot reports a software reset \(a reboot\), PMC reset source MAINSWRST\.$/ }],
    },
    {
      name: 'an oops, then an orderly reboot: the boot recovered',
      files: { 'dmesg.0': prev([900.1, 'Internal error: Oops: 96000004 [#1] PREEMPT SMP'], [960.2, 'reboot: Restarting system']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'orderly', severity: 'info', evidence: [...at('dmesg.0', 8), ...at('dmesg', 5)], tags: [], signatures: [], verdict: /ended in an orderly reboot/ }],
    },
    {
      name: 'a panic is the end even with an orderly line after it',
      files: { 'dmesg.0': prev([900.1, 'Kernel panic - not syncing: Fatal exception'], [960.2, 'reboot: Restarting system']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'crash', severity: 'critical', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: ['reboot'], signatures: ['kernel-panic'], verdict: /^Previous boot \(from dmesg\.0\) ended in a kernel panic: Fatal exception; the next boot reports a software reset/ }],
    },
    {
      name: 'a soft lockup, then a panic on it (5.10 lines), reset by the watchdog',
      files: { 'dmesg.0': prev([80.2, 'watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]'], [80.3, 'Kernel panic - not syncing: softlockup: hung tasks']), dmesg: cur('AOWDT') },
      findings: [{ messageId: 'crash', severity: 'critical', evidence: [...at('dmesg.0', 8), ...at('dmesg', 5)], tags: ['reboot', 'lockup'], signatures: ['kernel-panic'], verdict: /^Previous boot \(from dmesg\.0\) ended in a kernel panic: softlockup: hung tasks; the next boot reports a watchdog reset \(the system stopped responding\), PMC reset source AOWDT\.$/, figures: { 'last line at': 80, 'PMC reset source (next boot)': 'AOWDT' } }],
    },
    {
      name: 'a soft lockup the log stops after',
      files: { 'dmesg.0': prev([80.2, 'watchdog: BUG: soft lockup - CPU#2 stuck for 23s! [kworker/2:1:25629]']), dmesg: cur('AOWDT') },
      findings: [{ messageId: 'stopped', severity: 'error', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: ['lockup'], signatures: ['soft-lockup'], verdict: /^Previous boot \(from dmesg\.0\) stopped after a CPU lockup \(.*soft lockup - CPU#2 stuck for 23s!.*\): no orderly shutdown line follows; the next boot reports a watchdog reset/ }],
    },
    {
      name: 'an RCU stall the log stops after',
      files: { 'dmesg.0': prev([80.2, 'rcu: INFO: rcu_sched detected stalls on CPUs/tasks:']), dmesg: cur('MAINSWRST') },
      findings: [{ messageId: 'stopped', severity: 'error', evidence: [...at('dmesg.0', 7), ...at('dmesg', 5)], tags: ['lockup'], signatures: ['rcu-stall'], verdict: /stopped after an RCU stall/ }],
    },
    {
      name: 'two boots in one log: a panic on OOM, then a thermal-sensor reset',
      files: { dmesg: prev([900.1, 'Kernel panic - not syncing: Out of memory and no killable processes...']) + cur('SENSOR') },
      findings: [{ messageId: 'crash', severity: 'critical', evidence: at('dmesg', 7, 12), tags: ['reboot', 'oom', 'thermal-shutdown'], signatures: ['oom-panic'], verdict: /^Previous boot \(from dmesg\) ended in a kernel panic on out-of-memory: Out of memory and no killable processes\.\.\.; the next boot reports a thermal-sensor reset/, figures: { 'log of that boot': 'dmesg', 'last line at': 900, 'PMC reset source (next boot)': 'SENSOR' } }],
    },
    {
      name: 'the earlier log itself starts after a watchdog reset: the boot before it is named too',
      files: { 'dmesg.0': cur('AOWDT'), dmesg: dmesg(PREV) },
      findings: [
        { messageId: 'unknown', severity: 'info', evidence: at('dmesg.0', 8), tags: [], signatures: [], verdict: /^Previous boot \(from dmesg\.0\): its log ends without a crash or shutdown line; the capture may be cut short/ },
        { messageId: 'reset', severity: 'error', evidence: at('dmesg.0', 5), tags: ['watchdog-reset'], signatures: [], verdict: /^The boot before the previous boot \(from dmesg\.0\) ended in a watchdog reset \(the system stopped responding\), PMC reset source AOWDT: the bundle holds no log of that boot/, figures: { 'PMC reset source': 'AOWDT' } },
      ],
    },
    {
      name: 'the oldest boot read starts after a thermal reset',
      files: { dmesg: cur('TEGRA_SENSOR') },
      findings: [{ messageId: 'reset', severity: 'error', evidence: at('dmesg', 5), tags: ['thermal-shutdown', 'thermal'], signatures: [], verdict: /^The boot before this one ended in a thermal-sensor reset \(the hardware over-temperature trip\), PMC reset source TEGRA_SENSOR: the bundle holds no log/ }],
    },
  ],
});
