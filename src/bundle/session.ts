/**
 * One intake run's budget and record: the limits, the bytes and entries counted so far,
 * the problems met and the entries read. Every source (directory, archive, file, stdin)
 * hands its files to the session, so each limit is enforced in one place.
 */
import { Readable } from 'node:stream';
import type { BundleProblem } from './inventory.js';
import { type IntakeLimits, SNIFF_KEEP_BYTES } from './limits.js';
import { looksLikeInputByName } from './classify.js';
import { asBuffer, isArchiveName, isGzip } from './sniff.js';

export interface RawEntry {
  path: string;
  size: number;
  /** Content, when kept (recognised by name, small enough to sniff, or an inner archive). */
  data?: Buffer;
  /** Content was cut at the per-file limit. */
  truncated?: boolean;
  /** The entry fed nothing and why (link, device, escaping path, too big to sniff...). */
  ignored?: string;
}

export type SourceKind = 'archive' | 'directory' | 'file';

export interface ReadResult {
  entries: RawEntry[];
  problems: BundleProblem[];
  totalBytes: number;
  kind: SourceKind;
}

/** Opens an archive found inside the bundle (set by the archive source: no import cycle). */
export type NestedReader = (content: Readable, prefix: string, display: string, session: IntakeSession, depth: number) => Promise<void>;

/** A regular file handed to the session by a source. */
export interface IncomingFile {
  /** Path as shown in the report (archive prefix included). */
  path: string;
  /** Path used to recognise the file (inside its archive). */
  name: string;
  /** Declared size, when the source knows it. */
  size: number;
  /** The content; a source that can stop reading early reads no more than `limit` bytes. */
  content: (limit: number) => AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer>;
  /** Nesting depth of the archive it came from (0 for the bundle itself). */
  depth: number;
  /** Read whatever its name and size (the file given as the bundle). */
  always?: boolean;
}

export class IntakeSession {
  readonly problems: BundleProblem[] = [];
  readonly entries: RawEntry[] = [];
  /** Decompressed bytes kept. */
  totalBytes = 0;
  /** Bytes of archive members decompressed, kept or skipped. */
  scannedBytes = 0;
  entryCount = 0;
  /** A bundle-wide limit was reached: every further entry is skipped. */
  stopped = false;
  nested: NestedReader | null = null;

  constructor(readonly limits: IntakeLimits) {}

  result(kind: SourceKind): ReadResult {
    return { entries: this.entries, problems: this.problems, totalBytes: this.totalBytes, kind };
  }

  problem(p: BundleProblem): void {
    this.problems.push(p);
  }

  ignore(path: string, size: number, reason: string): void {
    this.entries.push({ path, size, ignored: reason });
  }

  /** Counts one more entry; false (problem noted, reading stopped) once past --max-entries. */
  admitEntry(display?: string, what = 'entries; the rest of the archive was not read'): boolean {
    if (++this.entryCount <= this.limits.maxEntries) return true;
    this.problem({
      severity: 'warning',
      code: 'limit.entries',
      ...(display ? { file: display } : {}),
      message: `more than ${this.limits.maxEntries} ${what} (raise --max-entries)`,
    });
    this.stopped = true;
    return false;
  }

  /** Counts bytes a source decompresses (skipped members too): false past --max-scan-size. */
  admitScan(size: number, shown: string): boolean {
    this.scannedBytes += size;
    if (this.scannedBytes <= this.limits.maxScanBytes) return true;
    this.problem({
      severity: 'warning',
      code: 'limit.scan-size',
      file: shown,
      message: `the archive holds more than ${this.limits.maxScanBytes} bytes of files; reading stopped at this one (raise --max-scan-size)`,
    });
    this.stopped = true;
    return false;
  }

  private stopForTotal(at: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.problem({
      severity: 'warning',
      code: 'limit.total-size',
      file: at,
      message: `bundle exceeds ${this.limits.maxTotalBytes} decompressed bytes; reading stopped at this file (raise --max-total-size)`,
    });
  }

  /**
   * Reads one regular file of the bundle within the limits. Files that are neither
   * recognised by name nor small enough to sniff are listed, not read; archives and gzip
   * data inside are opened in turn.
   */
  async file(f: IncomingFile): Promise<void> {
    const nested = isArchiveName(f.name);
    if (!f.always && !nested && !looksLikeInputByName(f.name) && f.size > SNIFF_KEEP_BYTES) {
      this.ignore(f.path, f.size, 'unrecognised name and too large to inspect');
      return;
    }
    const room = this.limits.maxTotalBytes - this.totalBytes;
    if (room <= 0) {
      this.stopForTotal(f.path);
      return;
    }
    const cap = Math.min(this.limits.maxFileBytes, room);
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    for await (const c of f.content(cap)) {
      seen += c.length;
      if (kept < cap) {
        const take = c.length <= cap - kept ? asBuffer(c) : asBuffer(c).subarray(0, cap - kept);
        chunks.push(take);
        kept += take.length;
      }
    }
    seen = Math.max(seen, f.size);
    this.totalBytes += kept;
    const data = Buffer.concat(chunks, kept);
    if (seen > kept) {
      const byFile = kept === this.limits.maxFileBytes;
      this.problem({
        severity: 'warning',
        code: byFile ? 'limit.file-size' : 'limit.total-size',
        file: f.path,
        message: `file is ${seen} bytes; only the first ${kept} were read (raise --max-file-size / --max-total-size)`,
      });
      if (!byFile) this.stopped = true;
    }
    if (nested || isGzip(data)) {
      await this.openNested(data, f.path, f.depth + 1);
      return;
    }
    this.entries.push({ path: f.path, size: seen, data, truncated: seen > kept || undefined });
  }

  private async openNested(data: Buffer, prefix: string, depth: number): Promise<void> {
    if (depth > this.limits.maxNestingDepth) {
      this.ignore(prefix, data.length, `archive nested deeper than ${this.limits.maxNestingDepth} levels`);
      return;
    }
    this.ignore(prefix, data.length, 'archive or compressed file (its content is listed below it)');
    await this.nested!(Readable.from([data]), `${prefix}!/`, prefix, this, depth);
  }

  /**
   * Reads a stream of unknown size as one file (stdin text, a .gz single file): stops at
   * the cap rather than decompress on; damage keeps what came before it.
   */
  async singleStream(stream: AsyncIterable<Buffer | Uint8Array>, name: string, display: string): Promise<void> {
    const cap = Math.min(this.limits.maxFileBytes, this.limits.maxTotalBytes - this.totalBytes);
    const chunks: Buffer[] = [];
    let kept = 0;
    let cut = false;
    try {
      for await (const raw of stream) {
        const c = asBuffer(raw);
        const take = c.subarray(0, cap - kept);
        chunks.push(take);
        kept += take.length;
        if (take.length < c.length) {
          cut = true;
          break;
        }
      }
    } catch (e) {
      this.problem({ severity: 'error', code: 'archive.damaged', file: display, message: `compressed file is damaged (${(e as Error).message}); the first ${kept} bytes are analysed` });
    }
    this.totalBytes += kept;
    if (cut) {
      this.problem({ severity: 'warning', code: 'limit.file-size', file: name, message: `file is larger than ${kept} bytes; only the first ${kept} were read (raise --max-file-size / --max-total-size)` });
    }
    this.entries.push({ path: name, size: kept, data: Buffer.concat(chunks, kept), truncated: cut || undefined });
  }
}
