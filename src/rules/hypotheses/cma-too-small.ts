import { cite, score, uniq, type HypothesisRule } from './types.js';

/** CMA sized below the workload's contiguous demand (seed §8 sizing table). */
export const cmaTooSmall: HypothesisRule = {
  id: 'cma-too-small',
  cause: 'CMA pool too small for the workload',
  evaluate({ tagged }) {
    const small = tagged('cma-too-small');
    const low = tagged('cma-low');
    if (!small.length && !(low.length && tagged('cma-failure').length)) return null;
    const against = tagged('cma-fragmented').length ? ['free CMA would fit the failing request: fragmentation, not size'] : [];
    return {
      summary: 'The contiguous memory pool (CMA) is too small for the camera/GPU buffers the workload needs.',
      confidence: score(0.45, small.length + (low.length ? 1 : 0), against.length),
      supporting: cite(uniq([...small, ...low, ...tagged('cma-failure')])),
      against,
      remedy: [
        'Size CMA from the seed §8 table: 256-512 MB single camera, 512-768 MB 4K + TensorRT, 768 MB-1 GB multi-camera.',
        'Set cma= in /boot/extlinux/extlinux.conf (or the DT linux,cma node) and confirm CmaTotal after reboot.',
      ],
    };
  },
};
