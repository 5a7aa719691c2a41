/** A bundle unpacked in a directory: every file under it, symlinks listed but never followed. */
// @ts-nocheck

// 

import { createReadStream } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type { BundleSource } from './source.js';

export const directorySource: BundleSource = {
  name: 'directory',
  accepts: (p) => p.stat?.isDirectory() === true,
  async read(p, session) {
    const dir = p.input;
    // A bundle directory may come from anywhere: links are not followed.
    const found = await fg('**/*', { cwd: dir, dot: true, onlyFiles: false, followSymbolicLinks: false, stats: true });
    found.sort((a, b) => a.path.localeCompare(b.path));
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
