/**
 * Reads a bundle's files into memory without writing anything to disk: a tar stream
 * (plain or gzip, from a file or stdin), a directory, or one plain file. Archives are read
 * as a stream; entries that are not regular files, or whose path escapes the archive, are
 * listed as ignored and never followed. Every limit ends a file or the archive with a
 * problem on record, never a crash, and damage keeps what was read before it.
 */
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import fg from 'fast-glob';
import tar from 'tar-stream';
import type { BundleProblem } from './inventory.js';
import { type IntakeLimits, SNIFF_KEEP_BYTES } from './limits.js';
import { looksLikeInputByName } from './classify.js';
import { errnoCode, plainReason, UserInputError } from '../errors.js';

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

export interface ReadResult {
  entries: RawEntry[];
  problems: BundleProblem[];
  totalBytes: number;
  kind: 'archive' | 'directory' | 'file';
}

/** Thrown when the input cannot be read at all (exit code 2). */
export class UnreadableInputError extends UserInputError {}

interface Budget {
  limits: IntakeLimits;
  totalBytes: number;
  /** Bytes of archive members decompressed, kept or skipped. */
  scannedBytes: number;
  entryCount: number;
  stopped: boolean;
}

export async function readBundle(input: string, limits: IntakeLimits): Promise<ReadResult> {
  const budget: Budget = { limits, totalBytes: 0, scannedBytes: 0, entryCount: 0, stopped: false };
  const problems: BundleProblem[] = [];
  const entries: RawEntry[] = [];
  if (input === '-') {
    await readArchiveStream(process.stdin, '', 'stdin', budget, entries, problems, 0);
    return { entries, problems, totalBytes: budget.totalBytes, kind: 'archive' };
  }
  let stat;
  try {
    stat = await fsp.stat(input);
  } catch (e) {
    throw new UnreadableInputError(
      `cannot read bundle "${input}": ${plainReason(e)}`,
      errnoCode(e) === 'ENOENT' ? 'a bundle is a .tgz/.tar.gz/.tar archive, a directory, a text file, or - for stdin' : undefined,
    );
  }
  if (stat.isDirectory()) {
    await readDirectory(input, budget, entries, problems);
    return { entries, problems, totalBytes: budget.totalBytes, kind: 'directory' };
  }
  const head = await readHead(input, 512);
  const format = sniffContainer(head);
  if (format === 'text') {
    const data = await readFileBounded(input, stat.size, budget, problems, path.basename(input));
    entries.push({ path: path.basename(input), size: stat.size, data, truncated: stat.size > data.length });
    return { entries, problems, totalBytes: budget.totalBytes, kind: 'file' };
  }
  if (format !== 'gzip' && format !== 'tar') {
    throw new UnreadableInputError(
      `cannot read bundle "${input}": ${format} is not supported (expected a .tar, .tar.gz/.tgz archive, a directory or a text file)`,
    );
  }
  await readArchiveStream(createReadStream(input), '', input, budget, entries, problems, 0);
  return { entries, problems, totalBytes: budget.totalBytes, kind: 'archive' };
}

type ContainerFormat = 'gzip' | 'tar' | 'text' | 'zip' | 'xz' | 'bzip2' | 'zstd' | 'binary data';

export function sniffContainer(head: Buffer): ContainerFormat {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  if (head.length >= 512 && isTarHeader(head)) return 'tar';
  if (head.toString('latin1', 0, 4) === 'PK\u0003\u0004') return 'zip';
  if (head.toString('latin1', 0, 6) === '\xfd7zXZ\0') return 'xz';
  if (head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return head.subarray(0, 512).includes(0) ? 'binary data' : 'text';
}

/** Old (v7) tar headers have no magic: check the header checksum instead. */
function isTarHeader(h: Buffer): boolean {
  const stored = parseInt(h.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === stored;
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readFileBounded(
  file: string,
  size: number,
  budget: Budget,
  problems: BundleProblem[],
  display: string,
): Promise<Buffer> {
  const allowed = Math.min(size, budget.limits.maxFileBytes, budget.limits.maxTotalBytes - budget.totalBytes);
  if (allowed < size) {
    problems.push({
      severity: 'warning',
      code: 'limit.file-size',
      file: display,
      message: `file is ${size} bytes; only the first ${allowed} bytes were read (raise --max-file-size / --max-total-size)`,
    });
  }
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, allowed));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    budget.totalBytes += bytesRead;
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readDirectory(dir: string, budget: Budget, entries: RawEntry[], problems: BundleProblem[]) {
  // Symlinks are listed but never followed: a bundle directory may come from anywhere.
  const found = await fg('**/*', {
    cwd: dir,
    dot: true,
    onlyFiles: false,
    followSymbolicLinks: false,
    stats: true,
  });
  found.sort((a, b) => a.path.localeCompare(b.path));
  for (const f of found) {
    const st = f.stats!;
    if (st.isDirectory()) continue;
    if (++budget.entryCount > budget.limits.maxEntries) {
      problems.push({
        severity: 'warning',
        code: 'limit.entries',
        message: `more than ${budget.limits.maxEntries} files; the rest were not read (raise --max-entries)`,
      });
      break;
    }
    if (st.isSymbolicLink()) {
      entries.push({ path: f.path, size: 0, ignored: 'symbolic link (not followed)' });
      continue;
    }
    if (!st.isFile()) {
      entries.push({ path: f.path, size: 0, ignored: 'not a regular file' });
      continue;
    }
    const keep = looksLikeInputByName(f.path) || isArchiveName(f.path) || st.size <= SNIFF_KEEP_BYTES;
    if (!keep) {
      entries.push({ path: f.path, size: st.size, ignored: 'unrecognised name and too large to inspect' });
      continue;
    }
    if (budget.totalBytes >= budget.limits.maxTotalBytes) {
      stopForTotal(budget, problems, f.path);
      break;
    }
    const data = await readFileBounded(path.join(dir, f.path), st.size, budget, problems, f.path);
    if (isArchiveName(f.path) || sniffContainer(data.subarray(0, 512)) === 'gzip') {
      await readNested(data, f.path, budget, entries, problems, 1);
      continue;
    }
    entries.push({ path: f.path, size: st.size, data, truncated: data.length < st.size || undefined });
  }
}

function stopForTotal(budget: Budget, problems: BundleProblem[], at: string) {
  if (budget.stopped) return;
  budget.stopped = true;
  problems.push({
    severity: 'warning',
    code: 'limit.total-size',
    file: at,
    message: `bundle exceeds ${budget.limits.maxTotalBytes} decompressed bytes; reading stopped at this file (raise --max-total-size)`,
  });
}

export function isArchiveName(p: string): boolean {
  return /\.(tgz|tar\.gz|tar)$/i.test(p);
}

/** Normalises an archive member path; returns null when it would escape the archive. */
export function safeMemberPath(name: string): string | null {
  const p = name.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return null;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') return null;
    parts.push(seg);
  }
  return parts.length ? parts.join('/') : null;
}

async function readNested(
  data: Buffer,
  prefix: string,
  budget: Budget,
  entries: RawEntry[],
  problems: BundleProblem[],
  depth: number,
) {
  if (depth > budget.limits.maxNestingDepth) {
    entries.push({ path: prefix, size: data.length, ignored: `archive nested deeper than ${budget.limits.maxNestingDepth} levels` });
    return;
  }
  entries.push({ path: prefix, size: data.length, ignored: 'archive or compressed file (its content is listed below it)' });
  await readArchiveStream(Readable.from([data]), `${prefix}!/`, prefix, budget, entries, problems, depth);
}

/** Reads a tar or tar.gz stream (gzip is recognised from the first bytes). */
async function readArchiveStream(
  input: Readable,
  prefix: string,
  display: string,
  budget: Budget,
  entries: RawEntry[],
  problems: BundleProblem[],
  depth: number,
): Promise<void> {
  const { first, rest } = await peek(input);
  if (first.length === 0) {
    throw new UnreadableInputError(`cannot read bundle "${display}": it is empty`);
  }
  let fmt = sniffContainer(first);
  let source: Readable = rest;
  if (fmt === 'gzip') {
    const gunzip = zlib.createGunzip();
    rest.on('error', (e) => gunzip.destroy(e));
    // A .gz may hold a tar or a single file (nvidia-bug-report.log.gz): look inside.
    let inner: Awaited<ReturnType<typeof peek>>;
    try {
      inner = await peek(rest.pipe(gunzip));
    } catch (e) {
      const msg = `gzip data is damaged from the start (${(e as Error).message})`;
      if (depth === 0) throw new UnreadableInputError(`cannot read bundle "${display}": ${msg}`);
      problems.push({ severity: 'error', code: 'archive.damaged', file: display, message: `${msg}; nothing in it was read` });
      return;
    }
    source = inner.rest;
    fmt = inner.first.length ? sniffContainer(inner.first) : 'text';
    if (fmt !== 'tar') {
      const name = prefix ? `${prefix}${path.basename(display).replace(/\.gz$/i, '')}` : path.basename(display).replace(/\.gz$/i, '') || 'stdin';
      await collectSingleFile(source, name, budget, entries, problems, display);
      return;
    }
  } else if (fmt === 'text' && depth === 0) {
    // A plain text file on stdin: treat it as a one-file bundle.
    await collectSingleFile(rest, 'stdin', budget, entries, problems, display);
    return;
  } else if (fmt !== 'tar') {
    throw new UnreadableInputError(`cannot read bundle "${display}": ${fmt} is not a tar or tar.gz archive`);
  }
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  source.on('error', (e) => extract.destroy(e));
  source.pipe(extract);
  let lastGood = '(start of archive)';
  try {
    for await (const entry of extract) {
      const h = entry.header;
      if (budget.stopped) {
        entry.resume();
        continue;
      }
      if (++budget.entryCount > budget.limits.maxEntries) {
        problems.push({
          severity: 'warning',
          code: 'limit.entries',
          file: display,
          message: `more than ${budget.limits.maxEntries} entries; the rest of the archive was not read (raise --max-entries)`,
        });
        budget.stopped = true;
        entry.resume();
        continue;
      }
      const rel = safeMemberPath(h.name);
      const shown = prefix + (rel ?? h.name);
      if (h.type === 'directory') {
        entry.resume();
        continue;
      }
      if (rel === null) {
        entries.push({ path: shown, size: h.size ?? 0, ignored: 'path escapes the archive (absolute or ..); not read' });
        entry.resume();
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        const what = h.type === 'symlink' || h.type === 'link' ? `${h.type} to ${h.linkname ?? '?'}` : h.type;
        entries.push({ path: shown, size: 0, ignored: `${what} (not followed)` });
        entry.resume();
        continue;
      }
      const size = h.size ?? 0;
      budget.scannedBytes += size;
      if (budget.scannedBytes > budget.limits.maxScanBytes) {
        // Skipping a member still means decompressing it: a bomb of skipped files ends here.
        problems.push({
          severity: 'warning',
          code: 'limit.scan-size',
          file: shown,
          message: `the archive holds more than ${budget.limits.maxScanBytes} bytes of files; reading stopped at this one (raise --max-scan-size)`,
        });
        budget.stopped = true;
        break;
      }
      const nested = isArchiveName(rel);
      const keep = nested || looksLikeInputByName(rel) || size <= SNIFF_KEEP_BYTES;
      if (!keep) {
        entries.push({ path: shown, size, ignored: 'unrecognised name and too large to inspect' });
        entry.resume();
        continue;
      }
      const room = budget.limits.maxTotalBytes - budget.totalBytes;
      if (room <= 0) {
        stopForTotal(budget, problems, shown);
        entry.resume();
        continue;
      }
      const cap = Math.min(budget.limits.maxFileBytes, room);
      const chunks: Buffer[] = [];
      let kept = 0;
      let seen = 0;
      for await (const c of entry as AsyncIterable<Buffer>) {
        seen += c.length;
        if (kept < cap) {
          const take = c.length <= cap - kept ? c : c.subarray(0, cap - kept);
          chunks.push(take);
          kept += take.length;
        }
      }
      budget.totalBytes += kept;
      const data = Buffer.concat(chunks, kept);
      if (seen > kept) {
        problems.push({
          severity: 'warning',
          code: kept === budget.limits.maxFileBytes ? 'limit.file-size' : 'limit.total-size',
          file: shown,
          message: `file is ${seen} bytes; only the first ${kept} were read (raise --max-file-size / --max-total-size)`,
        });
        if (kept < budget.limits.maxFileBytes) budget.stopped = true;
      }
      lastGood = shown;
      if (nested || (data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b)) {
        await readNested(data, shown, budget, entries, problems, depth + 1);
        continue;
      }
      entries.push({ path: shown, size: seen, data, truncated: seen > kept || undefined });
    }
  } catch (e) {
    const msg = (e as Error).message || String(e);
    problems.push({
      severity: 'error',
      code: 'archive.damaged',
      file: display,
      message: `archive is damaged (${msg}); reading stopped after ${lastGood}. Files read before the damage are analysed.`,
    });
  }
}

/** Reads a stream as one file, within the per-file and total limits; damage is reported. */
async function collectSingleFile(
  stream: Readable,
  name: string,
  budget: Budget,
  entries: RawEntry[],
  problems: BundleProblem[],
  display: string,
): Promise<void> {
  const cap = Math.min(budget.limits.maxFileBytes, budget.limits.maxTotalBytes - budget.totalBytes);
  const chunks: Buffer[] = [];
  let kept = 0;
  let cut = false;
  try {
    // No size is declared for a compressed stream: stop at the cap rather than decompress on.
    for await (const c of stream as AsyncIterable<Buffer>) {
      const take = c.subarray(0, cap - kept);
      chunks.push(take);
      kept += take.length;
      if (take.length < c.length) {
        cut = true;
        break;
      }
    }
  } catch (e) {
    problems.push({ severity: 'error', code: 'archive.damaged', file: display, message: `compressed file is damaged (${(e as Error).message}); the first ${kept} bytes are analysed` });
  }
  budget.totalBytes += kept;
  if (cut) {
    problems.push({ severity: 'warning', code: 'limit.file-size', file: name, message: `file is larger than ${kept} bytes; only the first ${kept} were read (raise --max-file-size / --max-total-size)` });
  }
  entries.push({ path: name, size: kept, data: Buffer.concat(chunks, kept), truncated: cut || undefined });
}

/** Reads the first chunk of a stream and returns a stream that still yields everything. */
async function peek(input: Readable): Promise<{ first: Buffer; rest: Readable }> {
  const it = input[Symbol.asyncIterator]();
  let first = Buffer.alloc(0);
  let done = false;
  while (first.length < 512 && !done) {
    const r = await it.next();
    if (r.done) done = true;
    else first = Buffer.concat([first, Buffer.from(r.value)]);
  }
  async function* all() {
    if (first.length) yield first;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield Buffer.from(r.value);
    }
  }
  return { first, rest: Readable.from(all(), { objectMode: false }) };
}
