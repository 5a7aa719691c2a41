// @ts-nocheck
import { at, describeRule } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg, meminfo, ORIN_NANO_IDENTITY, tegrastats } from '../helpers/bundles.js';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { fixture } from '../helpers/fixtures.js';

// The series are generated in tegrastats' real JetPack 6 line format (helpers/bundles.ts); no public
// tegrastats log of a leaking service was found, so the shapes are synthetic and said so.

/** Removes samples [from, to): the log has a gap there (collector stopped, device off). */
const withGap = (log: string, from: number, to: number) => log.split('\n').filter((_, i) => i < from || i >= to).join('\n');

/** Grows from 2000 MB to 7300 MB (96% of 7620) in `minutes`, then drops back: an OOM kill or a restart. */
const sawtooth = (cycles: number, minutes: number) =>
  tegrastats(cycles * minutes * 60, (i) => ({ ramMB: 2000 + Math.round(((i % (minutes * 60)) / (minutes * 60)) * 5300) }));

/** `log` followed, after a 10 min pause (a reboot), by `n` flat samples at the boot level. */
const rebootAfter = (log: string, n: number) =>
  log +
  tegrastats(n, (i) => ({ ramMB: 1800 + (i % 4) }))
    .replace(/^11-24-2026 (\d\d)/gm, (_m, h) => `11-24-2026 ${String(Number(h) + 5).padStart(2, '0')}`)
    .replace(/^11-24-2026 13:(\d\d)/gm, (_m, mi) => `11-24-2026 13:${String(Number(mi) + 10).padStart(2, '0')}`);

describeRule('memory-leak', {
  valid: [
    { name: 'flat RAM for 2 h', files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3100 + (i % 7) })) } },
    {
      // A fit across the restart would see a line; each run on its own is flat.
      name: 'two flat runs, the second lower after a restart, with a gap between: never fitted across',
      files: { 'tegrastats.log': withGap(tegrastats(10800, (i) => ({ ramMB: i < 5400 ? 5200 + (i % 5) : 2100 + (i % 5) })), 5000, 6000) },
    },
  ],
  invalid: [
    {
      name: 'RAM rising 60 MB/h for 2 h',
      files: { 'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) + (i % 3) })) },
      findings: [{ messageId: 'leak', evidence: at('tegrastats.log', 1, 7200), tags: ['leak'], signatures: ['memavailable-downtrend'], severity: 'warning', verdict: /grows 60 MiB\/h over 120 min \(R² 1\.00\); at this rate memory runs out in 3\.1 days/ }],
    },
    {
      name: 'periodic meminfo with timestamps, MemAvailable falling fast',
      files: {
        'meminfo.log': [0, 1, 2, 3].map((h) => `2026-11-24T0${h}:00:00Z\n${meminfo({ MemAvailable: 2000000 - h * 400000 })}`).join(''),
      },
      findings: [{ messageId: 'leak', evidence: at('meminfo.log', 4, 157), tags: ['leak'], signatures: ['memavailable-downtrend'], severity: 'error', verdict: /grows 390\.6 MiB\/h over 3 h/ }],
    },
    {
      name: 'grow to full, drop, grow again: a sawtooth of three cycles is leak-to-OOM',
      files: { 'tegrastats.log': sawtooth(3, 40) },
      findings: [{ messageId: 'sawtooth', evidence: at('tegrastats.log', 1, 2400, 2401, 4800), tags: ['leak', 'leak-sawtooth'], signatures: ['memavailable-downtrend'], severity: 'error', verdict: /grew and fell back 2 times, each time climbing at about 7950 MiB\/h to 96% of RAM/ }],
    },
    {
      name: 'a run that grew until memory ran out, then a short flat run: no time-to-exhaustion',
      files: { 'tegrastats.log': tegrastats(9000, (i) => ({ ramMB: i < 7200 ? 2000 + Math.round(i * 0.74) : 1900 + (i % 3) })) },
      findings: [{ messageId: 'ranOut', evidence: at('tegrastats.log', 1, 7200), tags: ['leak'], signatures: ['memavailable-downtrend'], severity: 'error', verdict: /grew 2664 MiB\/h over 120 min \(R² 1\.00\) until memory ran out \(96% used\) \(segment 1 of 2: the log is split where it breaks, at used RAM back at its starting level\)/ }],
    },
    {
      name: 'restart in the middle: only the current run is fitted',
      files: { 'tegrastats.log': tegrastats(14400, (i) => ({ ramMB: i < 7200 ? 5000 + (i % 4) : 1500 + Math.round((i - 7200) / 60) })) },
      findings: [{ messageId: 'leak', evidence: at('tegrastats.log', 7201, 14400), tags: ['leak'], signatures: ['memavailable-downtrend'], verdict: /grows 60 MiB\/h over 120 min.*\(segment 2 of 2: the log is split where it breaks, at a sudden drop of used RAM\)/ }],
    },
    {
      // 5 h growing 300 MiB/h, a 10 min pause (rebooted), then 30 min flat at the boot level.
      name: 'a run cut short by a reboot before memory ran out',
      files: { 'tegrastats.log': rebootAfter(tegrastats(18000, (i) => ({ ramMB: 1800 + Math.round(i / 12) })), 1800) },
      findings: [{ messageId: 'leakCut', evidence: at('tegrastats.log', 1, 18000), tags: ['leak'], signatures: ['memavailable-downtrend'], severity: 'warning', verdict: /^Used RAM grew 300 MiB\/h over 5 h \(R² 1\.00\) \(segment 1 of 2: .*\) until a reboot \(line 18001\) at 43% used; at that rate memory would have run out 14\.4 h later\.$/ }],
    },
    {
      name: 'an OOM kill that cannot be placed on the tegrastats clock',
      files: {
        'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) })),
        'dmesg.txt': dmesg([...BOOT_DMESG, [7100.5, 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0']]),
      },
      findings: [{ messageId: 'leakAfterOom', evidence: [...at('tegrastats.log', 1, 7200), ...at('dmesg.txt', 7)], tags: ['leak'], signatures: ['memavailable-downtrend', 'oom-kill-victim'], severity: 'error', verdict: /memory has already run out: the kernel log shows 1 OOM kill\(s\) \(python3\), which cannot be placed on the tegrastats clock/ }],
    },
  ],
});

/** `dmesg -T` stamp for a second after 11-24-2026 08:00:00 (the tegrastats helper's start). */
const wallT = (s: number) => {
  const d = new Date(Date.UTC(2026, 10, 24, 8, 0, 0) + s * 1000);
  return `[Tue Nov 24 ${d.toISOString().slice(11, 19)} 2026]`;
};

/** An OOM kill in `dmesg -T` form; the lines are the current kernel's format (as in the leak-oom sample and the signature catalogue). */
const oomKill = (s: number, pid: number) => [
  `${wallT(s)} python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0`,
  `${wallT(s)} Out of memory: Killed process ${pid} (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0`,
];

function leakRun(files: Record<string, string>) {
  return runRules([ruleById('memory-leak')], snapshotFromFiles(files), { signatures: SIGNATURES });
}

describe('memory-leak across restarts', () => {
  it('a sawtooth with three OOM kills: each kill is placed at the top of the segment after it, and leak-sawtooth is tagged', () => {
    // Three runs of 40 min climbing to 96 %, each ended by an OOM kill, then a fourth run.
    const log = sawtooth(4, 40);
    const kills = [1, 2, 3].flatMap((c) => oomKill(c * 2400 - 0.5, 2210 + c));
    const r = leakRun({ 'tegrastats.log': log, 'dmesg.txt': kills.join('\n') + '\n' });
    const f = r.findings[0]!;
    expect(f.messageId).toBe('sawtooth');
    expect(f.tags).toEqual(['leak', 'leak-sawtooth']);
    expect(f.signatures).toContain('oom-kill-victim');
    expect(f.verdict).toMatch(/grew and fell back 3 times.*the OOM killer fired at each drop: python3 at 08:39:59, at the top of segment 2; python3 at 09:19:59, at the top of segment 3; python3 at 09:59:59, at the top of segment 4/);
    // Evidence: the real lines at the start and end of each cycle and the kernel's kill lines.
    const lines = log.split('\n');
    for (const e of f.evidence.filter((x) => x.file.endsWith('tegrastats.log'))) expect(e.text).toBe(lines[e.line - 1]);
    expect(f.evidence.filter((x) => x.file.endsWith('dmesg.txt')).map((e) => e.text)).toEqual([2, 4, 6].map((k) => kills[k - 1]!));
  });

  it('a leak before a reboot is not averaged away by the flat run after it', () => {
    // 5 h growing 1100 MB/h to 96 %, a 10 min pause (rebooted), then 1 h flat at the boot level.
    const grow = tegrastats(18000, (i) => ({ ramMB: 1800 + Math.round(i * 0.30556) }));
    const after = tegrastats(3600, (i) => ({ ramMB: 1800 + (i % 4) }))
      .replace(/^11-24-2026 (\d\d)/gm, (_m, h) => `11-24-2026 ${String(Number(h) + 5).padStart(2, '0')}`)
      .replace(/^11-24-2026 13:(\d\d)/gm, (_m, mi) => `11-24-2026 13:${String(Number(mi) + 10).padStart(2, '0')}`);
    const r = leakRun({ 'tegrastats.log': grow + after });
    const f = r.findings[0]!;
    expect(f.messageId).toBe('ranOut');
    expect(f.verdict).toMatch(/grew 1100 MiB\/h over 5 h .* until memory ran out \(96% used\) \(segment 1 of 2: the log is split where it breaks, at a reboot\)/);
  });

  it('a run cut short by a reboot before memory ran out: the slope stands, no claim that memory ran out', () => {
    const grow = tegrastats(18000, (i) => ({ ramMB: 1800 + Math.round(i / 12) }));
    const after = tegrastats(1800, (i) => ({ ramMB: 1800 + (i % 4) }))
      .replace(/^11-24-2026 (\d\d)/gm, (_m, h) => `11-24-2026 ${String(Number(h) + 5).padStart(2, '0')}`)
      .replace(/^11-24-2026 13:(\d\d)/gm, (_m, mi) => `11-24-2026 13:${String(Number(mi) + 10).padStart(2, '0')}`);
    const f = leakRun({ 'tegrastats.log': grow + after }).findings[0]!;
    expect(f.messageId).toBe('leakCut');
    expect(f.verdict).toMatch(/^Used RAM grew 300 MiB\/h over 5 h \(R² 1\.00\) \(segment 1 of 2: .*\) until a reboot \(line 18001\) at 43% used; at that rate memory would have run out 14\.4 h later\.$/);
    expect(f.verdict).not.toMatch(/ran out \(/);
  });

  it('an OOM kill that cannot be placed on the tegrastats clock: no promise of time left', () => {
    const r = leakRun({
      'tegrastats.log': tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) })),
      'dmesg.txt': dmesg([...BOOT_DMESG, [7100.5, 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0']]),
    });
    const f = r.findings[0]!;
    expect(f.messageId).toBe('leakAfterOom');
    expect(f.verdict).not.toMatch(/runs out in/);
    expect(f.verdict).toMatch(/memory has already run out: the kernel log shows 1 OOM kill\(s\) \(python3\), which cannot be placed on the tegrastats clock/);
  });

  it('a single capture is not evaluated, never passed', () => {
    const one = leakRun({ ...ORIN_NANO_IDENTITY, 'proc/meminfo': meminfo({}), 'tegrastats.log': fixture('tegrastats/jetson-orin-nano-8gb-jp6-01.txt') });
    expect(one.outcomes[0]).toMatchObject({ status: 'not-evaluated' });
    expect(one.outcomes[0]!.detail).toMatch(/^a single capture: the leak fit needs a series/);
  });

  it('evidence is the verbatim line of a real capture', () => {
    // Real Xavier NX log (GPU burn, 103 samples): too short to fit, so not evaluated; the
    // rising-RAM case below is the generated one and quotes its own real-format lines.
    const text = tegrastats(7200, (i) => ({ ramMB: 3000 + Math.round(i / 60) + (i % 3) }));
    const f = leakRun({ 'tegrastats.log': text }).findings[0]!;
    const lines = text.split('\n');
    expect(f.evidence.length).toBe(2);
    for (const e of f.evidence) expect(e.text).toBe(lines[e.line - 1]);
    const real = leakRun({ 'tegrastats.log': fixture('tegrastats/jetson-xavier-nx-jp5-01.txt') });
    expect(real.outcomes[0]).toMatchObject({ status: 'not-evaluated' });
    expect(real.outcomes[0]!.detail).toMatch(/the longest stretch of the RAM series spans/);
  });
});
