/**
 * .zip bundles (field engineers on Windows zip their captures), read with yauzl from the
 * central directory. The same rules as tar: members whose path escapes the archive, links and
 * encrypted members are listed as ignored, never read; every entry counts against
 * --max-entries and its size against --max-scan-size before it is decompressed, and yauzl
 * checks that no member inflates past the size it declares (a zip bomb ends there).
 */
import type yauzl from 'yauzl';
import type { IntakeSession, ListedFile } from '../session.js';
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
  // Loaded here, not at start-up: most bundles are .tgz.
  const { default: zipReader } = await import('yauzl');
  let zip: yauzl.ZipFile;
  try {
    // Names stay raw: yauzl would reject the whole archive for one bad name; we skip that member.
    // Closed by us once every member is read (the list is read first: autoClose would close it then).
    zip = await zipReader.openPromise(file, { decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (e) {
    throw new UnreadableInputError(`cannot read bundle "${file}": the zip archive is damaged (${(e as Error).message})`);
  }
  let lastGood = '(start of archive)';
  let damage: Error | null = null;
  try {
    // The central directory first: the whole file list is known before any member is
    // inflated, so a bundle the loader refuses (several devices) is refused before parsing.
    const listed: yauzl.Entry[] = [];
    let files = 0;
    try {
      for await (const entry of (zip as unknown as { eachEntry(): AsyncIterable<yauzl.Entry> }).eachEntry()) {
        listed.push(entry);
        // One past --max-entries is enough for reading to note the limit.
        if (!isFolder(entry) && ++files > session.limits.maxEntries) break;
      }
    } catch (e) {
      damage = e as Error;
    }
    if (session.listingCheck) {
      // The members reading would reach: up to --max-entries, and while their declared
      // sizes stay within --max-scan-size (as the loop below admits them).
      const reached: ListedFile[] = [];
      let scan = session.scannedBytes;
      for (const entry of listed) {
        if (isFolder(entry)) continue;
        if (session.entryCount + reached.length >= session.limits.maxEntries) break;
        const v = vet(entry);
        if (!v.skip && (scan += entry.uncompressedSize) > session.limits.maxScanBytes) break;
        reached.push({ path: v.rel ?? v.name, read: (max) => (v.skip ? Promise.resolve(Buffer.alloc(0)) : memberHead(zip, entry, max)) });
      }
      await session.listingCheck(reached);
    }
    try {
      for (const entry of listed) {
        if (isFolder(entry)) continue;
        if (session.stopped || !session.admitEntry(file)) break;
        const v = vet(entry);
        if (v.skip) {
          session.ignore(v.rel ?? v.name, v.skippedBytes ?? 0, v.skip);
          continue;
        }
        const rel = v.rel!;
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
      damage = e as Error;
    }
    if (damage) {
      session.problem({
        severity: 'error',
        code: 'archive.damaged',
        file,
        message: `zip archive is damaged (${damage.message}); reading stopped after ${lastGood}. Files read before the damage are analysed.`,
      });
    }
  } finally {
    zip.close();
  }
}

const nameOf = (entry: yauzl.Entry) => (entry.fileName as unknown as Buffer).toString(entry.generalPurposeBitFlag & UTF8_NAME ? 'utf8' : 'latin1');

function isFolder(entry: yauzl.Entry): boolean {
  const name = nameOf(entry);
  return name.endsWith('/') || name.endsWith('\\');
}

/** A member's name, its safe path inside the bundle, and why it is not read (if it is not). */
function vet(entry: yauzl.Entry): { name: string; rel: string | null; skip?: string; skippedBytes?: number } {
  const name = nameOf(entry);
  const rel = safeMemberPath(name);
  if (rel === null) return { name, rel, skip: 'path escapes the archive (absolute or ..); not read', skippedBytes: entry.uncompressedSize };
  const mode = entry.versionMadeBy >> 8 === HOST_UNIX ? entry.externalFileAttributes >>> 16 : 0;
  if ((mode & S_IFMT) === S_IFLNK) return { name, rel, skip: 'symlink (not followed)' };
  if (mode && (mode & S_IFMT) !== S_IFREG) return { name, rel, skip: 'not a regular file (device, fifo or socket)' };
  if (entry.isEncrypted()) return { name, rel, skip: 'encrypted (no password is asked for)', skippedBytes: entry.uncompressedSize };
  return { name, rel };
}

/** The first `max` bytes of a member (a label file), inflating no more than that. */
async function memberHead(zip: yauzl.ZipFile, entry: yauzl.Entry, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  const stream = await zip.openReadStreamPromise(entry);
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      have += (chunk as Buffer).length;
      if (have >= max) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, max);
}

async function* memberContent(zip: yauzl.ZipFile, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  for await (const chunk of stream) yield chunk as Buffer;
}
