/**
 * Kernel oopses and SErrors counted as the kernel printed them: the two lines of one arm64
 * oops are one oops, the SError lines of several CPUs at one instant are one error.
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

/** The first lines of an arm64 oops (L4T r35.1, xpadneo#383). */
const OOPS: [number, string][] = [
  [624.479058, 'Unable to handle kernel NULL pointer dereference at virtual address 0000000000000000'],
  [624.488235, 'Mem abort info:'],
  [624.491193, '  ESR = 0x96000005'],
  [624.516535, 'user pgtable: 4k pages, 48-bit VAs, pgdp=00000001eca94000'],
  [624.532213, 'Internal error: Oops: 96000005 [#1] PREEMPT SMP'],
];

describeRule('kernel-oops', {
  valid: [
    { name: 'a clean boot', files: { dmesg: dmesg(BOOT_DMESG) } },
    { name: 'RAS support at boot is not an SError', files: { dmesg: dmesg([[0, 'CPU features: detected: RAS Extension Support']]) } },
  ],
  invalid: [
    {
      name: 'one arm64 oops: "Unable to handle" and the "Internal error" under it are one oops',
      files: { dmesg: dmesg(OOPS) },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1, 5), verdict: /^1 kernel oops: a driver dereferenced a bad pointer\.$/, figures: { occurrences: 1 } }],
    },
    {
      name: 'an SError in the boot before (dmesg.0) and an oops in this boot (dmesg): first and last seen in log order, not file-name order',
      files: {
        'dmesg.0': dmesg([[382.132025, 'CPU1: SError detected, daif=140, spsr=0x40000045, mpidr=80000001, esr=bf000002']]),
        dmesg: dmesg(OOPS),
      },
      findings: [{
        messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'],
        evidence: [...at('dmesg.0', 1), ...at('dmesg', 1, 5)],
        verdict: /^2 kernel oops or SError: the CPU took an SError \(CPU1\)/,
        figures: { occurrences: 2, SErrors: 1, 'first seen': '0:06:22 after boot', 'last seen': '0:10:24 after boot' },
      }],
    },
    {
      name: 'a second oops ([#2]) a minute later is a second oops',
      files: { dmesg: dmesg([...OOPS, [690.1, 'Unable to handle kernel paging request at virtual address ffff800011813070'], [690.2, 'Internal error: Oops: 96000044 [#2] PREEMPT SMP']]) },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1, 5, 6, 7), verdict: /^2 kernel oops: /, figures: { occurrences: 2 } }],
    },
    {
      name: 'an Internal error with no "Unable to handle" above it (a BUG()) is one oops',
      files: { dmesg: dmesg([[260.6, 'Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP']]) },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1), verdict: /^1 kernel oops/ }],
    },
    {
      name: 'four CPUs take one SError at the same instant (TX2, xtrx#52): one error, every line as evidence',
      files: {
        dmesg: dmesg([
          [99.3856, 'CPU0: SError detected, daif=140, spsr=0x20000000, mpidr=80000100, esr=bf000000'],
          [99.385619, 'CPU4: SError detected, daif=140, spsr=0x20000000, mpidr=80000102, esr=bf40c000'],
          [99.385622, 'CPU3: SError detected, daif=140, spsr=0x60000045, mpidr=80000101, esr=bf40c000'],
          [99.385624, 'CPU5: SError detected, daif=140, spsr=0x80000000, mpidr=80000103, esr=bf40c000'],
        ]),
      },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1, 2, 3, 4), verdict: /^1 kernel oops or SError: the CPUs took one SError at once \(CPU0, CPU4, CPU3, CPU5\), an uncorrectable error the hardware reported/, figures: { occurrences: 1, SErrors: 1 } }],
    },
    {
      name: 'SErrors 21 s apart (Nano B01, meta-tegra#468) are two errors',
      files: { dmesg: dmesg([[382.132025, 'CPU1: SError detected, daif=140, spsr=0x40000045, mpidr=80000001, esr=bf000002'], [403.189334, 'CPU2: SError detected, daif=140, spsr=0x40000045, mpidr=80000002, esr=bf000002']]) },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1, 2), verdict: /^2 kernel oops or SError: the CPU took an SError \(CPU1\)/, figures: { occurrences: 2, SErrors: 2 } }],
    },
    {
      name: 'the same CPU raising SErrors twice within a second: two errors',
      files: { dmesg: dmesg([[10.1, 'SError Interrupt on CPU0, code 0xbf000002 -- SError'], [10.4, 'SError Interrupt on CPU0, code 0xbf000002 -- SError']]) },
      findings: [{ messageId: 'found', severity: 'critical', signatures: ['kernel-oops'], tags: ['reboot', 'signature:kernel-oops'], evidence: at('dmesg', 1, 2), verdict: /^2 kernel oops or SError/ }],
    },
  ],
});
