import { cite, score, uniq, type HypothesisRule } from './types.js';

/** GPU-side buffer or command-stream error without an SMMU fault. */
export const gpuFault: HypothesisRule = {
  id: 'gpu-fault',
  cause: 'GPU buffer-lifetime or driver error',
  evaluate({ tagged }) {
    const gpu = tagged('gpu-fault');
    if (!gpu.length || tagged('smmu-fault').length) return null;
    const other = tagged('gpu');
    return {
      summary: 'A GPU engine used an invalid GPU address and its channel was killed: the CUDA/graphics context of the application died.',
      confidence: score(0.45, gpu.length + (other.length > gpu.length ? 1 : 0), 0),
      supporting: cite(uniq([...gpu, ...other])),
      against: [],
      remedy: ['Synchronise buffer lifetime with GPU work; run under compute-sanitizer on a dev kit; update L4T if the fault is in NVIDIA components.'],
    };
  },
};
