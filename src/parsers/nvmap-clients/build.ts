/**
 * nvmap's per-process NVMM accounting (`/sys/kernel/debug/nvmap/iovmm/clients`, root only)
 * into the snapshot: who holds GPU, camera and codec buffers on a Jetson, where RSS does
 * not show them. Periodic captures (stamp lines or a repeated header) become a series.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { CaptureSeries } from '../common/series.js';
import type { ParserOptions } from '../options.js';
import { nvmapParser, type NvmapLine } from './grammar.js';
import { nvmapLexer } from './tokens.js';
import type { NvmapClients, NvmapClientsCapture } from './types.js';

const lineParser: LineParser<NvmapLine> = {
  get lexer() {
    return nvmapLexer();
  },
  get parser() {
    return nvmapParser();
  },
  rule: () => nvmapParser().line(),
  expected: '"CLIENT PROCESS PID SIZE", "<client> <process> <pid> <size>K" or "total <size>K"',
};

const UNIT: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

export function sizeBytes(s: string): number {
  return Number(s.slice(0, -1)) * UNIT[s.slice(-1)]!;
}

export function parseNvmapClients(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): NvmapClients {
  return parseWhole(nvmapClientsStream(src, sink, options), src.text);
}

export function nvmapClientsStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<NvmapClients> {
  const series = new CaptureSeries<NvmapClientsCapture>((base) => ({ ...base, clients: [] }));
  const onLine = (p: NvmapLine, line: string, lineNo: number) => {
    if (p.kind === 'header') {
      series.at(lineNo, series.current !== null && (series.current.clients.length > 0 || series.current.total !== undefined));
    } else if (p.kind === 'total') {
      series.at(lineNo).total = { bytes: sizeBytes(p.size), line: lineNo };
    } else {
      // The PID is the last number of the name part (htop, jtop and the kernel agree on the column order).
      const m = /^(.*?)\s*(\d+)$/.exec(p.process);
      const process = m ? m[1]! : p.process;
      if (m && !process) sink.add('warning', 'nvmap-clients.no-process', 'a row without a process name', lineNo);
      series.at(lineNo).clients.push({ line: lineNo, client: p.client, process: process || '(unnamed process)', pid: m ? Number(m[2]) : undefined, sizeBytes: sizeBytes(p.size), text: line.trimEnd() });
    }
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'nvmap-clients.unexpected-line',
    before: (line) => series.stamp(line),
    line: onLine,
    empty: { when: () => series.captures.length === 0, code: 'nvmap-clients.empty', message: 'no nvmap client rows found' },
    result: () => ({ file: src.path, captures: series.captures }),
  });
}
