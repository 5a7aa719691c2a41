/**
 * CPU time per thread of this process (Linux /proc), to show where a batch's CPU goes.
 * Threads are sampled while they live (a thread's time is gone from /proc once it exits).
 * Grouped by what Node starts in order: the main thread; V8's platform threads (GC and JIT
 * helpers, started first: Node's delayed-task thread, then --v8-pool-size workers); the analysis workers (the `workers`
 * busiest of the rest, far busier than anything else); everything else: the libuv pool
 * (file reads, gunzip, DuckDB calls) and DuckDB's own threads.
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICK_S = 0.01; // USER_HZ is 100 on Linux

export interface ThreadCpu {
  main: number;
  v8Helpers: number;
  workers: number[];
  other: number;
}

function sample(seen: Map<number, number>): void {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return; // not Linux
  }
  for (const t of tids) {
    try {
      const s = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      seen.set(Number(t), (Number(f[11]) + Number(f[12])) * TICK_S);
    } catch {
      // exited between the listing and the read
    }
  }
}

/** Starts sampling; the returned function stops and groups the threads. */
export function watchThreads(workers: number, v8PoolSize = 4, everyMs = 100): () => ThreadCpu | undefined {
  const seen = new Map<number, number>();
  sample(seen);
  const timer = setInterval(() => sample(seen), everyMs);
  return () => {
    clearInterval(timer);
    sample(seen);
    if (!seen.size) return undefined;
    const round = (v: number) => Math.round(v * 100) / 100;
    const rest = [...seen].filter(([tid]) => tid !== process.pid).sort((a, b) => a[0] - b[0]);
    // Node starts its delayed-task scheduler thread first, then the v8PoolSize platform workers.
    const helpers = rest.slice(0, v8PoolSize + 1);
    const later = rest.slice(v8PoolSize + 1).sort((a, b) => b[1] - a[1]);
    const busiest = later.slice(0, workers);
    return {
      main: round(seen.get(process.pid) ?? 0),
      v8Helpers: round(helpers.reduce((s, [, v]) => s + v, 0)),
      workers: busiest.map(([, v]) => round(v)),
      other: round(later.slice(workers).reduce((s, [, v]) => s + v, 0)),
    };
  };
}
