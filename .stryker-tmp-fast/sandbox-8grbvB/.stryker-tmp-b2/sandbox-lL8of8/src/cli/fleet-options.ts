/** Options, summary and exit codes shared by `jetdiag batch` and `jetdiag fleet`. */
// @ts-nocheck

// 

import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { SEVERITIES, type Severity } from '../rules/types.js';
import type { BatchSummary } from '../fleet/batch.js';
import type { FleetModel } from '../fleet/model.js';
import { plural } from '../fleet/format.js';
import type { FleetFormat } from '../fleet/reports.js';
import type { FleetStore } from '../fleet/store.js';
import { EXIT_FINDINGS, EXIT_INCONCLUSIVE } from './output.js';

// 3 means "inconclusive" for every command (`analyze --fail-inconclusive` too), so a
// pipeline reads one table; bundles that could not be read at all are 4.
export const EXIT_BUNDLES_FAILED = 4;
export const EXIT_INTERRUPTED = 130;
const FLEET_FORMATS: FleetFormat[] = ['html', 'md', 'csv', 'parquet'];

export function fleetFormatsOption(v: string): FleetFormat[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(FLEET_FORMATS as string[]).includes(f)) throw new InvalidArgumentError(`unknown fleet format "${f}" (choose from ${FLEET_FORMATS.join(', ')})`);
  return list as FleetFormat[];
}

export function dateOption(v: string): Date {
  const t = Date.parse(v);
  if (!Number.isFinite(t)) throw new InvalidArgumentError(`expected a date like 2026-11-30 or 2026-11-30T10:00Z, got "${v}"`);
  return new Date(t);
}

export function printFleetSummary(m: FleetModel, files: string[], o: { summary?: BatchSummary; seconds?: number; outDir: string }): void {
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const s = o.summary;
  const lines: string[] = [];
  if (s) {
    lines.push(`jetdiag batch: ${s.discovered} bundles: ${s.analysed} analysed, ${s.reused} unchanged, ${s.failed} failed${o.seconds !== undefined ? ` in ${o.seconds.toFixed(1)} s` : ''}${s.interrupted ? ' (interrupted: run again to resume)' : ''}`);
    for (const k of s.skipped.slice(0, 10)) lines.push(`  skipped ${k.path}: ${k.reason}`);
    for (const f of s.failures.slice(0, 10)) lines.push(`  failed ${f.path}: ${f.error}`);
    if (s.failures.length > 10) lines.push(`  … ${s.failures.length - 10} more failures in fleet.csv`);
  }
  const t = m.totals;
  lines.push(`fleet: ${t.bundles} bundles from ${t.devices} devices: ${t.problems} with problems, ${t.healthy} healthy, ${t.inconclusive} inconclusive, ${t.failed} unreadable`);
  lines.push(`${m.issues.length} issues (${m.issues.filter((i) => i.isNew).length} new, ${m.issues.filter((i) => i.regressedDevices.length).length} regressed)${m.muted.length ? `, ${m.muted.length} muted` : ''}`);
  for (const i of m.issues.slice(0, 5)) lines.push(`  ${i.isNew ? 'NEW ' : ''}${i.title}: ${plural(i.devices, 'device')}, ${plural(i.bundles, 'bundle')}`);
  lines.push(`reports: ${files.filter((f) => !f.endsWith('.parquet')).map(rel).join(', ')}${files.some((f) => f.endsWith('.parquet')) ? `, ${rel(path.join(o.outDir, 'parquet'))}/*.parquet` : ''}`);
  process.stdout.write(lines.join('\n') + '\n');
}

/** Exit 1 when a bundle of the fleet has a finding at or above the severity. */
export async function failOnExit(store: FleetStore, failOn: Severity): Promise<void> {
  const [{ FLEET_BUNDLES_SQL }, { currentRulesetVersion }] = await Promise.all([import('../fleet/queries.js'), import('../fleet/model.js')]);
  const severities = SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).map((s) => `'${s}'`).join(', ');
  const rv = (await currentRulesetVersion(store)) ?? '';
  const [row] = await store.query(
    `WITH fb AS (${FLEET_BUNDLES_SQL}) SELECT count(*) AS n FROM findings f JOIN fb USING (content_hash, ruleset_version) WHERE f.severity IN (${severities})`,
    { rv },
  );
  if (Number(row?.n ?? 0) > 0) process.exitCode = EXIT_FINDINGS;
}

/** Exit 3 when a bundle of the fleet (its latest analysis) is inconclusive. */
export async function failInconclusiveExit(store: FleetStore): Promise<number> {
  const [{ FLEET_BUNDLES_SQL }, { currentRulesetVersion }] = await Promise.all([import('../fleet/queries.js'), import('../fleet/model.js')]);
  const rv = (await currentRulesetVersion(store)) ?? '';
  const [row] = await store.query(`WITH fb AS (${FLEET_BUNDLES_SQL}) SELECT count(*) AS n FROM fb WHERE status = 'inconclusive'`, { rv });
  const n = Number(row?.n ?? 0);
  if (n > 0) process.exitCode = EXIT_INCONCLUSIVE;
  return n;
}
