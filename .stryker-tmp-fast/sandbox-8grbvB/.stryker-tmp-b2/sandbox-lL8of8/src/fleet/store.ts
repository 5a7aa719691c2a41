/**
 * The fleet store: an embedded DuckDB database in the output folder. Writes are idempotent:
 * a bundle result is keyed by (content hash, rule set version) and upserting it again
 * replaces its rows, so a bundle analysed twice (a re-run, a retried queue job) keeps one.
 * One process writes (the batch coordinator); writes are serialised inside it.
 */
// @ts-nocheck

// 

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { BundleResult } from './result.js';
import { SCHEMA_SQL, STORE_SCHEMA_VERSION } from './store-schema.js';

export const STORE_FILE = 'fleet.duckdb';

export type Row = Record<string, unknown>;
type Param = DuckDBValue | undefined;
/** Positional ($1) or named ($rv) parameters. */
export type Params = Param[] | Record<string, Param>;

/** Named parameters the statement uses (DuckDB refuses a named parameter it does not use). */
function usedParams(sql: string, params: Params): Params {
  if (Array.isArray(params)) return params;
  return Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(sql)));
}

/** DuckDB gives BIGINT as BigInt and TIMESTAMP as Date: plain numbers and ISO strings are easier downstream. */
function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

const STR_LIST = LIST(VARCHAR);

export interface SourceRow {
  path: string;
  kind: string;
  size: number;
  mtimeMs: number;
  files: number;
  contentHash: string;
}

export class FleetStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly file: string,
    private readonly instance: DuckDBInstance,
    private readonly db: DuckDBConnection,
  ) {}

  static async open(dir: string): Promise<FleetStore> {
    await fsp.mkdir(dir, { recursive: true });
    const file = path.join(dir, STORE_FILE);
    const instance = await DuckDBInstance.create(file);
    const db = await instance.connect();
    await db.run(SCHEMA_SQL);
    const v = await db.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
    const found = v.getRowObjectsJS()[0]?.value;
    if (found === undefined) await db.run(`INSERT INTO meta VALUES ('schema_version', $1)`, [String(STORE_SCHEMA_VERSION)]);
    else if (Number(found) !== STORE_SCHEMA_VERSION) {
      throw new Error(`${file}: store schema ${found}, this jetdiag writes ${STORE_SCHEMA_VERSION}; use a new output folder`);
    }
    return new FleetStore(dir, file, instance, db);
  }

  /** Runs one write at a time, in order, whatever the callers' concurrency. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Reads wait for the writes queued before them (one connection, used one statement at a time). */
  query(sql: string, params: Params = [], types?: Record<string, DuckDBType>): Promise<Row[]> {
    return this.serial(async () => {
      const r = await this.db.runAndReadAll(sql, usedParams(sql, params) as DuckDBValue[], types);
      return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    });
  }

  /** Statements run inside the serial queue (for callers that need their own write). */
  exec(sql: string, params: Params = []): Promise<void> {
    return this.serial(async () => {
      await this.db.run(sql, usedParams(sql, params) as DuckDBValue[]);
    });
  }

  upsert(result: BundleResult): Promise<void> {
    return this.upsertMany([result]);
  }

  /** Several results in one transaction (faster than one each); each replaces its earlier rows. */
  upsertMany(results: BundleResult[]): Promise<void> {
    return this.serial(async () => {
      await this.db.run('BEGIN TRANSACTION');
      try {
        for (const r of results) await this.writeOne(r);
        await this.db.run('COMMIT');
      } catch (e) {
        await this.db.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  private async writeOne(r: BundleResult): Promise<void> {
    const key = [r.contentHash || `unreadable:${r.path}`, r.rulesetVersion];
    await this.db.run('DELETE FROM findings WHERE content_hash = $1 AND ruleset_version = $2', key);
    await this.db.run('DELETE FROM causes WHERE content_hash = $1 AND ruleset_version = $2', key);
    const f = r.figures;
    // Column name -> value; lists need their type, timestamps a cast from ISO text.
    const cols: [string, Param, 'list' | 'ts' | undefined][] = [
      ['content_hash', key[0], undefined], ['ruleset_version', key[1], undefined], ['path', r.path, undefined],
      ['device_id', r.deviceId, undefined], ['device_id_source', r.deviceIdSource, undefined],
      ['captured_at', r.capturedAt ?? null, 'ts'], ['captured_at_source', r.capturedAtSource, undefined],
      ['hostname', r.hostname ?? null, undefined], ['board', r.board ?? null, undefined], ['soc', r.soc ?? null, undefined],
      ['l4t', r.l4t ?? null, undefined], ['jetpack', r.jetpack ?? null, undefined], ['kernel', r.kernel ?? null, undefined],
      ['status', r.status, undefined], ['headline', r.headline, undefined], ['error', r.error ?? null, undefined],
      ['top_cause', r.causes[0]?.causeId ?? null, undefined], ['fingerprints', listValue(r.fingerprints), 'list'],
      ['mem_total_mib', f.memTotalMiB ?? null, undefined], ['mem_available_mib', f.memAvailableMiB ?? null, undefined],
      ['cma_total_mib', f.cmaTotalMiB ?? null, undefined], ['cma_free_mib', f.cmaFreeMiB ?? null, undefined],
      ['largest_free_block_mib', f.largestFreeBlockMiB ?? null, undefined], ['peak_temp_c', f.peakTempC ?? null, undefined],
      ['leak_slope_mb_per_h', f.leakSlopeMBPerHour ?? null, undefined], ['uptime_s', f.uptimeSeconds ?? null, undefined],
      ['bundle_problems', r.bundleProblems, undefined], ['bytes', r.bytes, undefined], ['jetdiag_version', r.jetdiagVersion, undefined],
      ['analysed_at', r.analysedAt, 'ts'], ['duration_ms', Math.round(r.durationMs), undefined], ['result_json', JSON.stringify(r), undefined],
    ];
    await this.db.run(
      `INSERT OR REPLACE INTO bundles (${cols.map((c) => c[0]).join(', ')}) VALUES (${cols.map((c, i) => (c[2] === 'ts' ? `$${i + 1}::TIMESTAMP` : `$${i + 1}`)).join(', ')})`,
      cols.map((c) => c[1]) as DuckDBValue[],
      cols.map((c) => (c[2] === 'list' ? STR_LIST : undefined)) as never,
    );
    for (const [ord, x] of r.findings.entries()) {
      await this.db.run(
        'INSERT INTO findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
        [...key, ord, x.stableId, x.ruleId, x.messageId, x.severity, x.confidence, listValue(x.catalogueIds), x.verdict, JSON.stringify(x.figures), x.firstEvidence ?? null],
        [undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, STR_LIST] as never,
      );
    }
    for (const c of r.causes) {
      await this.db.run(
        'INSERT INTO causes VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [...key, c.rank, c.causeId, c.cause, c.confidence, listValue(c.supportingRules), c.fingerprint],
        [undefined, undefined, undefined, undefined, undefined, undefined, STR_LIST] as never,
      );
    }
  }

  /** The stored result for a content hash under a rule set, if any. */
  async get(contentHash: string, rulesetVersion: string): Promise<BundleResult | undefined> {
    const rows = await this.query('SELECT result_json FROM bundles WHERE content_hash = $1 AND ruleset_version = $2', [contentHash, rulesetVersion]);
    return rows[0] ? (JSON.parse(rows[0].result_json as string) as BundleResult) : undefined;
  }

  async has(contentHash: string, rulesetVersion: string): Promise<boolean> {
    const rows = await this.query('SELECT 1 FROM bundles WHERE content_hash = $1 AND ruleset_version = $2', [contentHash, rulesetVersion]);
    return rows.length > 0;
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.closeSync();
    this.instance.closeSync();
  }
}

/** Opens (creating when needed) the store in an output folder. */
export function open(dir: string): Promise<FleetStore> {
  return FleetStore.open(dir);
}
