import { defineRule } from '../define.js';
import { paramTag, type Tag } from '../tags.js';
import type { SignatureHit } from '../signatures/match.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { round } from '../stats.js';

interface OomEvent {
  victim?: SignatureHit;
  invoked?: SignatureHit;
  summary?: SignatureHit;
  zones: SignatureHit[];
  buddy: SignatureHit[];
  topTask?: { name: string; rssMiB: number };
}

/** show-mem-buddy: are all free blocks >= 256 kB marked (C), i.e. inside CMA? */
export function highOrdersOnlyInCma(lines: SignatureHit[]): boolean {
  let big = 0;
  let bigOutsideCma = 0;
  for (const h of lines) {
    for (const m of h.groups.buckets!.matchAll(/(\d+)\*(\d+)kB(?: \(([UMEHCRI]+)\))?/g)) {
      if (Number(m[2]) < 256 || Number(m[1]) === 0) continue;
      big++;
      if (m[3] !== 'C') bigOutsideCma++;
    }
  }
  return big > 0 && bigOutsideCma === 0;
}

const OOM_IDS = ['oom-invoked', 'oom-kill-victim', 'oom-kill-summary', 'oom-task-table', 'oom-reaper', 'page-alloc-failure', 'show-mem-zone', 'show-mem-buddy'] as const;
type OomId = (typeof OOM_IDS)[number];
const citedIds = (hits: SignatureHit[]): OomId[] => OOM_IDS.filter((id) => hits.some((h) => h.signatureId === id));

const kbToMiB = (kb: string | undefined) => (kb === undefined ? NaN : round(Number(kb) / 1024));

/** Checklist step 5: every OOM kill with victim, RSS, trigger, gfp mask and order; allocation failures. */
export const oomKills = defineRule({
  meta: {
    id: 'oom-kills',
    title: 'OOM kills and page allocation failures',
    category: 'oom',
    docs: {
      description: 'Reads each OOM report (header, Mem-Info, task table, summary, victim, reaper) and reports the victim, its RSS, the task that triggered it, the gfp mask and order, repeated kills of one process, memory-cgroup kills, and page allocation failures by order.',
      why: 'On Jetson the GPU, camera and CPU share DRAM; an OOM kill is the end of a budget overrun or a leak, and the victim is not always the culprit.',
      seed: 'seed §20 step 5, §21 OOM Killer on Jetson; signatures oom-invoked, oom-kill-victim, oom-kill-summary, oom-task-table, oom-reaper, page-alloc-failure, show-mem-zone',
    },
    requires: ['dmesg'],
    thresholds: { fragmentationOrder: 3 },
    messages: {
      kill: 'The OOM killer killed {{victim}} (pid {{pid}}, anon-rss {{rssMiB}} MiB){{times}}; triggered by {{invoker}} (order {{order}}, {{gfp}}){{extra}}.',
      memcg: '{{victim}} (pid {{pid}}) was killed by a memory-cgroup limit ({{memcg}}), not by the device running out of memory{{times}}.',
      allocFailures: '{{count}} page allocation failure(s), highest order {{maxOrder}} ({{maxKiB}} KiB){{frag}}.',
      unreaped: 'The OOM reaper could not reap {{comm}} (pid {{pid}}): the victim is stuck, often in a driver holding the mmap lock.',
    },
    remedy: [
      'Budget CPU + GPU + camera memory together: they share one DRAM pool; check tegrastats RAM around the kill.',
      'Reduce model size (INT8/INT4), camera buffer count or resolution; offload layers to the DLA where the board has one.',
      'Set process memory limits (systemd MemoryMax=) and give the inference service a lower oom_score_adj only if something else can be sacrificed.',
      'GPU memory allocated through nvmap is not in anon-rss: a small victim RSS with a large shortfall points at GPU/camera buffers.',
    ],
    references: ['seed §21 OOM Killer on Jetson', 'shared/signatures.md oom-kill-victim, oom-invoked, page-alloc-failure'],
    signatures: OOM_IDS,
  },
  check({ snapshot, signatures, thresholds, report }) {
    const file = snapshot.dmesg!.file;
    // Order every OOM-related line by record so each victim can find its own report.
    const invoked = signatures.events('oom-invoked');
    const victims = signatures.hits('oom-kill-victim').filter((h) => h.role === 'primary');
    const summaries = signatures.events('oom-kill-summary');
    const zones = signatures.events('show-mem-zone');
    const rows = signatures.hits('oom-task-table').filter((h) => h.role === 'row');
    const buddyLines = signatures.events('show-mem-buddy');
    const events: OomEvent[] = [];
    let prev = -1;
    for (const v of victims) {
      const inRange = (h: SignatureHit) => h.record > prev && h.record <= v.record && h.boot === v.boot;
      const inv = invoked.filter(inRange).at(-1);
      const from = inv?.record ?? prev;
      const within = (h: SignatureHit) => h.record >= from && h.record <= v.record;
      const table = rows.filter(within);
      let topTask: OomEvent['topTask'];
      for (const r of table) {
        const rssMiB = round((Number(r.groups.rss) * 4) / 1024);
        if (!topTask || rssMiB > topTask.rssMiB) topTask = { name: r.groups.name!.trim(), rssMiB };
      }
      events.push({ victim: v, invoked: inv, summary: summaries.filter(within).at(-1), zones: zones.filter(within), buddy: buddyLines.filter(within), topTask });
      prev = v.record;
    }
    // Headers whose victim line never came (log cut short).
    for (const inv of invoked) if (!events.some((e) => e.invoked === inv)) events.push({ invoked: inv, zones: [], buddy: [] });

    const perVictim = new Map<string, number>();
    for (const e of events) if (e.victim) perVictim.set(e.victim.groups.comm!, (perVictim.get(e.victim.groups.comm!) ?? 0) + 1);
    for (const e of events) {
      const v = e.victim?.groups;
      const inv = e.invoked?.groups;
      const victim = v?.comm ?? 'an unknown process (victim line missing)';
      const n = v ? perVictim.get(v.comm!)! : 1;
      const times = n > 1 ? ` — killed ${n} times in this log` : '';
      const memcg = e.summary?.groups.constraint === 'CONSTRAINT_MEMCG' || v?.scope === 'Memory cgroup out of memory';
      const trap = e.zones.find((z) => z.groups.free_cma_kb && Number(z.groups.free_kb) - Number(z.groups.free_cma_kb) < Number(z.groups.min_kb));
      const extra = [
        e.topTask && e.topTask.name !== v?.comm ? `; largest task in the table was ${e.topTask.name} (${e.topTask.rssMiB} MiB RSS)` : '',
        inv && Number(inv.order) > 0 ? '; a higher-order request: fragmentation may be involved' : '',
        highOrdersOnlyInCma(e.buddy) ? '; the Mem-Info free lists had blocks of 256 kB and up only in CMA pageblocks' : '',
        trap ? `; zone ${trap.groups.zone} free memory was mostly CMA (free ${trap.groups.free_kb} kB, free_cma ${trap.groups.free_cma_kb} kB, min ${trap.groups.min_kb} kB)` : '',
      ].join('');
      const evidenceHits = [e.invoked, e.summary, ...e.zones, ...e.buddy, e.victim].filter((h): h is SignatureHit => !!h);
      const cited = citedIds([...evidenceHits, ...(e.topTask ? signatures.hits('oom-task-table').slice(0, 1) : [])]);
      const figures = [
        { label: 'victim', value: victim },
        ...(v ? [{ label: 'anon-rss', value: kbToMiB(v.anon_rss_kb), unit: 'MiB' }, { label: 'total-vm', value: kbToMiB(v.total_vm_kb), unit: 'MiB' }] : []),
        ...(inv ? [{ label: 'gfp_mask', value: `${inv.gfp_mask}${inv.gfp_flags ? ` (${inv.gfp_flags})` : ''}` }, { label: 'order', value: Number(inv.order) }] : []),
        { label: 'when', value: hitTime((e.victim ?? e.invoked)!) },
      ];
      const tags: Tag[] = ['oom', paramTag('process', v?.comm ?? 'unknown')];
      if (trap) tags.push('cma-trap');
      if (memcg) {
        report({
          messageId: 'memcg', signatures: cited,
          severity: 'error',
          confidence: 0.9,
          data: { victim, pid: v?.pid ?? '?', memcg: e.summary?.groups.oom_memcg ?? 'container limit', times },
          figures,
          evidence: hitEvidence(file, evidenceHits),
          remedy: ['Raise or remove the container memory limit (docker --memory), or reduce the container\'s working set.'],
          tags: [...tags, 'oom-memcg'],
        });
        continue;
      }
      report({
        messageId: 'kill', signatures: cited,
        severity: 'critical',
        confidence: v ? 0.95 : 0.7,
        data: {
          victim,
          pid: v?.pid ?? '?',
          rssMiB: kbToMiB(v?.anon_rss_kb),
          times,
          invoker: inv?.invoker ?? 'an unknown task',
          order: inv?.order ?? '?',
          gfp: inv?.gfp_flags ?? inv?.gfp_mask ?? 'gfp unknown',
          extra,
        },
        figures,
        evidence: hitEvidence(file, evidenceHits),
        tags,
      });
    }
    const fails = signatures.events('page-alloc-failure');
    if (fails.length) {
      const maxOrder = Math.max(...fails.map((h) => Number(h.groups.order)));
      const frag = maxOrder >= thresholds.fragmentationOrder! ? ': high-order requests failing points at fragmentation (compare /proc/buddyinfo)' : '';
      const byOrder = new Map<number, number>();
      for (const h of fails) byOrder.set(Number(h.groups.order), (byOrder.get(Number(h.groups.order)) ?? 0) + 1);
      report({
        messageId: 'allocFailures', signatures: ['page-alloc-failure'],
        severity: maxOrder >= thresholds.fragmentationOrder! ? 'error' : 'warning',
        confidence: 0.85,
        data: { count: fails.length, maxOrder, maxKiB: 4 * 2 ** maxOrder, frag },
        figures: [...byOrder.entries()].sort((a, b) => a[0] - b[0]).map(([o, c]) => ({ label: `order ${o} (${4 * 2 ** o} KiB)`, value: c })),
        evidence: hitEvidence(file, fails),
        remedy: ['For drivers, switch large kmalloc to kvmalloc or scatter-gather; keep big buffers pre-allocated.', 'Raise vm.min_free_kbytes; as a diagnostic, echo 1 > /proc/sys/vm/compact_memory.'],
        tags: maxOrder >= thresholds.fragmentationOrder! ? ['alloc-failure', 'fragmentation'] : ['alloc-failure'],
      });
    }
    for (const h of signatures.events('oom-reaper')) {
      if (h.groups.unreaped_pid === undefined) continue;
      report({
        messageId: 'unreaped', signatures: ['oom-reaper'],
        severity: 'error',
        confidence: 0.8,
        data: { comm: h.groups.unreaped_comm!, pid: h.groups.unreaped_pid },
        evidence: hitEvidence(file, [h]),
        tags: ['oom'],
      });
    }
  },
});
