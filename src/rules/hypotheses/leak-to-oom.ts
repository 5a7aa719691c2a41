import { cite, score, uniq, type HypothesisRule } from './types.js';

/** A leak ending in an OOM kill. */
export const leakToOom: HypothesisRule = {
  id: 'leak-to-oom',
  cause: 'Memory leak in a long-running process',
  evaluate({ tagged }) {
    const leak = tagged('leak');
    if (!leak.length) return null;
    const oom = tagged('oom');
    const pressure = tagged('memory-pressure');
    const victims = uniq(oom.flatMap((f) => f.tags.filter((t) => t.startsWith('process:')).map((t) => t.slice(8))));
    const repeated = oom.filter((f) => /killed \d+ times/.test(f.verdict)).length > 0;
    return {
      summary: `Used memory grows steadily${oom.length ? ` and the OOM killer ended ${victims.join(', ') || 'a process'}` : pressure.length ? ' and memory is already tight' : ''}: a long-running process leaks.`,
      confidence: score(0.4, 1 + (oom.length ? 1 : 0) + (pressure.length ? 1 : 0) + (repeated ? 1 : 0), 0),
      supporting: cite(uniq([...leak, ...oom, ...pressure])),
      against: [],
      remedy: [
        'Find the leak: compare per-process RSS over time (the repeated OOM victim is the first suspect); check CUDA allocations, DMA-BUF fds, Python objects.',
        'Restart the service on a schedule shorter than the time to exhaustion until it is fixed.',
      ],
    };
  },
};
