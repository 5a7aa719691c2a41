// @ts-nocheck
import { at, describeRule } from '../helpers/rule-cases.js';
import { meminfo, ORIN_NANO_IDENTITY, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';

// Orin Nano 8GB shows 7620 MiB (observed); `short` below 97 % of it (7391.4 MiB), `wrongSku`
// below 85 % of it (6477 MiB). MemTotal values in kB: 7391 MiB = 7568384 kB.
const kB = (mib: number) => mib * 1024;
const ORIN = (mib: number) => ({ 'proc/meminfo': meminfo({ MemTotal: kB(mib) }), ...ORIN_NANO_IDENTITY });

describeRule('ram-size', {
  valid: [
    { name: 'Orin Nano with the usual 7454 MiB', files: { 'proc/meminfo': meminfo(), ...ORIN_NANO_IDENTITY } },
    { name: 'boundary: Orin Nano at 7392 MiB, just above 97% of 7620', files: ORIN(7392) },
  ],
  invalid: [
    {
      name: 'Orin Nano missing 600 MiB',
      files: { 'proc/meminfo': meminfo({ MemTotal: 7020000 }), ...ORIN_NANO_IDENTITY },
      findings: [{ messageId: 'short', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], severity: 'warning', verdict: /normally shows 7620 MiB/, figures: { MemTotal: 6855.5, 'usual for this board': 7620 } }],
    },
    {
      name: 'boundary: Orin Nano at 7391 MiB, just under 97% of 7620, is short',
      files: ORIN(7391),
      findings: [{ messageId: 'short', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], severity: 'warning', verdict: /229 MiB more than usual/ }],
    },
    {
      name: 'boundary: Orin Nano at 6477 MiB (85% of 7620 is 6477) is short, not another SKU',
      files: ORIN(6477),
      findings: [{ messageId: 'short', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], severity: 'warning' }],
    },
    {
      name: 'boundary: Orin Nano at 6476 MiB, under 85% of what it shows, is the wrong SKU or DTB',
      files: ORIN(6476),
      findings: [{ messageId: 'wrongSku', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], severity: 'warning', verdict: /^MemTotal is 6476 MiB, far below the 8192 MiB of a Jetson Orin Nano 8GB/ }],
    },
    {
      name: 'AGX Xavier 16GB with 8 GB visible is the wrong SKU, not carve-outs',
      files: { 'proc/meminfo': meminfo({ MemTotal: 7633536 }), ...XAVIER_R32_IDENTITY },
      findings: [{ messageId: 'wrongSku', evidence: at('proc/meminfo', 1), tags: ['carveouts'], signatures: [], severity: 'warning', verdict: /far below the 16384 MiB of a Jetson AGX Xavier 16GB/, figures: { MemTotal: 7454.6 } }],
    },
    {
      // A real Raspberry Pi 4 compatible string: not a Jetson module, so no expected size.
      name: 'an unidentified board is only noted',
      files: { 'proc/meminfo': meminfo(), 'proc/device-tree/compatible': 'raspberrypi,4-model-b\0brcm,bcm2711\0' },
      findings: [{ messageId: 'unknownBoard', severity: 'info', evidence: at('proc/meminfo', 1), tags: [], signatures: [], verdict: /^The board could not be identified, so MemTotal \(7454\.6 MiB\) was not compared/ }],
    },
  ],
});
