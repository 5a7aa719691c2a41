/**
 * Turns a declarative signature into a rule: one finding per signature that matched, with
 * its count (rate-limited repeats included), first and last time, figures and evidence.
 */
import type { Evidence, Figure, Rule } from '../types.js';
import type { CompiledSignature } from './pack.js';
import { paramTag } from '../tags.js';
import { formatBootTime } from '../../util/format.js';
import type { SignatureHit, SignatureIndex } from './match.js';

export function hitTime(h: SignatureHit): string {
  // Boots of several files are named by the finding's lead-in, not by their index.
  if (h.monotonic !== undefined) return `${formatBootTime(h.monotonic, { epoch: h.clock, printed: h.wallClock })}${h.boot && !h.file ? ` (boot ${h.boot + 1})` : ''}`;
  return h.wallClock ?? `line ${h.line}`;
}

/** Each hit's line verbatim (a joined pair quotes its first line, the one cited). */
export function hitEvidence(file: string, hits: readonly SignatureHit[]): Evidence[] {
  return hits.map((h) => ({ file: h.file ?? file, line: h.line, text: (h.prefix ?? '') + h.message }));
}

/** Every capture name of every pattern, so templates may name any (absent ones render empty). */
function allGroups(sig: CompiledSignature, groups: Record<string, string | undefined> | undefined) {
  const out: Record<string, string> = {};
  for (const p of sig.patterns) for (const m of p.regex.matchAll(/\(\?<([A-Za-z_]\w*)>/g)) out[m[1]!] = '';
  for (const [k, v] of Object.entries(groups ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

/** Data handed to a signature's Handlebars templates. */
export function templateData(sig: CompiledSignature, idx: SignatureIndex) {
  const events = idx.events(sig.id);
  const suppressed = idx.suppressed(sig.id);
  return {
    count: events.length + suppressed,
    lines: events.length,
    suppressed,
    first: allGroups(sig, events[0]?.groups),
    last: allGroups(sig, events[events.length - 1]?.groups),
    firstTime: events[0] ? hitTime(events[0]) : '',
    lastTime: events.length ? hitTime(events[events.length - 1]!) : '',
  };
}

export function packRule(sig: CompiledSignature): Rule {
  return {
    meta: {
      id: sig.id,
      title: sig.title,
      category: sig.category,
      docs: {
        description: `${sig.title} (${sig.sources?.includes('kernel') === false ? 'user-space syslog/journal' : sig.sources?.includes('userspace') ? 'kernel or user-space' : 'kernel'} message signature${sig.kernels ? `; ${sig.kernels}` : ''}${sig.catalogue ? '' : '; own id, not in the catalogue'}).`,
        why: sig.remedy[0] ?? sig.title,
        seed: sig.references[0] ?? `rule pack ${sig.pack}`,
      },
      // A signature that reads user-space lines can run on a syslog with no kernel line in it.
      ...(sig.sources?.includes('userspace')
        ? { requires: [], unavailable: (s) => (s.dmesg?.records.length || s.dmesg?.userspace?.length ? null : 'kernel log or syslog/journal') }
        : { requires: ['dmesg'] }),
      thresholds: {},
      messages: { found: sig.verdict },
      remedy: sig.remedy,
      references: sig.references,
      pack: sig.pack,
      signatures: [sig.id],
    },
    check({ snapshot, signatures, report }) {
      const events = signatures.events(sig.id);
      if (events.length === 0) return;
      const data = templateData(sig, signatures);
      const all = signatures.hits(sig.id);
      const figures: Figure[] = [{ label: 'occurrences', value: data.count }];
      if (data.suppressed) figures.push({ label: 'rate-limited repeats (callbacks suppressed)', value: data.suppressed });
      figures.push({ label: 'first seen', value: data.firstTime });
      if (events.length > 1) figures.push({ label: 'last seen', value: data.lastTime });
      report({
        messageId: 'found',
        rendered: sig.verdictTemplate(data),
        severity: sig.severity,
        confidence: sig.confidence,
        figures,
        evidence: hitEvidence(snapshot.dmesg!.file, all),
        remedy: sig.remedyTemplates.map((t) => t(data)),
        tags: [...(sig.tags ?? []), paramTag('signature', sig.id)],
        signatures: [sig.id],
      });
    },
  };
}
