/** `jetdiag analyze`: diagnose one bundle, print the verdict, write the reports. */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { UserInputError } from '../errors.js';
import { DEFAULT_FORMATS, FORMATS, isFormat, RENDERERS, type Format } from '../report/renderers.js';
import { SEVERITIES, severityRank, type Severity } from '../rules/types.js';
import { intakeOptions, ruleFlags, ruleOptions, toAnalyzeOptions, wholeOption, type IntakeFlags, type RuleFlags } from './options.js';
import { EXIT_FINDINGS, EXIT_INCONCLUSIVE, useColour, type GlobalFlags } from './output.js';

interface AnalyzeFlags extends IntakeFlags, RuleFlags {
  output?: string;
  format?: Format[];
  json?: boolean;
  failOn?: Severity;
  failInconclusive?: boolean;
  maxEvidence?: number;
}

function formatsOption(v: string): Format[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!isFormat(f)) throw new InvalidArgumentError(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  }
  return list as Format[];
}

export default function register(program: Command): void {
  ruleFlags(intakeOptions(
    program
      .command('analyze')
      .description('diagnose a bundle (.tgz/.tar.gz/.tar, a directory, a text file, or - for a tar stream on stdin)')
      .argument('<bundle>', 'bundle path, or - for stdin')
      .option('-o, --output <dir>', 'write the report files into this directory')
      .option('--format <list>', `report formats written with -o: ${FORMATS.join(',')} (default ${DEFAULT_FORMATS.join(',')})`, formatsOption)
      .option('--json', 'print the analysis as JSON on stdout instead of the verdict')
      .option('--max-evidence <n>', 'evidence lines kept per finding in the reports (default 50; 0 keeps every line)', wholeOption)
      .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...SEVERITIES]))
      .option('--fail-inconclusive', `exit ${EXIT_INCONCLUSIVE} when the status is inconclusive (nothing found in a damaged, cut or incomplete bundle)`),
  ))
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag analyze bundle.tgz                         verdict on the terminal
  $ jetdiag analyze bundle.tgz -o out/ --format md     write out/report.md
  $ jetdiag analyze captures/ --fail-on warning        exit 1 on any warning (for pipelines)`,
    )
    .action(async (bundle: string, opts: AnalyzeFlags, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const [{ analyze }, { buildReportModel }, { renderTerminal }] = await Promise.all([
        import('../analyze.js'),
        import('../report/model.js'),
        import('../report/terminal.js'),
      ]);
      const ro = await ruleOptions(opts);
      const analysis = await analyze(bundle, { ...toAnalyzeOptions(opts), ...ro, engine: { ...ro.engine, maxEvidence: opts.maxEvidence } });
      const model = buildReportModel(analysis);
      if (opts.output) {
        const dir = path.resolve(opts.output);
        await fsp.mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
          throw new UserInputError(`cannot write reports to "${opts.output}": ${e.code ?? e.message}`);
        });
        for (const f of opts.format ?? DEFAULT_FORMATS) {
          const renderer = RENDERERS[f];
          const file = path.join(dir, `report.${renderer.extension}`);
          const body = await renderer.render({ analysis, model });
          await fsp.writeFile(file, body).catch((e: NodeJS.ErrnoException) => {
            throw new UserInputError(`cannot write ${file}: ${e.code ?? e.message}`);
          });
        }
      }
      if (opts.json) process.stdout.write((await RENDERERS.json.render({ analysis, model })) + '\n');
      else if (!global.quiet) process.stdout.write(renderTerminal(model, { enabled: useColour(global.color) }));
      if (opts.failOn && analysis.findings.some((f) => severityRank(f.severity) >= severityRank(opts.failOn!))) {
        process.exitCode = EXIT_FINDINGS;
      } else if (opts.failInconclusive && model.status === 'inconclusive') {
        process.exitCode = EXIT_INCONCLUSIVE;
      }
    });
}
