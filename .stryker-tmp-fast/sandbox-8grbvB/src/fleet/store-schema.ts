/**
 * The fleet store's tables (DuckDB, `<output>/fleet.duckdb`). Documented for data teams in
 * the README; Parquet exports carry the same columns. Times are UTC.
 *
 * - bundles: one row per analysed bundle content per rule set, key (content_hash, ruleset_version).
 * - findings: the findings of each bundle row (same key + ord).
 * - causes: the ranked root causes of each bundle row (same key + rank).
 * - sources: every bundle path seen, its last stat signature and content hash (lets a re-run
 *   skip unchanged bundles without reading them).
 * - runs: one row per `jetdiag batch` run; run_fingerprints: the issue fingerprints of the
 *   fleet as each run left it (what "new since the previous run" compares against).
 */
// @ts-nocheck

export const STORE_SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
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
  PRIMARY KEY (content_hash, ruleset_version)
);
CREATE TABLE IF NOT EXISTS findings (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
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
CREATE TABLE IF NOT EXISTS causes (
  content_hash VARCHAR NOT NULL,
  ruleset_version VARCHAR NOT NULL,
  rank INTEGER NOT NULL,
  cause_id VARCHAR NOT NULL,
  cause VARCHAR,
  confidence DOUBLE,
  supporting_rules VARCHAR[],
  fingerprint VARCHAR NOT NULL
);
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
