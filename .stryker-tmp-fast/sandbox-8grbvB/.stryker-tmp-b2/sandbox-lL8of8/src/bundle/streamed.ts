/**
 * Files parsed while they stream in, as the intake session records them. The session only
 * moves bytes; a FileStreamer (given by the pipeline, which knows the parsers) decides per
 * file whether to parse it on arrival or to have it buffered whole (small files).
 */
// @ts-nocheck

// 

import type { Diagnostic } from '../snapshot/diagnostics.js';
import type { InputKind } from './inventory.js';
import type { TextSource } from './text.js';

/** A snapshot part already parsed from a streamed file, with its parser's diagnostics. */
export interface ParsedInput {
  value: unknown;
  diagnostics: Diagnostic[];
}

export interface StreamedSection {
  title: string;
  kind: InputKind | null;
  /** Bytes of the section's text. */
  size: number;
  source: TextSource;
}

export interface StreamedResult {
  /** What the file was read as; null when neither name nor content said. */
  kind: InputKind | null;
  by: 'name' | 'content';
  /** Why the file fed nothing, when it is not text. */
  rejected?: string;
  /** Decoding problems (invalid UTF-8). */
  diagnostics: Diagnostic[];
  /** The file as a source: `parsed` set, or its text when it was kept. */
  source?: TextSource;
  /** An nvidia-bug-report, split as it streamed. */
  sections?: StreamedSection[];
}

export interface StreamedFile {
  write(chunk: Buffer): void;
  end(): StreamedResult;
}

export interface FileStreamer {
  /** Every entry's path, in order (the layout is known from its markers). */
  notePath(path: string): void;
  /** A consumer for this file's bytes, or null to have the file buffered whole. */
  open(path: string, name: string, size: number | undefined, head: Buffer): StreamedFile | null;
}
