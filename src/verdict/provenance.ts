/**
 * What a report was made with: the generator and its version, the report schema version, the
 * rule set's version (a hash of the rules and packs used), the configuration file in effect
 * and every setting that differs from the defaults. Two reports with the same provenance were
 * made the same way.
 */
import { VERSION } from '../version.js';
import { SCHEMA_VERSION as SNAPSHOT_SCHEMA_VERSION } from '../snapshot/types.js';
import type { CompiledSignature } from '../rules/signatures/pack.js';
import type { Rule } from '../rules/types.js';
import type { CompiledCause } from '../rules/causes/types.js';
import { packsUsed, ruleSetVersion } from '../rules/ruleset-version.js';

/** Version of schema/report.schema.json; bump on any incompatible change of the JSON report. */
export const REPORT_SCHEMA_VERSION = 1;

export interface Override {
  /** e.g. `thresholds.cma.largestAllocationMiB`, `disabled`, `rules`, `limits.maxFileBytes`. */
  setting: string;
  value: string | number | boolean | string[];
  /** The config file, or the command-line option that set it. */
  from: string;
}

export interface ConfigInEffect {
  /** The configuration file read, or null when none was. */
  file: string | null;
  /** True when the file was found in the working directory rather than given with --config. */
  pickedUp: boolean;
  overrides: Override[];
}

export interface ReportProvenance {
  generator: { name: string; version: string };
  reportSchemaVersion: number;
  snapshotSchemaVersion: number;
  ruleSet: { version: string; rules: number; packs: { pack: string; rules: number }[] };
  config: ConfigInEffect;
}

export const NO_CONFIG: ConfigInEffect = { file: null, pickedUp: false, overrides: [] };

/**
 * The rule set's part is worked out when first read (hashing every rule and signature costs
 * tens of milliseconds): the terminal verdict never reads it, the reports and the fleet store
 * do. It is an enumerable getter at the same place, so JSON and copies are as before.
 */
export function reportProvenance(rules: readonly Rule[], signatures: readonly CompiledSignature[], config: ConfigInEffect = NO_CONFIG, causes?: readonly CompiledCause[]): ReportProvenance {
  let ruleSet: ReportProvenance['ruleSet'] | undefined;
  return {
    generator: { name: 'jetdiag', version: VERSION },
    reportSchemaVersion: REPORT_SCHEMA_VERSION,
    snapshotSchemaVersion: SNAPSHOT_SCHEMA_VERSION,
    get ruleSet() {
      return (ruleSet ??= { version: ruleSetVersion(rules, signatures, { causes }), rules: rules.length, packs: packsUsed(rules) });
    },
    config,
  };
}

/** One line per override, for the reports: `thresholds.cma.largestAllocationMiB = 96 (jetdiag.config.json)`. */
export function describeOverride(o: Override): string {
  return `${o.setting} = ${Array.isArray(o.value) ? o.value.join(', ') : String(o.value)} (${o.from})`;
}
