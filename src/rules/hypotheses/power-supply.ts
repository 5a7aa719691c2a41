import { cite, score, uniq, type HypothesisRule } from './types.js';

/** Over-current / brown-out: clocks capped, storage errors, resets. */
export const powerSupply: HypothesisRule = {
  id: 'power-supply',
  cause: 'Inadequate power supply (over-current / under-voltage)',
  evaluate({ tagged, device }) {
    const oc = [...tagged('over-current'), ...tagged('power')];
    if (!oc.length) return null;
    const storage = tagged('storage');
    return {
      summary: `The board hit over-current/under-voltage protection${storage.length ? ' and storage errors appeared too' : ''}${device.soc === 'tegra210' ? ' (on Jetson Nano usually a weak 5 V supply)' : ''}.`,
      confidence: score(0.45, oc.length + (storage.length ? 1 : 0), 0),
      supporting: cite(uniq([...oc, ...storage])),
      against: [],
      remedy: ['Use the recommended supply and cable; lower the nvpmodel mode; check what the carrier board powers.'],
    };
  },
};
