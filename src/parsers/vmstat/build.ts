/**
 * /proc/vmstat into the snapshot: every `name value` counter with its line. Periodic
 * captures (stamp lines between them, or a counter seen again) become a series, so rules
 * can count what happened during the capture rather than since boot.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { CaptureSeries } from '../common/series.js';
import type { ParserOptions } from '../options.js';
import { vmstatParser, type VmstatLine } from './grammar.js';
import { vmstatLexer } from './tokens.js';
import type { Vmstat, VmstatCapture } from './types.js';

const lineParser: LineParser<VmstatLine> = {
  get lexer() {
    return vmstatLexer();
  },
  get parser() {
    return vmstatParser();
  },
  rule: () => vmstatParser().line(),
  expected: '"<counter name> <number>"',
};

export function parseVmstat(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Vmstat {
  return parseWhole(vmstatStream(src, sink, options), src.text);
}

export function vmstatStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Vmstat> {
  const series = new CaptureSeries<VmstatCapture>((base) => ({ ...base, values: {}, lines: {} }));
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'vmstat.unexpected-line',
    before: (line) => series.stamp(line),
    line: (p, _line, lineNo) => {
      const c = series.at(lineNo, series.current !== null && p.name in series.current.values);
      c.values[p.name] = p.value;
      c.lines[p.name] = lineNo;
    },
    empty: { when: () => series.captures.length === 0, code: 'vmstat.empty', message: 'no "<counter> <number>" lines found' },
    result: () => ({ file: src.path, captures: series.captures }),
  });
}
