/**
 * Evaluates a cause's conditions on the findings and facts, three-valued: a condition on a
 * fact the bundle does not carry is unknown, and unknown never counts for or against a cause.
 */
// @ts-nocheck

import type { Facts } from '../../facts/facts.js';
import type { Finding } from '../types.js';
import type { Condition, FactCondition, TagCondition } from './types.js';

export type Truth = boolean | undefined;

export interface ConditionInput {
  findings: Finding[];
  facts: Facts;
}

/**
 * Whether the condition holds. Findings that made it hold (through tags not under `not`) are
 * added to `matched`, so a cause can cite the findings it rests on.
 */
export function holds(c: Condition, input: ConditionInput, matched?: Set<Finding>): Truth {
  if (typeof c === 'string') return tagHolds({ tag: c }, input, matched);
  if ('tag' in c) return tagHolds(c, input, matched);
  if ('fact' in c) return factHolds(c, input);
  if ('not' in c) {
    const t = holds(c.not, input);
    return t === undefined ? undefined : !t;
  }
  if ('all' in c) {
    const local = new Set<Finding>();
    let unknown = false;
    for (const sub of c.all) {
      const t = holds(sub, input, local);
      if (t === false) return false;
      if (t === undefined) unknown = true;
    }
    if (unknown) return undefined;
    for (const f of local) matched?.add(f);
    return true;
  }
  let unknown = false;
  let any = false;
  for (const sub of c.any) {
    const t = holds(sub, input, matched);
    if (t === true) any = true;
    else if (t === undefined) unknown = true;
  }
  return any ? true : unknown ? undefined : false;
}

function tagHolds(c: TagCondition, input: ConditionInput, matched?: Set<Finding>): Truth {
  const hits = input.findings.filter((f) => f.tags.includes(c.tag) && !c.except?.some((t) => f.tags.includes(t)));
  const ok = hits.length >= (c.atLeast ?? 1);
  if (ok) for (const f of hits) matched?.add(f);
  return ok;
}

function factHolds(c: FactCondition, input: ConditionInput): Truth {
  const v = input.facts[c.fact];
  if (v === undefined) return undefined;
  if (c.lt !== undefined) return typeof v === 'number' && v < c.lt;
  if (c.le !== undefined) return typeof v === 'number' && v <= c.le;
  if (c.gt !== undefined) return typeof v === 'number' && v > c.gt;
  if (c.ge !== undefined) return typeof v === 'number' && v >= c.ge;
  if (c.eq !== undefined) return v === c.eq;
  if (c.ne !== undefined) return v !== c.ne;
  if (c.in !== undefined) return (c.in as unknown[]).includes(v);
  return undefined;
}

/** Every fact a condition reads (for load-time checks). */
export function factsOf(c: Condition): FactCondition[] {
  if (typeof c === 'string' || 'tag' in c) return [];
  if ('fact' in c) return [c];
  if ('not' in c) return factsOf(c.not);
  return ('all' in c ? c.all : c.any).flatMap(factsOf);
}
