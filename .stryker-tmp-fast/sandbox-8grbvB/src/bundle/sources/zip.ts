/**
 * .zip bundles (field engineers on Windows zip their captures), read with yauzl from the
 * central directory. The same rules as tar: members whose path escapes the archive, links and
 * encrypted members are listed as ignored, never read; every entry counts against
 * --max-entries and its size against --max-scan-size before it is decompressed, and yauzl
 * checks that no member inflates past the size it declares (a zip bomb ends there).
 */
// @ts-nocheck

import yauzl from 'yauzl';
import type { IntakeSession } from '../session.js';
import { safeMemberPath, UnreadableInputError } from '../sniff.js';
import type { BundleSource } from './source.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
/** Zip "made by" host: 3 is Unix, whose external attributes carry a file mode. */
const HOST_UNIX = 3;
/** General-purpose flag bit 11: the name is UTF-8 (else CP437, read here as latin1). */
const UTF8_NAME = 0x800;

export const zipSource: BundleSource = {
  name: 'zip',
  accepts: (p) => p.stat?.isFile() === true && p.format === 'zip',
  async read(p, session) {
    await readZip(p.input, session);
    return 'archive';
  },
};

async function readZip(file: string, session: IntakeSession): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    // Names stay raw: yauzl would reject the whole archive for one bad name; we skip that member.
    zip = await yauzl.openPromise(file, { decodeStrings: false, validateEntrySizes: true, autoClose: true });
  } catch (e) {
    throw new UnreadableInputError(`cannot read bundle "${file}": the zip archive is damaged (${(e as Error).message})`);
  }
  let lastGood = '(start of archive)';
  try {
    for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
      const raw = entry.fileName as unknown as Buffer;
      const name = raw.toString(entry.generalPurposeBitFlag & UTF8_NAME ? 'utf8' : 'latin1');
      if (name.endsWith('/') || name.endsWith('\\')) continue;
      if (session.stopped || !session.admitEntry(file)) break;
      const rel = safeMemberPath(name);
      if (rel === null) {
        session.ignore(name, entry.uncompressedSize, 'path escapes the archive (absolute or ..); not read');
        continue;
      }
      const mode = entry.versionMadeBy >> 8 === HOST_UNIX ? entry.externalFileAttributes >>> 16 : 0;
      if ((mode & S_IFMT) === S_IFLNK) {
        session.ignore(rel, 0, 'symlink (not followed)');
        continue;
      }
      if (mode && (mode & S_IFMT) !== S_IFREG) {
        session.ignore(rel, 0, 'not a regular file (device, fifo or socket)');
        continue;
      }
      if (entry.isEncrypted()) {
        session.ignore(rel, entry.uncompressedSize, 'encrypted (no password is asked for)');
        continue;
      }
      if (!session.admitScan(entry.uncompressedSize, rel)) break;
      await session.file({
        path: rel,
        name: rel,
        size: entry.uncompressedSize,
        depth: 0,
        content: () => memberContent(zip, entry),
      });
      lastGood = rel;
    }
  } catch (e) {
    session.problem({
      severity: 'error',
      code: 'archive.damaged',
      file,
      message: `zip archive is damaged (${(e as Error).message}); reading stopped after ${lastGood}. Files read before the damage are analysed.`,
    });
  } finally {
    zip.close();
  }
}

async function* memberContent(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  for await (const chunk of stream) yield chunk as Buffer;
}
