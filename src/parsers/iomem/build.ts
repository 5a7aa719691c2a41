/**
 * /proc/iomem into a tree (indentation gives depth), addresses kept as exact hex strings,
 * each region classified; a capture without root (all addresses zero) is detected.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Iomem, IomemKind, IomemRegion } from './types.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import type { ParserOptions } from '../options.js';
import { iomemParser, type IomemLine } from './grammar.js';
import { iomemLexer } from './tokens.js';

const lineParser: LineParser<IomemLine> = {
  get lexer() {
    return iomemLexer();
  },
  get parser() {
    return iomemParser();
  },
  rule: () => iomemParser().line(),
  expected: '"<start>-<end> : <name>" with hex addresses',
};

export function classifyRegion(name: string): IomemKind {
  const n = name.toLowerCase();
  if (n === 'system ram') return 'system-ram';
  if (/^kernel (code|data|text|bss)/.test(n)) return 'kernel';
  if (/(^|[^a-z])cma([^a-z]|$)|linux,cma/.test(n)) return 'cma';
  if (/carveout|vpr|nvdec|tsec|bpmp|optee|secure|ramoops|-carveout|fb\d?_carveout|camera|rce/.test(n)) return 'carveout';
  if (/reserved/.test(n)) return 'reserved';
  return 'device';
}

export function parseIomem(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Iomem {
  return parseWhole(iomemStream(src, sink, options), src.text);
}

export function iomemStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Iomem> {
  const roots: IomemRegion[] = [];
  const stack: IomemRegion[] = [];
  let allZero = true;
  let count = 0;
  const addRegion = (p: IomemLine, line: string, lineNo: number) => {
      count++;
      const depth = Math.floor((line.length - line.trimStart().length) / 2);
      const start = BigInt(`0x${p.start}`);
      const end = BigInt(`0x${p.end}`);
      if (start !== 0n || end !== 0n) allZero = false;
      const region: IomemRegion = {
        start: p.start,
        end: p.end,
        sizeBytes: end >= start ? Number(end - start + 1n) : 0,
        name: p.name,
        depth,
        line: lineNo,
        kind: classifyRegion(p.name),
        children: [],
      };
      while (stack.length > depth) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(region);
      else roots.push(region);
      stack.length = depth;
      stack.push(region);
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'iomem.unexpected-line',
    line: addRegion,
    empty: { when: () => count === 0, code: 'iomem.empty', message: 'no "<start>-<end> : <name>" lines found' },
    result: () => finish(src.path, roots, count, allZero, sink),
  });
}

function finish(file: string, roots: IomemRegion[], count: number, allZero: boolean, sink: DiagnosticSink): Iomem {
  const addressesHidden = count > 0 && allZero;
  if (addressesHidden) {
    sink.add('warning', 'iomem.addresses-hidden', 'every address is zero: /proc/iomem was captured without root, so sizes and the layout are unknown');
  }
  const totals: Record<IomemKind, number> = { 'system-ram': 0, reserved: 0, cma: 0, kernel: 0, carveout: 0, device: 0 };
  const walk = (rs: IomemRegion[], insideSame: Set<IomemKind>) => {
    for (const r of rs) {
      if (!insideSame.has(r.kind)) totals[r.kind] += r.sizeBytes;
      walk(r.children, new Set([...insideSame, r.kind]));
    }
  };
  if (!addressesHidden) walk(roots, new Set());
  return { file, regions: roots, addressesHidden, totals };
}
