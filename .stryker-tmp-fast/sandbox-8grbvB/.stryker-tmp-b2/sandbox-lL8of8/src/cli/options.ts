/**
 * Option parsers and option groups shared by the commands. Only light modules are imported
 * here: the rule registry and packs are loaded when a command runs.
 */
// @ts-nocheck

// 

import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { AnalyzeOptions } from '../analyze.js';
import { DEFAULT_LIMITS, parseSize } from '../bundle/limits.js';
import { checkThresholds, CONFIG_FILE, loadConfig, parseThresholdOption, type JetdiagConfig } from '../config.js';
import type { ConfigInEffect, Override } from '../verdict/provenance.js';
import { SEVERITIES, type Severity } from '../rules/types.js';

export function sizeOption(v: string): number {
  try {
    return parseSize(v);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

export function intOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${v}"`);
  return n;
}

export function wholeOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number >= 0, got "${v}"`);
  return n;
}

export function numberOption(v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a positive number, got "${v}"`);
  return n;
}

/** Repeatable option: every value in order. */
export function collect(v: string, prev: string[] = []): string[] {
  return [...prev, v];
}

export interface IntakeFlags {
  maxFileSize?: number;
  maxTotalSize?: number;
  maxScanSize?: number;
  maxEntries?: number;
  maxLineLength?: number;
  interval?: number;
}

export interface RuleFlags {
  rules?: string[];
  config?: string;
  threshold?: string[];
}

export function ruleFlags(cmd: Command): Command {
  return cmd
    .option('--config <file>', `configuration file (default: ./${CONFIG_FILE} when present)`)
    .option('--rules <dir>', 'also load the rule packs (*.json) in this directory (repeatable)', collect)
    .option('--threshold <rule.name=value>', 'override one rule threshold, e.g. cma.largestAllocationMiB=96 (repeatable)', collect);
}

export function intakeOptions(cmd: Command): Command {
  return cmd
    .option('--max-file-size <size>', `largest file read from the bundle (default ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024}M)`, sizeOption)
    .option('--max-total-size <size>', `largest total read from the bundle (default ${DEFAULT_LIMITS.maxTotalBytes / 1024 / 1024}M)`, sizeOption)
    .option('--max-scan-size <size>', `largest total decompressed from an archive, skipped files included (default ${DEFAULT_LIMITS.maxScanBytes / 1024 ** 3}G)`, sizeOption)
    .option('--max-entries <n>', `most archive entries read (default ${DEFAULT_LIMITS.maxEntries})`, intOption)
    .option('--max-line-length <n>', `longest line parsed; longer lines are cut (default ${DEFAULT_LIMITS.maxLineLength})`, intOption)
    .option('--interval <seconds>', 'tegrastats sample interval when the log has no timestamps (default 1)', numberOption);
}

/** Config file + --threshold + --rules into engine options, validated against the rules. */
export async function ruleOptions(o: RuleFlags & IntakeFlags): Promise<Pick<AnalyzeOptions, 'engine' | 'ruleDirs' | 'signatures' | 'config'>> {
  const [{ loadSignatures }, { allRules }] = await Promise.all([import('../rules/signatures/pack.js'), import('../rules/registry.js')]);
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
  return { engine: { thresholds, disabled: cfg.disabled }, ruleDirs, signatures, config: configInEffect(cfg, o) };
}

/** Every setting that differs from the defaults, and where it came from. */
export function configInEffect(cfg: JetdiagConfig, o: RuleFlags & IntakeFlags & { maxEvidence?: number }): ConfigInEffect {
  const from = cfg.file ? (o.config ? cfg.file : CONFIG_FILE) : '';
  const overrides: Override[] = [];
  for (const [rule, values] of Object.entries(cfg.thresholds)) {
    for (const [k, v] of Object.entries(values)) overrides.push({ setting: `thresholds.${rule}.${k}`, value: v, from });
  }
  if (cfg.disabled.length) overrides.push({ setting: 'disabled', value: cfg.disabled, from });
  if (cfg.rules.length) overrides.push({ setting: 'rules', value: cfg.rules, from });
  for (const t of o.threshold ?? []) {
    const [rule, name, value] = parseThresholdOption(t);
    overrides.push({ setting: `thresholds.${rule}.${name}`, value, from: '--threshold' });
  }
  for (const d of o.rules ?? []) overrides.push({ setting: 'rules', value: [path.resolve(d)], from: '--rules' });
  const flags: [keyof IntakeFlags | 'maxEvidence', string, string][] = [
    ['maxFileSize', 'limits.maxFileBytes', '--max-file-size'],
    ['maxTotalSize', 'limits.maxTotalBytes', '--max-total-size'],
    ['maxScanSize', 'limits.maxScanBytes', '--max-scan-size'],
    ['maxEntries', 'limits.maxEntries', '--max-entries'],
    ['maxLineLength', 'limits.maxLineLength', '--max-line-length'],
    ['interval', 'parser.tegrastatsIntervalSeconds', '--interval'],
    ['maxEvidence', 'report.maxEvidence', '--max-evidence'],
  ];
  for (const [flag, setting, option] of flags) {
    const v = (o as Record<string, unknown>)[flag];
    if (typeof v === 'number') overrides.push({ setting, value: v, from: option });
  }
  return { file: cfg.file ?? null, pickedUp: Boolean(cfg.file && !o.config), overrides };
}

export function toAnalyzeOptions(o: IntakeFlags): AnalyzeOptions {
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

/** `--fail-on` value, case-insensitive. */
export function severityOption(v: string): Severity {
  const s = v.trim().toLowerCase();
  if (!(SEVERITIES as readonly string[]).includes(s)) throw new InvalidArgumentError(`unknown severity "${v}" (choose from ${SEVERITIES.join(', ')})`);
  return s as Severity;
}
