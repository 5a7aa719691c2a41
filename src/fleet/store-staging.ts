/**
 * Batched writes into the fleet store: result rows are appended (DuckDB appenders, no SQL per
 * row) to temporary staging tables shaped like bundles, findings and causes; MOVE_STAGED_SQL
 * then replaces the rows of every staged key in a few set-based statements. Values are given
 * in the tables' column order (store-schema.ts); each is appended by its column's type.
 */
import { DuckDBTypeId, LIST, VARCHAR, timestampValue, type DuckDBAppender, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { BundleResult } from './result.js';

const STR_LIST = LIST(VARCHAR);
const TABLES = ['bundles', 'findings', 'causes'] as const;
type Table = (typeof TABLES)[number];
type Cell = string | number | string[] | null | undefined;

/** The store key of a result: its content hash, or its path when it could not be read. */
export function storeKey(r: BundleResult): string {
  return r.contentHash || `unreadable:${r.path}`;
}

/**
 * Replaces the stored rows of every staged (content hash, rule set) key; runs inside one
 * transaction. A key already stored keeps its bundle_id (so its finding and cause rows are
 * replaced, not added to); a new key takes the next one, and a device seen for the first time
 * the next device_no. The findings and causes are staged under the bundle key and take the
 * bundle's id on the way in.
 */
export const MOVE_STAGED_SQL = [
  `UPDATE stage_bundles s SET bundle_id = b.bundle_id FROM bundles b
   WHERE b.content_hash = s.content_hash AND b.ruleset_version = s.ruleset_version`,
  `INSERT INTO devices SELECT device_id, nextval('device_nos')
   FROM (SELECT DISTINCT device_id FROM stage_bundles WHERE device_id NOT IN (SELECT device_id FROM devices))`,
  // A new key takes the next id (an id is never given twice; a number the sequence skips is harmless).
  `UPDATE stage_bundles s SET device_no = d.device_no, bundle_id = coalesce(s.bundle_id, nextval('bundle_ids'))
   FROM devices d WHERE d.device_id = s.device_id`,
  // The catalogue ids' counts move by the new findings' ids less those of the findings they replace.
  `INSERT INTO rule_catalogue_ids
   SELECT ruleset_version, rule_id, catalogue_id, sum(n) FROM (
     SELECT ruleset_version, rule_id, unnest(catalogue_ids) AS catalogue_id, 1 AS n FROM stage_findings
     UNION ALL
     SELECT s.ruleset_version, f.rule_id, f.catalogue_id, -1 AS n
     FROM (SELECT bundle_id, rule_id, unnest(catalogue_ids) AS catalogue_id FROM finding_rows
           WHERE bundle_id IN (SELECT bundle_id FROM stage_bundles)) f
     JOIN stage_bundles s ON s.bundle_id = f.bundle_id)
   WHERE catalogue_id IS NOT NULL GROUP BY ALL HAVING sum(n) <> 0
   ON CONFLICT DO UPDATE SET findings = findings + excluded.findings`,
  'DELETE FROM rule_catalogue_ids WHERE findings <= 0',
  'DELETE FROM finding_rows WHERE bundle_id IN (SELECT bundle_id FROM stage_bundles)',
  'DELETE FROM cause_rows WHERE bundle_id IN (SELECT bundle_id FROM stage_bundles)',
  'INSERT OR REPLACE INTO bundles SELECT * FROM stage_bundles',
  `INSERT INTO finding_rows
   SELECT s.bundle_id, f.ord, f.stable_id, f.rule_id, f.message_id, f.severity, f.confidence, f.catalogue_ids, f.verdict, f.figures_json, f.first_evidence
   FROM stage_findings f JOIN stage_bundles s ON s.content_hash = f.content_hash AND s.ruleset_version = f.ruleset_version`,
  `INSERT INTO cause_rows
   SELECT s.bundle_id, c.rank, c.cause_id, c.cause, c.confidence, c.supporting_rules, c.fingerprint
   FROM stage_causes c JOIN stage_bundles s ON s.content_hash = c.content_hash AND s.ruleset_version = c.ruleset_version`,
];

function bundleRow(r: BundleResult): Cell[] {
  const f = r.figures;
  return [
    storeKey(r), r.rulesetVersion, r.path, r.deviceId, r.deviceIdSource, r.capturedAt, r.capturedAtSource,
    r.hostname, r.board, r.soc, r.l4t, r.jetpack, r.kernel, r.status, r.headline, r.error,
    r.causes[0]?.causeId, r.fingerprints,
    f.memTotalMiB, f.memAvailableMiB, f.cmaTotalMiB, f.cmaFreeMiB, f.largestFreeBlockMiB, f.peakTempC,
    f.leakSlopeMBPerHour, f.uptimeSeconds,
    r.bundleProblems, r.bytes, r.jetdiagVersion, r.analysedAt, r.durationMs, JSON.stringify(r),
    null, null, // bundle_id, device_no: given by MOVE_STAGED_SQL
  ];
}

function findingRows(r: BundleResult): Cell[][] {
  const key = storeKey(r);
  return r.findings.map((x, ord) => [
    key, r.rulesetVersion, ord, x.stableId, x.ruleId, x.messageId, x.severity, x.confidence,
    x.catalogueIds, x.verdict, JSON.stringify(x.figures), x.firstEvidence,
  ]);
}

function causeRows(r: BundleResult): Cell[][] {
  const key = storeKey(r);
  return r.causes.map((c) => [key, r.rulesetVersion, c.rank, c.causeId, c.cause, c.confidence, c.supportingRules, c.fingerprint]);
}

type AppendCell = (a: DuckDBAppender, v: NonNullable<Cell>) => void;

function cellAppender(type: DuckDBType, table: string, column: number): AppendCell {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
      return (a, v) => a.appendVarchar(String(v));
    case DuckDBTypeId.DOUBLE:
      return (a, v) => a.appendDouble(Number(v));
    case DuckDBTypeId.INTEGER:
      return (a, v) => a.appendInteger(Math.round(Number(v)));
    case DuckDBTypeId.BIGINT:
      return (a, v) => a.appendBigInt(BigInt(Math.round(Number(v))));
    case DuckDBTypeId.TIMESTAMP:
      // ISO 8601 text (UTC) to microseconds; an unreadable time is stored as unknown.
      return (a, v) => {
        const ms = Date.parse(String(v));
        if (Number.isFinite(ms)) a.appendTimestamp(timestampValue(BigInt(ms) * 1000n));
        else a.appendNull();
      };
    case DuckDBTypeId.LIST:
      return (a, v) => a.appendList(v as string[], STR_LIST);
    default:
      throw new Error(`fleet store: ${table} column ${column + 1} has a type the staging writer does not handle`);
  }
}

class TableStage {
  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly cells: AppendCell[],
    private readonly table: string,
  ) {}

  static async create(db: DuckDBConnection, table: Table): Promise<TableStage> {
    // Shaped as bundles, and as the findings and causes views without their bundle_id.
    const columns = table === 'bundles' ? '*' : '* EXCLUDE (bundle_id)';
    await db.run(`CREATE TEMP TABLE IF NOT EXISTS stage_${table} AS SELECT ${columns} FROM ${table} LIMIT 0`);
    const appender = await db.createAppender(`stage_${table}`, 'main', 'temp');
    const cells = Array.from({ length: appender.columnCount }, (_, i) => cellAppender(appender.columnType(i), table, i));
    return new TableStage(appender, cells, table);
  }

  append(row: Cell[]): void {
    if (row.length !== this.cells.length) throw new Error(`fleet store: ${row.length} values for the ${this.cells.length} columns of ${this.table}`);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || v === undefined) this.appender.appendNull();
      else this.cells[i]!(this.appender, v);
    }
    this.appender.endRow();
  }

  flush(): void {
    this.appender.flushSync();
  }

  /** Drops rows appended but not flushed (a half-appended row after an error). */
  discard(): void {
    this.appender.clear();
  }

  close(): void {
    this.appender.closeSync();
  }
}

export class Staging {
  private constructor(
    private readonly db: DuckDBConnection,
    private readonly tables: Record<Table, TableStage>,
  ) {}

  static async create(db: DuckDBConnection): Promise<Staging> {
    const tables = {} as Record<Table, TableStage>;
    for (const t of TABLES) tables[t] = await TableStage.create(db, t);
    return new Staging(db, tables);
  }

  /** Stages the rows of these results (one result per key: the caller dedupes). */
  append(results: BundleResult[]): void {
    try {
      for (const r of results) {
        this.tables.bundles.append(bundleRow(r));
        for (const row of findingRows(r)) this.tables.findings.append(row);
        for (const row of causeRows(r)) this.tables.causes.append(row);
      }
      for (const t of TABLES) this.tables[t].flush();
    } catch (e) {
      for (const t of TABLES) this.tables[t].discard();
      throw e;
    }
  }

  async clear(): Promise<void> {
    for (const t of TABLES) await this.db.run(`DELETE FROM stage_${t}`);
  }

  close(): void {
    for (const t of TABLES) this.tables[t].close();
  }
}
