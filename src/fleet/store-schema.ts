/**
 * The fleet store's tables (DuckDB, `<output>/fleet.duckdb`). Documented for data teams in
 * the README; Parquet exports carry the same columns. Times are UTC.
 *
 * - bundles: one row per analysed bundle content per rule set, key (content_hash, ruleset_version),
 *   with an integer surrogate `bundle_id` (kept when the same key is written again) and the
 *   device's `device_no`.
 * - devices: device id -> device_no (integer surrogate, assigned on first sight, never reused).
 * - finding_rows / cause_rows: the findings and ranked root causes of each bundle row, keyed by
 *   bundle_id (+ ord / rank). The views `findings` and `causes` give them with the bundle key
 *   (content_hash, ruleset_version) as in schema 1.
 * - rule_catalogue_ids: per rule set and rule, the catalogue ids its findings report, with how
 *   many findings report each (kept at write time, as an issue tracker keeps its grouped counts:
 *   a rewritten bundle takes its old findings' counts off before adding its new ones).
 * - sources: every bundle path seen, its last stat signature and content hash (lets a re-run
 *   skip unchanged bundles without reading them).
 * - runs: one row per `jetdiag batch` run; run_fingerprints: the issue fingerprints of the
 *   fleet as each run left it (what "new since the previous run" compares against).
 *
 * Why integer keys: the fleet report joins a million findings to their bundles and counts
 * devices per rule and per issue; on 64-character content hashes and device id strings those
 * joins and distinct counts were most of its time (1 M-row bench).
 */
export const STORE_SCHEMA_VERSION = 2;

/** Tables of schema 2 (every statement IF NOT EXISTS: run at each open of a schema 2 store). */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS bundle_ids START 1;
CREATE SEQUENCE IF NOT EXISTS device_nos START 1;
CREATE TABLE IF NOT EXISTS bundles (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  device_id VARCHAR NOT NULL,
  device_id_source VARCHAR NOT NULL,
  captured_at TIMESTAMP,
  captured_at_source VARCHAR NOT NULL,
  hostname VARCHAR,
  board VARCHAR,
  soc VARCHAR,
  l4t VARCHAR,
  jetpack VARCHAR,
  kernel VARCHAR,
  status VARCHAR NOT NULL,
  headline VARCHAR,
  error VARCHAR,
  top_cause VARCHAR,
  fingerprints VARCHAR[],
  mem_total_mib DOUBLE,
  mem_available_mib DOUBLE,
  cma_total_mib DOUBLE,
  cma_free_mib DOUBLE,
  largest_free_block_mib DOUBLE,
  peak_temp_c DOUBLE,
  leak_slope_mb_per_h DOUBLE,
  uptime_s DOUBLE,
  bundle_problems INTEGER,
  bytes BIGINT,
  jetdiag_version VARCHAR,
  analysed_at TIMESTAMP,
  duration_ms INTEGER,
  result_json VARCHAR NOT NULL,
  bundle_id INTEGER,
  device_no INTEGER,
  PRIMARY KEY (content_hash, ruleset_version)
);
CREATE TABLE IF NOT EXISTS devices (device_id VARCHAR PRIMARY KEY, device_no INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS finding_rows (
  bundle_id INTEGER NOT NULL,
  ord INTEGER NOT NULL,
  stable_id VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  message_id VARCHAR,
  severity VARCHAR NOT NULL,
  confidence DOUBLE,
  catalogue_ids VARCHAR[],
  verdict VARCHAR,
  figures_json VARCHAR,
  first_evidence VARCHAR
);
CREATE TABLE IF NOT EXISTS cause_rows (
  bundle_id INTEGER NOT NULL,
  rank INTEGER NOT NULL,
  cause_id VARCHAR NOT NULL,
  cause VARCHAR,
  confidence DOUBLE,
  supporting_rules VARCHAR[],
  fingerprint VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS rule_catalogue_ids (
  ruleset_version VARCHAR NOT NULL,
  rule_id VARCHAR NOT NULL,
  catalogue_id VARCHAR NOT NULL,
  findings BIGINT NOT NULL,
  PRIMARY KEY (ruleset_version, rule_id, catalogue_id)
);
CREATE VIEW IF NOT EXISTS findings AS
  SELECT b.content_hash, b.ruleset_version, f.ord, f.stable_id, f.rule_id, f.message_id, f.severity, f.confidence,
    f.catalogue_ids, f.verdict, f.figures_json, f.first_evidence, f.bundle_id
  FROM finding_rows f JOIN bundles b ON b.bundle_id = f.bundle_id;
CREATE VIEW IF NOT EXISTS causes AS
  SELECT b.content_hash, b.ruleset_version, c.rank, c.cause_id, c.cause, c.confidence, c.supporting_rules, c.fingerprint, c.bundle_id
  FROM cause_rows c JOIN bundles b ON b.bundle_id = c.bundle_id;
CREATE TABLE IF NOT EXISTS sources (
  path VARCHAR PRIMARY KEY,
  kind VARCHAR,
  size BIGINT,
  mtime_ms BIGINT,
  files INTEGER,
  content_hash VARCHAR,
  first_seen_run INTEGER,
  last_seen_run INTEGER
);
CREATE TABLE IF NOT EXISTS runs (
  run_id INTEGER PRIMARY KEY,
  started_at TIMESTAMP,
  finished_at TIMESTAMP,
  ruleset_version VARCHAR,
  state VARCHAR,
  discovered INTEGER,
  analysed INTEGER,
  reused INTEGER,
  failed INTEGER
);
CREATE TABLE IF NOT EXISTS run_fingerprints (run_id INTEGER, fingerprint VARCHAR, PRIMARY KEY (run_id, fingerprint));
`;

/**
 * Schema 1 -> 2, in place; the caller runs it in one transaction with SCHEMA_SQL after it.
 * bundles gain bundle_id (numbered in order of analysis) and device_no (devices numbered by
 * id); the findings and causes tables are renamed aside, SCHEMA_SQL then creates finding_rows,
 * cause_rows and the views of the old shape, and MIGRATE_1_TO_2_AFTER_SQL copies the rows
 * across and REBUILD_RULE_CATALOGUE_SQL counts the catalogue ids. The sequences continue after
 * the numbers given here. About 5-10 s for a million findings.
 */
export function migrate1To2Sql(counts: { bundles: number; devices: number }): string[] {
  return [
    'ALTER TABLE bundles ADD COLUMN bundle_id INTEGER',
    'ALTER TABLE bundles ADD COLUMN device_no INTEGER',
    'CREATE TABLE devices (device_id VARCHAR PRIMARY KEY, device_no INTEGER NOT NULL)',
    'INSERT INTO devices SELECT device_id, row_number() OVER (ORDER BY device_id) FROM (SELECT DISTINCT device_id FROM bundles)',
    `UPDATE bundles b SET bundle_id = n.id, device_no = d.device_no
     FROM (SELECT content_hash, ruleset_version, row_number() OVER (ORDER BY analysed_at, content_hash, ruleset_version) AS id FROM bundles) n, devices d
     WHERE n.content_hash = b.content_hash AND n.ruleset_version = b.ruleset_version AND d.device_id = b.device_id`,
    `CREATE SEQUENCE bundle_ids START ${Math.trunc(counts.bundles) + 1}`,
    `CREATE SEQUENCE device_nos START ${Math.trunc(counts.devices) + 1}`,
    'ALTER TABLE findings RENAME TO findings_v1',
    'ALTER TABLE causes RENAME TO causes_v1',
  ];
}

export const MIGRATE_1_TO_2_AFTER_SQL = [
  `INSERT INTO finding_rows
   SELECT b.bundle_id, f.ord, f.stable_id, f.rule_id, f.message_id, f.severity, f.confidence, f.catalogue_ids, f.verdict, f.figures_json, f.first_evidence
   FROM findings_v1 f JOIN bundles b ON b.content_hash = f.content_hash AND b.ruleset_version = f.ruleset_version`,
  `INSERT INTO cause_rows
   SELECT b.bundle_id, c.rank, c.cause_id, c.cause, c.confidence, c.supporting_rules, c.fingerprint
   FROM causes_v1 c JOIN bundles b ON b.content_hash = c.content_hash AND b.ruleset_version = c.ruleset_version`,
  'DROP TABLE findings_v1',
  'DROP TABLE causes_v1',
];

/** rule_catalogue_ids worked out again from every finding row (the upgrade from schema 1 fills it so). */
export const REBUILD_RULE_CATALOGUE_SQL = [
  'DELETE FROM rule_catalogue_ids',
  `INSERT INTO rule_catalogue_ids
   SELECT b.ruleset_version, f.rule_id, f.catalogue_id, count(*)
   FROM (SELECT bundle_id, rule_id, unnest(catalogue_ids) AS catalogue_id FROM finding_rows) f JOIN bundles b ON b.bundle_id = f.bundle_id
   WHERE f.catalogue_id IS NOT NULL GROUP BY ALL`,
];
