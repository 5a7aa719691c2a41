/** `jetdiag rules`: the rules (built-in and packs) with what they check. */
// @ts-nocheck

import path from 'node:path';
import type { Command } from 'commander';
import { UserInputError } from '../errors.js';
import type { Rule } from '../rules/types.js';
import { collect } from './options.js';
import { isCatalogueId } from '../rules/catalogue.js';

export default function register(program: Command): void {
  program
    .command('rules')
    .description('list the rules (built-in and rule packs) with their thresholds, or show one rule with its docs')
    .argument('[id]', 'a rule id: show that rule in full')
    .option('--json', 'as JSON')
    .option('--rules <dir>', 'also load the rule packs (*.json) in this directory (repeatable)', collect)
    .option('--tags', 'list the tags rules may emit and causes may name, with their meanings')
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag rules
  $ jetdiag rules cma                      one rule: what it checks, why, thresholds, remedy
  $ jetdiag rules --json | jq '.[] | select(.category == "cma")'
  $ jetdiag rules --rules ./site-rules
  $ jetdiag rules --tags`,
    )
    .action(async (id: string | undefined, opts: { json?: boolean; rules?: string[]; tags?: boolean }) => {
      if (opts.tags) return printTags(opts.json === true);
      const [{ loadSignatures }, { allRules }, { catalogueCoverage, ownSignatureIds, isCatalogueId }, { stringifyJson }] = await Promise.all([
        import('../rules/signatures/pack.js'),
        import('../rules/registry.js'),
        import('../rules/catalogue.js'),
        import('../report/json.js'),
      ]);
      const signatures = loadSignatures((opts.rules ?? []).map((d) => path.resolve(d)));
      if (id) {
        const rule = findRule(allRules(signatures), id);
        const severity = signatures.find((s) => s.id === rule.meta.id)?.severity;
        process.stdout.write(opts.json ? stringifyJson(ruleDetail(rule, severity)) + '\n' : describeRule(rule, severity));
        return;
      }
      const rules = allRules(signatures).map((r) => ({
        id: r.meta.id,
        category: r.meta.category,
        severity: signatures.find((s) => s.id === r.meta.id)?.severity,
        title: r.meta.title,
        description: r.meta.docs.description,
        requires: r.meta.requiresAny?.length ? `${r.meta.requiresAny.join(' or ')}` : r.meta.requires.join(', '),
        source: r.meta.pack ? `pack ${r.meta.pack}` : 'built-in',
        signatures: r.meta.signatures ?? [],
        /** Ids among `signatures` that are not catalogue ids (jetdiag's own or a user pack's). */
        ownSignatures: (r.meta.signatures ?? []).filter((sid) => !isCatalogueId(sid)),
        thresholds: r.meta.thresholds,
      }));
      if (opts.json) {
        process.stdout.write(stringifyJson(rules) + '\n');
        return;
      }
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) {
        process.stdout.write(`${r.id.padEnd(w)}  ${r.category.padEnd(13)} ${r.description}\n`);
        const t = Object.entries(r.thresholds);
        if (t.length) process.stdout.write(`${' '.repeat(w + 16)}thresholds: ${t.map(([k, v]) => `${k}=${v}`).join(', ')}\n`);
      }
      const reportedBy = signatures.filter((s) => s.reportedBy || s.report === false);
      process.stdout.write(`\n${rules.length} rules. Signatures read by other rules: ${reportedBy.map((s) => `${s.id}${s.reportedBy ? ` (${s.reportedBy})` : ' (context)'}`).join(', ')}\n`);
      const coverage = catalogueCoverage(allRules(signatures));
      const cw = Math.max(...coverage.map((c) => c.id.length));
      process.stdout.write(`\nCatalogue signature ids (${coverage.length}), the ids findings cite, and the rules that report them:\n`);
      for (const c of coverage) process.stdout.write(`  ${c.id.padEnd(cw)}  ${c.rules.length ? c.rules.join(', ') : '(context only: read, never reported)'}\n`);
      const own = ownSignatureIds(signatures);
      if (own.length) {
        const ow = Math.max(...own.map((o) => o.id.length));
        process.stdout.write(`\nOwn signature ids (${own.length}), not in the catalogue: jetdiag's own and those of --rules packs:\n`);
        for (const o of own) process.stdout.write(`  ${o.id.padEnd(ow)}  ${o.title} (pack ${o.pack})\n`);
      }
      const { loadCauses } = await import('../rules/causes/pack.js');
      const causes = loadCauses((opts.rules ?? []).map((d) => path.resolve(d)));
      const kw = Math.max(...causes.map((c) => c.id.length));
      process.stdout.write(`\nRoot causes (${causes.length}) the findings are ranked into:\n`);
      for (const c of causes) process.stdout.write(`  ${c.id.padEnd(kw)}  ${c.title}\n`);
    });
}

async function printTags(json: boolean): Promise<void> {
  const { TAG_MEANINGS, PARAM_TAG_MEANINGS } = await import('../rules/tags.js');
  const tags = [
    ...Object.entries(TAG_MEANINGS).map(([tag, meaning]) => ({ tag, meaning })),
    ...Object.entries(PARAM_TAG_MEANINGS).map(([kind, meaning]) => ({ tag: `${kind}:<value>`, meaning })),
  ];
  if (json) return void process.stdout.write(JSON.stringify(tags, null, 2) + '\n');
  const w = Math.max(...tags.map((t) => t.tag.length));
  for (const t of tags) process.stdout.write(`${t.tag.padEnd(w)}  ${t.meaning}\n`);
}

function findRule(rules: Rule[], id: string): Rule {
  const want = id.trim().toLowerCase();
  const rule = rules.find((r) => r.meta.id === want);
  if (rule) return rule;
  const near = rules.filter((r) => r.meta.id.includes(want) || want.includes(r.meta.id) || r.meta.category === want).map((r) => r.meta.id);
  throw new UserInputError(`no rule "${id}"`, near.length ? `did you mean ${near.slice(0, 5).join(', ')}?` : 'jetdiag rules lists them all');
}

/** References people can follow (public documents), not internal notes. */
function publicReferences(refs: string[] = []): string[] {
  return refs.filter((r) => !/\bseed\b|§|shared\/|signatures\.md/i.test(r));
}

export function ruleDetail(r: Rule, severity?: string) {
  const m = r.meta;
  return {
    id: m.id,
    title: m.title,
    category: m.category,
    source: m.pack ? `pack ${m.pack}` : 'built-in',
    severity,
    description: m.docs.description,
    why: m.docs.why,
    requires: m.requires,
    requiresAny: m.requiresAny ?? [],
    uses: m.uses ?? [],
    thresholds: m.thresholds,
    signatures: m.signatures ?? [],
    remedy: m.remedy ?? [],
    references: publicReferences(m.references),
  };
}

export function describeRule(r: Rule, severity?: string): string {
  const d = ruleDetail(r, severity);
  const out = [`${d.id}: ${d.title}`, `  category ${d.category} · ${d.source}${severity ? ` · severity ${severity}` : ''}`, ''];
  out.push(d.description, '');
  if (d.why) out.push(`Why: ${d.why}`, '');
  const needs = [d.requires.length ? d.requires.join(' and ') : '', d.requiresAny.length ? `one of ${d.requiresAny.join(', ')}` : ''].filter(Boolean).join('; ');
  out.push(`Needs: ${needs || 'nothing beyond the bundle'}${d.uses.length ? ` (also reads ${d.uses.join(', ')} when present)` : ''}`);
  const t = Object.entries(d.thresholds);
  if (t.length) {
    out.push('', 'Thresholds (override with --threshold <rule>.<name>=<value> or in jetdiag.config.json):');
    const w = Math.max(...t.map(([k]) => k.length));
    for (const [k, v] of t) out.push(`  ${d.id}.${k.padEnd(w)} = ${v}`);
  }
  if (d.signatures.length) out.push('', `Signature ids: ${d.signatures.map((sid) => (isCatalogueId(sid) ? sid : `${sid} (own id, not in the catalogue)`)).join(', ')}`);
  if (d.remedy.length) {
    out.push('', 'Remedy:');
    for (const x of d.remedy) out.push(`  - ${x}`);
  }
  if (d.references.length) {
    out.push('', 'References:');
    for (const x of d.references) out.push(`  - ${x}`);
  }
  return out.join('\n') + '\n';
}
