/**
 * jetdiag command line. Exit codes: 0 analysed and nothing at or above --fail-on;
 * 1 findings at or above --fail-on; 2 usage error or an input that could not be read.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { AnalyzeOptions } from './analyze.js';
import { DEFAULT_LIMITS, parseSize } from './bundle/limits.js';
import { checkThresholds, CONFIG_FILE, loadConfig, parseThresholdOption } from './config.js';
import { UserInputError } from './errors.js';
import { SEVERITIES, severityRank, type Severity } from './rules/types.js';
import { VERSION } from './version.js';

/**
 * The parsers, rules and renderers, loaded when a command runs: `--help` and `--version`
 * stay instant because building the grammars is not needed to print them.
 */
async function engine() {
  const [analyzeMod, json, model, markdown, html, terminal, registry, pack] = await Promise.all([
    import('./analyze.js'),
    import('./report/json.js'),
    import('./report/model.js'),
    import('./report/markdown.js'),
    import('./report/html.js'),
    import('./report/terminal.js'),
    import('./rules/registry.js'),
    import('./rules/signatures/pack.js'),
  ]);
  return { ...analyzeMod, ...json, ...model, ...markdown, ...html, ...terminal, ...registry, ...pack };
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** --fail-inconclusive: nothing found, but the bundle was damaged, cut or missing a core input. */
export const EXIT_INCONCLUSIVE = 3;

const FORMATS = ['html', 'md', 'json', 'text'] as const;
type Format = (typeof FORMATS)[number];

export function useColour(flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR !== undefined) return false;
  return Boolean(process.stdout.isTTY);
}

function sizeOption(v: string): number {
  try {
    return parseSize(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

function intOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${v}"`);
  return n;
}

function numberOption(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${v}"`);
  return n;
}

function formatsOption(v: string): Format[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}" (choose from ${FORMATS.join(', ')})`);
  }
  return list as Format[];
}

interface IntakeFlags {
  rules?: string[];
  config?: string;
  threshold?: string[];
  maxFileSize?: number;
  maxTotalSize?: number;
  maxScanSize?: number;
  maxEntries?: number;
  maxLineLength?: number;
  interval?: number;
}

function ruleFlags(cmd: Command): Command {
  return cmd
    .option('--config <file>', `configuration file (default: ./${CONFIG_FILE} when present)`)
    .option('--rules <dir>', 'also load the rule packs (*.json) in this directory (repeatable)', collect)
    .option('--threshold <rule.name=value>', 'override one rule threshold, e.g. cma.largestAllocationMiB=96 (repeatable)', collect);
}

function intakeOptions(cmd: Command): Command {
  return cmd
    .option('--max-file-size <size>', `largest file read from the bundle (default ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024}M)`, sizeOption)
    .option('--max-total-size <size>', `largest total read from the bundle (default ${DEFAULT_LIMITS.maxTotalBytes / 1024 / 1024}M)`, sizeOption)
    .option('--max-scan-size <size>', `largest total decompressed from an archive, skipped files included (default ${DEFAULT_LIMITS.maxScanBytes / 1024 ** 3}G)`, sizeOption)
    .option('--max-entries <n>', `most archive entries read (default ${DEFAULT_LIMITS.maxEntries})`, intOption)
    .option('--max-line-length <n>', `longest line parsed; longer lines are cut (default ${DEFAULT_LIMITS.maxLineLength})`, intOption)
    .option('--interval <seconds>', 'tegrastats sample interval when the log has no timestamps (default 1)', numberOption);
}

function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

/** Config file + --threshold + --rules into engine options, validated against the rules. */
async function ruleOptions(o: IntakeFlags): Promise<Pick<AnalyzeOptions, 'engine' | 'ruleDirs' | 'signatures'>> {
  const { loadSignatures, allRules } = await engine();
  const cfg = loadConfig(o.config);
  const ruleDirs = [...cfg.rules, ...(o.rules ?? []).map((d) => path.resolve(d))];
  const signatures = loadSignatures(ruleDirs);
  const known = new Map(allRules(signatures).map((r) => [r.meta.id, r.meta.thresholds]));
  const thresholds: Record<string, Record<string, number>> = structuredClone(cfg.thresholds);
  checkThresholds(thresholds, known, cfg.file ?? 'configuration');
  for (const t of o.threshold ?? []) {
    const [rule, name, value] = parseThresholdOption(t);
    checkThresholds({ [rule]: { [name]: value } }, known, `--threshold ${t}`);
    (thresholds[rule] ??= {})[name] = value;
  }
  return { engine: { thresholds, disabled: cfg.disabled }, ruleDirs, signatures };
}

function toAnalyzeOptions(o: IntakeFlags): AnalyzeOptions {
  return {
    limits: {
      ...(o.maxFileSize ? { maxFileBytes: o.maxFileSize } : {}),
      ...(o.maxTotalSize ? { maxTotalBytes: o.maxTotalSize } : {}),
      ...(o.maxScanSize ? { maxScanBytes: o.maxScanSize } : {}),
      ...(o.maxEntries ? { maxEntries: o.maxEntries } : {}),
      ...(o.maxLineLength ? { maxLineLength: o.maxLineLength } : {}),
    },
    parser: o.interval ? { tegrastatsIntervalSeconds: o.interval } : {},
  };
}

export function buildProgram(): Command {
  const program = new Command();
  // Set before the subcommands are added: they copy these settings when created.
  program.exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program
    .name('jetdiag')
    .description('Post-mortem analyzer for NVIDIA Jetson devices: reads a diagnostic bundle and explains what went wrong.')
    .version(VERSION, '-V, --version')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-color', 'never colour the output (NO_COLOR is respected too)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Exit codes:
  0  analysed; no finding at or above --fail-on (default: never fail on findings)
  1  a finding at or above --fail-on
  2  usage error, a bundle that could not be read at all, or several bundles given to analyze
  3  with --fail-inconclusive: no finding, but the bundle was damaged, cut or missing a core input

Examples:
  $ jetdiag analyze samples/orin-nano-cma-fragmentation.tgz
  $ jetdiag analyze bundle.tgz -o report/ --format md,json --fail-on error
  $ tar cz -C /tmp/capture . | jetdiag analyze -
  $ jetdiag parse bundle.tgz | jq '.meminfo.captures[0].values.MemAvailable'
  $ jetdiag rules`,
    );

  ruleFlags(intakeOptions(
    program
      .command('analyze')
      .description('diagnose a bundle (.tgz/.tar.gz/.tar, a directory, a text file, or - for a tar stream on stdin)')
      .argument('<bundle>', 'bundle path, or - for stdin')
      .option('-o, --output <dir>', 'write the report files into this directory')
      .option('--format <list>', `report formats written with -o: ${FORMATS.join(',')} (default html,md,json)`, formatsOption)
      .option('--json', 'print the analysis as JSON on stdout instead of the verdict')
      .option('--max-evidence <n>', 'evidence lines kept per finding in the reports (default 50; 0 keeps every line)', (v) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number >= 0, got "${v}"`);
        return n;
      })
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
    .action(async (bundle: string, opts: IntakeFlags & { output?: string; format?: Format[]; json?: boolean; failOn?: Severity; failInconclusive?: boolean; maxEvidence?: number }, cmd: Command) => {
      const global = cmd.optsWithGlobals() as { quiet?: boolean; color?: boolean };
      const { analyze, buildReportModel, stringifyJson, renderMarkdown, renderHtml, renderTerminal } = await engine();
      const ro = await ruleOptions(opts);
      const a = await analyze(bundle, { ...toAnalyzeOptions(opts), ...ro, engine: { ...ro.engine, maxEvidence: opts.maxEvidence } });
      const jsonReport = () => ({ report: model, device: a.device, outcomes: a.outcomes });
      const model = buildReportModel(a);
      if (opts.output) {
        const dir = path.resolve(opts.output);
        await fsp.mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
          throw new UserInputError(`cannot write reports to "${opts.output}": ${e.code ?? e.message}`);
        });
        for (const f of opts.format ?? ['html', 'md', 'json']) {
          const file = path.join(dir, `report.${f === 'text' ? 'txt' : f}`);
          const body =
            f === 'json'
              ? stringifyJson(jsonReport())
              : f === 'md'
                ? renderMarkdown(model)
                : f === 'html'
                  ? renderHtml(model, a.snapshot, a.device)
                  : renderTerminal(model, { enabled: false }, Infinity);
          await fsp.writeFile(file, body).catch((e: NodeJS.ErrnoException) => {
            throw new UserInputError(`cannot write ${file}: ${e.code ?? e.message}`);
          });
        }
      }
      if (opts.json) process.stdout.write(stringifyJson(jsonReport()) + '\n');
      else if (!global.quiet) process.stdout.write(renderTerminal(model, { enabled: useColour(global.color) }));
      if (opts.failOn && a.findings.some((f) => severityRank(f.severity) >= severityRank(opts.failOn!))) {
        process.exitCode = EXIT_FINDINGS;
      } else if (opts.failInconclusive && model.status === 'inconclusive') {
        process.exitCode = EXIT_INCONCLUSIVE;
      }
    });

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
    const { loadSnapshot, stringifyJson } = await engine();
    const snapshot = await loadSnapshot(bundle, toAnalyzeOptions(opts));
    process.stdout.write(stringifyJson(snapshot, !opts.compact) + '\n');
  });

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
      const { loadSignatures, allRules, stringifyJson } = await engine();
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
    });
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
      process.stderr.write(`jetdiag: ${e.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`jetdiag: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT_USAGE;
  }
}

const invokedDirectly = process.argv[1] && /jetdiag(\.js)?$|cli\.js$/.test(process.argv[1]);
if (invokedDirectly) {
  // `jetdiag parse b.tgz | head`: the reader went away; stop quietly like other Unix tools.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
