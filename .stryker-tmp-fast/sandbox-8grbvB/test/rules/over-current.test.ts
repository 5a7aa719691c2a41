// @ts-nocheck
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';

describeRule('over-current', {
  valid: [
    { name: 'no alarms', files: { dmesg: dmesg(BOOT_DMESG) } },
    // soctherm.c prints this for an alarm on a channel it does not handle: not an over-current event.
    { name: 'an ignored unexpected alarm only', files: { dmesg: dmesg([[100, 'soctherm: Ignored unexpected OC ALARM 0x00000004']]) } },
  ],
  invalid: [
    {
      name: 'Nano OC alarms',
      files: { 'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0', dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000001'], [101, 'soctherm: OC ALARM 0x00000005']]) },
      findings: [{ messageId: 'alarms', evidence: at('dmesg', 1, 2), tags: ['power',  'over-current'], signatures: ['soctherm-oc-alarm'], severity: 'warning', verdict: /2 over-current alarm\(s\) \(channels OC1, OC3\).*weak 5 V supply/ }],
    },
    {
      name: 'four alarms (OC1): a warning; the ignored one is not counted',
      files: { dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000001'], [101, 'soctherm: Ignored unexpected OC ALARM 0x00000004'], [102, 'soctherm: OC ALARM 0x00000001'], [103, 'soctherm: OC ALARM 0x00000001'], [104, 'soctherm: OC ALARM 0x00000001']]) },
      findings: [{ messageId: 'alarms', severity: 'warning', evidence: at('dmesg', 1, 3, 4, 5), tags: ['power', 'over-current'], signatures: ['soctherm-oc-alarm'], verdict: /^4 over-current alarm\(s\) \(channels OC1\), first at /, figures: { alarms: 4, channels: 'OC1' } }],
    },
    {
      name: 'five alarms on OC2 and OC5: an error, no Nano hint on an unknown board',
      files: { dmesg: dmesg([[100, 'soctherm: OC ALARM 0x00000002'], [101, 'soctherm: OC ALARM 0x00000010'], [102, 'soctherm: OC ALARM 0x00000002'], [103, 'soctherm: OC ALARM 0x00000002'], [104, 'soctherm: OC ALARM 0x00000002']]) },
      findings: [{ messageId: 'alarms', severity: 'error', evidence: at('dmesg', 1, 2, 3, 4, 5), tags: ['power', 'over-current'], signatures: ['soctherm-oc-alarm'], verdict: /^5 over-current alarm\(s\) \(channels OC2, OC5\), first at \d+:\d\d:\d\d after boot: the SoC capped its clocks\.$/, figures: { alarms: 5, channels: 'OC2, OC5' } }],
    },
  ],
});
