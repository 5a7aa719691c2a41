/** One plain text file given as the bundle (a dmesg capture, a bug-report log). */
// @ts-nocheck

import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { BundleSource } from './source.js';

export const fileSource: BundleSource = {
  name: 'file',
  accepts: (p) => p.stat?.isFile() === true && p.format === 'text',
  async read(p, session) {
    const name = path.basename(p.input);
    await session.file({
      path: name,
      name,
      size: p.stat!.size,
      depth: 0,
      // A file given by hand is read whatever its name: size alone cannot exclude it.
      content: (limit) => (limit > 0 ? createReadStream(p.input, { end: limit - 1 }) : []),
      always: true,
    });
    return 'file';
  },
};
