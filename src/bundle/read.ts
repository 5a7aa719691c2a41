/**
 * Reads a bundle's files into memory without writing anything to disk. The input is
 * probed once (stat and first bytes of a local path) and the first source that accepts it
 * reads it into an intake session, which enforces every limit: going past one ends a file
 * or the archive with a problem on record, never a crash.
 */
import { promises as fsp } from 'node:fs';
import { errnoCode, plainReason } from '../errors.js';
import type { IntakeLimits } from './limits.js';
import { IntakeSession, type ListingCheck, type ReadResult } from './session.js';
import { sniffContainer, UnreadableInputError } from './sniff.js';
import { readArchiveStream } from './sources/archive.js';
import { SOURCES } from './sources/index.js';
import type { SourceProbe } from './sources/source.js';
import type { FileStreamer } from './streamed.js';

export type { ListedFile, ListingCheck, RawEntry, ReadResult } from './session.js';
export { isArchiveName, safeMemberPath, sniffContainer, UnreadableInputError } from './sniff.js';

/**
 * With a streamer, large files are parsed while they arrive instead of being buffered. A
 * listing check sees the file list first where the source can list it without reading.
 */
export async function readBundle(input: string, limits: IntakeLimits, streamer: FileStreamer | null = null, listingCheck: ListingCheck | null = null): Promise<ReadResult> {
  const probe = await probeInput(input);
  const source = SOURCES.find((s) => s.accepts(probe));
  if (!source) {
    throw new UnreadableInputError(
      `cannot read bundle "${input}": ${probe.format ?? 'this input'} is not supported (expected a .tar, .tar.gz/.tgz or .zip archive, a directory or a text file)`,
    );
  }
  const session = new IntakeSession(limits);
  session.nested = readArchiveStream;
  session.streamer = streamer;
  session.listingCheck = listingCheck;
  const kind = await source.read(probe, session);
  return session.result(kind);
}

/** Stat and head of a local path; `-` and URL-like inputs are left to their sources. */
async function probeInput(input: string): Promise<SourceProbe> {
  if (input === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return { input };
  let stat;
  try {
    stat = await fsp.stat(input);
  } catch (e) {
    throw new UnreadableInputError(
      `cannot read bundle "${input}": ${plainReason(e)}`,
      errnoCode(e) === 'ENOENT' ? 'a bundle is a .tgz/.tar.gz/.tar/.zip archive, a directory, a text file, or - for stdin' : undefined,
    );
  }
  if (!stat.isFile()) return { input, stat };
  const head = await readHead(input, 512);
  return { input, stat, head, format: sniffContainer(head) };
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
