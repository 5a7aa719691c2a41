/**
 * Preloaded into each benchmarked process (`node --import`): writes the process's peak
 * RSS and CPU time (user + system: far less noisy than wall time on a shared machine) to
 * the file named by JETDIAG_BENCH_RSS when it exits, however it exits.
 *
 * Peak RSS is read from /proc/self/status (VmHWM) where there is one: on Linux the
 * getrusage maximum (`resourceUsage().maxRSS`) carries over the parent's RSS at fork, so a
 * small case spawned by a large bench process would be reported at the bench's size.
 */
import { readFileSync, writeFileSync } from 'node:fs';

function peakRssMB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux: fall back to getrusage */
  }
  return process.resourceUsage().maxRSS / 1024;
}

const out = process.env.JETDIAG_BENCH_RSS;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(out, JSON.stringify({ rssMB: peakRssMB(), cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
  });
}
