/** `jetdiag rules`: the rules (built-in and packs) with what they check. */
import path from 'node:path';
import type { Command } from 'commander';
import { collect } from './options.js';

export default function register(program: Command): void {
  program
    .command('rules')
    .description('list the rules (built-in and rule packs) with id, category and one-line description')
    .option('--json', 'as JSON')
    .option('--rules <dir>', 'also load the rule packs (*.json) in this directory (repeatable)', collect)
    .option('--tags', 'list the tags rules may emit and causes may name, with their meanings')
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag rules
  $ jetdiag rules --json | jq '.[] | select(.category == "cma")'
  $ jetdiag rules --rules ./site-rules
  $ jetdiag rules --tags`,
    )
    .action(async (opts: { json?: boolean; rules?: string[]; tags?: boolean }) => {
      if (opts.tags) return printTags(opts.json === true);
      const [{ loadSignatures }, { allRules }, { catalogueCoverage }, { stringifyJson }] = await Promise.all([
        import('../rules/signatures/pack.js'),
        import('../rules/registry.js'),
        import('../rules/catalogue.js'),
        import('../report/json.js'),
      ]);
      const signatures = loadSignatures((opts.rules ?? []).map((d) => path.resolve(d)));
      const rules = allRules(signatures).map((r) => ({
        id: r.meta.id,
        category: r.meta.category,
        severity: signatures.find((s) => s.id === r.meta.id)?.severity,
        title: r.meta.title,
        description: r.meta.docs.description,
        requires: r.meta.requiresAny?.length ? `${r.meta.requiresAny.join(' or ')}` : r.meta.requires.join(', '),
        source: r.meta.pack ? `pack ${r.meta.pack}` : 'built-in',
        signatures: r.meta.signatures ?? [],
        thresholds: r.meta.thresholds,
      }));
      if (opts.json) {
        process.stdout.write(stringifyJson(rules) + '\n');
        return;
      }
      const w = Math.max(...rules.map((r) => r.id.length));
      for (const r of rules) process.stdout.write(`${r.id.padEnd(w)}  ${r.category.padEnd(13)} ${r.description}\n`);
      const reportedBy = signatures.filter((s) => s.reportedBy || s.report === false);
      process.stdout.write(`\n${rules.length} rules. Signatures read by other rules: ${reportedBy.map((s) => `${s.id}${s.reportedBy ? ` (${s.reportedBy})` : ' (context)'}`).join(', ')}\n`);
      const coverage = catalogueCoverage(allRules(signatures));
      const cw = Math.max(...coverage.map((c) => c.id.length));
      process.stdout.write(`\nCatalogue signature ids (${coverage.length}), the ids findings cite, and the rules that report them:\n`);
      for (const c of coverage) process.stdout.write(`  ${c.id.padEnd(cw)}  ${c.rules.length ? c.rules.join(', ') : '(context only: read, never reported)'}\n`);
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
