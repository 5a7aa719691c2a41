import { describeRule } from '../helpers/rule-cases.js';
import { meminfo, ORIN_NANO_IDENTITY, XAVIER_R32_IDENTITY } from '../helpers/bundles.js';

describeRule('ram-size', {
  valid: [{ name: 'Orin Nano with the usual 7454 MiB', files: { 'proc/meminfo': meminfo(), ...ORIN_NANO_IDENTITY } }],
  invalid: [
    {
      name: 'Orin Nano missing 600 MiB',
      files: { 'proc/meminfo': meminfo({ MemTotal: 7020000 }), ...ORIN_NANO_IDENTITY },
      findings: [{ messageId: 'short', severity: 'warning', verdict: /normally shows 7620 MiB/ }],
    },
    {
      name: 'AGX Xavier 16GB with 8 GB visible',
      files: { 'proc/meminfo': meminfo({ MemTotal: 7633536 }), ...XAVIER_R32_IDENTITY },
      findings: [{ messageId: 'short', severity: 'warning' }],
    },
  ],
});
