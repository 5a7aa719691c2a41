/** Runs every registered parser over the assembled bundle and returns the snapshot. */
// @ts-nocheck

import type { AssembledBundle } from '../bundle/assemble.js';
import { FILE_PARSERS } from '../parsers/registry.js';
import type { ParserOptions } from '../parsers/options.js';
import { parseIdentity } from '../parsers/identity/build.js';
import { noteCollectorManifest } from './collector-manifest.js';
import { DiagnosticSink, type Diagnostic } from './diagnostics.js';
import { SCHEMA_VERSION, type Dmesg, type Snapshot } from './types.js';
import { mergeKernelLogs } from './kernel-logs.js';
import type { TextSource } from '../bundle/text.js';
import { VERSION } from '../version.js';
import { DEFAULT_LINE_LIMITS } from '../bundle/text.js';
import { formatBootTime } from '../util/format.js';

export const DEFAULT_PARSER_OPTIONS: ParserOptions = { tegrastatsIntervalSeconds: 1 };

export function buildSnapshot(
  bundle: AssembledBundle,
  options: ParserOptions = DEFAULT_PARSER_OPTIONS,
  maxLineLength = DEFAULT_LINE_LIMITS.maxLineLength,
): Snapshot {
  const diagnostics: Diagnostic[] = [...bundle.diagnostics];
  const snapshot: Snapshot = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'jetdiag', version: VERSION },
    bundle: bundle.inventory,
    diagnostics,
  };
  const parse = (p: (typeof FILE_PARSERS)[number], src: TextSource): unknown => {
    if (src.parsed) {
      // Parsed while the bundle streamed in.
      diagnostics.push(...src.parsed.diagnostics);
      return src.parsed.value;
    }
    const sink = new DiagnosticSink(src.path);
    let value: unknown;
    try {
      value = p.parse(src, sink, { ...options, maxLineLength });
    } catch (e) {
      // Parsers are built not to throw; if one does, the rest of the bundle still counts.
      sink.add('error', 'parser.crashed', `the ${p.kind} parser failed: ${(e as Error).message}`);
    }
    diagnostics.push(...sink.finish());
    return value;
  };
  for (const p of FILE_PARSERS) {
    const sources = bundle.inputs.get(p.kind) ?? [];
    if (p.part === 'dmesg') {
      // Every kernel log of the bundle, as boot segments in time order.
      const logs = sources.flatMap((src) => {
        const d = parse(p, src) as Dmesg | undefined;
        return d ? [{ file: src.path, dmesg: d }] : [];
      });
      const merged = mergeKernelLogs(logs, bundle.inventory);
      if (merged) snapshot.dmesg = merged;
      continue;
    }
    const src = sources[0];
    if (!src) continue;
    const value = parse(p, src);
    if (value !== undefined) (snapshot as unknown as Record<string, unknown>)[p.part] = value;
  }
  noteCaptureProblems(snapshot);
  const idSink = new DiagnosticSink('identity');
  const identity = parseIdentity(bundle.inputs, idSink, snapshot);
  if (identity) snapshot.identity = identity;
  noteCollectorManifest(snapshot);
  diagnostics.push(...idSink.finish());
  return snapshot;
}

/** Problems of the capture itself that the report must show next to the findings. */
function noteCaptureProblems(s: Snapshot): void {
  const problems = s.bundle.problems;
  const d = s.dmesg;
  if (d && d.records.length > 0 && d.startsMidBoot) {
    problems.push({
      severity: 'warning',
      code: 'dmesg.boot-lines-missing',
      file: d.file,
      message: `the kernel log starts at ${d.records[0]!.monotonic !== undefined ? formatBootTime(d.records[0]!.monotonic) : 'mid-boot'}: the ring buffer wrapped or the capture is an excerpt, so boot-time lines (CMA reservation, trip points) are missing`,
    });
  }
  for (const src of d?.sources ?? []) {
    if (src.file === d!.file || src.skippedLines === 0) continue;
    problems.push({
      severity: 'info',
      code: 'dmesg.lines-skipped',
      file: src.file,
      message: `${src.skippedLines} line(s) were not kernel messages (bootloader or serial-console output, journal banners, user-space journal entries) and were skipped`,
    });
  }
  if (d && d.skippedLines > 0) {
    problems.push({
      severity: 'info',
      code: 'dmesg.lines-skipped',
      file: d.file,
      message: `${d.skippedLines} line(s) were not kernel messages (bootloader or serial-console output, journal banners, user-space journal entries) and were skipped`,
    });
  }
  const unknown = Object.entries(s.tegrastats?.unknownFields ?? {});
  if (unknown.length) {
    problems.push({
      severity: 'info',
      code: 'tegrastats.unknown-fields',
      file: s.tegrastats!.file,
      message: `fields jetdiag does not read were kept aside: ${unknown.map(([k, u]) => `${k} (${u.count}x, e.g. "${u.example}" at line ${u.line})`).join(', ')}`,
    });
  }
  if (s.iomem?.addressesHidden) {
    problems.push({
      severity: 'warning',
      code: 'iomem.captured-without-root',
      file: s.iomem.file,
      message: '/proc/iomem was captured without root: every address reads 0, so the memory map and carve-out sizes are unknown',
    });
  }
}
