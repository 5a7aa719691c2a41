/** Options every file parser takes; kept apart from the registry so parsers need not import it. */
// @ts-nocheck

import { DEFAULT_LINE_LIMITS, type LineLimits } from '../bundle/text.js';

export interface ParserOptions {
  /** Sample interval assumed for tegrastats logs without timestamps (seconds). */
  tegrastatsIntervalSeconds: number;
  /** Lines longer than this are cut with a diagnostic. */
  maxLineLength?: number;
}

/** Line limits for the line runners from the run's options. */
export function lineLimits(o?: ParserOptions): LineLimits {
  return { maxLineLength: o?.maxLineLength ?? DEFAULT_LINE_LIMITS.maxLineLength };
}
