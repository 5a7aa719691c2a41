import { cite, score, uniq, type HypothesisRule } from './types.js';

/** Seed §9/§21: a DMA buffer freed or unmapped while a device still uses it. */
export const dmabufUseAfterFree: HypothesisRule = {
  id: 'dmabuf-use-after-free',
  cause: 'DMA-BUF use-after-free (buffer released while a device still uses it)',
  evaluate({ tagged }) {
    const smmu = tagged('smmu-fault');
    if (!smmu.length) return null;
    const nearCamera = tagged('smmu-near-camera');
    const nearGpu = tagged('smmu-near-gpu');
    const camera = tagged('camera-error');
    const gpu = tagged('gpu-fault');
    const support = (nearCamera.length ? 2 : 0) + (nearGpu.length ? 1 : 0) + (camera.length ? 1 : 0) + (gpu.length ? 1 : 0);
    return {
      summary: `Devices accessed unmapped IOVAs${nearCamera.length ? ' next to camera capture errors' : ''}${nearGpu.length ? ' next to GPU errors' : ''}: a buffer was unmapped or freed while DMA was in flight, or imported for the wrong device.`,
      confidence: score(0.4, support, 0),
      supporting: cite(uniq([...smmu, ...camera, ...gpu])),
      against: [],
      remedy: [
        'Synchronise before freeing: wait for fences / engine idle; never touch a V4L2 buffer while it is queued.',
        'Check refcounting of shared DMA-BUFs; import with dma_buf_attach + dma_buf_map_attachment on the consuming device.',
      ],
    };
  },
};
