import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { inLogOrder, type SignatureHit } from '../signatures/match.js';
import { paramTag } from '../tags.js';

/**
 * Kernel oopses and SErrors, counted as the kernel printed them: an arm64 oops prints
 * `Unable to handle kernel ... at virtual address` and then `Internal error: Oops: <esr> [#n]`
 * for the same fault (two lines, one oops), and an SError the hardware raises is often taken
 * by several CPUs at the same instant (one `CPUn: SError detected` line each, one error).
 */

/** The `Internal error` line of the same oops follows its `Unable to handle` line within this many lines. */
const OOPS_LINES = 40;
/** SError lines of other CPUs within this many seconds of the first are the same error. */
const SERROR_SECONDS = 1;
/** Without time stamps, SError lines this close (lines) are the same error. */
const SERROR_LINES = 20;

interface Incident {
  kind: 'oops' | 'serror';
  hits: SignatureHit[];
}

const isSError = (h: SignatureHit) => h.groups.cpu !== undefined;
const isInternalError = (h: SignatureHit) => h.groups.what !== undefined;
const sameFile = (a: SignatureHit, b: SignatureHit) => a.file === b.file && a.boot === b.boot;

function incidents(hits: readonly SignatureHit[]): Incident[] {
  const out: Incident[] = [];
  let oops: Incident | undefined;
  let serror: Incident | undefined;
  for (const h of [...hits].sort(inLogOrder)) {
    if (isSError(h)) {
      const first = serror?.hits[0];
      const cpus = new Set(serror?.hits.map((x) => x.groups.cpu));
      const close = first && sameFile(first, h) && !cpus.has(h.groups.cpu) &&
        (first.t !== undefined && h.t !== undefined ? h.t - first.t <= SERROR_SECONDS : h.line - serror!.hits[serror!.hits.length - 1]!.line <= SERROR_LINES);
      if (serror && close) serror.hits.push(h);
      else out.push((serror = { kind: 'serror', hits: [h] }));
      continue;
    }
    const last = oops?.hits[oops.hits.length - 1];
    // `Internal error` right under this oops' `Unable to handle` line is the same oops.
    if (isInternalError(h) && oops && last && !oops.hits.some(isInternalError) && sameFile(last, h) && h.line - last.line <= OOPS_LINES) {
      oops.hits.push(h);
      continue;
    }
    out.push((oops = { kind: 'oops', hits: [h] }));
  }
  return out;
}

export const kernelOops = defineRule({
  meta: {
    id: 'kernel-oops',
    title: 'Kernel oops',
    category: 'other',
    docs: {
      description: 'Counts kernel oopses and SErrors as the kernel printed them: the `Unable to handle kernel ...` line and the `Internal error: Oops ... [#n]` under it are one oops; SError lines of several CPUs within a second are one hardware error.',
      why: 'An oops kills the task or, with panic_on_oops, the device; an SError is an error the hardware reported (bad register access, bus or DRAM error). Counting each printed line as a crash overstates how often it happened.',
      seed: 'signatures kernel-oops',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      found: '{{count}} kernel oops{{detail}}.',
    },
    remedy: [
      'The stack under the oops names the driver; update or fix it.',
      'If a "Kernel panic - not syncing" line follows, the image panics on oops (kernel.panic_on_oops): the device rebooted.',
    ],
    references: [],
    signatures: ['kernel-oops'],
  },
  check({ snapshot, signatures, report }) {
    const all = incidents(signatures.events('kernel-oops'));
    if (!all.length) return;
    const first = all[0]!;
    const cpus = first.hits.map((h) => `CPU${h.groups.cpu}`);
    const detail = first.kind === 'serror'
      ? ` or SError: ${cpus.length > 1 ? `the CPUs took one SError at once (${cpus.join(', ')})` : `the CPU took an SError (${cpus[0]})`}, an uncorrectable error the hardware reported (bad register access, bus or DRAM error)`
      : ': a driver dereferenced a bad pointer';
    const serrors = all.filter((i) => i.kind === 'serror').length;
    report({
      messageId: 'found',
      signatures: ['kernel-oops'],
      severity: 'critical',
      confidence: 0.9,
      data: { count: all.length, detail },
      figures: [
        { label: 'occurrences', value: all.length },
        ...(serrors ? [{ label: 'SErrors', value: serrors }] : []),
        { label: 'first seen', value: hitTime(first.hits[0]!) },
        ...(all.length > 1 ? [{ label: 'last seen', value: hitTime(all[all.length - 1]!.hits[0]!) }] : []),
      ],
      evidence: hitEvidence(snapshot.dmesg!.file, all.flatMap((i) => i.hits)),
      tags: ['reboot', paramTag('signature', 'kernel-oops')],
    });
  },
});
