/**
 * /proc/pagetypeinfo (optional input): free blocks per order and migrate type, CMA
 * included, and pageblocks per migrate type per zone.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Pagetypeinfo } from './types.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import type { ParserOptions } from '../options.js';
import { pagetypeinfoParser, type PagetypeLine } from './grammar.js';
import { pagetypeinfoLexer } from './tokens.js';

const lineParser: LineParser<PagetypeLine> = {
  get lexer() {
    return pagetypeinfoLexer();
  },
  get parser() {
    return pagetypeinfoParser();
  },
  rule: () => pagetypeinfoParser().line(),
  expected: '"Node N, zone NAME, type TYPE <counts>" or a header line',
};

export function parsePagetypeinfo(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Pagetypeinfo {
  return parseWhole(pagetypeinfoStream(src, sink, options), src.text);
}

export function pagetypeinfoStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Pagetypeinfo> {
  const out: Pagetypeinfo = { file: src.path, free: [], blocks: [] };
  let blockColumns: string[] = [];
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'pagetypeinfo.unexpected-line',
    line: (p, line, lineNo) => {
      if (p.type === 'text') {
        const head = p.words.join(' ');
        if (head === 'Page block order' && p.numbers.length) out.pageblockOrder = p.numbers[0];
        else if (head.startsWith('Number of blocks type')) blockColumns = p.words.slice(4);
        return;
      }
      if (p.migrateType) {
        out.free.push({ node: p.node, zone: p.zone, type: p.migrateType, counts: p.counts, line: lineNo, text: line.trimEnd() });
        return;
      }
      if (!blockColumns.length) {
        sink.add('warning', 'pagetypeinfo.no-header', 'block counts before the "Number of blocks type" header', lineNo);
        return;
      }
      const counts: Record<string, number> = {};
      blockColumns.forEach((name, k) => {
        if (p.counts[k] !== undefined) counts[name] = p.counts[k]!;
      });
      out.blocks.push({ node: p.node, zone: p.zone, counts, line: lineNo });
    },
    empty: { when: () => !out.free.length && !out.blocks.length, code: 'pagetypeinfo.empty', message: 'no "Node N, zone NAME, type ..." rows found' },
    result: () => out,
  });
}
