/** `jetdiag parse`: the typed snapshot of a bundle as JSON. */
// @ts-nocheck

// 

import type { Command } from 'commander';
import { sayWhenWaitingForStdin } from './output.js';
import { intakeOptions, toAnalyzeOptions, type IntakeFlags } from './options.js';

export default function register(program: Command): void {
  intakeOptions(
    program
      .command('parse')
      .description('print the typed snapshot of a bundle as JSON (for jq and other tools)')
      .argument('<bundle>', 'bundle path, or - for stdin')
      .option('--compact', 'one line of JSON instead of indented'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag parse bundle.tgz > snapshot.json
  $ jetdiag parse bundle.tgz | jq '.tegrastats.ramUsedMB | max'
  $ jetdiag parse captures/ --compact | jq '.bundle.entries[] | select(.unusedReason)'
The output follows schema/snapshot.schema.json.`,
    )
    .action(async (bundle: string, opts: IntakeFlags & { compact?: boolean }) => {
      const [{ loadSnapshot }, { writeJson }] = await Promise.all([import('../snapshot/load.js'), import('../report/json-stream.js')]);
      sayWhenWaitingForStdin(bundle);
      const snapshot = await loadSnapshot(bundle, toAnalyzeOptions(opts));
      // Written in pieces: a week of tegrastats is hundreds of MB of JSON.
      await writeJson(process.stdout, snapshot, !opts.compact);
    });
}
