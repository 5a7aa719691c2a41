/**
 * `defineRule`: the typed way to write a built-in rule. The message ids, the threshold names,
 * the `{{placeholders}}` of each message and the catalogue ids a finding may cite are all
 * inferred from the rule's meta, so a typo in any of them fails to compile instead of
 * shipping a half-filled verdict or an unknown id to the fleet.
 */
// @ts-nocheck

// 

import type { CatalogueId } from './catalogue.js';
import type { Evidence, Figure, Rule, RuleContext, RuleMeta, Severity } from './types.js';
import type { Tag } from './tags.js';

/** The `{{name}}` placeholders of a template, as a union of names. */
export type Placeholders<T extends string> = T extends `${string}{{${infer K}}}${infer Rest}` ? K | Placeholders<Rest> : never;

type TemplateData<T extends string> = [Placeholders<T>] extends [never]
  ? { data?: Record<string, never> }
  : { data: { [P in Placeholders<T>]: string | number } };

export type TypedFindingInput<M extends Record<string, string>, K extends keyof M & string, S extends CatalogueId> = {
  messageId: K;
  severity: Severity;
  confidence: number;
  figures?: Figure[];
  evidence?: Evidence[];
  remedy?: string[];
  tags?: Tag[];
  /** The catalogue ids this finding rests on (a subset of the rule's `meta.signatures`). */
  signatures: readonly S[];
} & TemplateData<M[NoInfer<K>]>;

export interface TypedRuleContext<M extends Record<string, string>, T extends string, S extends CatalogueId>
  extends Omit<RuleContext, 'thresholds' | 'report'> {
  thresholds: Record<T, number>;
  report<K extends keyof M & string>(finding: TypedFindingInput<M, K, S>): void;
}

export interface TypedRuleMeta<M extends Record<string, string>, T extends string, S extends CatalogueId>
  extends Omit<RuleMeta, 'messages' | 'thresholds' | 'signatures' | 'pack'> {
  messages: M;
  thresholds: Record<T, number>;
  /** Every catalogue id the rule's findings may cite. */
  signatures: readonly S[];
}

export interface RuleSpec<M extends Record<string, string>, T extends string, S extends CatalogueId> {
  meta: TypedRuleMeta<M, T, S>;
  check(ctx: TypedRuleContext<M, T, S>): void;
}

export function defineRule<const M extends Record<string, string>, const T extends string = never, const S extends CatalogueId = never>(
  spec: RuleSpec<M, T, S>,
): Rule {
  return {
    meta: { ...spec.meta, signatures: [...spec.meta.signatures] },
    // The typed context is the runtime context: the engine checks ids and placeholders again.
    check: (ctx) => spec.check(ctx as unknown as TypedRuleContext<M, T, S>),
  };
}
