/** Root-cause hypotheses: findings correlated into ranked causes with what supports and opposes them. */
import type { Snapshot } from '../../snapshot/types.js';
import type { DeviceContext } from '../device/context.js';
import type { Finding } from '../types.js';
import type { Tag } from '../tags.js';

export interface Hypothesis {
  id: string;
  cause: string;
  /** One sentence with the figures that matter. */
  summary: string;
  confidence: number;
  /** The findings behind the cause, by stable finding id. */
  supporting: { findingId: string; ruleId: string; verdict: string }[];
  against: string[];
  remedy: string[];
}

export interface HypothesisContext {
  findings: Finding[];
  snapshot: Snapshot;
  device: DeviceContext;
  tagged(tag: Tag): Finding[];
  /** Seconds the device had been up when the bundle was taken, when known. */
  uptimeSeconds?: number;
}

export interface HypothesisRule {
  id: string;
  cause: string;
  evaluate(ctx: HypothesisContext): Omit<Hypothesis, 'id' | 'cause'> | null;
}

export const cite = (fs: Finding[]) => fs.map((f) => ({ findingId: f.id, ruleId: f.ruleId, verdict: f.verdict }));

/** Base confidence plus a step per supporting signal, minus a step per signal against. */
export function score(base: number, support: number, against: number): number {
  return Math.max(0.05, Math.min(0.95, base + 0.15 * support - 0.2 * against));
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
