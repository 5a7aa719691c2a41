/**
 * The fleet report model every fleet renderer reads, built from the store by queries
 * (never by loading every result): totals, issues grouped by fingerprint with their reach,
 * new and regressed, rules by systems affected, distributions and per-device timelines.
 */
import { BIT, INTEGER, LIST, bitValue, listValue } from '@duckdb/node-api';
import { isCatalogueId } from '../rules/catalogue.js';
import type { Acknowledgement, Acknowledgements } from './ack.js';
import { diffResults, type ResultDiff } from './diff.js';
import type { BundleResult, FindingRecord } from './result.js';
import type { FleetStore, Row } from './store.js';
import * as Q from './queries.js';

export interface FleetIssue {
  fingerprint: string;
  /** The cause's name, or the rule/message for a finding no cause explains. */
  title: string;
  causeId?: string;
  /** Catalogue signature ids of the fingerprint (the documented, stable set). */
  catalogueIds: string[];
  /** Signature ids that are not catalogue ids: jetdiag's own packs ("catalogue": false) or a user's. */
  ownIds: string[];
  devices: number;
  bundles: number;
  firstSeen: string;
  lastSeen: string;
  byBoard: { key: string; bundles: number; devices: number }[];
  byRelease: { key: string; bundles: number; devices: number }[];
  isNew: boolean;
  /** Devices where it cleared and came back. */
  regressedDevices: { deviceId: string; backAt: string }[];
  example: string;
  examplePath: string;
  ack?: Acknowledgement;
}

export interface TimelineUpload {
  path: string;
  at: string;
  status: string;
  headline: string;
  topCause?: string;
  fingerprints: string[];
  figures: BundleResult['figures'];
  error?: string;
  /** Against the device's previous upload (absent for the first). */
  change?: ResultDiff;
}

export interface DeviceTimeline {
  deviceId: string;
  board?: string;
  l4t?: string;
  uploads: number;
  problemUploads: number;
  lastStatus: string;
  timeline: TimelineUpload[];
}

export interface FleetModel {
  generatedAt: string;
  rulesetVersion: string;
  run?: { id: number; state: string; startedAt?: string; finishedAt?: string; discovered: number; analysed: number; reused: number; failed: number };
  newBaseline: string;
  totals: { bundles: number; devices: number; problems: number; healthy: number; inconclusive: number; failed: number; firstUpload?: string; lastUpload?: string };
  issues: FleetIssue[];
  muted: FleetIssue[];
  rules: { ruleId: string; devices: number; bundles: number; findings: number; worst: string; catalogueIds: string[]; ownIds: string[] }[];
  cmaByBoard: { board: string; bundles: number; min: number; median: number; max: number }[];
  uptimeAtFailure: { bucket: string; bundles: number }[];
  devices: DeviceTimeline[];
  /** Devices not shown as timelines (over the limit): still in fleet.csv. */
  devicesNotShown: number;
  failures: { path: string; error: string }[];
}

export interface FleetModelOptions {
  acks?: Acknowledgements;
  /** "New" means first seen at or after this time instead of "not in the previous run". */
  since?: Date;
  maxDevices?: number;
  maxUploadsPerDevice?: number;
  now?: Date;
}

const SEVERITY_BY_RANK = ['', 'critical', 'error', 'warning', 'info'];
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

/** Signature ids split as `jetdiag rules` lists them: catalogue ids, then own (non-catalogue) ids. */
export function splitSignatureIds(ids: readonly string[]): { catalogueIds: string[]; ownIds: string[] } {
  return { catalogueIds: ids.filter((id) => isCatalogueId(id)), ownIds: ids.filter((id) => !isCatalogueId(id)) };
}

function splitFingerprint(fp: string): { head: string; catalogueIds: string[]; ownIds: string[] } {
  const i = fp.indexOf(':');
  return { head: i < 0 ? fp : fp.slice(0, i), ...splitSignatureIds(i < 0 ? [] : fp.slice(i + 1).split(',')) };
}

/** The rule set the fleet is read at: the latest run's (or, with no run yet, the newest results'). */
export async function currentRulesetVersion(store: FleetStore): Promise<string | undefined> {
  const [run] = await store.query('SELECT ruleset_version FROM runs ORDER BY run_id DESC LIMIT 1');
  if (run) return run.ruleset_version as string;
  const [b] = await store.query('SELECT ruleset_version FROM bundles ORDER BY analysed_at DESC LIMIT 1');
  return b?.ruleset_version as string | undefined;
}

/** One fleet model at a time per store: they share the report database's fleet table. */
const building = new WeakMap<FleetStore, Promise<unknown>>();

export function buildFleetModel(store: FleetStore, o: FleetModelOptions = {}): Promise<FleetModel> {
  const run = () => build(store, o);
  const next = (building.get(store) ?? Promise.resolve()).then(run, run);
  building.set(store, next.catch(() => undefined));
  return next;
}

/**
 * The queries run on the store's two connections at once, each on one DuckDB thread: the main
 * one fills the report's fleet tables (the fleet's bundles by integer id, and their issue
 * fingerprints), then reads the devices and their timelines and builds the timelines' diffs;
 * the side one reads the rules' catalogue ids and the cause names from the start, then (once
 * the tables are filled) the rules, the issues, their breakdowns, the regressions and the
 * distributions. One thread each because on two cores a second thread per query only slowed
 * the queries down (filling the fleet table: 255 -> 360 ms) while the other connection kept
 * the second core busy anyway. The store's thread setting is restored afterwards.
 */
async function build(store: FleetStore, o: FleetModelOptions): Promise<FleetModel> {
  const rv = (await currentRulesetVersion(store)) ?? '';
  const p = { rv };
  const maxDevices = o.maxDevices ?? 300;
  const [setting] = await store.query(`SELECT current_setting('threads') AS threads`);
  await store.exec('SET threads = 1');
  try {
    const early = Promise.all([Q.RULE_CATALOGUE_SQL, Q.CAUSE_NAMES_SQL, Q.RUNS_SQL, Q.PREVIOUS_FINGERPRINTS_SQL].map((sql) => store.sideQuery(sql, p)));
    await store.exec(Q.ATTACH_REPORT_DB_SQL);
    await store.exec(Q.MATERIALISE_FLEET_SQL, p);
    // The issues' tables are filled on the main connection: filled on the side one while the
    // main one read, both slowed down (a write to the report database beside reads of it).
    for (const sql of Q.MATERIALISE_HITS_SQL) await store.exec(sql);
    const rules = store.sideQuery(Q.FLEET_ID_RANGE_SQL).then(([range]) =>
      range?.b0 === null || range?.b0 === undefined ? [] : store.sideQuery(Q.RULES_SQL, range as Record<string, number>),
    );
    const hitsSide = Promise.all([Q.ISSUES_SQL, Q.ISSUES_BREAKDOWN_SQL, Q.REGRESSIONS_SQL].map((sql) => store.sideQuery(sql)));
    const fleetSide = Promise.all([Q.TOTALS_SQL, Q.CMA_BY_BOARD_SQL, Q.UPTIME_AT_FAILURE_SQL, Q.FAILED_SQL].map((sql) => store.sideQuery(sql, p)));
    // The main one: the devices and their timelines.
    const deviceRows = await store.query(Q.DEVICES_SQL, { limit: maxDevices });
    const devices = await timelines(store, deviceRows, o.maxUploadsPerDevice ?? 100);
    const [[catalogueRows, causeRows, runRows, previousRows], ruleRows, [totalsRow, cmaRows, uptimeRows, failedRows], [issueRows, breakdownRows, regressionRows]] = await Promise.all([
      early,
      rules,
      fleetSide,
      hitsSide,
    ]);
    return assemble(o, rv, { ruleRows, catalogueRows, causeRows, runRows, previousRows, regressionRows, totalsRow, cmaRows, uptimeRows, failedRows, deviceRows, issueRows, breakdownRows }, devices);
  } finally {
    // Queued, not awaited: the model does not need them done, and the store's next statements
    // (and close) run after them.
    for (const sql of [...Q.DROP_REPORT_TABLES_SQL, `SET threads = ${Number(setting?.threads) || 1}`]) store.exec(sql).catch(() => undefined);
  }
}

interface ModelRows {
  ruleRows: Row[];
  previousRows: Row[];
  catalogueRows: Row[];
  causeRows: Row[];
  runRows: Row[];
  regressionRows: Row[];
  totalsRow: Row[];
  cmaRows: Row[];
  uptimeRows: Row[];
  failedRows: Row[];
  deviceRows: Row[];
  issueRows: Row[];
  breakdownRows: Row[];
}

function assemble(o: FleetModelOptions, rv: string, rows: ModelRows, devices: DeviceTimeline[]): FleetModel {
  const { ruleRows, catalogueRows, causeRows, runRows, previousRows, regressionRows, totalsRow, cmaRows, uptimeRows, failedRows, deviceRows, issueRows, breakdownRows } = rows;
  const run = runRows[0];
  const previous = new Set(previousRows.map((r) => r.fingerprint as string));
  const hasPrevious = runRows.some((r, i) => i > 0 && r.state === 'complete') || previous.size > 0;
  const causeNames = new Map(causeRows.map((r) => [r.cause_id as string, r.cause as string]));
  const group = (rows: Row[]) => {
    const m = new Map<string, { key: string; bundles: number; devices: number }[]>();
    for (const r of rows) {
      const list = m.get(r.fingerprint as string) ?? [];
      if (!list.length) m.set(r.fingerprint as string, list);
      list.push({ key: r.key as string, bundles: num(r.bundles), devices: num(r.devices) });
    }
    return m;
  };
  const byBoard = group(breakdownRows.filter((r) => r.dimension === 'board'));
  const byRelease = group(breakdownRows.filter((r) => r.dimension === 'release'));
  const catalogueByRule = new Map(catalogueRows.map((r) => [r.rule_id as string, (r.catalogue_ids as string[]) ?? []]));
  const regressions = new Map<string, { deviceId: string; backAt: string }[]>();
  for (const r of regressionRows) {
    const devices = JSON.parse(r.devices_json as string) as { d: string; t: number }[];
    regressions.set(r.fingerprint as string, devices.map((x) => ({ deviceId: x.d, backAt: new Date(x.t).toISOString() })));
  }
  const all: FleetIssue[] = issueRows.map((r) => {
    const fp = r.fingerprint as string;
    const { head, catalogueIds, ownIds } = splitFingerprint(fp);
    const causeId = causeNames.has(head) ? head : undefined;
    const firstSeen = r.first_seen as string;
    const isNew = o.since ? new Date(firstSeen) >= o.since : hasPrevious && !previous.has(fp);
    const ack = o.acks?.get(fp);
    return {
      fingerprint: fp,
      title: causeId ? causeNames.get(causeId)! : head,
      ...(causeId ? { causeId } : {}),
      catalogueIds,
      ownIds,
      devices: num(r.devices),
      bundles: num(r.bundles),
      firstSeen,
      lastSeen: r.last_seen as string,
      byBoard: byBoard.get(fp) ?? [],
      byRelease: byRelease.get(fp) ?? [],
      isNew: isNew && ack?.state !== 'muted',
      regressedDevices: regressions.get(fp) ?? [],
      example: (r.example as string) ?? '',
      examplePath: (r.example_path as string) ?? '',
      ...(ack ? { ack } : {}),
    };
  });
  const t = totalsRow[0] ?? {};
  return {
    generatedAt: (o.now ?? new Date()).toISOString(),
    rulesetVersion: rv,
    ...(run
      ? {
          run: {
            id: num(run.run_id),
            state: run.state as string,
            startedAt: str(run.started_at),
            finishedAt: str(run.finished_at),
            discovered: num(run.discovered),
            analysed: num(run.analysed),
            reused: num(run.reused),
            failed: num(run.failed),
          },
        }
      : {}),
    newBaseline: o.since ? `first seen since ${o.since.toISOString()}` : hasPrevious ? 'not in the previous run' : 'no previous run to compare with',
    totals: {
      bundles: num(t.bundles),
      devices: num(t.devices),
      problems: num(t.problems),
      healthy: num(t.healthy),
      inconclusive: num(t.inconclusive),
      failed: num(t.failed),
      firstUpload: str(t.first_upload),
      lastUpload: str(t.last_upload),
    },
    // Unacknowledged first (new ones on top), then acknowledged; muted ones apart.
    issues: all
      .filter((i) => i.ack?.state !== 'muted')
      .sort((a, b) => Number(Boolean(a.ack)) - Number(Boolean(b.ack)) || Number(b.isNew) - Number(a.isNew) || b.devices - a.devices || b.bundles - a.bundles),
    muted: all.filter((i) => i.ack?.state === 'muted'),
    rules: ruleRows.map((r) => ({
      ruleId: r.rule_id as string,
      devices: num(r.devices),
      bundles: num(r.bundles),
      findings: num(r.findings),
      worst: SEVERITY_BY_RANK[num(r.worst)] ?? 'info',
      ...splitSignatureIds(catalogueByRule.get(r.rule_id as string) ?? []),
    })),
    cmaByBoard: cmaRows.map((r) => ({ board: r.board as string, bundles: num(r.bundles), min: num(r.min), median: num(r.median), max: num(r.max) })),
    uptimeAtFailure: uptimeRows.map((r) => ({ bucket: Q.UPTIME_BUCKETS[num(r.bucket)]!, bundles: num(r.bundles) })),
    devices,
    devicesNotShown: Math.max(0, num(t.devices) - deviceRows.length),
    failures: failedRows.map((r) => ({ path: r.path as string, error: (r.error as string) ?? '' })),
  };
}

/** What a timeline reads of one upload (DEVICE_TIMELINES_SQL): the parts of its result a timeline and a diff use. */
type TimelineSource = Pick<BundleResult, 'path' | 'status' | 'headline' | 'capturedAt' | 'analysedAt' | 'deviceId' | 'findings' | 'fingerprints' | 'figures' | 'error'> & {
  topCause?: string;
};

interface UploadJson {
  p: string;
  s: BundleResult['status'];
  h: string | null;
  e: string | null;
  fp: string[] | null;
  ca: number | null;
  aa: number | null;
  tc: string | null;
  fig: (number | null)[];
  nf: number;
  f: Record<string, unknown>[] | null;
}

/**
 * An upload as its result's JSON would give it: absent where the result had nothing, null where
 * it held a non-finite number, 0 where it held -0 (DuckDB's JSON keeps the sign).
 */
function timelineSource(deviceId: string, u: UploadJson): TimelineSource {
  const figures: BundleResult['figures'] = {};
  Q.TIMELINE_FIGURE_COLUMNS.forEach(([key], i) => {
    const v = u.fig[i];
    // A result's JSON holds -0 as 0.
    if (v !== null && v !== undefined) figures[key] = v === 0 ? 0 : v;
    else if (u.nf & (1 << i)) (figures as Record<string, null>)[key] = null;
  });
  const findings = (u.f ?? [])
    .sort((a, b) => (a.ord as number) - (b.ord as number))
    .map((f) => {
      delete f.ord;
      if (typeof f.figures === 'string') f.figures = JSON.parse(f.figures);
      for (const k of Object.keys(f)) {
        if (f[k] === null) delete f[k];
        else if (f[k] === 0) f[k] = 0; // -0 as in JSON
      }
      return f as unknown as FindingRecord;
    });
  const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
  return {
    path: u.p,
    status: u.s,
    headline: u.h ?? (undefined as unknown as string),
    capturedAt: iso(u.ca),
    analysedAt: iso(u.aa)!,
    deviceId,
    findings,
    fingerprints: u.fp ?? [],
    figures,
    ...(u.e !== null ? { error: u.e } : {}),
    ...(u.tc !== null ? { topCause: u.tc } : {}),
  };
}

/**
 * The timelines' JSON and diffs are the model's own work on the main thread: done in pieces, so
 * that the side connection's queries, each started by a continuation on this thread, do not wait
 * for all of it (they did: a 10 ms distribution query came back after 450 ms).
 */
const YIELD_EVERY = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timelines(store: FleetStore, deviceRows: Row[], maxUploads: number): Promise<DeviceTimeline[]> {
  if (!deviceRows.length) return [];
  const bundles = await store.query(Q.DEVICE_BUNDLES_SQL, { devices: listValue(deviceRows.map((r) => r.device_no as number)) }, { devices: LIST(INTEGER) });
  // Each device's latest maxUploads (its whole history when that is not positive), by place g.
  const placesOf = new Map<number, number[]>();
  const deviceOf = new Map<number, number>();
  const placeOf = new Map<number, number>();
  for (const r of bundles) {
    const list = placesOf.get(r.device_no as number) ?? [];
    if (!list.length) placesOf.set(r.device_no as number, list);
    list.push(r.g as number);
    deviceOf.set(r.bundle_id as number, r.device_no as number);
    placeOf.set(r.bundle_id as number, r.g as number);
  }
  const shown = new Set<number>();
  for (const gs of placesOf.values()) for (const g of gs.sort((a, b) => a - b).slice(maxUploads > 0 ? -maxUploads : 0)) shown.add(g);
  const ids = bundles.filter((r) => shown.has(r.g as number)).map((r) => r.bundle_id as number);
  const byDevice = new Map<number, TimelineSource[]>();
  if (ids.length) {
    // The bundles as a bitmap over their id range, with a 0 bit at each end (DEVICE_TIMELINES_SQL).
    const lo = ids.reduce((a, b) => Math.min(a, b));
    const bits = new Uint8Array(ids.reduce((a, b) => Math.max(a, b)) - lo + 3).fill(48);
    for (const id of ids) bits[id - lo + 1] = 49;
    const params = { bits: bitValue(Buffer.from(bits).toString('latin1')), lo, last: bits.length - 1 };
    const rows = await store.query(Q.DEVICE_TIMELINES_SQL, params, { bits: BIT });
    rows.sort((a, b) => placeOf.get(a.bundle_id as number)! - placeOf.get(b.bundle_id as number)!);
    const idOf = new Map(deviceRows.map((r) => [r.device_no as number, r.device_id as string]));
    for (const [i, r] of rows.entries()) {
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
      const no = deviceOf.get(r.bundle_id as number)!;
      const list = byDevice.get(no) ?? [];
      if (!list.length) byDevice.set(no, list);
      const upload = JSON.parse(r.upload_json as string) as UploadJson;
      upload.f = r.findings_json === null ? null : (JSON.parse(`[${r.findings_json as string}]`) as UploadJson['f']);
      list.push(timelineSource(idOf.get(no)!, upload));
    }
  }
  const out: DeviceTimeline[] = [];
  for (const [n, d] of deviceRows.entries()) {
    if (n % (YIELD_EVERY / 10) === YIELD_EVERY / 10 - 1) await yieldToEventLoop();
    const results = byDevice.get(d.device_no as number) ?? [];
    const timeline = results.map((r, i): TimelineUpload => ({
      path: r.path,
      at: r.capturedAt ?? r.analysedAt,
      status: r.status,
      headline: r.headline,
      ...(r.topCause !== undefined ? { topCause: r.topCause } : {}),
      fingerprints: r.fingerprints,
      figures: r.figures,
      ...(r.error ? { error: r.error } : {}),
      ...(i > 0 ? { change: diffResults(results[i - 1]!, r) } : {}),
    }));
    out.push({
      deviceId: d.device_id as string,
      ...(d.board ? { board: d.board as string } : {}),
      ...(d.l4t ? { l4t: d.l4t as string } : {}),
      uploads: num(d.uploads),
      problemUploads: num(d.problem_uploads),
      lastStatus: d.last_status as string,
      timeline,
    });
  }
  return out;
}
