/**
 * Turns the raw entries of a bundle into the inventory and the text sources each parser
 * reads: detects the layout by its marker at any depth, splits NVIDIA's single bug-report
 * log into virtual files, picks one file per input kind (every kernel log is kept) and
 * records what fed nothing.
 */
// @ts-nocheck

// 

import { DiagnosticSink, type Diagnostic } from '../snapshot/diagnostics.js';
import { classifyByContent, classifyByName, classifySectionTitle, isMultiKind, SNIFF_HEAD_CHARS } from './classify.js';
import type { BundleInventory, BundleLayout, BundleProblem, InputKind, InventoryEntry } from './inventory.js';
import type { ReadResult, RawEntry } from './read.js';
import type { StreamedResult } from './streamed.js';
import { decodeText, type TextSource } from './text.js';
import { splitBugReport } from './bugreport.js';

export interface AssembledBundle {
  inventory: BundleInventory;
  /** Chosen sources per kind (one; several for thermal zones and kernel logs, best first). */
  inputs: Map<InputKind, TextSource[]>;
  diagnostics: Diagnostic[];
}

interface Candidate {
  entry: InventoryEntry;
  source: TextSource;
  kind: InputKind;
  rank: number;
  by: 'name' | 'content' | 'section';
}

const CONTENT_RANK = 10_000;
/** What a NUL byte stands for in inputs that legitimately hold them (others are binary). */
export const NUL_MEANS: Partial<Record<InputKind, string>> = {
  'dt-model': '\n',
  'dt-compatible': '\n',
  'dt-dtsfilename': '\n',
  'dt-serial-number': '\n',
  // A bug report cat's device-tree files: spaces keep its line numbers true.
  'nvidia-bug-report': ' ',
};

export function assembleBundle(source: string, read: ReadResult): AssembledBundle {
  const problems: BundleProblem[] = [...read.problems];
  const diagnostics: Diagnostic[] = [];
  const entries: InventoryEntry[] = [];
  const { layout, root } = detectLayout(read);
  const candidates: Candidate[] = [];

  const consider = (raw: RawEntry, inv: InventoryEntry) => {
    if (raw.streamed) {
      considerStreamed(raw, raw.streamed, inv);
      return;
    }
    if (raw.ignored || !raw.data) {
      inv.unusedReason = raw.ignored ?? 'not read';
      return;
    }
    const rel = root && raw.path.startsWith(root) ? raw.path.slice(root.length) : raw.path;
    const byName = classifyByName(rel, layout);
    const sink = new DiagnosticSink(raw.path);
    const decoded = decodeText(raw.data, sink, (byName && NUL_MEANS[byName.kind]) ?? null);
    diagnostics.push(...sink.finish());
    if (decoded.text === null) {
      inv.unusedReason = decoded.rejected;
      return;
    }
    const text = decoded.text;
    noteTailed(raw, inv);
    let kind = byName?.kind ?? null;
    let by: Candidate['by'] = 'name';
    let rank = byName?.rank ?? CONTENT_RANK;
    if (!kind) {
      kind = classifyByContent(text.slice(0, SNIFF_HEAD_CHARS));
      by = 'content';
    }
    if (!kind) {
      inv.unusedReason = 'not recognised by name or content';
      return;
    }
    if (kind === 'nvidia-bug-report') {
      inv.kind = kind;
      inv.recognisedBy = by;
      for (const section of splitBugReport({ path: raw.path, text, lineOffset: 0 })) {
        const sKind = classifySectionTitle(section.title) ?? classifyByContent(section.source.text.slice(0, SNIFF_HEAD_CHARS));
        const vEntry: InventoryEntry = {
          path: `${raw.path}#${section.title}`,
          size: Buffer.byteLength(section.source.text),
        };
        entries.push(vEntry);
        if (!sKind || sKind === 'nvidia-bug-report') {
          vEntry.unusedReason = 'section not used by any check';
          continue;
        }
        candidates.push({ entry: vEntry, source: section.source, kind: sKind, rank: CONTENT_RANK - 1, by: 'section' });
      }
      return;
    }
    candidates.push({ entry: inv, source: { path: raw.path, text, lineOffset: 0 }, kind, rank, by });
  };

  const noteTailed = (raw: RawEntry, inv: InventoryEntry) => {
    if (!/\.tailed$/i.test(raw.path)) return;
    inv.truncated = true;
    problems.push({
      severity: 'warning',
      code: 'bundle.cut-by-collector',
      file: raw.path,
      message: 'file was cut short by the collector (sosreport keeps only its tail); early lines are missing',
    });
  };

  // A file parsed as it streamed in: its kind was decided on arrival, from its name (with
  // the layout known then) or its first lines.
  const considerStreamed = (raw: RawEntry, s: StreamedResult, inv: InventoryEntry) => {
    diagnostics.push(...s.diagnostics);
    if (s.rejected) {
      inv.unusedReason = s.rejected;
      return;
    }
    noteTailed(raw, inv);
    const rel = root && raw.path.startsWith(root) ? raw.path.slice(root.length) : raw.path;
    const byName = classifyByName(rel, layout);
    if (!s.kind) {
      inv.unusedReason = 'not recognised by name or content';
      return;
    }
    if (s.by === 'name' && byName?.kind !== s.kind) {
      inv.unusedReason = `read as ${s.kind} before the archive showed its layout (${layout}); not used`;
      return;
    }
    if (s.kind === 'nvidia-bug-report') {
      inv.kind = s.kind;
      inv.recognisedBy = s.by;
      for (const section of s.sections ?? []) {
        const vEntry: InventoryEntry = { path: `${raw.path}#${section.title}`, size: section.size };
        entries.push(vEntry);
        if (!section.kind || section.kind === 'nvidia-bug-report') {
          vEntry.unusedReason = 'section not used by any check';
          continue;
        }
        candidates.push({ entry: vEntry, source: section.source, kind: section.kind, rank: CONTENT_RANK - 1, by: 'section' });
      }
      return;
    }
    candidates.push({ entry: inv, source: s.source!, kind: s.kind, rank: byName?.rank ?? CONTENT_RANK, by: s.by });
  };

  for (const raw of read.entries) {
    const inv: InventoryEntry = { path: raw.path, size: raw.size };
    if (raw.truncated) inv.truncated = true;
    entries.push(inv);
    consider(raw, inv);
  }

  const inputs = chooseInputs(candidates);
  noteEmptyInputs(inputs, problems);
  return {
    inventory: {
      source,
      layout,
      root: root || undefined,
      entries,
      problems,
      totalBytes: read.totalBytes,
    },
    inputs,
    diagnostics,
  };
}

function detectLayout(read: ReadResult): { layout: BundleLayout; root: string } {
  for (const e of read.entries) {
    const i = e.path.indexOf('sos_commands/');
    if (i >= 0 && (i === 0 || e.path[i - 1] === '/')) return { layout: 'sosreport', root: e.path.slice(0, i) };
  }
  if (read.entries.some((e) => classifyByName(e.path)?.kind === 'nvidia-bug-report')) {
    return { layout: 'nvidia-bug-report', root: '' };
  }
  if (read.kind === 'file') return { layout: 'single-file', root: '' };
  return { layout: 'flat', root: '' };
}

function chooseInputs(candidates: Candidate[]): Map<InputKind, TextSource[]> {
  const inputs = new Map<InputKind, TextSource[]>();
  const best = new Map<InputKind, Candidate>();
  for (const c of candidates) {
    if (isMultiKind(c.kind)) continue;
    const cur = best.get(c.kind);
    if (!cur || c.rank < cur.rank) best.set(c.kind, c);
  }
  // Every kernel log is read (current boot, previous boots, pstore, serial captures), best
  // ranked first: the snapshot orders them in time and drops a boot read twice.
  const logs = candidates.filter((c) => c.kind === 'dmesg').sort((a, b) => a.rank - b.rank);
  const ordered = [...candidates.filter((c) => c.kind !== 'dmesg'), ...logs];
  for (const c of ordered) {
    const chosen = best.get(c.kind);
    if (isMultiKind(c.kind) || c.kind === 'dmesg' || chosen === c) {
      c.entry.kind = c.kind;
      c.entry.recognisedBy = c.by;
      const list = inputs.get(c.kind) ?? [];
      list.push(c.source);
      inputs.set(c.kind, list);
    } else {
      c.entry.unusedReason = `another file supplied ${c.kind}: ${chosen!.entry.path}`;
    }
  }
  return inputs;
}

function noteEmptyInputs(inputs: Map<InputKind, TextSource[]>, problems: BundleProblem[]) {
  for (const [kind, sources] of inputs) {
    for (const s of sources) {
      if (s.parsed ? !s.blank : s.text.trim() !== '') continue;
      const hint =
        kind === 'dmesg'
          ? ' (captured without root? JetPack 5 and later restrict dmesg to root: collect with sudo)'
          : kind === 'zoneinfo' || kind === 'pagetypeinfo' || kind === 'iomem'
            ? ' (captured without root?)'
            : '';
      problems.push({ severity: 'warning', code: 'bundle.empty-file', file: s.path, message: `${kind} file is empty${hint}` });
    }
  }
}
