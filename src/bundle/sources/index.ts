/** Every bundle source, tried in order: one line per source. */
import { archiveSource } from './archive.js';
import { directorySource } from './directory.js';
import { fileSource } from './file.js';
import { s3Source } from './s3.js';
import type { BundleSource } from './source.js';
import { stdinSource } from './stdin.js';

export const SOURCES: BundleSource[] = [
  stdinSource,
  directorySource,
  archiveSource,
  fileSource,
  s3Source,
];
