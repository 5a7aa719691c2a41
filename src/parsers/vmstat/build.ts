/**
 * /proc/vmstat into the snapshot: every `name value` counter with its line. Periodic
 * captures (stamp lines between them, or a counter seen again) become a series, so rules
 * can count what happened during the capture rather than since boot.
 */
import { forEachLine, type TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseLine, type LineParser } from '../common/line-runner.js';
import { CaptureSeries } from '../common/series.js';
import { lineLimits, type ParserOptions } from '../registry.js';
import { vmstatParser, type VmstatLine } from './grammar.js';
import { vmstatLexer } from './tokens.js';
import type { Vmstat, VmstatCapture } from './types.js';

const lineParser: LineParser<VmstatLine> = {
  lexer: vmstatLexer,
  parser: vmstatParser,
  rule: () => vmstatParser.line(),
  expected: '"<counter name> <number>"',
};

export function parseVmstat(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Vmstat {
  const series = new CaptureSeries<VmstatCapture>((base) => ({ ...base, values: {}, lines: {} }));
  forEachLine(
    src,
    sink,
    (line, lineNo) => {
      if (line.trim() === '' || series.stamp(line)) return;
      const p = parseLine(lineParser, line, lineNo, sink, 'vmstat.unexpected-line');
      if (!p) return;
      const c = series.at(lineNo, series.current !== null && p.name in series.current.values);
      c.values[p.name] = p.value;
      c.lines[p.name] = lineNo;
    },
    lineLimits(options),
  );
  if (!series.captures.length) sink.add('error', 'vmstat.empty', 'no "<counter> <number>" lines found');
  return { file: src.path, captures: series.captures };
}
