/**
 * tar and tar.gz archives, read as a stream (from a file, stdin or an archive inside the
 * bundle). Members that are not regular files, or whose path escapes the archive, are
 * listed as ignored and never followed; damage keeps every member read before it. A .gz
 * holding a single file (nvidia-bug-report.log.gz) is read as that file.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import type { IntakeSession } from '../session.js';
import { peek, safeMemberPath, sniffContainer, UnreadableInputError } from '../sniff.js';
import type { BundleSource } from './source.js';

/**
 * Read and gunzip in 256 KiB pieces: at zlib's default 16 KiB, the round trip to the thread
 * pool per piece cost more CPU than the decompression itself (200 bench bundles: 1.0-1.4 s
 * of CPU at 16 KiB, 0.5 s at 256 KiB).
 */
const CHUNK_BYTES = 256 * 1024;

export const archiveSource: BundleSource = {
  name: 'archive',
  accepts: (p) => p.stat?.isFile() === true && (p.format === 'gzip' || p.format === 'tar'),
  async read(p, session) {
    await readArchiveStream(createReadStream(p.input, { highWaterMark: CHUNK_BYTES }), '', p.input, session, 0);
    return 'archive';
  },
};

/** Reads a tar or tar.gz stream (gzip is recognised from the first bytes). */
export async function readArchiveStream(input: Readable, prefix: string, display: string, session: IntakeSession, depth: number): Promise<void> {
  const { first, rest } = await peek(input);
  if (first.length === 0) {
    throw new UnreadableInputError(`cannot read bundle "${display}": it is empty`);
  }
  let fmt = sniffContainer(first);
  let source: Readable = rest;
  if (fmt === 'gzip') {
    const gunzip = zlib.createGunzip({ chunkSize: CHUNK_BYTES });
    rest.on('error', (e) => gunzip.destroy(e));
    // A .gz may hold a tar or a single file (nvidia-bug-report.log.gz): look inside.
    let inner: Awaited<ReturnType<typeof peek>>;
    try {
      inner = await peek(rest.pipe(gunzip));
    } catch (e) {
      const msg = `gzip data is damaged from the start (${(e as Error).message})`;
      if (depth === 0) throw new UnreadableInputError(`cannot read bundle "${display}": ${msg}`);
      session.problem({ severity: 'error', code: 'archive.damaged', file: display, message: `${msg}; nothing in it was read` });
      return;
    }
    source = inner.rest;
    fmt = inner.first.length ? sniffContainer(inner.first) : 'text';
    if (fmt !== 'tar') {
      const base = path.basename(display).replace(/\.gz$/i, '');
      const name = prefix ? `${prefix}${base}` : base || 'stdin';
      await session.singleStream(source, name, display);
      return;
    }
  } else if (fmt === 'text' && depth === 0) {
    // A plain text file on stdin: treat it as a one-file bundle.
    await session.singleStream(rest, 'stdin', display);
    return;
  } else if (fmt === 'zip') {
    // yauzl reads a zip from its central directory at the end: a file, never a stream.
    throw new UnreadableInputError(`cannot read bundle "${display}": a .zip is read from a file, not from a pipe or from inside another archive (pass the .zip's path, or extract it)`);
  } else if (fmt !== 'tar') {
    throw new UnreadableInputError(`cannot read bundle "${display}": ${fmt} is not a tar or tar.gz archive`);
  }
  await readTarMembers(source, prefix, display, session, depth);
}

async function readTarMembers(source: Readable, prefix: string, display: string, session: IntakeSession, depth: number): Promise<void> {
  const extract = tar.extract({ allowUnknownFormat: true } as Parameters<typeof tar.extract>[0]);
  source.on('error', (e) => extract.destroy(e));
  source.pipe(extract);
  let lastGood = '(start of archive)';
  try {
    for await (const entry of extract) {
      const h = entry.header;
      if (session.stopped || !session.admitEntry(display)) {
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
        session.ignore(shown, h.size ?? 0, 'path escapes the archive (absolute or ..); not read');
        entry.resume();
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') {
        // A link whose target the archive does not record is said so in words, never "?".
        const what = h.type === 'symlink' || h.type === 'link' ? `${h.type} to ${h.linkname ? h.linkname : 'a target the archive does not name'}` : h.type;
        session.ignore(shown, 0, `${what} (not followed)`);
        entry.resume();
        continue;
      }
      const size = h.size ?? 0;
      // Skipping a member still means decompressing it: a bomb of skipped files ends here.
      if (!session.admitScan(size, shown)) break;
      await session.file({ path: shown, name: rel, size, depth, content: () => entry as AsyncIterable<Buffer> });
      // Whatever the session did not read must still be drained for tar to move on.
      entry.resume();
      lastGood = shown;
    }
  } catch (e) {
    const msg = (e as Error).message || String(e);
    session.problem({
      severity: 'error',
      code: 'archive.damaged',
      file: display,
      message: `archive is damaged (${msg}); reading stopped after ${lastGood}. Files read before the damage are analysed.`,
    });
  }
}
