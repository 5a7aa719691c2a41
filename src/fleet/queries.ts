/**
 * The SQL behind the fleet report, in one place. Every query reads the fleet as the store
 * holds it for one rule set version ($rv): each bundle content once, however many paths
 * held it. Devices' uploads are ordered by capture time (analysis time when unknown), then
 * content hash.
 */
export const FLEET_BUNDLES_SQL = `
  SELECT b.* EXCLUDE (result_json), coalesce(b.captured_at, b.analysed_at) AS seen_at
  FROM bundles b
  WHERE b.ruleset_version = $rv AND b.content_hash IN (SELECT content_hash FROM sources)`;

/**
 * The report's queries read the fleet from two tables filled once per report instead of
 * filtering the bundles again in each query: FLEET_NOW, one narrow row per fleet bundle (its
 * integer ids, time, place in its device's history and the few columns the counts read), and
 * FLEET_HITS, one row per (bundle, issue fingerprint). Long strings (paths, headlines, content
 * hashes, device ids) stay in the store and are read only for the rows a report shows. The
 * tables live in an in-memory database attached for the report, not in the store and not as a
 * connection's temporary tables, so that both of the store's connections read them.
 */
export const REPORT_DB = 'jetdiag_report';
export const FLEET_NOW = `${REPORT_DB}.fleet_now`;
export const FLEET_HITS = `${REPORT_DB}.fleet_hits`;
export const FLEET_FINGERPRINTS = `${REPORT_DB}.fleet_fingerprints`;
export const ATTACH_REPORT_DB_SQL = `ATTACH IF NOT EXISTS ':memory:' AS ${REPORT_DB}`;
export const DROP_REPORT_TABLES_SQL = [FLEET_HITS, FLEET_FINGERPRINTS, FLEET_NOW].map((t) => `DROP TABLE IF EXISTS ${t}`);

/**
 * The fleet's bundles, numbered, then their narrow columns. g numbers the uploads device by
 * device, oldest first (by capture time, then content hash), in one sort: two uploads of a
 * device are as far apart in g as in the device's own history, the latest has the highest g, and
 * one sort costs a fraction of a numbering per device. The sort carries only the ids and keys,
 * the other columns are joined after it (sorting them along took twice as long).
 */
export const MATERIALISE_FLEET_SQL = `CREATE OR REPLACE TABLE ${FLEET_NOW} AS
  WITH places AS (
    SELECT bundle_id, (row_number() OVER (ORDER BY device_no, coalesce(captured_at, analysed_at), content_hash))::INTEGER AS g
    FROM bundles WHERE ruleset_version = $rv AND content_hash IN (SELECT content_hash FROM sources))
  SELECT b.bundle_id, b.device_no, coalesce(b.captured_at, b.analysed_at) AS seen_at, places.g,
    b.status, b.board, b.l4t, b.fingerprints, b.cma_total_mib, b.uptime_s
  FROM bundles b JOIN places ON places.bundle_id = b.bundle_id`;

/**
 * The fleet's issue fingerprints numbered for this report (fp_no), and one row per (bundle,
 * fingerprint) by number: the issues, their breakdowns and the regressions group and sort these
 * rows, which costs far less on an integer than on fingerprints of 50-100 characters. Only
 * integers: a hit's time, board and release are joined from FLEET_NOW where a query needs them
 * (copying them into each hit took as long as the rest of the table).
 */
export const MATERIALISE_HITS_SQL = [
  `CREATE OR REPLACE TABLE ${FLEET_FINGERPRINTS} AS
   SELECT fingerprint, (row_number() OVER ())::INTEGER AS fp_no FROM (SELECT DISTINCT unnest(fingerprints) AS fingerprint FROM ${FLEET_NOW})`,
  `CREATE OR REPLACE TABLE ${FLEET_HITS} AS
   SELECT n.fp_no, h.bundle_id, h.device_no, h.g
   FROM (SELECT unnest(fingerprints) AS fingerprint, bundle_id, device_no, g FROM ${FLEET_NOW}) h
   JOIN ${FLEET_FINGERPRINTS} n ON n.fingerprint = h.fingerprint`,
];

export const TOTALS_SQL = `
  SELECT count(*) AS bundles, count(DISTINCT device_no) AS devices,
    count(*) FILTER (WHERE status = 'problems') AS problems,
    count(*) FILTER (WHERE status = 'healthy') AS healthy,
    count(*) FILTER (WHERE status = 'inconclusive') AS inconclusive,
    count(*) FILTER (WHERE status = 'failed') AS failed,
    min(seen_at) AS first_upload, max(seen_at) AS last_upload
  FROM ${FLEET_NOW}`;

/**
 * Issues: one row per fingerprint with its reach and first/last sighting; its example is the
 * latest bundle's headline and path (read from the store for these few bundles only).
 */
export const ISSUES_SQL = `WITH i AS (
    SELECT h.fp_no, count(DISTINCT h.device_no) AS devices, count(*) AS bundles,
      min(f.seen_at) AS first_seen, max(f.seen_at) AS last_seen, arg_max(h.bundle_id, f.seen_at) AS example_id
    FROM ${FLEET_HITS} h JOIN ${FLEET_NOW} f ON f.bundle_id = h.bundle_id GROUP BY h.fp_no),
  ex AS (SELECT bundle_id, headline, path FROM bundles WHERE bundle_id IN (SELECT example_id FROM i))
  SELECT n.fingerprint, i.devices, i.bundles, i.first_seen, i.last_seen, ex.headline AS example, ex.path AS example_path
  FROM i JOIN ${FLEET_FINGERPRINTS} n ON n.fp_no = i.fp_no LEFT JOIN ex ON ex.bundle_id = i.example_id
  ORDER BY i.devices DESC, i.bundles DESC, n.fingerprint`;

/** Each issue's bundles and devices by board and by L4T release, in one pass. */
export const ISSUES_BREAKDOWN_SQL = `WITH g AS (
    SELECT h.fp_no, CASE WHEN GROUPING(f.board) = 0 THEN 'board' ELSE 'release' END AS dimension,
      CASE WHEN GROUPING(f.board) = 0 THEN coalesce(f.board, 'unknown board') ELSE coalesce('L4T ' || f.l4t, 'unknown release') END AS key,
      count(*) AS bundles, count(DISTINCT h.device_no) AS devices
    FROM ${FLEET_HITS} h JOIN ${FLEET_NOW} f ON f.bundle_id = h.bundle_id GROUP BY GROUPING SETS ((h.fp_no, f.board), (h.fp_no, f.l4t)))
  SELECT n.fingerprint, g.dimension, g.key, g.bundles, g.devices
  FROM g JOIN ${FLEET_FINGERPRINTS} n ON n.fp_no = g.fp_no ORDER BY n.fingerprint, g.dimension, g.bundles DESC, g.key`;

/** The fleet's bundles of a rule set ($rv), whether a path holds them now or not. */
const RULESET_BUNDLES = `(SELECT bundle_id FROM bundles WHERE ruleset_version = $rv)`;

/** Names of the causes behind fingerprints (a finding fingerprint has none). */
export const CAUSE_NAMES_SQL = `SELECT DISTINCT cause_id, cause FROM cause_rows WHERE bundle_id IN ${RULESET_BUNDLES}`;

/**
 * Regressions: a fingerprint present on an upload of a device, absent on a later one, then
 * present again: its uploads' places in the device's history (g) are not consecutive. For each
 * (device, fingerprint) the last time it came back. Reads only the hits, no grid: each hit is
 * compared with the fingerprint's previous hit, when that is on the same device, in one sort on
 * (fingerprint number, g) as one integer.
 *
 * One row per fingerprint, its devices as one JSON text ([{d: device id, t: back at, epoch
 * ms}] by device id): a fleet can have tens of thousands of such pairs, and the client pays
 * per value it reads (24,000 rows of four columns took longer to read than to compute).
 */
export const REGRESSIONS_SQL = `WITH
  hits AS (SELECT fp_no, device_no, bundle_id, (fp_no::BIGINT << 32) + g AS k FROM ${FLEET_HITS}),
  steps AS (SELECT fp_no, device_no, bundle_id, k - lag(k) OVER w AS step, lag(fp_no) OVER w AS previous_fp, lag(device_no) OVER w AS previous_device
            FROM hits WINDOW w AS (ORDER BY k)),
  back AS (SELECT s.fp_no, s.device_no, max(f.seen_at) AS back_at
           FROM steps s JOIN ${FLEET_NOW} f ON f.bundle_id = s.bundle_id
           WHERE s.step > 1 AND s.previous_fp = s.fp_no AND s.previous_device = s.device_no GROUP BY ALL)
  SELECT n.fingerprint, to_json(list({d: d.device_id, t: epoch_ms(back.back_at)} ORDER BY d.device_id))::VARCHAR AS devices_json
  FROM back JOIN devices d ON d.device_no = back.device_no JOIN ${FLEET_FINGERPRINTS} n ON n.fp_no = back.fp_no
  GROUP BY n.fingerprint ORDER BY n.fingerprint`;

/** The bundles that could not be analysed (the first 1000 by path). */
export const FAILED_SQL = `SELECT path, error FROM bundles
  WHERE ruleset_version = $rv AND status = 'failed' AND bundle_id IN (SELECT bundle_id FROM ${FLEET_NOW})
  ORDER BY path LIMIT 1000`;

/** Fingerprints of the complete run before the latest run (the baseline for "new"). */
export const PREVIOUS_FINGERPRINTS_SQL = `
  SELECT fingerprint FROM run_fingerprints
  WHERE run_id = (SELECT max(run_id) FROM runs WHERE run_id < (SELECT max(run_id) FROM runs) AND state = 'complete')`;

export const RUNS_SQL = `SELECT * FROM runs ORDER BY run_id DESC LIMIT 2`;

/** The range of the fleet's integer ids (RULES_SQL's bitmaps span them); nulls for an empty fleet. */
export const FLEET_ID_RANGE_SQL = `SELECT min(bundle_id) AS b0, max(bundle_id) AS b1, min(device_no) AS d0, max(device_no) AS d1 FROM ${FLEET_NOW}`;

/**
 * Systems affected per rule (Insights Advisor style), over all the fleet's findings in one
 * pass: the bundles and devices of each rule are counted as bitmaps over their integer ids
 * ($b0..$b1, $d0..$d1, FLEET_ID_RANGE_SQL), one bit set per finding, instead of distinct
 * counts (a hash set per rule: 0.26 s of 0.36 s on the 1 M-row bench).
 */
export const RULES_SQL = `
  SELECT f.rule_id, bit_count(bitstring_agg(fb.device_no, $d0, $d1)) AS devices, bit_count(bitstring_agg(f.bundle_id, $b0, $b1)) AS bundles,
    count(*) AS findings, min(CASE f.severity WHEN 'critical' THEN 1 WHEN 'error' THEN 2 WHEN 'warning' THEN 3 ELSE 4 END) AS worst
  FROM finding_rows f JOIN ${FLEET_NOW} fb ON fb.bundle_id = f.bundle_id
  GROUP BY f.rule_id ORDER BY worst, devices DESC, bundles DESC, f.rule_id`;

/** The catalogue ids each rule's findings rested on (counted at write time: rule_catalogue_ids). */
export const RULE_CATALOGUE_SQL = `
  SELECT rule_id, list_sort(list(catalogue_id)) AS catalogue_ids FROM rule_catalogue_ids
  WHERE ruleset_version = $rv AND findings > 0 GROUP BY rule_id`;

export const CMA_BY_BOARD_SQL = `
  SELECT coalesce(board, 'unknown board') AS board, count(*) AS bundles,
    min(cma_total_mib) AS min, median(cma_total_mib) AS median, max(cma_total_mib) AS max
  FROM ${FLEET_NOW} WHERE cma_total_mib IS NOT NULL GROUP BY ALL ORDER BY bundles DESC`;

export const UPTIME_AT_FAILURE_SQL = `
  SELECT CASE WHEN uptime_s < 3600 THEN 0 WHEN uptime_s < 6 * 3600 THEN 1 WHEN uptime_s < 24 * 3600 THEN 2
              WHEN uptime_s < 7 * 86400 THEN 3 ELSE 4 END AS bucket, count(*) AS bundles
  FROM ${FLEET_NOW} WHERE status = 'problems' AND uptime_s IS NOT NULL GROUP BY ALL ORDER BY bucket`;
export const UPTIME_BUCKETS = ['under 1 h', '1-6 h', '6-24 h', '1-7 days', 'over 7 days'];

/**
 * The first $limit devices by how many of their uploads have problems, then id; board, release
 * and status of each one's latest upload (the last in g).
 */
export const DEVICES_SQL = `WITH per AS (
    SELECT device_no, count(*) AS uploads, count(*) FILTER (WHERE status = 'problems') AS problem_uploads,
      arg_max(board, g) AS board, arg_max(l4t, g) AS l4t, arg_max(status, g) AS last_status
    FROM ${FLEET_NOW} GROUP BY device_no)
  SELECT per.device_no, d.device_id, per.uploads, per.problem_uploads, per.board, per.l4t, per.last_status
  FROM per JOIN devices d ON d.device_no = per.device_no
  ORDER BY per.problem_uploads DESC, d.device_id LIMIT $limit`;

/** Key figure columns of the bundles, in the order DEVICE_TIMELINES_SQL lists them (as KEY_FIGURES' keys). */
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
const FIGURES_LIST = TIMELINE_FIGURE_COLUMNS.map(([, c]) => `CASE WHEN isfinite(b.${c}) THEN b.${c} END`).join(', ');
const NONFINITE_BITS = TIMELINE_FIGURE_COLUMNS.map(([, c], i) => `CASE WHEN NOT isfinite(b.${c}) THEN ${1 << i} ELSE 0 END`).join(' + ');

/** The fleet's bundles of some devices ($devices: device_no), with their place g: the timelines pick theirs from these. */
export const DEVICE_BUNDLES_SQL = `SELECT bundle_id, device_no, g FROM ${FLEET_NOW} WHERE device_no IN (SELECT unnest($devices))`;

/**
 * Bundle rows whose bundle_id is set in a bitmap ($bits, a BIT string: bit 0 and bit $last are
 * always 0, bit k > 0 stands for bundle $lo + k - 1). The timeline's bundles lie all over the
 * store's tables; as a join, each scan decoded every row of the columns it read (the findings'
 * texts: 0.25 of the timelines' 0.5 s on the 1 M-row bench), while a filter on the scan itself
 * decodes the other columns only for the rows it keeps.
 */
const IN_BITMAP = `get_bit($bits, least(greatest(bundle_id - $lo + 1, 0), $last)) = 1`;

/**
 * The uploads in the bitmap, with what a timeline and its diffs read of each result: the
 * bundle's columns, its findings (finding_rows) and its first cause's name (cause_rows, rank 0),
 * unordered (the caller knows each bundle's place). Not result_json: the whole results are a
 * few KB each and a device's uploads lie all over the table, so reading them for 300 devices
 * read the whole column (1 M-row bench: over a second, most of the fleet model).
 *
 * One JSON text per upload (the client pays per value it reads): p path, s status,
 * h headline, e error, fp fingerprints, ca/aa captured/analysed at (epoch ms), tc top cause,
 * fig the key figures (TIMELINE_FIGURE_COLUMNS; null when unknown or not finite), nf a bit
 * per figure that is stored but not finite (a result's JSON holds those as null); and its
 * findings apart, as JSON texts joined by commas (null when none; unordered, each with its
 * ord, and its figures as the stored JSON text: ordering them and re-encoding the figures in
 * SQL cost more than the rest of the query; one text per finding costs less than a list).
 */
export const DEVICE_TIMELINES_SQL = `WITH
  f AS (SELECT bundle_id, string_agg(to_json({stableId: stable_id, ruleId: rule_id, messageId: message_id, severity: severity,
          confidence: CASE WHEN isfinite(confidence) THEN confidence END, catalogueIds: catalogue_ids, verdict: verdict,
          figures: figures_json, firstEvidence: first_evidence, ord: ord})::VARCHAR, ',') AS findings
        FROM finding_rows WHERE ${IN_BITMAP} GROUP BY bundle_id),
  c AS (SELECT bundle_id, arg_min(cause, rank) AS top_cause FROM cause_rows WHERE ${IN_BITMAP} GROUP BY bundle_id)
  SELECT b.bundle_id, to_json({p: b.path, s: b.status, h: b.headline, e: b.error, fp: b.fingerprints,
      ca: epoch_ms(b.captured_at), aa: epoch_ms(b.analysed_at), tc: c.top_cause,
      fig: [${FIGURES_LIST}], nf: ${NONFINITE_BITS}})::VARCHAR AS upload_json, f.findings AS findings_json
  FROM bundles b LEFT JOIN f ON f.bundle_id = b.bundle_id LEFT JOIN c ON c.bundle_id = b.bundle_id
  WHERE ${IN_BITMAP.replaceAll('bundle_id', 'b.bundle_id')}`;

/** One row per bundle path (fleet.csv): the path as given, then the bundle's columns. */
export const CSV_ROWS_SQL = `WITH fb AS (${FLEET_BUNDLES_SQL})
  SELECT s.path, fb.device_id, fb.captured_at, fb.board, fb.l4t, fb.status,
    fb.mem_available_mib, fb.cma_free_mib, fb.cma_total_mib, fb.largest_free_block_mib, fb.peak_temp_c, fb.leak_slope_mb_per_h, fb.uptime_s,
    fb.top_cause, (SELECT list_distinct(flatten(list(f.catalogue_ids))) FROM findings f
                    WHERE f.content_hash = fb.content_hash AND f.ruleset_version = fb.ruleset_version) AS catalogue_ids,
    fb.error
  FROM sources s JOIN fb ON fb.content_hash = s.content_hash
  ORDER BY s.path`;
