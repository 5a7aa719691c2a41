/**
 * The rule set's version: what a stored result was judged by. A result is reused only when
 * its bundle's content hash and this version both match, so a new jetdiag release, a changed
 * signature pack, threshold or disabled rule re-analyses every bundle.
 *
 * Derived here, in one place, from the jetdiag version and the rules' metadata (ids,
 * thresholds, message templates, catalogue ids) plus the signature packs as loaded.
 * A code change inside one version does not change it: run with --rebuild after one.
 */
// @ts-nocheck

// 

import { createHash } from 'node:crypto';
import type { EngineOptions } from '../rules/engine.js';
import type { Rule } from '../rules/types.js';
import type { CompiledSignature } from '../rules/signatures/pack.js';
import { VERSION } from '../version.js';

function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x instanceof RegExp) return x.toString();
    if (typeof x === 'function') return undefined;
    if (x && typeof x === 'object' && !Array.isArray(x)) {
      return Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return x;
  });
}

export function rulesetVersion(rules: Rule[], signatures: CompiledSignature[], engine: Omit<EngineOptions, 'signatures'> = {}): string {
  const h = createHash('sha256');
  h.update(`jetdiag ${VERSION}\n`);
  for (const r of [...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
    const { id, thresholds, messages, signatures: sigs, requires, requiresAny } = r.meta;
    h.update(stable({ id, thresholds: { ...thresholds, ...engine.thresholds?.[id] }, messages, sigs, requires, requiresAny }) + '\n');
  }
  for (const s of [...signatures].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const { verdictTemplate: _v, remedyTemplates: _r, file: _f, ...rest } = s;
    h.update(stable(rest) + '\n');
  }
  h.update(stable({ disabled: [...(engine.disabled ?? [])].sort(), maxEvidence: engine.maxEvidence ?? null }));
  return h.digest('hex').slice(0, 16);
}
