/**
 * How OOM report lines group into kills and kills into episodes (src/rules/builtin/oom-episodes.ts),
 * at each distance that decides it: 30 s between a kill's first line and a later one, 400 log
 * lines when there are no timestamps, 60 s between kills of one episode, a reboot in between.
 * The lines are the catalogue's formats: the 5.x header, summary and victim lines of the
 * leak-oom sample, the reaper lines of mm/oom_kill.c (issue #14, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { groupEpisodes, groupOomKills, killHits } from '../../src/rules/builtin/oom-episodes.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { SIGNATURES } from '../helpers/rule-cases.js';
import { BOOT_DMESG, dmesg } from '../helpers/bundles.js';
import { realLog } from '../helpers/fixtures.js';

const HEAD = 'python3 invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0';
const SUMMARY = 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/user.slice/user-1000.slice/session-3.scope,task=python3,pid=2210,uid=1000';
const VICTIM = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';
const SELECT = 'Out of memory: Kill process 2210 (python3) score 714 or sacrifice child';
const REAPED = 'oom_reaper: reaped process 2210 (python3), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB';
const UNREAPED = 'oom_reaper: unable to reap pid:2210 (python3)';
const TABLE = '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name';
const ROW = '[   2210]  1000  2210  2345678  1404567   7901184        0             0 python3';

function kills(text: string) {
  const s = snapshotFromFiles({ dmesg: text });
  return groupOomKills(matchSignatures(s.dmesg, SIGNATURES), s.dmesg!.memoryReports ?? []);
}
const parts = (k: ReturnType<typeof kills>[number]) => killHits(k).map((h) => h.signatureId + (h.role !== 'primary' ? `/${h.role}` : ''));
/** Plain kernel lines with no timestamp: only their distance in the log says what belongs together. */
const FILLER = (n: number) => Array.from({ length: n }, (_, i) => `usb 1-2.${i % 9}: new high-speed USB device number ${i + 3} using tegra-xusb`);

describe('lines of one kill', () => {
  it('header, task table, summary, victim and reaper of one 5.x report are one kill, in log order', () => {
    const ks = kills(dmesg([[5120.1, HEAD], [5120.2, TABLE], [5120.2, ROW], [5120.3, SUMMARY], [5120.3, VICTIM], [5121.4, REAPED]]));
    expect(ks.length).toBe(1);
    expect(parts(ks[0]!)).toEqual(['oom-invoked', 'oom-task-table/header', 'oom-task-table/row', 'oom-kill-summary', 'oom-kill-victim', 'oom-reaper']);
    expect(ks[0]!.first).toBeLessThan(ks[0]!.last);
    expect(ks[0]!.t).toBe(5120.1);
  });

  it('a line 30 s after the kill began still joins it; 30.5 s after, it starts another', () => {
    expect(kills(dmesg([[100, HEAD], [130, VICTIM]])).length).toBe(1);
    const two = kills(dmesg([[100, HEAD], [130.5, VICTIM]]));
    expect(two.length).toBe(2);
    expect(parts(two[1]!)).toEqual(['oom-kill-victim']);
  });

  it('the kill keeps the time of its first line: a reaper 50 s after the header is another kill even with the victim between', () => {
    const ks = kills(dmesg([[100, HEAD], [125, VICTIM], [150, UNREAPED]]));
    expect(ks.map(parts)).toEqual([['oom-invoked', 'oom-kill-victim'], ['oom-reaper']]);
  });

  it('without timestamps, 400 lines apart joins and 401 does not', () => {
    expect(kills([HEAD, ...FILLER(399), VICTIM, ''].join('\n')).length).toBe(1);
    const far = kills([HEAD, ...FILLER(400), VICTIM, ''].join('\n'));
    expect(far.map(parts)).toEqual([['oom-invoked'], ['oom-kill-victim']]);
    expect(far[1]!.t).toBeUndefined();
  });

  it('a reboot between the header and the victim parts them', () => {
    const ks = kills(dmesg([[100, HEAD], ...BOOT_DMESG, [1.5, VICTIM]]));
    expect(ks.map(parts)).toEqual([['oom-invoked'], ['oom-kill-victim']]);
    expect(ks[0]!.boot).not.toBe(ks[1]!.boot);
  });

  it('a second summary, victim or reaper line starts a new kill', () => {
    expect(kills(dmesg([[100, SUMMARY], [100.1, SUMMARY]])).map(parts)).toEqual([['oom-kill-summary'], ['oom-kill-summary']]);
    expect(kills(dmesg([[100, VICTIM], [100.1, SUMMARY]])).map(parts)).toEqual([['oom-kill-victim'], ['oom-kill-summary']]);
    expect(kills(dmesg([[100, VICTIM], [100.1, VICTIM]])).map(parts)).toEqual([['oom-kill-victim'], ['oom-kill-victim']]);
    expect(kills(dmesg([[100, VICTIM], [100.1, REAPED], [100.2, UNREAPED]])).map(parts)).toEqual([['oom-kill-victim', 'oom-reaper'], ['oom-reaper']]);
    expect(kills(dmesg([[100, REAPED]])).map(parts)).toEqual([['oom-reaper']]);
  });

  it('4.9 two-line victims: the selection then the kill are one; a selection after a victim is another', () => {
    expect(kills(dmesg([[100, HEAD], [100.1, SELECT], [100.2, VICTIM]])).map(parts)).toEqual([['oom-invoked', 'oom-kill-victim/selection', 'oom-kill-victim']]);
    expect(kills(dmesg([[100, VICTIM], [100.1, SELECT]])).map(parts)).toEqual([['oom-kill-victim'], ['oom-kill-victim/selection']]);
    expect(kills(dmesg([[100, SELECT], [100.1, SELECT]])).map(parts)).toEqual([['oom-kill-victim/selection'], ['oom-kill-victim/selection']]);
  });

  it('a task table after a victim, or a second table header, starts a new kill', () => {
    expect(kills(dmesg([[100, VICTIM], [100.1, TABLE], [100.1, ROW]])).map(parts)).toEqual([['oom-kill-victim'], ['oom-task-table/header', 'oom-task-table/row']]);
    expect(kills(dmesg([[100, TABLE], [100.1, TABLE]])).map(parts)).toEqual([['oom-task-table/header'], ['oom-task-table/header']]);
    expect(kills(dmesg([[100, VICTIM], [100.1, ROW]])).map(parts)).toEqual([['oom-kill-victim'], ['oom-task-table/row']]);
  });

  it('a header always starts a new kill', () => {
    expect(kills(dmesg([[100, HEAD], [100.1, HEAD]])).length).toBe(2);
  });
});

describe('memory report of a kill', () => {
  it('a show-mem block inside the kill belongs to it; one after the kill does not', () => {
    const block = realLog('oom-rpi-3872-showmem.log');
    const inside = kills([`[  492.600000] ${HEAD}`, block, `[  492.700000] ${VICTIM}`, ''].join('\n'));
    expect(inside.length).toBe(1);
    expect(inside[0]!.memory?.zones[0]?.zone).toBe('DMA');
    const after = kills([`[  400.000000] ${VICTIM}`, block, ''].join('\n'));
    expect(after[0]!.memory).toBeUndefined();
  });
});

describe('episodes', () => {
  const at = (...ts: number[]) => groupEpisodes(kills(dmesg(ts.map((t) => [t, VICTIM] as [number, string])))).map((e) => e.kills.length);
  it('kills 60 s apart are one episode; 61 s apart two', () => {
    expect(at(100, 160)).toEqual([2]);
    expect(at(100, 161)).toEqual([1, 1]);
    expect(at(100, 150, 200, 300)).toEqual([3, 1]);
  });

  it('the gap is measured from the previous kill, not the episode start', () => {
    expect(at(100, 150, 200)).toEqual([3]);
  });

  it('without timestamps, kills within 400 lines are one episode', () => {
    const near = groupEpisodes(kills([VICTIM, ...FILLER(399), VICTIM, ''].join('\n')));
    expect(near.map((e) => e.kills.length)).toEqual([2]);
    const far = groupEpisodes(kills([VICTIM, ...FILLER(400), VICTIM, ''].join('\n')));
    expect(far.map((e) => e.kills.length)).toEqual([1, 1]);
  });

  it('a reboot between two kills parts the episodes', () => {
    expect(groupEpisodes(kills(dmesg([[100, VICTIM], ...BOOT_DMESG, [1.5, VICTIM]]))).map((e) => e.kills.length)).toEqual([1, 1]);
  });

  it('no kills, no episodes', () => {
    expect(groupEpisodes([])).toEqual([]);
  });
});
