/**
 * jetdiag command line. Exit codes: 0 analysed and nothing at or above --fail-on;
 * 1 findings at or above --fail-on; 2 usage error or an input that could not be read.
 */
// @ts-nocheck

import { Command, CommanderError } from 'commander';
import { UserInputError } from '../errors.js';
import { VERSION } from '../version.js';
import * as commands from './commands.js';
import { EXIT_OK, EXIT_USAGE } from './output.js';

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, useColour } from './output.js';

export function buildProgram(): Command {
  const program = new Command();
  // Set before the subcommands are added: they copy these settings when created.
  program.exitOverride();
  // Commander's own messages ("error: unknown option") take jetdiag's prefix like ours do.
  program.configureOutput({
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, write) => write(s.replace(/^error: /, 'jetdiag: ')),
  });
  program
    .name('jetdiag')
    .description('Post-mortem analyzer for NVIDIA Jetson devices: reads a diagnostic bundle and explains what went wrong.')
    .version(VERSION, '-V, --version')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'never colour the output (NO_COLOR is respected too)')
    .showHelpAfterError('jetdiag: hint: run jetdiag --help (or jetdiag <command> --help) for usage')
    .addHelpText(
      'after',
      `
Exit codes:
  0  analysed; no finding at or above --fail-on (default: never fail on findings)
  1  a finding at or above --fail-on
  2  usage error, a bundle that could not be read at all, or several bundles given to analyze
  3  with analyze --fail-inconclusive: no finding, but the bundle was damaged, cut or missing a core input

Examples:
  $ jetdiag analyze samples/orin-nano-cma-fragmentation.tgz
  $ jetdiag analyze bundle.tgz -o report/ --format md,json --fail-on error
  $ tar cz -C /tmp/capture . | jetdiag analyze -
  $ jetdiag parse bundle.tgz | jq '.meminfo.captures[0].values.MemAvailable'
  $ jetdiag rules`,
    );
  for (const register of Object.values(commands)) register(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (e instanceof UserInputError) {
      process.stderr.write(`jetdiag: ${e.message}\n${e.hint ? `jetdiag: hint: ${e.hint}\n` : ''}`);
      return EXIT_USAGE;
    }
    process.stderr.write(`jetdiag: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_USAGE;
  }
}

/** Run as the `jetdiag` binary (bin/jetdiag.js). */
export function run(): void {
  // `jetdiag parse b.tgz | head`: the reader went away; stop quietly like other Unix tools.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
