import { cite, score, type HypothesisRule } from './types.js';

/** SD card / eMMC wearing out or losing power. */
export const storageFailure: HypothesisRule = {
  id: 'storage-failure',
  cause: 'Failing storage (SD card / eMMC)',
  evaluate({ tagged }) {
    const st = tagged('storage');
    if (!st.length) return null;
    return {
      summary: 'The storage device reports I/O errors, timeouts or filesystem corruption.',
      confidence: score(0.45, st.length, 0),
      supporting: cite(st),
      against: [],
      remedy: ['Replace the SD card/eMMC; fsck from another host; ensure clean shutdowns and a stable supply.'],
    };
  },
};
