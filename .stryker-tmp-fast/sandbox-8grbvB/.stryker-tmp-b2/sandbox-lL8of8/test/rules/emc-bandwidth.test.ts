// @ts-nocheck
// 
import { at, describeRule } from '../helpers/rule-cases.js';
import { tegrastats } from '../helpers/bundles.js';

describeRule('emc-bandwidth', {
  valid: [{ name: 'EMC at 20%', files: { 'tegrastats.log': tegrastats(300, () => ({})) } }],
  invalid: [
    {
      name: 'EMC at 95% for 4 minutes',
      files: { 'tegrastats.log': tegrastats(300, (i) => ({ emc: i >= 50 && i < 290 ? 95 : 30 })) },
      findings: [{ messageId: 'saturated', evidence: at('tegrastats.log', 51), tags: ['bandwidth'], signatures: [], severity: 'warning', verdict: /for 4 min; 80% of the log/ }],
    },
  ],
});
