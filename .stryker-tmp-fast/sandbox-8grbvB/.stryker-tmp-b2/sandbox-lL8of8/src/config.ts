/**
 * jetdiag.config.json: threshold overrides per rule, rules switched off, extra rule-pack
 * directories. Found in the working directory or given with --config; bad files are
 * refused with the field named.
 */
// @ts-nocheck

// 

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { plainReason, UserInputError } from './errors.js';

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
    throw new ConfigError(`${file}: cannot read configuration (${plainReason(e)})`);
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
  const m = /^([a-z0-9-]+)\.(\w+)=(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/i.exec(text.trim());
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
      const wrong = implausibleThreshold(k, values[k]!, defaults[k]!);
      if (wrong) throw new ConfigError(`${where}: ${rule}.${k} = ${values[k]} refused: ${wrong} (default ${defaults[k]})`);
    }
  }
}

/** MAX_ORDER of the buddy allocator is 10 or 11 on the kernels Jetson ships; 12 leaves room. */
const HIGHEST_ORDER = 12;

/**
 * Why a threshold value cannot be meant, judged from its name and default: negative values,
 * percentages above 100, fractions above 1, page orders past the buddy allocator's, and
 * values a thousand times the default (a typo in units, e.g. KiB where MiB is meant).
 */
export function implausibleThreshold(name: string, value: number, dflt: number): string | undefined {
  if (!Number.isFinite(value)) return 'not a number';
  if (value < 0) return 'a threshold cannot be negative';
  if (/Pct/.test(name) && value > 100) return 'a percentage cannot exceed 100';
  if (/Order$/.test(name) && (value > HIGHEST_ORDER || !Number.isInteger(value))) return `a page order is a whole number from 0 to ${HIGHEST_ORDER}`;
  if (dflt > 0 && dflt <= 1 && !/Order$/.test(name) && value > 1) return 'this threshold is a fraction between 0 and 1';
  if (/C$/.test(name) && value > 150) return 'a temperature margin above 150 °C cannot be meant';
  if (dflt >= 1 && value > dflt * 1000) return 'more than a thousand times the default; check the unit in its name';
  return undefined;
}
