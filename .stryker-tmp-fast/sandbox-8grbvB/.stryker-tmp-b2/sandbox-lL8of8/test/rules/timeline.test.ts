/** Kernel-log events placed on the tegrastats clock: by their own stamp, by a line with both stamps, by capture time minus uptime. */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { kernelTimeline, placeOnSegments } from '../../src/rules/timeline.js';
import { tegrastats } from '../helpers/bundles.js';

// The OOM line is the current kernel's format (see the leak-oom sample); stamps are the three
// real ways a kernel log carries time: `dmesg -T`, kern.log (syslog + seconds since boot),
// plain dmesg (seconds since boot) with a collector manifest and /proc/uptime.
const KILL = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';
const LOG = tegrastats(1200, (i) => ({ ramMB: i < 600 ? 3000 + i * 7 : 2100 }));
const at = (epochIso: string) => Date.parse(epochIso) / 1000;

function firstRecord(files: Record<string, string>) {
  const s = snapshotFromFiles({ 'tegrastats.log': LOG, ...files });
  const r = s.dmesg!.records.find((x) => x.message.includes('Killed process'))!;
  return { s, e: kernelTimeline(s).epochOf(r) };
}

describe('kernel timeline', () => {
  it('dmesg -T: the line carries its clock time', () => {
    const { s, e } = firstRecord({ dmesg: `[Tue Nov 24 08:09:59 2026] ${KILL}\n` });
    expect(e).toBe(at('2026-11-24T08:09:59Z'));
    // The RAM drop (sample 600 at 08:10:00) splits the log; the kill sits at the end of segment 1.
    expect(placeOnSegments(s.tegrastats!, e!)).toEqual({ kind: 'within', segment: 0 });
  });

  it('kern.log: the year comes from the tegrastats log, and a line with both stamps dates the boot', () => {
    const { e } = firstRecord({
      'var/log/kern.log': `Nov 24 07:00:00 orin kernel: [    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\nNov 24 08:10:00 orin kernel: [ 4200.250000] ${KILL}\n`,
    });
    expect(e).toBe(at('2026-11-24T08:10:00Z'));
  });

  it('plain dmesg: the collector capture time minus uptime dates the boot', () => {
    const { s, e } = firstRecord({
      dmesg: `[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n[ 3000.500000] ${KILL}\n`,
      'manifest.json': JSON.stringify({ capture_time: '2026-11-24T08:20:00Z' }),
      'proc/uptime': '5000.00 16000.00\n',
    });
    // Boot at 06:56:40; the kill 3000.5 s later, before the tegrastats log starts.
    expect(e).toBe(at('2026-11-24T06:56:40Z') + 3000.5);
    expect(placeOnSegments(s.tegrastats!, e!)).toEqual({ kind: 'before' });
  });

  it('plain dmesg without a capture time cannot be placed', () => {
    expect(firstRecord({ dmesg: `[ 3000.500000] ${KILL}\n` }).e).toBeUndefined();
  });
});

describe('kernel timeline from the collector manifest boot time', () => {
  it('uses boot_time when the manifest has it', () => {
    const { e } = firstRecord({
      dmesg: `[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]\n[ 3000.500000] ${KILL}\n`,
      'manifest.json': JSON.stringify({ capture_time: '2026-11-24T09:30:00Z', boot_time: '2026-11-24T07:26:07Z' }),
    });
    expect(e).toBe(at('2026-11-24T07:26:07Z') + 3000.5);
  });
});
