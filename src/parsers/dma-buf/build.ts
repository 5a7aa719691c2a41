/**
 * DMA-BUF debugfs (`/sys/kernel/debug/dma_buf/bufinfo`) into the snapshot: every exported
 * buffer with its size, exporter, reference count, name and the devices attached to it.
 * Kernels differ (4.x: no ino/name columns; 5.x+: fence lines per object); all are read.
 * A repeated `Dma-buf Objects:` header or a stamp line starts the next periodic capture.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { CaptureSeries } from '../common/series.js';
import type { ParserOptions } from '../options.js';
import { bufinfoParser, type BufinfoLine } from './grammar.js';
import { dmaBufLexer } from './tokens.js';
import type { DmaBufCapture, DmaBufInfo, DmaBufObject } from './types.js';

const lineParser: LineParser<BufinfoLine> = {
  get lexer() {
    return dmaBufLexer();
  },
  get parser() {
    return bufinfoParser();
  },
  rule: () => bufinfoParser().line(),
  expected: 'a bufinfo line ("<size> <flags> <mode> <count> <exp_name> [<ino>] [<name>]", "Attached Devices:", a device name or "Total ...")',
};

export function parseDmaBuf(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): DmaBufInfo {
  return parseWhole(dmaBufStream(src, sink, options), src.text);
}

export function dmaBufStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<DmaBufInfo> {
  const series = new CaptureSeries<DmaBufCapture>((base) => ({ ...base, objects: [] }));
  let obj: DmaBufObject | null = null;
  let inDevices = false;
  const before = (line: string) => {
    if (!series.stamp(line)) return false;
    obj = null;
    return true;
  };
  const onLine = (p: BufinfoLine, line: string, lineNo: number) => {
    switch (p.kind) {
      case 'header':
        series.at(lineNo, series.current !== null && series.current.objects.length > 0);
        obj = null;
        return;
      case 'columns':
        series.at(lineNo);
        return;
      case 'object':
        obj = toObject(p.fields, lineNo, line.trimEnd());
        if (!obj) {
          sink.add('warning', 'dma-buf.bad-object', `expected "<size> <flags> <mode> <count> <exp_name>", got ${p.fields.length} field(s)`, lineNo);
          return;
        }
        series.at(lineNo).objects.push(obj);
        inDevices = false;
        return;
      case 'fence':
        if (obj) obj.fences++;
        return;
      case 'attached':
        inDevices = obj !== null;
        return;
      case 'device':
        if (obj && inDevices) obj.attached.push(p.name);
        else sink.add('warning', 'dma-buf.stray-device', `"${p.name}" is not under an object's "Attached Devices:"`, lineNo);
        return;
      case 'devices-total':
        if (obj && obj.attached.length !== p.count) {
          sink.add('warning', 'dma-buf.device-count', `${obj.attached.length} device(s) listed, the line says ${p.count}`, lineNo);
        }
        inDevices = false;
        return;
      case 'total':
        series.at(lineNo).total = { objects: p.objects, bytes: p.bytes, line: lineNo, text: line.trimEnd() };
        obj = null;
        return;
    }
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'dma-buf.unexpected-line',
    before,
    line: onLine,
    empty: { when: () => series.captures.length === 0, code: 'dma-buf.empty', message: 'no "Dma-buf Objects:" table found' },
    result: () => ({ file: src.path, captures: series.captures }),
  });
}

function toObject(f: string[], line: number, text: string): DmaBufObject | null {
  if (f.length < 5 || !/^\d+$/.test(f[3]!)) return null;
  const hasIno = f.length >= 6 && /^\d+$/.test(f[5]!);
  const name = f.slice(hasIno ? 6 : 5).join(' ');
  return {
    line,
    text,
    sizeBytes: Number(f[0]),
    flags: f[1]!,
    mode: f[2]!,
    count: Number(f[3]),
    exporter: f[4]!,
    inode: hasIno ? Number(f[5]) : undefined,
    name: name && name !== '<none>' ? name : undefined,
    attached: [],
    fences: 0,
  };
}
