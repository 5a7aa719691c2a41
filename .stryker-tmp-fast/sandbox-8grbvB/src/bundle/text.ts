// @ts-nocheck
import { StringDecoder } from 'node:string_decoder';
import { DiagnosticSink } from '../snapshot/diagnostics.js';
import type { ParsedInput } from './streamed.js';

/**
 * A text file as parsers see it: decoded, with the path to quote in evidence and the
 * line number its first line has in the original file (virtual files cut out of a
 * larger log keep the original numbering).
 */
export interface TextSource {
  path: string;
  text: string;
  /** Added to the 1-based local line number to give the line in the original file. */
  lineOffset: number;
  /** Set when the file was parsed as it streamed in: `text` is then empty. */
  parsed?: ParsedInput;
  /** The streamed file held only blank space (its text is not kept to tell). */
  blank?: boolean;
}

export interface DecodeResult {
  text: string | null;
  /** Why the data was not treated as text, when `text` is null. */
  rejected?: string;
}

/** The most bytes decoded from one file (below V8's string length limit). */
export const MAX_TEXT_BYTES = 500 * 1024 * 1024;

/** Bytes of the head inspected for NUL bytes when deciding whether a file is text. */
const SNIFF_BYTES = 8192;

/**
 * Decodes field data as UTF-8. Invalid sequences become U+FFFD (noted, not fatal). A file
 * with NUL bytes in its head is not text, unless `nulAs` says what a NUL stands for:
 * device-tree strings are NUL-separated (a newline), and a bug report that cat'ed them
 * keeps its line numbering when they become spaces.
 */
export function decodeText(data: Buffer, sink: DiagnosticSink, nulAs: string | null = null): DecodeResult {
  const head = data.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  if (nul >= 0 && nulAs === null) return { text: null, rejected: binaryReason(head, nul) };
  // V8 strings stop at about 512 M characters: a bigger file is cut rather than crashing.
  if (data.length > MAX_TEXT_BYTES) {
    sink.add('warning', 'text.too-large', `file is ${data.length} bytes; only the first ${MAX_TEXT_BYTES} are decoded`);
    data = data.subarray(0, MAX_TEXT_BYTES);
  }
  let text = data.toString('utf8');
  if (nulAs !== null && text.includes('\0')) text = text.replace(/\0+/g, nulAs);
  const bad = countReplacement(text);
  if (bad > 0) {
    sink.add('info', 'text.invalid-utf8', `${bad} invalid UTF-8 sequence(s) replaced with U+FFFD`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

export interface LineLimits {
  /** Lines longer than this are cut, with a diagnostic. */
  maxLineLength: number;
}

export const DEFAULT_LINE_LIMITS: LineLimits = { maxLineLength: 64 * 1024 };

/**
 * Calls `visit` for every line of `src` in one pass, without splitting the whole text into
 * an array. CR before LF is dropped; over-long lines are cut and reported.
 */
export function forEachLine(
  src: TextSource,
  sink: DiagnosticSink,
  visit: (line: string, lineNo: number) => void,
  limits: LineLimits = DEFAULT_LINE_LIMITS,
): void {
  const { text } = src;
  let start = 0;
  let local = 0;
  const n = text.length;
  while (start < n) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    local++;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
    let line = text.slice(start, stop);
    const lineNo = local + src.lineOffset;
    if (line.length > limits.maxLineLength) {
      sink.add(
        'warning',
        'text.line-too-long',
        `line of ${line.length} characters cut to ${limits.maxLineLength}`,
        lineNo,
      );
      line = line.slice(0, limits.maxLineLength);
    }
    visit(line, lineNo);
    start = end + 1;
  }
}

/**
 * decodeText for bytes that stream in: UTF-8 sequences split between chunks are joined,
 * a BOM is dropped, NUL runs become `nulAs` across chunk ends too, and invalid sequences
 * are counted. Whether the head holds a NUL at all is decided first, by `nulInHead`.
 */
export class TextDecodeStream {
  private readonly decoder = new StringDecoder('utf8');
  private started = false;
  private inNulRun = false;
  private bad = 0;

  constructor(private readonly nulAs: string | null) {}

  write(chunk: Buffer): string {
    return this.post(this.decoder.write(chunk));
  }

  end(sink: DiagnosticSink): string {
    const tail = this.post(this.decoder.end());
    if (this.bad > 0) sink.add('info', 'text.invalid-utf8', `${this.bad} invalid UTF-8 sequence(s) replaced with U+FFFD`);
    return tail;
  }

  private post(t: string): string {
    if (t.length === 0) return t;
    if (this.nulAs !== null && t.includes('\0')) {
      const endsInNul = t.charCodeAt(t.length - 1) === 0;
      if (this.inNulRun) t = t.replace(/^\0+/, '');
      t = t.replace(/\0+/g, this.nulAs);
      this.inNulRun = endsInNul;
    } else this.inNulRun = false;
    this.bad += countReplacement(t);
    if (!this.started && t.length > 0) {
      this.started = true;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    return t;
  }
}

/** Why a file is not text, from its head (NUL bytes), or null when it is. */
export function notTextReason(head: Buffer, nulAs: string | null): string | null {
  if (nulAs !== null) return null;
  const nul = head.subarray(0, SNIFF_BYTES).indexOf(0);
  return nul >= 0 ? binaryReason(head, nul) : null;
}

/** Names what a binary file is when it is one jetdiag could read on its own (a zip of captures). */
function binaryReason(head: Buffer, nul: number): string {
  // A zip is read as a bundle only from a file: its index sits at the end, so it cannot be read
  // from inside another archive or a pipe as it streams by.
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'a .zip inside another archive is not read: extract it and analyze the .zip itself';
  return `not a text file (NUL byte at offset ${nul})`;
}
