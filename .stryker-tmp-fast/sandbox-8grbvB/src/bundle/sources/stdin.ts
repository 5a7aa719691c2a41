/** `-`: a tar or tar.gz stream, or one plain (or gzipped) log, on standard input. */
// @ts-nocheck

import { readArchiveStream } from './archive.js';
import type { BundleSource } from './source.js';

export const stdinSource: BundleSource = {
  name: 'stdin',
  accepts: (p) => p.input === '-',
  async read(_p, session) {
    await readArchiveStream(process.stdin, '', 'stdin', session, 0);
    return 'archive';
  },
};
