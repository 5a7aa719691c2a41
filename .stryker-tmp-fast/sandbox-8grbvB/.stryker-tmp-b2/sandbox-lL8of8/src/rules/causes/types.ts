/** Root causes as data: the pack's shapes (schema/root-causes.schema.json) and the ranked result. */
// @ts-nocheck

// 

import type { FactName } from '../../facts/facts.js';
import type { Severity } from '../types.js';
import type { Tag } from '../tags.js';

/** A tag a finding carries, refined: only findings without `except` tags; at least `atLeast` of them. */
export interface TagCondition {
  tag: Tag;
  except?: Tag[];
  atLeast?: number;
}

export interface FactCondition {
  fact: FactName;
  lt?: number;
  le?: number;
  gt?: number;
  ge?: number;
  eq?: number | string | boolean;
  ne?: number | string | boolean;
  in?: (number | string)[];
}

export type Condition = Tag | TagCondition | FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export interface Weighted {
  when: Condition;
  weight: number;
  /** Handlebars, same context as the summary. */
  text: string;
}

export interface CauseSpec {
  id: string;
  title: string;
  base: number;
  triggers: Condition[];
  excludedBy?: Condition[];
  support?: Weighted[];
  against?: Weighted[];
  summary: string;
  remedy: string[];
  references: string[];
}

export interface CompiledCause extends CauseSpec {
  pack: string;
  file: string;
  render: {
    summary: HandlebarsTemplateDelegate;
    support: HandlebarsTemplateDelegate[];
    against: HandlebarsTemplateDelegate[];
  };
}

/** One step of how a cause's confidence was reached, as the report explains it. */
export interface Reason {
  text: string;
  /** Signed: + for support, - for against. */
  weight: number;
  /** The condition that held, in the pack's terms (tags and facts), e.g. `cma-fragmented` or `uptimeHours >= 4 (it is 5.2)`. */
  when?: string;
}

/** The name the reports used before causes became data. */
export type Hypothesis = RankedCause;

/** A cause that applies to this bundle, ranked. */
export interface RankedCause {
  id: string;
  /** The cause in a few words. */
  cause: string;
  /** One sentence with the figures that matter. */
  summary: string;
  confidence: number;
  /** The findings behind the cause, by stable finding id. */
  supporting: { findingId: string; ruleId: string; verdict: string }[];
  /** What argues against the cause (each true for this bundle). */
  against: string[];
  /** The base confidence, then every support and against that held, with its weight. */
  reasons: Reason[];
  /** Evidence strength: the tie-break when confidences are equal. */
  strength: { topSeverity: Severity | 'none'; signals: number; evidenceLines: number };
  /** Set when the cause ties on confidence with a neighbour: why it ranks where it does. */
  tieBreak?: string;
  /** What raised the cause: the trigger conditions that held and the findings behind them. */
  triggeredBy: { conditions: string[]; findingIds: string[] };
  /** Why it ranks where it does, in one sentence: position, base, each weight that held, its neighbours. */
  ranking: string;
  remedy: string[];
  references: string[];
}
