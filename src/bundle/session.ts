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
import type { FileStreamer, StreamedResult } from './streamed.js';

export interface RawEntry {
  path: string;
  size: number;
  /** Content, when kept (recognised by name, small enough to sniff, or an inner archive). */
  data?: Buffer;
  /** Content was cut at the per-file limit. */
  truncated?: boolean;
  /** The entry fed nothing and why (link, device, escaping path, too big to sniff...). */
  ignored?: string;
  /** Parsed as it streamed in (content not kept). */
  streamed?: StreamedResult;
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

/** A file a source has listed (its directory or central directory) but not read yet. */
export interface ListedFile {
  /** The path its entry will have (as in `RawEntry.path`). */
  path: string;
  /** Its first `maxBytes` bytes (for labels: host name, manifest). */
  read(maxBytes: number): Promise<Buffer>;
}

/**
 * Sees a bundle's whole file list before any file is read, where the source can list it
 * without reading (a directory, a zip's central directory): may refuse the bundle by throwing.
 */
export type ListingCheck = (files: ListedFile[]) => Promise<void>;

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
  /** Parses files as they arrive; without one, every file read is buffered whole. */
  streamer: FileStreamer | null = null;
  /** Called by sources that can list their files first, before reading any. */
  listingCheck: ListingCheck | null = null;

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
   * data inside are opened in turn, as they stream. With a streamer, a file is parsed as its
   * bytes arrive and only its head is buffered; small files are buffered whole.
   */
  async file(f: IncomingFile): Promise<void> {
    this.streamer?.notePath(f.path);
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
    const it = toIterator(f.content(cap));
    const head = await readHead(it, HEAD_BYTES);
    if (head.error && !isGzip(head.data)) throw head.error;
    if (nested || isGzip(head.data)) {
      await this.openNested(head, it, f.path, f.size, f.depth + 1);
      return;
    }
    const read = await this.consume(f.path, f.name, f.size, head, it, cap, false);
    const seen = Math.max(read.seen, f.size);
    if (seen > read.kept) {
      const byFile = read.kept === this.limits.maxFileBytes;
      this.problem({
        severity: 'warning',
        code: byFile ? 'limit.file-size' : 'limit.total-size',
        file: f.path,
        message: `file is ${seen} bytes; only the first ${read.kept} were read (raise --max-file-size / --max-total-size)`,
      });
      if (!byFile) this.stopped = true;
    }
    this.entries.push({ path: f.path, size: seen, ...read.entry, truncated: seen > read.kept || undefined });
  }

  /**
   * Reads a file's bytes up to `cap`: parsed on arrival when the streamer takes it, else
   * buffered. Past the cap the rest is drained (an archive member must be), or for a
   * `single` stream of unknown length not read at all (a bomb is not decompressed on).
   */
  private async consume(
    path: string,
    name: string,
    size: number | undefined,
    head: Head,
    it: AsyncIterator<Buffer | Uint8Array> | Iterator<Buffer>,
    cap: number,
    single: boolean,
  ): Promise<{ seen: number; kept: number; cut: boolean; damage: Error | null; entry: Pick<RawEntry, 'data' | 'streamed'> }> {
    const streamed = this.streamer?.open(path, name, size, head.data.subarray(0, cap)) ?? null;
    const chunks: Buffer[] = [];
    let kept = 0;
    let seen = 0;
    let cut = false;
    const take = (c: Buffer): boolean => {
      seen += c.length;
      if (kept >= cap) return false;
      const part = c.length <= cap - kept ? c : c.subarray(0, cap - kept);
      kept += part.length;
      if (streamed) streamed.write(part);
      else chunks.push(part);
      if (part.length < c.length) cut = true;
      return part.length === c.length;
    };
    let damage: Error | null = null;
    try {
      let going = true;
      for (const c of head.chunks) going = take(c) && going;
      if (head.error) throw head.error;
      if (!head.done && (going || !single)) {
        for (let r = await it.next(); !r.done; r = await it.next()) {
          if (!take(asBuffer(r.value)) && single) {
            cut = true;
            break;
          }
        }
      }
    } catch (e) {
      // A damaged archive member ends the archive (the caller reports it); a damaged single
      // stream keeps what came before the damage.
      if (!single) throw e;
      damage = e as Error;
    }
    this.totalBytes += kept;
    const entry = streamed ? { streamed: streamed.end() } : { data: Buffer.concat(chunks, kept) };
    return { seen, kept, cut, entry, damage };
  }

  private async openNested(head: Head, it: AsyncIterator<Buffer | Uint8Array> | Iterator<Buffer>, prefix: string, size: number, depth: number): Promise<void> {
    if (depth > this.limits.maxNestingDepth) {
      this.ignore(prefix, size, `archive nested deeper than ${this.limits.maxNestingDepth} levels`);
      return;
    }
    this.ignore(prefix, size, 'archive or compressed file (its content is listed below it)');
    async function* all() {
      yield* head.chunks;
      if (head.done) return;
      for (let r = await it.next(); !r.done; r = await it.next()) yield asBuffer(r.value);
    }
    await this.nested!(Readable.from(all(), { objectMode: false }), `${prefix}!/`, prefix, this, depth);
  }

  /**
   * Reads a stream of unknown size as one file (stdin text, a .gz single file): stops at
   * the cap rather than decompress on; damage keeps what came before it.
   */
  async singleStream(stream: AsyncIterable<Buffer | Uint8Array>, name: string, display: string): Promise<void> {
    this.streamer?.notePath(name);
    const cap = Math.min(this.limits.maxFileBytes, this.limits.maxTotalBytes - this.totalBytes);
    const it = stream[Symbol.asyncIterator]();
    const head = await readHead(it, HEAD_BYTES);
    const result = await this.consume(name, name, undefined, head, it, cap, true);
    if (result.damage) this.problem(damaged(display, result.damage, result.kept));
    if (result.cut) {
      this.problem({ severity: 'warning', code: 'limit.file-size', file: name, message: `file is larger than ${result.kept} bytes; only the first ${result.kept} were read (raise --max-file-size / --max-total-size)` });
    }
    this.entries.push({ path: name, size: result.kept, ...result.entry, truncated: result.cut || undefined });
  }
}

function damaged(display: string, e: Error, kept: number): BundleProblem {
  return { severity: 'error', code: 'archive.damaged', file: display, message: `compressed file is damaged (${e.message}); the first ${kept} bytes are analysed` };
}

/** Bytes of a file's head read before deciding what it is (name, gzip magic, first lines). */
const HEAD_BYTES = 64 * 1024;

interface Head {
  chunks: Buffer[];
  data: Buffer;
  done: boolean;
  /** The stream failed inside the head (what came before is in `chunks`). */
  error?: Error;
}

function toIterator(src: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer>): AsyncIterator<Buffer | Uint8Array> | Iterator<Buffer> {
  return Symbol.asyncIterator in src ? src[Symbol.asyncIterator]() : src[Symbol.iterator]();
}

async function readHead(it: AsyncIterator<Buffer | Uint8Array> | Iterator<Buffer>, n: number): Promise<Head> {
  const chunks: Buffer[] = [];
  let have = 0;
  let done = false;
  let error: Error | undefined;
  while (have < n) {
    let r;
    try {
      r = await it.next();
    } catch (e) {
      error = e as Error;
    }
    if (!r || r.done) {
      done = true;
      break;
    }
    const c = asBuffer(r.value);
    chunks.push(c);
    have += c.length;
  }
  return { chunks, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, have), done, error };
}
