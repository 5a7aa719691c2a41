import { cite, score, uniq, type HypothesisRule } from './types.js';

/** Seed §21 OOM: GPU + CPU + camera memory together exceed RAM (no leak trend). */
export const memoryOvercommit: HypothesisRule = {
  id: 'memory-overcommit',
  cause: 'Workload larger than the memory budget',
  evaluate({ tagged }) {
    const oom = tagged('oom');
    const pressure = tagged('memory-pressure');
    if (!oom.length && !pressure.length) return null;
    const against: string[] = [];
    if (tagged('leak').length) against.push('used memory grows steadily: a leak explains it better');
    if (tagged('oom-memcg').length && !tagged('memory-pressure').length) against.push('the kill came from a container limit, not from the device');
    const support = (oom.length ? 1 : 0) + (pressure.length ? 1 : 0);
    return {
      summary: `CPU, GPU and camera memory together exceed what the board has: the system runs at the edge of RAM${oom.length ? ' and the OOM killer stepped in' : ''}.`,
      confidence: score(0.4, support, against.length),
      supporting: cite(uniq([...oom, ...pressure])),
      against,
      remedy: [
        'Make a memory budget (seed §18): OS ~0.5 GB, carve-outs, CMA, CUDA runtime, model, buffers per camera.',
        'Quantise the model (INT8/INT4), reduce camera buffers/resolution, disable the desktop, add zram.',
      ],
    };
  },
};
