/** s3://bucket/key: an archive (or gzipped log) in S3 or an S3-compatible store, streamed, never saved. */
// @ts-nocheck

import { isS3Url, openS3Object } from '../s3.js';
import { readArchiveStream } from './archive.js';
import type { BundleSource } from './source.js';

export const s3Source: BundleSource = {
  name: 's3',
  accepts: (p) => isS3Url(p.input),
  async read(p, session) {
    await readArchiveStream(await openS3Object(p.input), '', p.input, session, 0);
    return 'archive';
  },
};
