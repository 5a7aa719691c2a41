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
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag rules
  $ jetdiag rules --json | jq '.[] | select(.category == "cma")'
  $ jetdiag rules --rules ./site-rules`,
    )
    .action(async (opts: { json?: boolean; rules?: string[] }) => {
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
    });
}
