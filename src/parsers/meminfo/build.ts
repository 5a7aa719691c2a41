/**
 * /proc/meminfo into the snapshot: every `Key: value [kB]` line kept (unknown keys too),
 * kB values in bytes. Several captures in a row (a periodic log, with or without timestamp
 * lines between them) become a series: a key seen again starts a new capture.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Meminfo, MeminfoCapture } from './types.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { looksLikeTimestampLine, timestampSeconds } from '../common/timestamps.js';
import type { ParserOptions } from '../options.js';
import { meminfoParser, type MeminfoLine } from './grammar.js';
import { meminfoLexer } from './tokens.js';

const UNIT_BYTES: Record<string, number> = { kB: 1024, KB: 1024, mB: 1024 ** 2, MB: 1024 ** 2, gB: 1024 ** 3, GB: 1024 ** 3 };

/** Fields whose lines evidence cites: their text is kept verbatim (other lines only by number). */
const QUOTED = new Set(['MemTotal', 'MemFree', 'MemAvailable', 'SwapTotal', 'SwapFree', 'CmaTotal', 'CmaFree', 'Committed_AS', 'CommitLimit']);

const lineParser: LineParser<MeminfoLine> = {
  get lexer() {
    return meminfoLexer();
  },
  get parser() {
    return meminfoParser();
  },
  rule: () => meminfoParser().line(),
  expected: '"Key:   <number> kB"',
};

export function parseMeminfo(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Meminfo {
  return parseWhole(meminfoStream(src, sink, options), src.text);
}

export function meminfoStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Meminfo> {
  const captures: MeminfoCapture[] = [];
  let current: MeminfoCapture | null = null;
  let pendingTime: string | undefined;
  const before = (line: string) => {
    if (/^[A-Za-z][A-Za-z0-9_()]*:/.test(line) || !looksLikeTimestampLine(line)) return false;
    pendingTime = line.trim();
    current = null;
    return true;
  };
  const onLine = (parsed: MeminfoLine, line: string, lineNo: number) => {
    if (!current || parsed.key in current.values) {
      current = { line: lineNo, time: pendingTime, epoch: pendingTime === undefined ? undefined : timestampSeconds(pendingTime), values: {}, lines: {}, text: {} };
      pendingTime = undefined;
      captures.push(current);
    }
    current.values[parsed.key] = parsed.unit ? parsed.value * (UNIT_BYTES[parsed.unit] ?? 1) : parsed.value;
    current.lines[parsed.key] = lineNo;
    // A copy, so the kept text does not pin the chunk of the file it was sliced from.
    if (QUOTED.has(parsed.key)) current.text![parsed.key] = Buffer.from(line, 'utf8').toString('utf8');
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'meminfo.unexpected-line',
    before,
    line: onLine,
    empty: { when: () => captures.length === 0, code: 'meminfo.empty', message: 'no "Key: value" lines found' },
    result: () => ({ file: src.path, captures }),
  });
}
