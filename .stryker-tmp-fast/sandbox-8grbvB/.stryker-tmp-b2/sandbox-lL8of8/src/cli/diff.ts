/** `jetdiag diff <old> <new>`: what changed between two bundles of a device. */
// @ts-nocheck

// 

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UserInputError } from '../errors.js';
import { SEVERITIES, severityRank, type Severity } from '../rules/types.js';
import type { DiffFormat } from '../fleet/render-diff.js';
import { intakeOptions, ruleFlags, ruleOptions, toAnalyzeOptions, type IntakeFlags, type RuleFlags } from './options.js';
import { EXIT_FINDINGS, type GlobalFlags } from './output.js';

const FORMATS: DiffFormat[] = ['text', 'md', 'html', 'json'];

function formatsOption(v: string): DiffFormat[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FORMATS as string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  return list as DiffFormat[];
}

interface DiffFlags extends IntakeFlags, RuleFlags {
  output?: string;
  format?: DiffFormat[];
  json?: boolean;
  failOn?: Severity;
}

export default function register(program: Command): void {
  ruleFlags(intakeOptions(
    program
      .command('diff')
      .description('compare two bundles: findings that appeared, cleared or changed, and how the key figures moved')
      .argument('<old>', 'the earlier bundle')
      .argument('<new>', 'the later bundle')
      .option('-o, --output <dir>', 'write diff.<ext> files into this directory')
      .option('--format <list>', `formats written with -o: ${FORMATS.join(',')} (default html,md,json)`, formatsOption)
      .option('--json', 'print the diff as JSON on stdout')
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity appeared or got worse').choices([...SEVERITIES])),
  ))
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag diff uploads/orin-17-2026-11-01.tgz uploads/orin-17-2026-11-30.tgz
  $ jetdiag diff before/ after/ -o diff/ --format md
  $ jetdiag diff old.tgz new.tgz --fail-on error     exit 1 when an error appeared`,
    )
    .action(async (oldRef: string, newRef: string, opts: DiffFlags, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const [{ analyzeBundle }, { diffResults }, { renderDiff, DIFF_EXTENSIONS }] = await Promise.all([
        import('../fleet/analyze-one.js'),
        import('../fleet/diff.js'),
        import('../fleet/render-diff.js'),
      ]);
      const ro = await ruleOptions(opts);
      const options = { ...toAnalyzeOptions(opts), engine: ro.engine, ruleDirs: ro.ruleDirs };
      const [a, b] = [await analyzeBundle(oldRef, options), await analyzeBundle(newRef, options)];
      for (const r of [a, b]) if (r.status === 'failed') throw new UserInputError(`${r.path}: ${r.error}`);
      const d = diffResults(a, b);
      if (opts.output) {
        const dir = path.resolve(opts.output);
        await fsp.mkdir(dir, { recursive: true });
        for (const f of opts.format ?? (['html', 'md', 'json'] as DiffFormat[])) await fsp.writeFile(path.join(dir, `diff.${DIFF_EXTENSIONS[f]}`), renderDiff(d, f));
      }
      if (opts.json) process.stdout.write(renderDiff(d, 'json'));
      else if (!global.quiet) process.stdout.write(renderDiff(d, 'text'));
      if (opts.failOn) {
        const rank = severityRank(opts.failOn);
        const worse = [...d.appeared, ...d.changed.filter((c) => severityRank(c.after.severity) > severityRank(c.before.severity)).map((c) => c.after)];
        if (worse.some((f) => severityRank(f.severity) >= rank)) process.exitCode = EXIT_FINDINGS;
      }
    });
}
