/**
 * Preloaded into each benchmarked process (`node --import`): writes the process's peak
 * RSS and CPU time (user + system: far less noisy than wall time on a shared machine) to
 * the file named by JETDIAG_BENCH_RSS when it exits, however it exits.
 */
// @ts-nocheck

import { writeFileSync } from 'node:fs';

const out = process.env.JETDIAG_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ rssMB: u.maxRSS / 1024, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
