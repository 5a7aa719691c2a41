/** `jetdiag fleet <dir>`: re-render the fleet reports from the store, without analysing. */
// @ts-nocheck

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { UserInputError } from '../errors.js';
import type { FleetFormat } from '../fleet/reports.js';
import { dateOption, fleetFormatsOption, printFleetSummary } from './fleet-options.js';
import type { GlobalFlags } from './output.js';

export default function register(program: Command): void {
  program
    .command('fleet')
    .description('write the fleet reports again from the store of a batch output folder (nothing is analysed)')
    .argument('<dir>', 'the output folder of jetdiag batch')
    .option('--since <date>', 'issues first seen at or after this date count as new', dateOption)
    .option('--format <list>', 'fleet reports to write: html,md,csv,parquet (default all)', fleetFormatsOption)
    .option('--json', 'print the fleet model as JSON on stdout')
    .addHelpText(
      'after',
      `
Honours <dir>/acknowledgements.json: { "<fingerprint>": { "state": "acknowledged" | "muted", "note": "..." } }.

Examples:
  $ jetdiag fleet fleet/
  $ jetdiag fleet fleet/ --since 2026-11-01 --format html
  $ jetdiag fleet fleet/ --json | jq '.issues[] | select(.isNew)'`,
    )
    .action(async (dir: string, opts: { since?: Date; format?: FleetFormat[]; json?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const [{ open, STORE_FILE }, { writeFleetReports }] = await Promise.all([import('../fleet/store.js'), import('../fleet/reports.js')]);
      const outDir = path.resolve(dir);
      if (!existsSync(path.join(outDir, STORE_FILE))) throw new UserInputError(`${dir}: no ${STORE_FILE} here (run jetdiag batch <inputs> -o ${dir} first)`);
      const store = await open(outDir);
      try {
        const { model, files } = await writeFleetReports(store, outDir, { formats: opts.format, since: opts.since });
        if (opts.json) process.stdout.write(JSON.stringify(model, null, 2) + '\n');
        else if (!global.quiet) printFleetSummary(model, files, { outDir });
      } finally {
        await store.close();
      }
    });
}
