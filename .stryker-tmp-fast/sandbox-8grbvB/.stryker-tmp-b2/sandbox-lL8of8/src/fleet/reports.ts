/**
 * Writes the fleet outputs from the store: fleet.html, fleet.md, fleet.csv and Parquet
 * exports of the tables (parquet/<table>.parquet) for data teams. `jetdiag batch` calls it
 * after a run; `jetdiag fleet <dir>` alone re-renders.
 */
// @ts-nocheck

// 

import { createWriteStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { loadAcknowledgements } from './ack.js';
import { buildFleetModel, currentRulesetVersion, type FleetModel } from './model.js';
import { CSV_ROWS_SQL } from './queries.js';
import { csvHeader, csvRow } from './render-csv.js';
import { renderFleetHtml } from './render-html.js';
import { renderFleetMarkdown } from './render-md.js';
import type { FleetStore } from './store.js';

export const FLEET_FORMATS = ['html', 'md', 'csv', 'parquet'] as const;
export type FleetFormat = (typeof FLEET_FORMATS)[number];

export interface FleetReportOptions {
  formats?: FleetFormat[];
  since?: Date;
  ackFile?: string;
  now?: Date;
}

const PARQUET_TABLES: Record<string, string> = {
  // result_json stays in the store: the columns say the same, flat.
  bundles: 'SELECT * EXCLUDE (result_json) FROM bundles',
  findings: 'SELECT * FROM findings',
  causes: 'SELECT * FROM causes',
  sources: 'SELECT * FROM sources',
  runs: 'SELECT * FROM runs',
};

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function writeCsv(store: FleetStore, rv: string, file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(csvHeader());
  // Pages, so a store of a million bundles is never one array in memory.
  const page = 5000;
  for (let offset = 0; ; offset += page) {
    const rows = await store.query(`${CSV_ROWS_SQL} LIMIT ${page} OFFSET ${offset}`, { rv });
    for (const r of rows) if (!out.write(csvRow(r))) await new Promise<void>((res) => out.once('drain', () => res()));
    if (rows.length < page) break;
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

export async function writeFleetReports(store: FleetStore, outDir: string, o: FleetReportOptions = {}): Promise<{ model: FleetModel; files: string[] }> {
  const formats = o.formats ?? [...FLEET_FORMATS];
  const acks = loadAcknowledgements(outDir, o.ackFile);
  const model = await buildFleetModel(store, { acks, ...(o.since ? { since: o.since } : {}), ...(o.now ? { now: o.now } : {}) });
  const files: string[] = [];
  const write = async (name: string, body: string) => {
    const f = path.join(outDir, name);
    await fsp.writeFile(f, body);
    files.push(f);
  };
  if (formats.includes('html')) await write('fleet.html', renderFleetHtml(model));
  if (formats.includes('md')) await write('fleet.md', renderFleetMarkdown(model));
  if (formats.includes('csv')) {
    const f = path.join(outDir, 'fleet.csv');
    await writeCsv(store, (await currentRulesetVersion(store)) ?? '', f);
    files.push(f);
  }
  if (formats.includes('parquet')) {
    const dir = path.join(outDir, 'parquet');
    await fsp.mkdir(dir, { recursive: true });
    for (const [table, select] of Object.entries(PARQUET_TABLES)) {
      const f = path.join(dir, `${table}.parquet`);
      await store.exec(`COPY (${select}) TO ${sqlString(f)} (FORMAT parquet)`);
      files.push(f);
    }
  }
  return { model, files };
}
