// @ts-nocheck
// 
import { defineRule } from '../define.js';
import { paramTag, type Tag } from '../tags.js';
import type { ShowMemReport, Snapshot } from '../../snapshot/types.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { compact, dmesgLineEvidence } from '../evidence.js';
import { round } from '../stats.js';
import { gfpMovable, groupEpisodes, groupOomKills, killHits, type OomKill } from './oom-episodes.js';
import { memoryAtFailure } from './show-mem.js';

const OOM_IDS = ['oom-invoked', 'oom-kill-victim', 'oom-kill-summary', 'oom-task-table', 'oom-reaper', 'page-alloc-failure', 'show-mem-zone', 'show-mem-buddy'] as const;
type OomId = (typeof OOM_IDS)[number];

const kbToMiB = (kb: string | undefined) => (kb === undefined ? NaN : round(Number(kb) / 1024));

function victimName(k: OomKill): string | undefined {
  return k.victim?.groups.comm ?? k.selection?.groups.comm ?? k.summary?.groups.task ?? k.reaper?.groups.comm ?? k.reaper?.groups.unreaped_comm;
}

function largestTask(k: OomKill): { name: string; rssMiB: number } | undefined {
  let top: { name: string; rssMiB: number } | undefined;
  for (const r of k.rows) {
    const rssMiB = round((Number(r.groups.rss) * 4) / 1024);
    if (!top || rssMiB > top.rssMiB) top = { name: r.groups.name!.trim(), rssMiB };
  }
  return top;
}

function cited(kills: OomKill[]): OomId[] {
  const ids = new Set<string>(kills.flatMap(killHits).map((h) => h.signatureId));
  if (kills.some((k) => k.memory?.zones.length)) ids.add('show-mem-zone');
  if (kills.some((k) => k.memory?.buddy.length)) ids.add('show-mem-buddy');
  return OOM_IDS.filter((id) => ids.has(id));
}

/** The show-mem zone and free-list lines of the report, quoted from the kernel log. */
function memoryEvidence(s: Snapshot, m: ShowMemReport | undefined) {
  if (!m) return [];
  return compact([...m.zones, ...m.buddy].map((z) => dmesgLineEvidence(s, m.file, z.line)));
}

/** Checklist step 5: each OOM episode with victims, RSS, trigger, gfp mask and order, memory state at the kill. */
export const oomKills = defineRule({
  meta: {
    id: 'oom-kills',
    title: 'OOM kills and page allocation failures',
    category: 'oom',
    docs: {
      description: 'Reads every OOM report shape (4.9 two-line victims, current one-line victims, memory-cgroup kills, excerpts with only the header, only the victim or only the task table) and reports one finding per OOM episode: victims, RSS, the task that triggered it, gfp mask and order, and the memory state the kernel printed at that moment (zone watermarks, free blocks per order, free CMA); page allocation failures by order.',
      why: 'On Jetson the GPU, camera and CPU share DRAM; an OOM kill is the end of a budget overrun or a leak, and the victim is not always the culprit.',
      seed: 'seed §20 step 5, §21 OOM Killer on Jetson; signatures oom-invoked, oom-kill-victim, oom-kill-summary, oom-task-table, oom-reaper, page-alloc-failure, show-mem-zone, show-mem-buddy',
    },
    requires: ['dmesg'],
    thresholds: { fragmentationOrder: 3 },
    messages: {
      kill: 'The OOM killer killed {{victims}}{{when}}; triggered by {{invoker}} ({{request}}){{extra}}.',
      memcg: '{{victims}} killed by a memory-cgroup limit ({{memcg}}), not by the device running out of memory{{when}}.',
      invokedOnly: 'The OOM killer was invoked by {{invoker}} ({{request}}){{when}}, but the log holds no victim line (cut short?){{extra}}.',
      tableOnly: 'An OOM task table without its header or victim{{when}}: the largest task was {{task}} ({{rssMiB}} MiB RSS).',
      allocFailures: '{{count}} page allocation failure(s), highest order {{maxOrder}} ({{maxKiB}} KiB){{frag}}.',
      unreaped: 'The OOM reaper could not reap {{comm}} (pid {{pid}}): the victim is stuck, often in a driver holding the mmap lock.',
    },
    remedy: [
      'Budget CPU + GPU + camera memory together: they share one DRAM pool; check tegrastats RAM around the kill.',
      'Reduce model size (INT8/INT4), camera buffer count or resolution; offload layers to the DLA where the board has one.',
      'Set process memory limits (systemd MemoryMax=) and give the inference service a lower oom_score_adj only if something else can be sacrificed.',
      'GPU memory allocated through nvmap is not in anon-rss: a small victim RSS with a large shortfall points at GPU/camera buffers.',
    ],
    references: ['Linux kernel documentation: Documentation/filesystems/proc.rst (oom_score_adj)', 'Linux kernel documentation: Documentation/admin-guide/cgroup-v2.rst (memory.max, OOM events)'],
    signatures: OOM_IDS,
  },
  check({ snapshot, signatures, thresholds, report }) {
    const file = snapshot.dmesg!.file;
    const kills = groupOomKills(signatures, snapshot.dmesg!.memoryReports ?? []);
    for (const episode of groupEpisodes(kills)) {
      const ks = episode.kills;
      const victims = ks.filter((k) => victimName(k) && (k.victim || k.selection || k.summary));
      const invoked = ks.find((k) => k.invoked)?.invoked?.groups;
      const first = ks[0]!;
      const firstHit = killHits(first)[0]!;
      const when = ` at ${hitTime(firstHit)}`;
      const memcg = ks.some((k) => k.summary?.groups.constraint === 'CONSTRAINT_MEMCG' || /Memory cgroup/.test(k.victim?.groups.scope ?? k.selection?.groups.scope ?? ''));
      const names = victims.map((k) => {
        const v = k.victim?.groups ?? k.selection?.groups;
        const pid = v?.pid ?? k.summary?.groups.pid;
        const rss = k.victim ? `, anon-rss ${kbToMiB(k.victim.groups.anon_rss_kb)} MiB` : '';
        return `${victimName(k)}${pid ? ` (pid ${pid}${rss})` : ''}`;
      });
      const victimsText = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
      const mem = ks.map((k) => k.memory).find((m) => m);
      const state = memoryAtFailure(mem, invoked, thresholds.fragmentationOrder);
      const top = ks.map(largestTask).find((t) => t);
      const extra = [
        top && !victims.some((k) => victimName(k) === top.name) ? `; the largest task in the table was ${top.name} (${top.rssMiB} MiB RSS)` : '',
        ...state.notes.map((n) => `; ${n}`),
      ].join('');
      const request = invoked ? `order ${invoked.order}, ${invoked.gfp_flags ?? invoked.gfp_mask}` : 'request not in the log';
      const evidence = [...ks.flatMap((k) => hitEvidence(file, killHits(k))), ...memoryEvidence(snapshot, mem)].sort((a, b) => a.line - b.line);
      const figures = [
        ...(victims.length ? [{ label: 'victims', value: names.join('; ') }] : []),
        ...(victims[0]?.victim ? [{ label: 'anon-rss', value: kbToMiB(victims[0].victim.groups.anon_rss_kb), unit: 'MiB' }, { label: 'total-vm', value: kbToMiB(victims[0].victim.groups.total_vm_kb), unit: 'MiB' }] : []),
        ...(invoked ? [{ label: 'gfp_mask', value: `${invoked.gfp_mask}${invoked.gfp_flags ? ` (${invoked.gfp_flags})` : ''}` }, { label: 'order', value: Number(invoked.order) }] : []),
        ...(ks.length > 1 ? [{ label: 'kills in this episode', value: ks.filter((k) => k.victim || k.selection).length }] : []),
        ...state.figures,
        { label: 'when', value: hitTime(firstHit) },
      ];
      const tags: Tag[] = ['oom', ...victims.map((k) => paramTag('process', victimName(k)!)), ...state.tags];
      const base = { figures, evidence, signatures: cited(ks) };
      if (memcg) {
        const memcgName = ks.map((k) => k.summary?.groups.oom_memcg).find((x) => x) ?? 'container limit';
        report({ ...base, messageId: 'memcg', severity: 'error', confidence: 0.9, data: { victims: victimsText || 'a process', memcg: memcgName, when }, remedy: ["Raise or remove the container memory limit (docker --memory), or reduce the container's working set."], tags: [...tags, 'oom-memcg'] });
      } else if (victims.length) {
        report({ ...base, messageId: 'kill', severity: 'critical', confidence: invoked ? 0.95 : 0.85, data: { victims: victimsText, when, invoker: invoked?.invoker ?? 'a task not in the log', request, extra }, tags });
      } else if (invoked) {
        report({ ...base, messageId: 'invokedOnly', severity: 'critical', confidence: 0.75, data: { invoker: invoked.invoker!, request, when, extra }, tags });
      } else if (top) {
        report({ ...base, messageId: 'tableOnly', severity: 'error', confidence: 0.6, data: { when, task: top.name, rssMiB: top.rssMiB }, tags: ['oom', paramTag('process', top.name)] });
      }
    }
    const fails = signatures.events('page-alloc-failure');
    if (fails.length) {
      const maxOrder = Math.max(...fails.map((h) => Number(h.groups.order)));
      const frag = maxOrder >= thresholds.fragmentationOrder ? ': high-order requests failing points at fragmentation (compare /proc/buddyinfo)' : '';
      const byOrder = new Map<number, number>();
      for (const h of fails) byOrder.set(Number(h.groups.order), (byOrder.get(Number(h.groups.order)) ?? 0) + 1);
      report({
        messageId: 'allocFailures',
        signatures: ['page-alloc-failure'],
        severity: maxOrder >= thresholds.fragmentationOrder ? 'error' : 'warning',
        confidence: 0.85,
        data: { count: fails.length, maxOrder, maxKiB: 4 * 2 ** maxOrder, frag },
        figures: [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([o, c]) => ({ label: `order ${o} (${4 * 2 ** o} KiB)`, value: c })),
        evidence: hitEvidence(file, fails),
        remedy: ['For drivers, switch large kmalloc to kvmalloc or scatter-gather; keep big buffers pre-allocated.', 'Raise vm.min_free_kbytes; as a diagnostic, echo 1 > /proc/sys/vm/compact_memory.'],
        tags: maxOrder >= thresholds.fragmentationOrder ? ['alloc-failure', 'fragmentation'] : ['alloc-failure'],
      });
    }
    for (const h of signatures.events('oom-reaper')) {
      if (h.groups.unreaped_pid === undefined) continue;
      report({
        messageId: 'unreaped',
        signatures: ['oom-reaper'],
        severity: 'error',
        confidence: 0.8,
        data: { comm: h.groups.unreaped_comm!, pid: h.groups.unreaped_pid },
        evidence: hitEvidence(file, [h as SignatureHit]),
        tags: ['oom'],
      });
    }
    void gfpMovable;
  },
});
