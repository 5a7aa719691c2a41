/**
 * /proc/buddyinfo into the snapshot, with free bytes per order, the largest free block and
 * the unusable-free-space index per order. Periodic captures become a series: a zone seen
 * again starts a new capture.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { BuddyZone, Buddyinfo, BuddyinfoCapture } from './types.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { looksLikeTimestampLine, timestampSeconds } from '../common/timestamps.js';
import type { ParserOptions } from '../options.js';
import { buddyinfoParser, type BuddyLine } from './grammar.js';
import { buddyinfoLexer } from './tokens.js';

/** 4 KiB pages on every stock L4T kernel (jetson-reference §5.3). */
export const PAGE_SIZE = 4096;

const lineParser: LineParser<BuddyLine> = {
  get lexer() {
    return buddyinfoLexer();
  },
  get parser() {
    return buddyinfoParser();
  },
  rule: () => buddyinfoParser().line(),
  expected: '"Node <n>, zone <name> <count per order>..."',
};

export function buddyZone(node: number, zone: string, counts: number[], line: number, pageSize = PAGE_SIZE): BuddyZone {
  const freeBytesPerOrder = counts.map((c, order) => c * pageSize * 2 ** order);
  const totalFreeBytes = freeBytesPerOrder.reduce((a, b) => a + b, 0);
  let largestOrder = -1;
  for (let o = counts.length - 1; o >= 0; o--) {
    if (counts[o]! > 0) {
      largestOrder = o;
      break;
    }
  }
  // Share of free memory in blocks too small for an order-k request.
  const unusableIndex: number[] = [];
  let below = 0;
  for (let k = 0; k < counts.length; k++) {
    unusableIndex.push(totalFreeBytes > 0 ? Math.round((below / totalFreeBytes) * 1e4) / 1e4 : 0);
    below += freeBytesPerOrder[k]!;
  }
  return {
    node,
    zone,
    line,
    counts,
    freeBytesPerOrder,
    totalFreeBytes,
    largestOrder,
    largestBlockBytes: largestOrder >= 0 ? pageSize * 2 ** largestOrder : 0,
    unusableIndex,
  };
}

export function parseBuddyinfo(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Buddyinfo {
  return parseWhole(buddyinfoStream(src, sink, options), src.text);
}

export function buddyinfoStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Buddyinfo> {
  const captures: BuddyinfoCapture[] = [];
  let current: BuddyinfoCapture | null = null;
  let pendingTime: string | undefined;
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'buddyinfo.unexpected-line',
    before: (line) => {
      if (line.startsWith('Node') || !looksLikeTimestampLine(line)) return false;
      pendingTime = line.trim();
      current = null;
      return true;
    },
    line: (p, line, lineNo) => {
      if (!current || current.zones.some((z) => z.node === p.node && z.zone === p.zone)) {
        // Evidence cites the first and the last capture: the text of the ones between is let go.
        if (captures.length >= 2) for (const z of captures[captures.length - 1]!.zones) delete z.text;
        current = { line: lineNo, time: pendingTime, epoch: pendingTime === undefined ? undefined : timestampSeconds(pendingTime), zones: [] };
        pendingTime = undefined;
        captures.push(current);
      }
      const zone = buddyZone(p.node, p.zone, p.counts, lineNo);
      zone.text = Buffer.from(line, 'utf8').toString('utf8');
      current.zones.push(zone);
    },
    empty: { when: () => !captures.length, code: 'buddyinfo.empty', message: 'no "Node N, zone NAME ..." lines found' },
    result: () => ({ file: src.path, pageSize: PAGE_SIZE, captures }),
  });
}
