/** `jetdiag analyze`: diagnose one bundle, print the verdict, write the reports. */
// @ts-nocheck

// 

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { plainReason, UserInputError } from '../errors.js';
import { DEFAULT_FORMATS, FORMATS, isFormat, RENDERERS, type Format } from '../report/renderers.js';
import { terminalWidth } from '../report/wrap.js';
import { SEVERITIES, severityRank, type Severity } from '../rules/types.js';
import { intakeOptions, ruleFlags, severityOption, ruleOptions, toAnalyzeOptions, wholeOption, type IntakeFlags, type RuleFlags } from './options.js';
import { EXIT_FINDINGS, EXIT_INCONCLUSIVE, note, sayWhenWaitingForStdin, useColour, type GlobalFlags } from './output.js';
import { ensureDirectory, reportPath } from './report-files.js';

interface AnalyzeFlags extends IntakeFlags, RuleFlags {
  output?: string;
  format?: Format[];
  json?: boolean;
  failOn?: Severity;
  failInconclusive?: boolean;
  maxEvidence?: number;
  redact?: boolean;
  redactMap?: string;
}

function formatsOption(v: string): Format[] {
  const list = v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) {
    if (!isFormat(f)) throw new InvalidArgumentError(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  }
  return [...new Set(list)] as Format[];
}

/** What goes where: one format on stdout, report files in a directory, or the terminal verdict. */
interface OutputPlan {
  stdout?: Format;
  dir?: string;
  files: Format[];
}

export function planOutput(o: Pick<AnalyzeFlags, 'output' | 'format' | 'json'>): OutputPlan {
  const json = o.json ? 'json' : undefined;
  if (o.output === '-') {
    if (!o.format) throw new UserInputError('-o - writes one report to stdout: name its format, e.g. --format md');
    if (o.format.length !== 1) throw new UserInputError(`-o - writes one format to stdout, not ${o.format.length} (${o.format.join(', ')})`, 'write several formats into a directory with -o <dir>');
    if (json && o.format[0] !== 'json') throw new UserInputError(`--json and --format ${o.format[0]} both want stdout; choose one`);
    return { stdout: o.format[0], files: [] };
  }
  if (o.output) return { stdout: json, dir: o.output, files: o.format ?? DEFAULT_FORMATS };
  if (!o.format) return { stdout: json, files: [] };
  if (o.format.length !== 1) {
    throw new UserInputError(`${o.format.length} formats (${o.format.join(', ')}) but only one stdout`, 'write them into a directory with -o <dir>, or name one format to print it');
  }
  if (json && o.format[0] !== 'json') throw new UserInputError(`--json and --format ${o.format[0]} both want stdout; choose one`);
  return { stdout: o.format[0], files: [] };
}

export default function register(program: Command): void {
  ruleFlags(intakeOptions(
    program
      .command('analyze')
      .description('diagnose a bundle (.tgz/.tar.gz/.tar/.zip, a directory, a text file, or - for a tar stream on stdin)')
      .argument('<bundle>', 'bundle path, or - for stdin')
      .option('-o, --output <dir>', 'write the report files into this directory (<bundle>.report.html, …); - writes the one --format to stdout')
      .option('--format <list>', `report formats: ${FORMATS.join(',')}; with -o <dir> the files written (default ${DEFAULT_FORMATS.join(',')}), without -o the one format printed on stdout`, formatsOption)
      .option('--json', 'print the analysis as JSON on stdout instead of the verdict')
      .option('--max-evidence <n>', 'evidence lines kept per finding in the reports (default 50; 0 keeps every line)', wholeOption)
      .addOption(new Option('--fail-on <severity>', `exit 1 when a finding is at or above this severity (${SEVERITIES.join(', ')})`).argParser(severityOption))
      .option('--redact', 'replace host names, serials and ids, MAC and IP addresses, user names and home paths with placeholders in every output')
      .option('--redact-map <file>', 'with --redact (implied): write the placeholder -> value mapping to this file, for the bundle owner')
      .option('--fail-inconclusive', `exit ${EXIT_INCONCLUSIVE} when the status is inconclusive (nothing found in a damaged, cut or incomplete bundle)`),
  ))
    .addHelpText(
      'after',
      `
Examples:
  $ jetdiag analyze bundle.tgz                         verdict on the terminal
  $ jetdiag analyze bundle.tgz -o out/                 write out/bundle.report.html, .md and .json
  $ jetdiag analyze bundle.tgz --format md > ticket.md the Markdown report on stdout
  $ jetdiag analyze captures/ --fail-on warning        exit 1 on any warning (for pipelines)`,
    )
    .action(async (bundle: string, opts: AnalyzeFlags, cmd: Command) => {
      const global = cmd.optsWithGlobals() as GlobalFlags;
      const plan = planOutput(opts);
      if (plan.dir) await ensureDirectory(plan.dir, plan.dir);
      const [{ analyze }, { buildReportModel }, { renderTerminal }] = await Promise.all([
        import('../analyze.js'),
        import('../report/model.js'),
        import('../report/terminal.js'),
      ]);
      const ro = await ruleOptions(opts);
      sayWhenWaitingForStdin(bundle);
      const analysis = await analyze(bundle, { ...toAnalyzeOptions(opts), ...ro, engine: { ...ro.engine, maxEvidence: opts.maxEvidence } });
      const model = buildReportModel(analysis);
      const redactor = opts.redact || opts.redactMap ? new (await import('../report/redact.js')).Redactor(analysis.snapshot) : undefined;
      /** Every text that leaves jetdiag passes here. */
      const out = (text: string) => (redactor ? redactor.apply(text) : text);
      const written: string[] = [];
      if (plan.dir) {
        for (const f of plan.files) {
          const renderer = RENDERERS[f];
          const file = reportPath(plan.dir, out(bundle), renderer.extension);
          const body = out(await renderer.render({ analysis, model }));
          await fsp.writeFile(file, body).catch((e: NodeJS.ErrnoException) => {
            throw new UserInputError(`cannot write ${file}: ${plainReason(e)}`);
          });
          written.push(shownPath(file));
        }
      }
      const full = written.find((w) => /\.(html|md|txt)$/.test(w)) ?? written[0];
      if (plan.stdout) {
        const body = out(await RENDERERS[plan.stdout].render({ analysis, model }));
        process.stdout.write(body.endsWith('\n') ? body : body + '\n');
        if (written.length && !global.quiet) note(`reports written: ${written.join(', ')}`);
      } else if (!global.quiet) {
        process.stdout.write(out(renderTerminal(model, { enabled: useColour(global.color), width: terminalWidth(), fullReport: full })));
        if (written.length) process.stdout.write(`\nReports written: ${written.join(', ')}\n`);
      }
      const failOn = opts.failOn;
      if (redactor && opts.redactMap) {
        await fsp.writeFile(opts.redactMap, JSON.stringify(redactor.mapping(), null, 2) + '\n', { mode: 0o600 }).catch((e: NodeJS.ErrnoException) => {
          throw new UserInputError(`cannot write the redaction map ${opts.redactMap}: ${plainReason(e)}`);
        });
        if (!global.quiet) note(`redaction map written: ${shownPath(path.resolve(opts.redactMap))} (keep it private)`);
      }
      const crossing = failOn ? analysis.findings.filter((f) => severityRank(f.severity) >= severityRank(failOn)) : [];
      if (crossing.length) {
        process.exitCode = EXIT_FINDINGS;
        const f = crossing[0]!;
        if (!global.quiet) note(out(`exit 1: ${f.severity} finding "${f.title}" [${f.ruleId}] is at or above --fail-on ${failOn}${crossing.length > 1 ? ` (and ${crossing.length - 1} more)` : ''}`));
      } else if (opts.failInconclusive && model.status === 'inconclusive') {
        process.exitCode = EXIT_INCONCLUSIVE;
        if (!global.quiet) note(`exit ${EXIT_INCONCLUSIVE}: the status is inconclusive (--fail-inconclusive)`);
      }
    });
}

/** A path as the user would type it: relative below the working directory, else absolute. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
