import { describeRule } from '../helpers/rule-cases.js';
import { tegrastats } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

describeRule('lfb-fragmentation', {
  valid: [{ name: 'lfb stays at 4MB', files: { 'tegrastats.log': tegrastats(30, () => ({})) } }],
  invalid: [
    {
      name: 'lfb collapses to 1x512kB with RAM at 45%',
      files: { 'tegrastats.log': tegrastats(60, (i) => ({ ramMB: 3400, lfb: i < 30 ? '28x4MB' : i < 50 ? '3x2MB' : '1x512kB' })) },
      findings: [{ messageId: 'collapsed', severity: 'error', verdict: /1x512 KiB \(from 28x4096 KiB\)/ }],
    },
    { name: 'real Xavier NX GPU burn log (27x4MB to 2x128kB)', files: { 'tegrastats.log': fixture('tegrastats/jetson-xavier-nx-jp5-01.txt') }, findings: [{ messageId: 'collapsed', severity: 'error' }] },
  ],
});
