/**
 * CBB (control backbone) errors: one error prints an interrupt header, on T234 the error
 * monitor's header under it, then tab-indented fields. The headers of one block are one error;
 * the fields name the code, the initiator, the address and whether user space asked.
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

/** The T234 block of JETGPIO#18 (Orin Nano, L4T r35.3.1), field lines with their tabs. */
const ORIN_FIREWALL: [number, string][] = [
  [1796.382888, 'CPU:0, Error: cbb-fabric@0x13a00000, irq=25'],
  [1796.388290, '**************************************'],
  [1796.393217, 'CPU:0, Error:cbb-fabric, Errmon:2'],
  [1796.397703, '\t  Error Code\t\t: FIREWALL_ERR'],
  [1796.407497, '\t  MASTER_ID\t\t: CCPLEX'],
  [1796.410993, '\t  Address\t\t: 0x32e0000'],
  [1796.41458, '\t  Cache\t\t\t: 0x0 -- Device Non-Bufferable'],
  [1796.419771, '\t  Protection\t\t: 0x2 -- Unprivileged, Non-Secure, Data Access'],
  [1796.426747, '\t  Access_Type\t\t: Read'],
  [1796.459425, '\t**************************************'],
];

describeRule('cbb-fabric-error', {
  valid: [
    { name: 'a boot with no CBB error', files: { dmesg: dmesg(BOOT_DMESG) } },
    // Field-like lines of another driver, with no CBB header above them, are not CBB errors.
    { name: 'an "Address :" line alone', files: { dmesg: dmesg([[10, '\t  Address\t\t: 0x32e0000'], [11, '\t  Error Code\t\t: SLAVE_ERR']]) } },
  ],
  invalid: [
    {
      name: 'T234 firewall error: the two headers are one error, the fields say a user-space read of 0x32e0000',
      files: { dmesg: dmesg(ORIN_FIREWALL) },
      findings: [{
        messageId: 'found', severity: 'error', signatures: ['cbb-fabric-error'], tags: ['signature:cbb-fabric-error'],
        evidence: at('dmesg', 1, 3, 4, 5, 6),
        verdict: /^1 CBB fabric error\(s\) on cbb-fabric: FIREWALL_ERR, a read by CCPLEX at 0x32e0000 \(unprivileged, non-secure: a user-space program\); the register firewall refused the access \(that initiator may not touch that register\)\.$/,
        figures: { occurrences: 1, 'error codes': 'FIREWALL_ERR', 'initiator (first)': 'CCPLEX', 'address (first)': '0x32e0000' },
      }],
    },
    {
      name: 'an error in the boot before (dmesg.0) and one in this boot (dmesg): the earlier one is the first, in log order not file-name order',
      files: {
        'dmesg.0': dmesg(ORIN_FIREWALL),
        dmesg: dmesg([
          [50.1, 'CPU:1, Error: cbb-fabric@0x13a00000, irq=25'],
          [50.2, 'CPU:1, Error:cbb-fabric, Errmon:2'],
          [50.3, '\t  Error Code\t\t: SLAVE_ERR'],
          [50.4, '\t  MASTER_ID\t\t: BPMP'],
          [50.5, '\t  Address\t\t: 0x2430000'],
        ]),
      },
      findings: [{
        messageId: 'found', severity: 'error', signatures: ['cbb-fabric-error'], tags: ['signature:cbb-fabric-error'],
        evidence: [...at('dmesg.0', 1, 3, 4, 5, 6), ...at('dmesg', 1, 2, 3, 4, 5)],
        verdict: /^2 CBB fabric error\(s\) on cbb-fabric: FIREWALL_ERR, a read by CCPLEX at 0x32e0000 /,
        figures: { occurrences: 2, 'error codes': 'FIREWALL_ERR, SLAVE_ERR', 'initiator (first)': 'CCPLEX', 'address (first)': '0x32e0000' },
      }],
    },
    {
      name: 'two T234 errors a second apart: two errors, both codes',
      files: {
        dmesg: dmesg([
          ...ORIN_FIREWALL,
          [1797.5, 'CPU:1, Error: cbb-fabric@0x13a00000, irq=25'],
          [1797.5, '**************************************'],
          [1797.5, 'CPU:1, Error:cbb-fabric, Errmon:2'],
          [1797.5, '\t  Error Code\t\t: SLAVE_ERR'],
          [1797.5, '\t  MASTER_ID\t\t: CCPLEX'],
          [1797.5, '\t  Address\t\t: 0x381031c'],
          [1797.5, '\t  Protection\t\t: 0x3 -- Privileged, Non-Secure, Data Access'],
        ]),
      },
      findings: [{
        messageId: 'found', severity: 'error', signatures: ['cbb-fabric-error'], tags: ['signature:cbb-fabric-error'],
        evidence: at('dmesg', 1, 3, 4, 5, 6, 11, 13, 14, 15, 16),
        verdict: /^2 CBB fabric error\(s\) on cbb-fabric: FIREWALL_ERR, /,
        figures: { occurrences: 2, 'error codes': 'FIREWALL_ERR, SLAVE_ERR' },
      }],
    },
    {
      name: 'T194 NOC header (no space before irq=) with a SLV error from a privileged access: a driver, not user space',
      files: {
        dmesg: dmesg([
          [52.1, 'CPU:2, Error:cbb-noc@0x1300000,irq=24'],
          [52.1, '\tError Logger\t\t: 0'],
          [52.1, '\t  Transaction Type\t: RD  - Read, Incrementing'],
          [52.1, '\t  Error Code\t\t: SLV'],
        ]),
      },
      findings: [{
        messageId: 'found', severity: 'error', signatures: ['cbb-fabric-error'], tags: ['signature:cbb-fabric-error'],
        evidence: at('dmesg', 1, 4),
        verdict: /^1 CBB fabric error\(s\) on cbb-noc: SLV, an access; the target returned an error \(powered off, clock-gated, in reset, or the register is not implemented\)\.$/,
      }],
    },
    {
      name: 'an Errmon header with no interrupt header above it still counts',
      files: { dmesg: dmesg([[5, 'CPU:0, Error:cbb-fabric, Errmon:2'], [5, '\t  Error Code\t\t: DECODE_ERR'], [5, '\t  Address\t\t: 0x2430000']]) },
      findings: [{ messageId: 'found', severity: 'error', signatures: ['cbb-fabric-error'], tags: ['signature:cbb-fabric-error'], evidence: at('dmesg', 1, 2, 3), verdict: /^1 CBB fabric error\(s\) on cbb-fabric: DECODE_ERR, an access at 0x2430000; no target answers at that address\.$/ }],
    },
  ],
});
