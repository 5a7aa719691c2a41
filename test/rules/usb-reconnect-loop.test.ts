/**
 * A USB device dropping off the bus and enumerated again in a loop (Orin NX R36.5, NVIDIA forum
 * thread 367500, `dmesg -T` lines). Threshold boundaries are in thresholds.test.ts.
 */
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

const ORIN_NX = [
  '[Wed Apr 22 19:33:33 2026] usb 2-2: USB disconnect, device number 28',
  '[Wed Apr 22 19:33:33 2026] tegra-xusb 3610000.usb: WARN Set TR Deq Ptr cmd failed due to incorrect slot or ep state.',
  '[Wed Apr 22 19:33:34 2026] usb 2-2: new SuperSpeed USB device number 29 using tegra-xusb',
  '[Wed Apr 22 19:33:41 2026] usb 2-2: USB disconnect, device number 29',
  '[Wed Apr 22 19:33:41 2026] usb 2-2: new SuperSpeed USB device number 30 using tegra-xusb',
  '[Wed Apr 22 19:33:42 2026] usb 2-2: USB disconnect, device number 30',
  '[Wed Apr 22 19:33:43 2026] usb 2-2: new SuperSpeed USB device number 31 using tegra-xusb',
  '[Wed Apr 22 19:33:44 2026] usb 2-2: USB disconnect, device number 31',
];
const LOOP = { messageId: 'loop', severity: 'warning' as const, tags: ['signature:usb-reconnect-loop'], signatures: [] };

describeRule('usb-reconnect-loop', {
  valid: [
    { name: 'a clean boot', files: { dmesg: dmesg(BOOT_DMESG) } },
    {
      name: 'a hub unplugged: one disconnect on each of its ports',
      files: { dmesg: dmesg([[50, 'usb 1-2: USB disconnect, device number 2'], [50.01, 'usb 1-2.1: USB disconnect, device number 3'], [50.02, 'usb 1-2.2: USB disconnect, device number 4'], [50.03, 'usb 1-2.3: USB disconnect, device number 5']]) },
    },
    {
      name: 'four disconnects and no device coming back: gone, not looping',
      files: { dmesg: dmesg([100, 101, 102, 103].map((t, k) => [t, `usb 1-3: USB disconnect, device number ${k + 4}`] as [number, string])) },
    },
    {
      name: 'loops on two ports interleaved, two cycles each: neither port reaches four',
      files: { dmesg: dmesg([[10, 'usb 1-3: USB disconnect, device number 4'], [11, 'usb 1-3: new high-speed USB device number 5 using tegra-xusb'], [12, 'usb 2-1: USB disconnect, device number 2'], [13, 'usb 2-1: new SuperSpeed USB device number 3 using tegra-xusb'], [14, 'usb 1-3: USB disconnect, device number 5'], [15, 'usb 1-3: new high-speed USB device number 6 using tegra-xusb'], [16, 'usb 2-1: USB disconnect, device number 3'], [17, 'usb 2-1: new SuperSpeed USB device number 4 using tegra-xusb']]) },
    },
  ],
  invalid: [
    {
      name: 'Orin NX R36.5 (dmesg -T): four disconnects of 2-2 in 11 s, three re-enumerations between them',
      files: { dmesg: ORIN_NX.join('\n') + '\n' },
      findings: [{ ...LOOP, evidence: at('dmesg', 1, 3, 4, 5, 6, 7, 8), verdict: /^The USB device on port 2-2 dropped off the bus 4 time\(s\) in 11 s and was enumerated again 3 time\(s\) in between \(device numbers 28 to 31\)/, figures: { disconnects: 4, 're-enumerations': 3, 'host controller': 'tegra-xusb' } }],
    },
  ],
});
