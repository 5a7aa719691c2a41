// @ts-nocheck
// 
import { at, describeRule } from '../helpers/rule-cases.js';
import { tegrastats } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

describeRule('lfb-fragmentation', {
  valid: [{ name: 'lfb stays at 4MB', files: { 'tegrastats.log': tegrastats(30, () => ({})) } }],
  invalid: [
    {
      name: 'lfb collapses to 1x512kB with RAM at 45%',
      files: { 'tegrastats.log': tegrastats(60, (i) => ({ ramMB: 3400, lfb: i < 30 ? '28x4MB' : i < 50 ? '3x2MB' : '1x512kB' })) },
      findings: [{ messageId: 'collapsed', evidence: at('tegrastats.log', 1, 51), tags: ['fragmentation'], signatures: ['tegrastats-ram-lfb'], severity: 'error', verdict: /1x512 KiB \(from 28x4096 KiB\)/ }],
    },
    { name: 'real Xavier NX GPU burn log (27x4MB to 2x128kB)', files: { 'tegrastats.log': fixture('tegrastats/jetson-xavier-nx-jp5-01.txt') }, findings: [{ messageId: 'collapsed', evidence: at('tegrastats.log', 1, 10), tags: ['fragmentation'], signatures: ['tegrastats-ram-lfb'], severity: 'error' }] },
    {
      name: 'the worst sample: the smallest block, and at equal size the fewest blocks',
      files: { 'tegrastats.log': tegrastats(40, (i) => ({ ramMB: 3400, lfb: i < 10 ? '28x4MB' : i < 20 ? '3x512kB' : i < 30 ? '1x512kB' : '2x512kB' })) },
      findings: [{ messageId: 'collapsed', evidence: at('tegrastats.log', 1, 21), tags: ['fragmentation'], signatures: ['tegrastats-ram-lfb'], severity: 'error', verdict: /^The largest free block fell to 1x512 KiB \(from 28x4096 KiB\) while RAM was only 45% used/, figures: { 'largest free block (tegrastats lfb), worst': 512, 'RAM used then': 45, 'time into the log': '20 s' } }],
    },
  ],
});
