/**
 * The SQL behind the fleet report, in one place. Every query reads the fleet as the store
 * holds it for one rule set version ($rv): each bundle content once, however many paths
 * held it. Devices' uploads are ordered by capture time (analysis time when unknown).
 */
export const FLEET_BUNDLES_SQL = `
  SELECT b.* EXCLUDE (result_json), coalesce(b.captured_at, b.analysed_at) AS seen_at
  FROM bundles b
  WHERE b.ruleset_version = $rv AND b.content_hash IN (SELECT content_hash FROM sources)`;

/**
 * The report's queries read the fleet from a table filled once per report
 * (MATERIALISE_FLEET_SQL) instead of filtering the bundles again in each query. It keeps
 * only the columns the report reads: the identity and provenance columns nobody reads here
 * are long strings that cost time to copy (1 M-row bench). The table lives in an in-memory
 * database attached for the report (FLEET_NOW), not in the store and not as a connection's
 * temporary table, so that both of the store's connections read it.
 */
export const REPORT_DB = 'jetdiag_report';
export const FLEET_NOW = `${REPORT_DB}.fleet_now`;
export const ATTACH_REPORT_DB_SQL = `ATTACH IF NOT EXISTS ':memory:' AS ${REPORT_DB}`;
export const DROP_FLEET_NOW_SQL = `DROP TABLE IF EXISTS ${FLEET_NOW}`;
export const MATERIALISE_FLEET_SQL = `CREATE OR REPLACE TABLE ${FLEET_NOW} AS
  SELECT b.content_hash, b.ruleset_version, b.path, b.device_id, b.captured_at, b.analysed_at, b.board, b.l4t, b.status,
    b.headline, b.error, b.fingerprints, b.mem_total_mib, b.mem_available_mib, b.cma_total_mib, b.cma_free_mib,
    b.largest_free_block_mib, b.peak_temp_c, b.leak_slope_mb_per_h, b.uptime_s, coalesce(b.captured_at, b.analysed_at) AS seen_at
  FROM bundles b
  WHERE b.ruleset_version = $rv AND b.content_hash IN (SELECT content_hash FROM sources)`;
const FB = `fb AS (SELECT * FROM ${FLEET_NOW})`;

export const TOTALS_SQL = `WITH ${FB}
  SELECT count(*) AS bundles, count(DISTINCT device_id) AS devices,
    count(*) FILTER (WHERE status = 'problems') AS problems,
    count(*) FILTER (WHERE status = 'healthy') AS healthy,
    count(*) FILTER (WHERE status = 'inconclusive') AS inconclusive,
    count(*) FILTER (WHERE status = 'failed') AS failed,
    min(seen_at) AS first_upload, max(seen_at) AS last_upload
  FROM fb`;

/** Issues: one row per fingerprint with its reach and first/last sighting. */
export const ISSUES_SQL = `WITH ${FB}, hits AS (SELECT device_id, seen_at, headline, path, fp FROM fb, unnest(fb.fingerprints) AS t(fp))
  SELECT fp AS fingerprint, count(DISTINCT device_id) AS devices, count(*) AS bundles,
    min(seen_at) AS first_seen, max(seen_at) AS last_seen,
    arg_max(headline, seen_at) AS example, arg_max(path, seen_at) AS example_path
  FROM hits GROUP BY fp ORDER BY devices DESC, bundles DESC, fp`;

/** Each issue's bundles and devices by board and by L4T release, in one pass. */
export const ISSUES_BREAKDOWN_SQL = `WITH ${FB}, hits AS (SELECT device_id, board, l4t, fp FROM fb, unnest(fb.fingerprints) AS t(fp))
  SELECT fp AS fingerprint, CASE WHEN GROUPING(board) = 0 THEN 'board' ELSE 'release' END AS dimension,
    CASE WHEN GROUPING(board) = 0 THEN coalesce(board, 'unknown board') ELSE coalesce('L4T ' || l4t, 'unknown release') END AS key,
    count(*) AS bundles, count(DISTINCT device_id) AS devices
  FROM hits GROUP BY GROUPING SETS ((fp, board), (fp, l4t)) ORDER BY fingerprint, dimension, bundles DESC, key`;

/** Names of the causes behind fingerprints (a finding fingerprint has none). */
export const CAUSE_NAMES_SQL = `SELECT DISTINCT cause_id, cause FROM causes WHERE ruleset_version = $rv`;

/**
 * Regressions: a fingerprint present on an upload of a device, absent on a later one, then
 * present again: its uploads' positions in the device's history are not consecutive. For each
 * (device, fingerprint) the last time it came back. Reads only the hits, no grid.
 *
 * One row per fingerprint, its devices as one JSON text ([{d: device id, t: back at, epoch
 * ms}] by device id): a fleet can have tens of thousands of such pairs, and the client pays
 * per value it reads (24,000 rows of four columns took longer to read than to compute).
 */
export const REGRESSIONS_SQL = `WITH ${FB},
  up AS (SELECT device_id, seen_at, fingerprints,
           row_number() OVER (PARTITION BY device_id ORDER BY seen_at, content_hash) AS n FROM fb),
  hits AS (SELECT device_id, fp, seen_at, n - lag(n) OVER (PARTITION BY device_id, fp ORDER BY n) AS step
           FROM up, unnest(up.fingerprints) AS t(fp)),
  back AS (SELECT fp, device_id, max(seen_at) AS back_at FROM hits WHERE step > 1 GROUP BY ALL)
  SELECT fp AS fingerprint, to_json(list({d: device_id, t: epoch_ms(back_at)} ORDER BY device_id))::VARCHAR AS devices_json
  FROM back GROUP BY fp ORDER BY fp`;

/** The bundles that could not be analysed (the first 1000 by path). */
export const FAILED_SQL = `SELECT path, error FROM ${FLEET_NOW} WHERE status = 'failed' ORDER BY path LIMIT 1000`;

/** Fingerprints of the previous complete run (the baseline for "new"). */
export const PREVIOUS_FINGERPRINTS_SQL = `
  SELECT fingerprint FROM run_fingerprints
  WHERE run_id = (SELECT max(run_id) FROM runs WHERE run_id < $run AND state = 'complete')`;

export const RUNS_SQL = `SELECT * FROM runs ORDER BY run_id DESC LIMIT 2`;

/**
 * Systems affected per rule (Insights Advisor style), over the findings table: findings are
 * first reduced to one row per (rule, bundle), then joined to the fleet's bundles. It reads the
 * fleet's keys itself rather than FLEET_NOW, so it can run on the store's side connection
 * beside the bundle queries.
 */
export const RULES_SQL = `WITH fb AS (
    SELECT content_hash, device_id FROM bundles
    WHERE ruleset_version = $rv AND content_hash IN (SELECT content_hash FROM sources)),
  per_bundle AS (SELECT rule_id, content_hash, count(*) AS n,
      min(CASE severity WHEN 'critical' THEN 1 WHEN 'error' THEN 2 WHEN 'warning' THEN 3 ELSE 4 END) AS worst
    FROM findings WHERE ruleset_version = $rv GROUP BY rule_id, content_hash)
  SELECT p.rule_id, count(DISTINCT fb.device_id) AS devices, count(*) AS bundles, sum(p.n) AS findings, min(p.worst) AS worst
  FROM per_bundle p JOIN fb ON p.content_hash = fb.content_hash
  GROUP BY p.rule_id ORDER BY worst, devices DESC, bundles DESC, p.rule_id`;

/** The catalogue ids each rule's findings rested on. */
export const RULE_CATALOGUE_SQL = `
  SELECT rule_id, list_sort(list(DISTINCT c)) AS catalogue_ids
  FROM (SELECT rule_id, unnest(catalogue_ids) AS c FROM findings WHERE ruleset_version = $rv) GROUP BY rule_id`;

export const CMA_BY_BOARD_SQL = `WITH ${FB}
  SELECT coalesce(board, 'unknown board') AS board, count(*) AS bundles,
    min(cma_total_mib) AS min, median(cma_total_mib) AS median, max(cma_total_mib) AS max
  FROM fb WHERE cma_total_mib IS NOT NULL GROUP BY ALL ORDER BY bundles DESC`;

export const UPTIME_AT_FAILURE_SQL = `WITH ${FB}
  SELECT CASE WHEN uptime_s < 3600 THEN 0 WHEN uptime_s < 6 * 3600 THEN 1 WHEN uptime_s < 24 * 3600 THEN 2
              WHEN uptime_s < 7 * 86400 THEN 3 ELSE 4 END AS bucket, count(*) AS bundles
  FROM fb WHERE status = 'problems' AND uptime_s IS NOT NULL GROUP BY ALL ORDER BY bucket`;
export const UPTIME_BUCKETS = ['under 1 h', '1-6 h', '6-24 h', '1-7 days', 'over 7 days'];

/** The first $limit devices by how many of their uploads have problems, then name. */
export const DEVICES_SQL = `WITH ${FB}
  SELECT device_id, count(*) AS uploads, count(*) FILTER (WHERE status = 'problems') AS problem_uploads,
    arg_max(board, seen_at) AS board, arg_max(l4t, seen_at) AS l4t, arg_max(status, seen_at) AS last_status, max(seen_at) AS last_at
  FROM fb GROUP BY device_id ORDER BY problem_uploads DESC, device_id LIMIT $limit`;

/** Key figure columns of FLEET_NOW, in the order DEVICE_TIMELINES_SQL lists them (as KEY_FIGURES' keys). */
export const TIMELINE_FIGURE_COLUMNS = [
  ['memTotalMiB', 'mem_total_mib'],
  ['memAvailableMiB', 'mem_available_mib'],
  ['cmaTotalMiB', 'cma_total_mib'],
  ['cmaFreeMiB', 'cma_free_mib'],
  ['largestFreeBlockMiB', 'largest_free_block_mib'],
  ['peakTempC', 'peak_temp_c'],
  ['leakSlopeMBPerHour', 'leak_slope_mb_per_h'],
  ['uptimeSeconds', 'uptime_s'],
] as const;
const FIGURES_LIST = TIMELINE_FIGURE_COLUMNS.map(([, c]) => `CASE WHEN isfinite(up.${c}) THEN up.${c} END`).join(', ');
const NONFINITE_BITS = TIMELINE_FIGURE_COLUMNS.map(([, c], i) => `CASE WHEN NOT isfinite(up.${c}) THEN ${1 << i} ELSE 0 END`).join(' + ');

/**
 * The uploads of some devices ($devices), oldest first, with what a timeline and its diffs
 * read of each result: the bundle's columns, its findings (findings table, in order) and its
 * first cause's name (causes table, rank 0). Not result_json: the whole results are a few KB
 * each and a device's uploads lie all over the table, so reading them for 300 devices read
 * the whole column (1 M-row bench: over a second, most of the fleet model).
 *
 * One JSON text per upload (the client pays per value it reads): p path, s status,
 * h headline, e error, fp fingerprints, ca/aa captured/analysed at (epoch ms), tc top cause,
 * fig the key figures (TIMELINE_FIGURE_COLUMNS; null when unknown or not finite), nf a bit
 * per figure that is stored but not finite (a result's JSON holds those as null), f findings
 * (null when none; unordered, each with its ord, and its figures as the stored JSON text:
 * ordering the list and re-encoding the figures in SQL cost more than the rest of the query).
 */
export const DEVICE_TIMELINES_SQL = `WITH
  up AS (SELECT * FROM ${FLEET_NOW} WHERE device_id IN (SELECT unnest($devices))),
  f AS (SELECT content_hash, list({stableId: stable_id, ruleId: rule_id, messageId: message_id, severity: severity,
          confidence: CASE WHEN isfinite(confidence) THEN confidence END, catalogueIds: catalogue_ids, verdict: verdict,
          figures: figures_json, firstEvidence: first_evidence, ord: ord}) AS findings
        FROM findings WHERE ruleset_version = $rv AND content_hash IN (SELECT content_hash FROM up) GROUP BY content_hash),
  c AS (SELECT content_hash, arg_min(cause, rank) AS top_cause
        FROM causes WHERE ruleset_version = $rv AND content_hash IN (SELECT content_hash FROM up) GROUP BY content_hash)
  SELECT up.device_id, to_json({p: up.path, s: up.status, h: up.headline, e: up.error, fp: up.fingerprints,
      ca: epoch_ms(up.captured_at), aa: epoch_ms(up.analysed_at), tc: c.top_cause,
      fig: [${FIGURES_LIST}], nf: ${NONFINITE_BITS}, f: f.findings})::VARCHAR AS upload_json
  FROM up LEFT JOIN f ON f.content_hash = up.content_hash LEFT JOIN c ON c.content_hash = up.content_hash
  ORDER BY up.device_id, up.seen_at, up.content_hash`;

/** One row per bundle path (fleet.csv): the path as given, then the bundle's columns. */
export const CSV_ROWS_SQL = `WITH fb AS (${FLEET_BUNDLES_SQL})
  SELECT s.path, fb.device_id, fb.captured_at, fb.board, fb.l4t, fb.status,
    fb.mem_available_mib, fb.cma_free_mib, fb.cma_total_mib, fb.largest_free_block_mib, fb.peak_temp_c, fb.leak_slope_mb_per_h, fb.uptime_s,
    fb.top_cause, (SELECT list_distinct(flatten(list(f.catalogue_ids))) FROM findings f
                    WHERE f.content_hash = fb.content_hash AND f.ruleset_version = fb.ruleset_version) AS catalogue_ids,
    fb.error
  FROM sources s JOIN fb ON fb.content_hash = s.content_hash
  ORDER BY s.path`;
