import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import type { SignatureHit, SignatureIndex } from '../signatures/match.js';
import { paramTag } from '../tags.js';

/**
 * An arm64 CPU register dump (`pc : <function>+0x../0x..`, `PC is at ...` on 4.9) is printed
 * under an oops, a WARN, a lockup or an NMI backtrace, and that first line says which. When
 * the log holds the dump but not its first line (an excerpt cut above it, lines of other
 * drivers interleaved), the dump still says a CPU stopped in a known function: it is reported
 * on its own, as what it is, without claiming a crash.
 */

/** A header this many lines above the `pc` line explains the dump. */
const HEADER_LINES = 60;

/** Signatures whose lines start a register dump (besides this pack's WARN, cut-here and NMI lines). */
const HEADER_SIGNATURES = ['kernel-oops', 'soft-lockup', 'kernel-panic', 'rcu-stall'] as const;

const sameFile = (a: SignatureHit, b: SignatureHit) => a.file === b.file && a.boot === b.boot;

function headers(signatures: SignatureIndex): SignatureHit[] {
  const own = signatures.hits('kernel-register-dump').filter((h) => h.groups.where !== undefined || /cut here/.test(h.message) || /^NMI backtrace/.test(h.message.trim()));
  return [...own, ...HEADER_SIGNATURES.flatMap((id) => signatures.events(id))];
}

export const kernelRegisterDump = defineRule({
  meta: {
    id: 'kernel-register-dump',
    title: 'Kernel register dump without its first line',
    category: 'other',
    docs: {
      description: 'Reports an arm64 CPU register dump (`pc : function+off/len`) that no oops, WARN, lockup, panic or NMI-backtrace line explains within 60 lines above it: the log was cut above the dump. Names the function, the task and the workqueue the dump shows.',
      why: 'A register dump is printed only when the kernel hit an oops, a WARN or a lockup; an excerpt that lost that first line still shows where the CPU was. Silence would call such a log clean.',
      seed: 'https://github.com/anduril/jetpack-nixos/issues/34',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      dump: '{{count}} kernel register dump(s) without the oops, WARN or lockup line that starts them (first: the CPU was in {{pc}}{{context}}): the log is cut above the dump, so whether the kernel crashed or only warned is not in it.',
    },
    remedy: [
      'Get the whole kernel log of that boot (serial console, journalctl -k -b, pstore): the line above the dump says oops, WARN or lockup, and the stack under it names the driver.',
      'The function in the pc line is where the CPU was: its driver is the first suspect.',
    ],
    references: ['https://github.com/anduril/jetpack-nixos/issues/34'],
    signatures: [],
  },
  check({ snapshot, signatures, report }) {
    const hits = signatures.hits('kernel-register-dump');
    const pcs = signatures.events('kernel-register-dump');
    if (!pcs.length) return;
    const heads = headers(signatures);
    const orphans = pcs.filter((pc) => !heads.some((h) => sameFile(h, pc) && h.line <= pc.line && pc.line - h.line <= HEADER_LINES));
    if (!orphans.length) return;
    const first = orphans[0]!;
    // The task and workqueue lines printed with the dump (just above the pc line).
    const near = (h: SignatureHit) => sameFile(h, first) && h.line < first.line && first.line - h.line <= 12;
    const task = [...hits].reverse().find((h) => near(h) && h.groups.comm !== undefined);
    const wq = [...hits].reverse().find((h) => near(h) && h.groups.workqueue !== undefined);
    const context = [task ? `, task ${task.groups.comm} on CPU ${task.groups.cpu}` : '', wq ? `, workqueue ${wq.groups.workqueue}` : ''].join('');
    const evidence = [...(task ? [task] : []), ...(wq ? [wq] : []), ...orphans].sort((a, b) => a.line - b.line);
    report({
      messageId: 'dump',
      signatures: [],
      severity: 'warning',
      confidence: 0.6,
      data: { count: orphans.length, pc: first.groups.pc!, context },
      figures: [
        { label: 'register dumps without a first line', value: orphans.length },
        { label: 'first seen', value: hitTime(first) },
        { label: 'function (first)', value: first.groups.pc! },
      ],
      evidence: hitEvidence(snapshot.dmesg!.file, evidence),
      tags: [paramTag('signature', 'kernel-register-dump')],
    });
  },
});
