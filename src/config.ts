/**
 * jetdiag.config.json: threshold overrides per rule, rules switched off, extra rule-pack
 * directories. Found in the working directory or given with --config; bad files are
 * refused with the field named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UserInputError } from './errors.js';

export interface JetdiagConfig {
  thresholds: Record<string, Record<string, number>>;
  disabled: string[];
  rules: string[];
  /** Where the config came from, for messages. */
  file?: string;
}

export class ConfigError extends UserInputError {}

export const CONFIG_FILE = 'jetdiag.config.json';

export function loadConfig(explicit?: string, cwd = process.cwd()): JetdiagConfig {
  const file = explicit ?? (existsSync(path.join(cwd, CONFIG_FILE)) ? path.join(cwd, CONFIG_FILE) : undefined);
  const empty: JetdiagConfig = { thresholds: {}, disabled: [], rules: [] };
  if (!file) return empty;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: cannot read configuration (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ConfigError(`${file}: expected a JSON object`);
  const d = doc as Record<string, unknown>;
  const cfg: JetdiagConfig = { ...empty, file };
  if (d.thresholds !== undefined) {
    if (typeof d.thresholds !== 'object' || d.thresholds === null) throw new ConfigError(`${file}: thresholds: expected an object of rule id -> { name: number }`);
    for (const [rule, values] of Object.entries(d.thresholds as Record<string, unknown>)) {
      if (typeof values !== 'object' || values === null) throw new ConfigError(`${file}: thresholds.${rule}: expected an object of name -> number`);
      for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new ConfigError(`${file}: thresholds.${rule}.${k}: expected a number, got ${JSON.stringify(v)}`);
      }
      cfg.thresholds[rule] = values as Record<string, number>;
    }
  }
  if (d.disabled !== undefined) {
    if (!Array.isArray(d.disabled) || d.disabled.some((x) => typeof x !== 'string')) throw new ConfigError(`${file}: disabled: expected an array of rule ids`);
    cfg.disabled = d.disabled as string[];
  }
  if (d.rules !== undefined) {
    if (!Array.isArray(d.rules) || d.rules.some((x) => typeof x !== 'string')) throw new ConfigError(`${file}: rules: expected an array of rule-pack directories`);
    cfg.rules = (d.rules as string[]).map((r) => path.resolve(path.dirname(file), r));
  }
  return cfg;
}

/** `rule.name=value` from --threshold. */
export function parseThresholdOption(text: string): [string, string, number] {
  const m = /^([a-z0-9-]+)\.(\w+)=(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) throw new ConfigError(`--threshold ${text}: expected <rule-id>.<name>=<number>, e.g. cma.largestAllocationMiB=96`);
  return [m[1]!, m[2]!, Number(m[3])];
}

/** Checks that every override names a known rule and threshold. */
export function checkThresholds(
  thresholds: Record<string, Record<string, number>>,
  known: Map<string, Record<string, number>>,
  where: string,
): void {
  for (const [rule, values] of Object.entries(thresholds)) {
    const defaults = known.get(rule);
    if (!defaults) throw new ConfigError(`${where}: unknown rule "${rule}" (see jetdiag rules)`);
    for (const k of Object.keys(values)) {
      if (!(k in defaults)) {
        throw new ConfigError(`${where}: rule "${rule}" has no threshold "${k}" (it has: ${Object.keys(defaults).join(', ') || 'none'})`);
      }
    }
  }
}
