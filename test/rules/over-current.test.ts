import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

describeRule('over-current', {
  valid: [{ name: 'no alarms', files: { dmesg: dmesg(BOOT_DMESG) } }],
  invalid: [
    {
      name: 'Nano OC alarms',
      files: { 'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0', dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000001'], [101, 'soctherm: OC ALARM 0x00000005']]) },
      findings: [{ messageId: 'alarms', evidence: at('dmesg', 1, 2), tags: ['power',  'over-current'], signatures: ['soctherm-oc-alarm'], severity: 'warning', verdict: /2 over-current alarm\(s\) \(channels OC1, OC3\).*weak 5 V supply/ }],
    },
  ],
});
