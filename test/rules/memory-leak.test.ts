import { describeRule } from '../helpers/rule-cases.js';
import { meminfo, tegrastats } from '../helpers/bundles.js';

describeRule('memory-leak', {
  valid: [{ name: 'flat RAM for 2 h', files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3100 + (i % 7) })) } }],
  invalid: [
    {
      name: 'RAM rising 60 MB/h for 2 h',
      files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) + (i % 3) })) },
      findings: [{ messageId: 'leak', severity: 'warning', verdict: /grows 60 MB\/h over 120 min \(R² 0\.999\); at this rate memory runs out in 3\.1 days/ }],
    },
    {
      name: 'periodic meminfo with timestamps, MemAvailable falling fast',
      files: {
        'meminfo.log': [0, 1, 2, 3].map((h) => `2026-11-24T0${h}:00:00Z\n${meminfo({ MemAvailable: 2000000 - h * 400000 })}`).join(''),
      },
      findings: [{ messageId: 'leak', severity: 'error', verdict: /grows 390\.6 MB\/h over 3 h/ }],
    },
  ],
});
