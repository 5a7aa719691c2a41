/** Bookkeeping of batch runs in the store: the run row, the paths seen, the fleet's fingerprints. */
// @ts-nocheck

// 

import type { StatSignature } from './content-hash.js';
import type { FleetStore } from './store.js';
import { FLEET_BUNDLES_SQL } from './queries.js';

export interface SourceUpdate {
  path: string;
  sig: StatSignature;
  /** The bundles row key the path holds now. */
  contentHash: string;
}

export async function startRun(store: FleetStore, rulesetVersion: string, discovered: number): Promise<number> {
  const [row] = await store.query('SELECT coalesce(max(run_id), 0) + 1 AS id FROM runs');
  const id = row!.id as number;
  await store.exec(`INSERT INTO runs VALUES ($1, now()::TIMESTAMP, NULL, $2, 'running', $3, 0, 0, 0)`, [id, rulesetVersion, discovered]);
  return id;
}

/** Many paths in one statement: a re-run over thousands of unchanged bundles stays fast. */
export async function recordSources(store: FleetStore, rows: SourceUpdate[], runId: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const params: (string | number)[] = [];
    const tuples = chunk.map((s) => {
      const b = params.length;
      params.push(s.path, s.sig.kind, s.sig.size, s.sig.mtimeMs, s.sig.files, s.contentHash);
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, ${runId}, ${runId})`;
    });
    await store.exec(
      `INSERT INTO sources VALUES ${tuples.join(', ')}
       ON CONFLICT (path) DO UPDATE SET kind = excluded.kind, size = excluded.size, mtime_ms = excluded.mtime_ms,
         files = excluded.files, content_hash = excluded.content_hash, last_seen_run = excluded.last_seen_run`,
      params,
    );
  }
}

export async function finishRun(
  store: FleetStore,
  s: { runId: number; rulesetVersion: string; analysed: number; reused: number; failed: number; interrupted: boolean },
): Promise<void> {
  await store.exec(
    `UPDATE runs SET finished_at = now()::TIMESTAMP, state = $2, analysed = $3, reused = $4, failed = $5 WHERE run_id = $1`,
    [s.runId, s.interrupted ? 'interrupted' : 'complete', s.analysed, s.reused, s.failed],
  );
  // The fleet's issues as this run leaves them: the next run's "new" compares against these.
  await store.exec('DELETE FROM run_fingerprints WHERE run_id = $1', [s.runId]);
  await store.exec(
    `INSERT INTO run_fingerprints SELECT DISTINCT $run, fp FROM (${FLEET_BUNDLES_SQL}) fb, unnest(fb.fingerprints) AS t(fp)`,
    { run: s.runId, rv: s.rulesetVersion },
  );
}
