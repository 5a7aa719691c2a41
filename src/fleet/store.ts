/**
 * The fleet store: an embedded DuckDB database in the output folder. Writes are idempotent:
 * a bundle result is keyed by (content hash, rule set version) and upserting it again
 * replaces its rows, so a bundle analysed twice (a re-run, a retried queue job) keeps one.
 * One process writes (the batch coordinator); writes are serialised inside it.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { BundleResult } from './result.js';
import { MIGRATE_1_TO_2_AFTER_SQL, REBUILD_RULE_CATALOGUE_SQL, SCHEMA_SQL, STORE_SCHEMA_VERSION, migrate1To2Sql } from './store-schema.js';
import { MOVE_STAGED_SQL, Staging, storeKey } from './store-staging.js';

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

export interface SourceRow {
  path: string;
  kind: string;
  size: number;
  mtimeMs: number;
  files: number;
  contentHash: string;
}

async function readAll(db: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

/**
 * Creates the tables of a new store, or upgrades a store of an earlier schema in place (one
 * transaction: an interrupted upgrade leaves the store as it was). A store of a later schema
 * than this jetdiag knows is refused.
 */
async function prepareSchema(db: DuckDBConnection, file: string): Promise<void> {
  await db.run('CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)');
  const [v] = await readAll(db, `SELECT value FROM meta WHERE key = 'schema_version'`);
  const found = v ? Number(v.value) : undefined;
  if (found === STORE_SCHEMA_VERSION) return db.run(SCHEMA_SQL).then(() => undefined);
  if (found !== undefined && found !== 1) {
    throw new Error(`${file}: store schema ${String(v!.value)}, this jetdiag reads ${STORE_SCHEMA_VERSION} (and upgrades 1); use a new output folder`);
  }
  await db.run('BEGIN TRANSACTION');
  try {
    if (found === 1) {
      const [n] = await readAll(db, 'SELECT count(*) AS bundles, count(DISTINCT device_id) AS devices FROM bundles');
      for (const sql of migrate1To2Sql({ bundles: Number(n!.bundles), devices: Number(n!.devices) })) await db.run(sql);
      await db.run(SCHEMA_SQL);
      for (const sql of [...MIGRATE_1_TO_2_AFTER_SQL, ...REBUILD_RULE_CATALOGUE_SQL]) await db.run(sql);
      await db.run(`UPDATE meta SET value = $1 WHERE key = 'schema_version'`, [String(STORE_SCHEMA_VERSION)]);
    } else {
      await db.run(SCHEMA_SQL);
      await db.run(`INSERT INTO meta VALUES ('schema_version', $1)`, [String(STORE_SCHEMA_VERSION)]);
    }
    await db.run('COMMIT');
  } catch (e) {
    await db.run('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

export class FleetStore {
  private queue: Promise<unknown> = Promise.resolve();
  private stage: Staging | undefined;
  /** A second connection for reads beside the main one's (sideQuery), opened on first use. */
  private side: Promise<DuckDBConnection> | undefined;
  private sideQueue: Promise<unknown> = Promise.resolve();

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
    try {
      await prepareSchema(db, file);
    } catch (e) {
      db.closeSync();
      instance.closeSync();
      throw e;
    }
    return new FleetStore(dir, file, instance, db);
  }

  /** Runs one write at a time, in order, whatever the callers' concurrency. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * When set, every statement's SQL, connection and time (from its start on its connection to
   * its rows read) is added here: the fleet bench prints it per query.
   */
  statementLog: { sql: string; connection: 'main' | 'side'; ms: number }[] | undefined;

  private async timed<T>(sql: string, connection: 'main' | 'side', fn: () => Promise<T>): Promise<T> {
    if (!this.statementLog) return fn();
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.statementLog.push({ sql, connection, ms: performance.now() - t0 });
    }
  }

  /** Reads wait for the writes queued before them (one connection, used one statement at a time). */
  query(sql: string, params: Params = [], types?: Record<string, DuckDBType>): Promise<Row[]> {
    return this.serial(() =>
      this.timed(sql, 'main', async () => {
        const r = await this.db.runAndReadAll(sql, usedParams(sql, params) as DuckDBValue[], types);
        return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
      }),
    );
  }

  /**
   * A read on a second connection, so that it runs beside the main connection's statements
   * (the fleet report's queries over the findings table take a core of their own while the
   * bundle queries run). It starts after the writes queued before it; side reads run one at a
   * time. It does not see the main connection's temporary tables.
   */
  sideQuery(sql: string, params: Params = [], types?: Record<string, DuckDBType>): Promise<Row[]> {
    const after = this.queue;
    const run = async () => {
      await after.catch(() => undefined);
      const db = await (this.side ??= this.instance.connect());
      return this.timed(sql, 'side', async () => {
        const r = await db.runAndReadAll(sql, usedParams(sql, params) as DuckDBValue[], types);
        return r.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
      });
    };
    const next = this.sideQueue.then(run, run);
    this.sideQueue = next.catch(() => undefined);
    return next;
  }

  /** Statements run inside the serial queue (for callers that need their own write). */
  exec(sql: string, params: Params = []): Promise<void> {
    return this.serial(() =>
      this.timed(sql, 'main', async () => {
        await this.db.run(sql, usedParams(sql, params) as DuckDBValue[]);
      }),
    );
  }

  upsert(result: BundleResult): Promise<void> {
    return this.upsertMany([result]);
  }

  /**
   * Several results in one transaction, each replacing its earlier rows. The rows go through
   * appenders into temporary staging tables, then a handful of set-based statements move them:
   * a few statements per batch instead of a dozen parsed and planned per bundle (those were
   * most of the coordinator's CPU in a batch run).
   */
  upsertMany(results: BundleResult[]): Promise<void> {
    // One result per key (the last): a batch may hold the same content twice (two paths, a retried job).
    const byKey = new Map(results.map((r) => [`${storeKey(r)}\0${r.rulesetVersion}`, r]));
    if (!byKey.size) return Promise.resolve();
    return this.serial(async () => {
      const stage = (this.stage ??= await Staging.create(this.db));
      try {
        stage.append([...byKey.values()]);
        await this.db.run('BEGIN TRANSACTION');
        try {
          for (const sql of MOVE_STAGED_SQL) await this.db.run(sql);
          await this.db.run('COMMIT');
        } catch (e) {
          await this.db.run('ROLLBACK').catch(() => undefined);
          throw e;
        }
      } finally {
        await stage.clear().catch(() => undefined);
      }
    });
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
    await this.sideQueue;
    if (this.side) (await this.side).closeSync();
    this.stage?.close();
    this.db.closeSync();
    this.instance.closeSync();
  }
}

/** Opens (creating when needed) the store in an output folder. */
export function open(dir: string): Promise<FleetStore> {
  return FleetStore.open(dir);
}
