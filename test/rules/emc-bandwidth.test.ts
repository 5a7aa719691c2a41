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
    {
      // Busy for most of the log but never saturated for a minute: the message must not claim a saturated stretch.
      name: 'EMC at 85% for 60% of the log, never at 90%',
      files: { 'tegrastats.log': tegrastats(300, (i) => ({ emc: i >= 100 && i < 280 ? 85 : 30 })) },
      findings: [{ messageId: 'busy', evidence: at('tegrastats.log', 101), tags: ['bandwidth'], signatures: [], severity: 'warning', verdict: /at or above 80% for 60% of the log, with no stretch at or above 90% lasting 60 s/ }],
    },
  ],
});
