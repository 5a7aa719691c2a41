/**
 * /proc/zoneinfo into the snapshot: every zone stanza with all its keys, protection, the
 * per-cpu pagesets and the `per-node stats` block of kernels >= 4.8; 2.6 to 6.x layouts.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Zoneinfo, ZoneinfoNode, ZoneinfoZone } from './types.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import type { ParserOptions } from '../options.js';
import { zoneinfoParser, type ZoneinfoLine } from './grammar.js';
import { zoneinfoLexer } from './tokens.js';

const lineParser: LineParser<ZoneinfoLine> = {
  get lexer() {
    return zoneinfoLexer();
  },
  get parser() {
    return zoneinfoParser();
  },
  rule: () => zoneinfoParser().line(),
  expected: '"Node N, zone NAME" or "<key> [:] <number>"',
};

const TYPED: Record<string, keyof ZoneinfoZone> = {
  'pages free': 'free',
  min: 'min',
  low: 'low',
  high: 'high',
  spanned: 'spanned',
  present: 'present',
  managed: 'managed',
  nr_free_cma: 'nrFreeCma',
};

/** Zone lines evidence cites: their text is kept verbatim (other lines only by number). */
const QUOTED = new Set(['pages free', 'min', 'low', 'high', 'managed', 'nr_free_cma']);

/** A copy that does not pin the chunk of the file it was sliced from. */
function own(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

export function parseZoneinfo(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Zoneinfo {
  return parseWhole(zoneinfoStream(src, sink, options), src.text);
}

export function zoneinfoStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Zoneinfo> {
  const zones: ZoneinfoZone[] = [];
  const nodes: ZoneinfoNode[] = [];
  let zone: ZoneinfoZone | null = null;
  let mode: 'zone' | 'node-stats' | 'pagesets' = 'zone';
  let pageset: { cpu: number; values: Record<string, number> } | null = null;
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'zoneinfo.unexpected-line',
    before: (line, lineNo) => {
      if (!/^\s+-?\d+\s*$/.test(line)) return false;
      // Seen in a real 4.18 capture: a number on its own line. Nothing to attach it to.
      sink.add('info', 'zoneinfo.value-without-key', 'a number without a key; ignored', lineNo);
      return true;
    },
    line: (p, line, lineNo) => {
      if (p.type === 'header') {
        zone = { node: p.node, zone: p.zone, line: lineNo, values: {}, lines: {}, pagesets: [], text: { header: own(line) } };
        zones.push(zone);
        mode = 'zone';
        pageset = null;
        return;
      }
      if (!zone) {
        sink.add('warning', 'zoneinfo.orphan-line', 'line before any "Node N, zone NAME" header', lineNo);
        return;
      }
      const z: ZoneinfoZone = zone;
      const indent = line.length - line.trimStart().length;
      if (p.key === 'per-node stats') {
        mode = 'node-stats';
        nodes.push({ node: z.node, line: lineNo, stats: {} });
        return;
      }
      if (p.key === 'pagesets') {
        mode = 'pagesets';
        return;
      }
      if (p.key === 'pages free') mode = 'zone';
      if (mode === 'pagesets' && p.key === 'cpu' && p.value !== undefined) {
        pageset = { cpu: p.value, values: { ...(p.extra ?? {}) } };
        z.pagesets.push(pageset);
        return;
      }
      // 5.x prints each cpu's `vm stats threshold` at the zone's indent; it still belongs
      // to the pageset. Other indent-2 keys (node_unreclaimable, start_pfn) end the pagesets.
      if (mode === 'pagesets' && indent <= 2 && p.key !== 'vm stats threshold') mode = 'zone';
      if (p.value === undefined && !p.tuple) {
        sink.add('info', 'zoneinfo.no-value', `"${p.key}" has no value`, lineNo);
        return;
      }
      if (mode === 'node-stats') {
        nodes[nodes.length - 1]!.stats[p.key] = p.value!;
        return;
      }
      if (mode === 'pagesets' && pageset) {
        pageset.values[p.key] = p.value!;
        return;
      }
      if (p.key === 'protection' && p.tuple) {
        z.protection = p.tuple;
        return;
      }
      if (p.value === undefined) return;
      z.values[p.key] = p.value;
      z.lines[p.key] = lineNo;
      if (QUOTED.has(p.key)) z.text![p.key] = own(line);
      const typed = TYPED[p.key];
      if (typed) (z as unknown as Record<string, number>)[typed] = p.value;
    },
    empty: { when: () => !zones.length, code: 'zoneinfo.empty', message: 'no "Node N, zone NAME" stanza found' },
    result: () => ({ file: src.path, zones, nodes }),
  });
}
