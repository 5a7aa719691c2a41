import { cite, score, uniq, type HypothesisRule } from './types.js';

/** Seed §21: thermal throttling behind latency spikes. */
export const thermalThrottling: HypothesisRule = {
  id: 'thermal-throttling',
  cause: 'Thermal throttling behind slow inference',
  evaluate({ tagged }) {
    const hot = tagged('thermal-throttling');
    const clocks = tagged('throttling-clocks');
    const shutdown = tagged('thermal-shutdown');
    if (!hot.length && !shutdown.length) return null;
    return {
      summary: shutdown.length
        ? 'The device overheated to its shutdown trip.'
        : `The SoC reached its throttle trip${clocks.length ? ' and clocks fell under load' : ''}: inference slows down without any error message.`,
      confidence: score(0.45, hot.length + clocks.length + shutdown.length * 2, 0),
      supporting: cite(uniq([...hot, ...clocks, ...shutdown])),
      against: [],
      remedy: ['Improve cooling (fan, heatsink, enclosure airflow); use an nvpmodel mode within the thermal budget.'],
    };
  },
};
