import { cite, score, uniq, type HypothesisRule } from './types.js';
import { formatDuration } from '../stats.js';

/** Seed §7/§21: CMA fragmentation after hours of alloc/free cycles. */
export const cmaFragmentation: HypothesisRule = {
  id: 'cma-fragmentation',
  cause: 'CMA fragmentation after hours of operation',
  evaluate({ tagged, uptimeSeconds }) {
    const symptoms = [...tagged('cma-failure'), ...tagged('cma-busy')];
    const frag = [...tagged('fragmentation'), ...tagged('cma-fragmented')];
    if (!symptoms.length && !(frag.length && tagged('camera-error').length)) return null;
    const against: string[] = [];
    if (tagged('cma-too-small').length) against.push('the failing request is larger than all free CMA: the pool is too small, not (only) fragmented');
    const longUp = uptimeSeconds !== undefined && uptimeSeconds >= 4 * 3600;
    if (uptimeSeconds !== undefined && !longUp) against.push(`the device had been up only ${formatDuration(uptimeSeconds)}`);
    const support = (symptoms.length ? 1 : 0) + (frag.length ? 1 : 0) + (tagged('cma-fragmented').length ? 1 : 0) + (longUp ? 1 : 0);
    return {
      summary: `Contiguous allocations fail although memory is free${longUp ? ` after ${formatDuration(uptimeSeconds!)} of uptime` : ''}: CMA and the buddy allocator are fragmented by repeated alloc/free cycles.`,
      confidence: score(0.35, support, against.length),
      // Camera timeouts are the symptom the engineer saw; they belong with the cause.
      supporting: cite(uniq([...symptoms, ...frag, ...tagged('camera-error')])),
      against,
      remedy: [
        'Pre-allocate camera/GPU buffer pools at start-up and never free them (NVMM pools with a fixed count).',
        'Increase CMA (cma=768M or more for multi-camera pipelines) and verify CmaTotal.',
        'Periodically trigger compaction: echo 1 > /proc/sys/vm/compact_memory.',
      ],
    };
  },
};
