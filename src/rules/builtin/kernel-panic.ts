import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { inLogOrder, type SignatureHit } from '../signatures/match.js';
import { paramTag } from '../tags.js';

/**
 * Kernel panics, with the line that set each one off. `Kernel panic - not syncing: <reason>`
 * names only the mechanism (`hung_task: blocked tasks`, `softlockup: hung tasks`, `Hard LOCKUP`,
 * `Fatal exception`); the detector printed what it saw a few lines above, before the stack
 * dump: the blocked task, the CPU that was stuck, the oops. That line is the explanation a
 * reader needs, so the finding quotes it when the reason names a detector and the detector's
 * own line is close above the panic in the same log.
 */

/** Which detector's line explains a panic reason (the signature that reads that line). */
const TRIGGERS: { reason: RegExp; signature: 'hung-task' | 'soft-lockup' | 'kernel-oops'; pick?: (h: SignatureHit) => boolean }[] = [
  { reason: /^hung_task\b/, signature: 'hung-task' },
  // 4.9 and 5.x: "softlockup: hung tasks" after "BUG: soft lockup - CPU#n stuck for Ns!".
  { reason: /^softlockup\b/i, signature: 'soft-lockup', pick: (h) => h.groups.secs !== undefined },
  // 5.x: "Hard LOCKUP" after "Watchdog detected hard LOCKUP on cpu n" (4.9 puts that in the panic line itself).
  { reason: /hard lockup/i, signature: 'soft-lockup', pick: (h) => h.groups.secs === undefined },
  // "Fatal exception (in interrupt)" after the oops; "Asynchronous SError Interrupt" after the SError.
  { reason: /Fatal exception|Oops|SError/i, signature: 'kernel-oops' },
];

/** The detector's line is printed just before its stack dump: within this many lines above the panic... */
const TRIGGER_LINES = 400;
/** ...and, when both lines carry time stamps, within this many seconds of it. */
const TRIGGER_SECONDS = 60;

export const kernelPanic = defineRule({
  meta: {
    id: 'kernel-panic',
    title: 'Kernel panic',
    category: 'other',
    docs: {
      description: 'Reports each `Kernel panic - not syncing` line with its reason, and quotes the line that set it off when the reason names a detector (hung task, soft or hard lockup, oops or SError) whose own line is close above the panic.',
      why: 'A panic stops the kernel: the device rebooted (or hung, without panic_timeout). The reason names only the mechanism; the detector\'s line above it names the task, the CPU or the fault.',
      seed: 'signatures kernel-panic',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      found: 'The kernel panicked: {{reason}}{{trigger}}.',
    },
    remedy: [
      'The reason names the trigger (hung_task, softlockup, Out of memory, Fatal exception, VFS); the line quoted before it names the task, CPU or fault.',
    ],
    references: [],
    signatures: ['kernel-panic', 'hung-task', 'soft-lockup', 'kernel-oops'],
  },
  check({ snapshot, signatures, report }) {
    const panics = signatures.events('kernel-panic');
    if (!panics.length) return;
    const triggers = new Map<SignatureHit, SignatureHit>();
    for (const p of panics) {
      const rule = TRIGGERS.find((t) => t.reason.test(p.groups.reason ?? ''));
      if (!rule) continue;
      const before = panics.filter((o) => o !== p && o.file === p.file && o.boot === p.boot && o.record < p.record).map((o) => o.record);
      const after = Math.max(-1, ...before);
      const candidates = signatures.events(rule.signature).filter((h) =>
        !h.userspace && h.file === p.file && h.boot === p.boot &&
        h.record < p.record && h.record > after && p.record - h.record <= TRIGGER_LINES &&
        (h.t === undefined || p.t === undefined || p.t - h.t <= TRIGGER_SECONDS) &&
        (rule.pick?.(h) ?? true));
      const last = candidates[candidates.length - 1];
      if (last) triggers.set(p, last);
    }
    const first = panics[0]!;
    const cause = triggers.get(first);
    const used = [...new Set(triggers.values())].map((h) => h.signatureId as 'hung-task' | 'soft-lockup' | 'kernel-oops');
    report({
      messageId: 'found',
      severity: 'critical',
      confidence: 0.95,
      data: {
        reason: first.groups.reason ?? '',
        trigger: cause ? `, set off by: ${cause.message.trim().replace(/\.$/, '')}` : '',
      },
      figures: [
        { label: 'occurrences', value: panics.length },
        { label: 'first seen', value: hitTime(first) },
        ...(panics.length > 1 ? [{ label: 'last seen', value: hitTime(panics[panics.length - 1]!) }] : []),
      ],
      evidence: hitEvidence(snapshot.dmesg!.file, [...panics, ...triggers.values()].sort(inLogOrder)),
      tags: ['reboot', paramTag('signature', 'kernel-panic')],
      signatures: ['kernel-panic', ...new Set(used)],
    });
  },
});
