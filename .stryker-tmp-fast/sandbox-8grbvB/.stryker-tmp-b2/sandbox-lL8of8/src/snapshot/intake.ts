/**
 * Parses bundle files while their bytes arrive: the FileStreamer the pipeline gives the
 * intake session. A file larger than the buffering threshold is recognised from its name
 * and head, decoded in pieces and handed to its parser in runs of lines; nothing of it is
 * kept but the parsed part (and the text of small identity files). A bug report is split
 * into sections as it streams, each section parsed the same way.
 */
// @ts-nocheck

// 

import { classifyByContent, classifyByName, classifySectionTitle, SNIFF_HEAD_CHARS } from '../bundle/classify.js';
import { BugReportSplitter, type SectionSink } from '../bundle/bugreport.js';
import type { InputKind } from '../bundle/inventory.js';
import type { FileStreamer, ParsedInput, StreamedFile, StreamedResult, StreamedSection } from '../bundle/streamed.js';
import { forEachLine, notTextReason, TextDecodeStream } from '../bundle/text.js';
import { NUL_MEANS } from '../bundle/assemble.js';
import { LineStream } from '../parsers/common/line-stream.js';
import type { StreamingParser } from '../parsers/common/line-runner.js';
import { lineLimits, type ParserOptions } from '../parsers/options.js';
import { FILE_PARSERS } from '../parsers/registry.js';
import { DiagnosticSink } from './diagnostics.js';

const HEAD_CHARS = SNIFF_HEAD_CHARS;

export class ParsingStreamer implements FileStreamer {
  private sosRoot: string | null = null;

  constructor(
    private readonly options: ParserOptions,
    /** Files up to this size are buffered whole (and parsed after intake). */
    private readonly bufferUpTo: number,
  ) {}

  notePath(p: string): void {
    if (this.sosRoot !== null) return;
    const i = p.indexOf('sos_commands/');
    if (i >= 0 && (i === 0 || p[i - 1] === '/')) this.sosRoot = p.slice(0, i);
  }

  open(path: string, _name: string, size: number | undefined, head: Buffer): StreamedFile | null {
    if (size !== undefined && size <= this.bufferUpTo) return null;
    // The layout known so far: a sosreport marker later in an archive cannot change a file
    // already read (assemble lists such a file as read before the layout was known).
    const root = this.sosRoot ?? '';
    const rel = root && path.startsWith(root) ? path.slice(root.length) : path;
    const byName = classifyByName(rel, this.sosRoot !== null ? 'sosreport' : 'flat');
    const nulAs = (byName && NUL_MEANS[byName.kind]) ?? null;
    const rejected = notTextReason(head, nulAs);
    if (rejected) return ignoring({ kind: byName?.kind ?? null, by: 'name', rejected, diagnostics: [] });
    let kind = byName?.kind ?? null;
    let by: StreamedResult['by'] = 'name';
    if (!kind) {
      kind = classifyByContent(new TextDecodeStream(null).write(head).slice(0, HEAD_CHARS));
      by = 'content';
    }
    return new ParsedFile(path, kind, by, nulAs, this.options);
  }
}

function ignoring(result: StreamedResult): StreamedFile {
  return { write: () => {}, end: () => result };
}

/** What becomes of one stream of text: parsed, kept (small identity files) or only measured. */
interface TextTarget {
  write(text: string): void;
  end(): void;
}

class ParsedFile implements StreamedFile {
  private readonly decoder: TextDecodeStream;
  private readonly decodeSink: DiagnosticSink;
  private readonly target: TextTarget;
  private result: StreamedResult;
  private lastChar = -1;

  constructor(
    private readonly path: string,
    kind: InputKind | null,
    by: StreamedResult['by'],
    nulAs: string | null,
    private readonly options: ParserOptions,
  ) {
    this.decoder = new TextDecodeStream(nulAs);
    this.decodeSink = new DiagnosticSink(path);
    this.result = { kind, by, diagnostics: [] };
    if (kind === 'nvidia-bug-report') this.target = this.bugReport();
    else {
      const source = { path, text: '', lineOffset: 0 };
      this.result.source = source;
      this.target = kind ? sourceTarget(kind, source, options) : { write: () => {}, end: () => {} };
    }
  }

  write(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk));
  }

  end(): StreamedResult {
    this.feed(this.decoder.end(this.decodeSink));
    this.target.end();
    this.result.diagnostics = this.decodeSink.finish();
    return this.result;
  }

  private feed(text: string): void {
    if (text.length === 0) return;
    this.lastChar = text.charCodeAt(text.length - 1);
    this.target.write(text);
  }

  private bugReport(): TextTarget {
    const sections: StreamedSection[] = (this.result.sections = []);
    const sink = new DiagnosticSink(this.path);
    const splitter = new BugReportSplitter((title, lineOffset) => sectionSink(this.path, title, lineOffset, this.options, sections));
    let last = 0;
    const limits = lineLimits(this.options);
    const lines = new LineStream(
      (text, first) =>
        forEachLine({ path: this.path, text, lineOffset: first - 1 }, sink, (line, n) => {
          last = n;
          splitter.line(line, n);
        }, limits),
      sink,
      limits,
    );
    return {
      write: (text) => lines.write(text),
      end: () => {
        lines.end();
        // The whole-text splitter sees an empty last line after a final newline: so does this one.
        if (this.lastChar === 10) splitter.line('', last + 1);
        splitter.close();
        this.result.diagnostics.push(...sink.finish());
      },
    };
  }
}

/** A file or section of a known kind: parsed as it streams when a parser reads it, else kept. */
function sourceTarget(kind: InputKind, source: StreamedSection['source'], options: ParserOptions): TextTarget {
  const fp = FILE_PARSERS.find((p) => p.kind === kind);
  let blank = true;
  if (!fp) {
    const parts: string[] = [];
    return {
      write: (t) => parts.push(t),
      end: () => {
        source.text = parts.join('');
      },
    };
  }
  const sink = new DiagnosticSink(source.path);
  let parser: StreamingParser<unknown> | null = fp.stream(source, sink, options);
  const crashed = (e: unknown) => {
    // Parsers are built not to throw; if one does, the rest of the bundle still counts.
    sink.add('error', 'parser.crashed', `the ${kind} parser failed: ${(e as Error).message}`);
    parser = null;
  };
  return {
    write: (t) => {
      if (blank && !/^\s*$/.test(t)) blank = false;
      try {
        parser?.write(t);
      } catch (e) {
        crashed(e);
      }
    },
    end: () => {
      let value: unknown;
      try {
        value = parser?.end();
      } catch (e) {
        crashed(e);
      }
      const parsed: ParsedInput = { value, diagnostics: sink.finish() };
      source.parsed = parsed;
      source.blank = blank;
    },
  };
}

/** One bug-report section: kind from its title, else from its first lines, then as a file. */
function sectionSink(path: string, title: string, lineOffset: number, options: ParserOptions, out: StreamedSection[]): SectionSink {
  const section: StreamedSection = { title, kind: classifySectionTitle(title), size: 0, source: { path, text: '', lineOffset } };
  /** undefined until the kind is decided; null when no check reads the section. */
  let target: TextTarget | null | undefined;
  let pending: string[] = [];
  let pendingChars = 0;
  let first = true;
  const decide = () => {
    const head = pending.join('');
    pending = [];
    section.kind ??= classifyByContent(head.slice(0, HEAD_CHARS));
    target = section.kind !== null && section.kind !== 'nvidia-bug-report' ? sourceTarget(section.kind, section.source, options) : null;
    target?.write(head);
  };
  if (section.kind !== null) decide();
  return {
    line: (l) => {
      // The same text the whole-text splitter builds: body lines joined by newlines.
      const text = first ? l : `\n${l}`;
      first = false;
      section.size += Buffer.byteLength(text);
      if (target !== undefined) {
        target?.write(text);
        return;
      }
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= HEAD_CHARS) decide();
    },
    close: () => {
      if (target === undefined) decide();
      target?.end();
      out.push(section);
    },
  };
}
