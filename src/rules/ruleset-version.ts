/**
 * The rule set's version: a short hash of everything that decides findings, i.e. the jetdiag
 * version (built-in rule code ships with it), every rule's metadata (ids, thresholds,
 * messages, inputs) and every signature of the packs in use (patterns, templates). Two
 * analyses with the same version ran the same rules; a fleet store keys results on it so a
 * changed pack or threshold default never mixes with old results.
 */
import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';
import type { CompiledSignature } from './signatures/pack.js';
import type { Rule } from './types.js';

/** Fields that say where a pack lives on this machine, not what it does. */
const LOCAL_FIELDS = new Set(['file']);

/**
 * Versions already computed, by rule list and pack list: a fleet worker analyses thousands of
 * bundles with one compiled rule set (never changed once loaded), and hashing it took a few
 * milliseconds a bundle.
 */
const computed = new WeakMap<readonly Rule[], WeakMap<readonly CompiledSignature[], string>>();
const NO_SIGNATURES: readonly CompiledSignature[] = [];

export function ruleSetVersion(rules: readonly Rule[], signatures: readonly CompiledSignature[] = NO_SIGNATURES): string {
  let bySignatures = computed.get(rules);
  if (!bySignatures) computed.set(rules, (bySignatures = new WeakMap()));
  let v = bySignatures.get(signatures);
  if (v === undefined) bySignatures.set(signatures, (v = hashRuleSet(rules, signatures)));
  return v;
}

function hashRuleSet(rules: readonly Rule[], signatures: readonly CompiledSignature[]): string {
  const h = createHash('sha256');
  h.update(`jetdiag ${VERSION}\n`);
  for (const r of [...rules].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    h.update(canonical(r.meta));
    h.update('\n');
  }
  // Pack rules close over their signature: its patterns decide what matches.
  for (const s of [...signatures].sort((a, b) => a.id.localeCompare(b.id))) {
    h.update(canonical(s));
    h.update('\n');
  }
  return h.digest('hex').slice(0, 16);
}

/** The packs a rule set uses: name, signature count. */
export function packsUsed(rules: readonly Rule[]): { pack: string; rules: number }[] {
  const n = new Map<string, number>();
  for (const r of rules) if (r.meta.pack) n.set(r.meta.pack, (n.get(r.meta.pack) ?? 0) + 1);
  return [...n].sort(([a], [b]) => a.localeCompare(b)).map(([pack, count]) => ({ pack, rules: count }));
}

/** JSON with sorted keys; functions dropped, regexes by their source. */
function canonical(v: unknown): string {
  if (v instanceof RegExp) return JSON.stringify(`/${v.source}/${v.flags}`);
  if (typeof v === 'function' || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).filter((k) => !LOCAL_FIELDS.has(k)).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
