/** A bundle unpacked in a directory: every file under it, symlinks listed but never followed. */
import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { BundleSource } from './source.js';

export const directorySource: BundleSource = {
  name: 'directory',
  accepts: (p) => p.stat?.isDirectory() === true,
  async read(p, session) {
    const dir = p.input;
    // Loaded here, not at start-up: most bundles are archives.
    const { default: fg } = await import('fast-glob');
    // A bundle directory may come from anywhere: links are not followed.
    const found = await fg('**/*', { cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, stats: true });
    found.sort((a, b) => a.path.localeCompare(b.path));
    if (session.listingCheck) {
      // The entries reading would admit (every non-directory, up to --max-entries), by the paths they would get.
      const listed = found.filter((f) => !f.stats!.isDirectory()).slice(0, session.limits.maxEntries);
      // Only regular files are ever read: links are not followed here either.
      const read = (f: (typeof found)[number], max: number) => (f.stats!.isFile() ? readHead(path.join(dir, f.path), max) : Promise.resolve(Buffer.alloc(0)));
      await session.listingCheck(listed.map((f) => ({ path: f.path, read: (max) => read(f, max) })));
    }
    for (const f of found) {
      const st = f.stats!;
      if (st.isDirectory()) continue;
      if (session.stopped || !session.admitEntry(undefined, 'files; the rest were not read')) break;
      if (st.isSymbolicLink()) {
        session.ignore(f.path, 0, 'symbolic link (not followed)');
        continue;
      }
      if (!st.isFile()) {
        session.ignore(f.path, 0, 'not a regular file');
        continue;
      }
      const full = path.join(dir, f.path);
      await session.file({
        path: f.path,
        name: f.path,
        size: st.size,
        depth: 0,
        // Never read past what will be kept.
        content: (limit) => (limit > 0 ? createReadStream(full, { end: limit - 1 }) : []),
      });
    }
    return 'directory';
  },
};

async function readHead(file: string, max: number): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(max);
    const { bytesRead } = await fh.read(buf, 0, max, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
