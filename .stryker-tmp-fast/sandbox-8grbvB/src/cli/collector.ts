/** `jetdiag collector`: prints the device-side collector script, to copy onto a Jetson. */
// @ts-nocheck

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';

/** The script ships in the package next to dist/ (collector/jetdiag-collect.sh). */
export function collectorScriptPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/src/cli -> package root; src/cli when run from sources.
  const candidates = ['../../..', '../..'].map((up) => path.resolve(here, up, 'collector/jetdiag-collect.sh'));
  return candidates.find((p) => existsSync(p)) ?? candidates[0]!;
}

export default function register(program: Command): void {
  program
    .command('collector')
    .description('print the collector script (POSIX sh) that makes a bundle on the device')
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag collector > jetdiag-collect.sh
  $ scp jetdiag-collect.sh jetson:
  $ ssh jetson sudo sh jetdiag-collect.sh --duration 600 --interval 10
    (the last line printed is the bundle: copy it back and run jetdiag analyze on it)`,
    )
    .action(() => {
      process.stdout.write(readFileSync(collectorScriptPath()));
    });
}
