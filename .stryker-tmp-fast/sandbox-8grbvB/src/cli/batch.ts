/** `jetdiag batch`: analyse every bundle under folders/globs into a fleet store and reports. */
// @ts-nocheck

import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { fleetFormatsOption, dateOption, printFleetSummary, failOnExit, failInconclusiveExit, EXIT_BUNDLES_FAILED, EXIT_INTERRUPTED } from './fleet-options.js';
import { intakeOptions, intOption, ruleFlags, severityOption, ruleOptions, toAnalyzeOptions, type IntakeFlags, type RuleFlags } from './options.js';
import type { GlobalFlags } from './output.js';
import type { FleetFormat } from '../fleet/reports.js';

interface BatchFlags extends IntakeFlags, RuleFlags {
  output: string;
  queue?: string;
  jobs?: number;
  since?: Date;
  failOn?: Severity;
  failInconclusive?: boolean;
  rebuild?: boolean;
  format?: FleetFormat[];
}

export default function register(program: Command): void {
  ruleFlags(intakeOptions(
    program
      .command('batch')
      .description('analyse every bundle under folders or globs in parallel into a fleet store and fleet reports')
      .argument('<inputs...>', 'folders, archives or quoted globs ("uploads/**/*.tgz")')
      .requiredOption('-o, --output <dir>', 'output folder: fleet.duckdb store, fleet.html/.md/.csv, fleet.ndjson, parquet/')
      .option('-j, --jobs <n>', 'parallel workers (default: one per core); with --queue, bundles queued at once (default 500)', intOption)
      .option('--queue <url>', 'analyse on `jetdiag worker`s through this Redis (redis://host:port) instead of locally')
      .option('--since <date>', 'issues first seen at or after this date count as new (default: not in the previous run)', dateOption)
      .option('--rebuild', 'analyse every bundle again, even when the store has its result')
      .option('--format <list>', 'fleet reports to write: html,md,csv,parquet (default all)', fleetFormatsOption)
      .addOption(new Option('--fail-on <severity>', `exit 1 when a bundle of the fleet has a finding at or above this severity (${SEVERITIES.join(', ')})`).argParser(severityOption))
      .option('--fail-inconclusive', 'exit 3 when a bundle of the fleet is inconclusive (damaged, cut or missing a core input, with nothing found)'),
  ))
    .addHelpText(
      'after',
      `
A bundle is an archive (.tgz, .tar.gz, .tar, .zip, .gz) or a folder holding captures; other
folders are searched. A re-run analyses only new or changed bundles (or all with --rebuild);
Ctrl-C stops cleanly and the next run resumes.

Exit codes:
  0  every bundle analysed; no finding at or above --fail-on
  1  a finding at or above --fail-on
  2  usage error
  3  with --fail-inconclusive: a bundle is inconclusive
  4  some bundles could not be analysed (each is a row with its error)
  130  interrupted (Ctrl-C); run again to resume

Examples:
  $ jetdiag batch uploads/ -o fleet/
  $ jetdiag batch "uploads/**/*.tgz" -o fleet/ --jobs 4 --fail-on error
  $ jetdiag batch uploads/ -o fleet/ --since 2026-11-01
  $ jetdiag batch /mnt/uploads s3://bucket/2026/ -o fleet/ --queue redis://queue-host:6379`,
    )
    .action(async (inputs: string[], opts: BatchFlags, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const [{ runBatch }, { createProgress }, { defaultJobs }, { writeFleetReports }, { open }] = await Promise.all([
        import('../fleet/batch.js'),
        import('../fleet/progress.js'),
        import('../fleet/pool.js'),
        import('../fleet/reports.js'),
        import('../fleet/store.js'),
      ]);
      const ro = await ruleOptions(opts);
      const outDir = path.resolve(opts.output);
      const controller = new AbortController();
      let interrupts = 0;
      const onSigint = () => {
        interrupts++;
        if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
        process.stderr.write('\njetdiag batch: stopping; finished bundles are kept (Ctrl-C again to quit at once)\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      try {
        const progress = createProgress(global.quiet ? 'none' : process.stderr.isTTY ? 'bar' : 'lines');
        const started = Date.now();
        const analyze = { ...toAnalyzeOptions(opts), engine: ro.engine, ruleDirs: ro.ruleDirs };
        const queue = opts.queue;
        const summary = await runBatch({
          inputs,
          outDir,
          jobs: opts.jobs ?? defaultJobs(),
          rebuild: opts.rebuild,
          analyze,
          progress,
          signal: controller.signal,
          remote: queue
            ? {
                window: opts.jobs ?? 500,
                open: async (rulesetVersion) => {
                  const { createQueuePool } = await import('../queue/queue-pool.js');
                  const notice = (line: string) => process.stderr.write(`jetdiag batch: ${line}\n`);
                  return createQueuePool({ url: queue, options: analyze, rulesetVersion, notice });
                },
              }
            : undefined,
        });
        const store = await open(outDir);
        try {
          const { model, files } = await writeFleetReports(store, outDir, { formats: opts.format, since: opts.since });
          if (!global.quiet) printFleetSummary(model, files, { summary, seconds: (Date.now() - started) / 1000, outDir });
          if (summary.interrupted) process.exitCode = EXIT_INTERRUPTED;
          else if (summary.failed > 0) process.exitCode = EXIT_BUNDLES_FAILED;
          else {
            if (opts.failOn) await failOnExit(store, opts.failOn);
            if (opts.failInconclusive && !process.exitCode) await failInconclusiveExit(store);
          }
        } finally {
          await store.close();
        }
        if (!summary.discovered) throw new InvalidArgumentError(`no bundle found under ${inputs.join(', ')}`);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}
