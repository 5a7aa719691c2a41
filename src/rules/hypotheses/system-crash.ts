import { cite, score, uniq, type HypothesisRule } from './types.js';

/** Kernel panic, oops or lockup: the device rebooted or hung. */
export const systemCrash: HypothesisRule = {
  id: 'system-crash',
  cause: 'Kernel crash or lockup',
  evaluate({ tagged }) {
    const crash = [...tagged('reboot'), ...tagged('lockup')];
    if (!crash.length) return null;
    return {
      summary: 'The kernel panicked, oopsed or locked up: the device rebooted or hung (L4T R35 images panic on oops and soft lockup).',
      confidence: score(0.5, crash.length, 0),
      supporting: cite(uniq(crash)),
      against: [],
      remedy: ['Read the stack under the first oops/lockup: it names the driver; check storage (hung tasks) and out-of-tree drivers.'],
    };
  },
};
