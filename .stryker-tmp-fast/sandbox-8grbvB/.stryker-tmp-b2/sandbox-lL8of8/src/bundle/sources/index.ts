/** Every bundle source, tried in order: one line per source. */
// @ts-nocheck

// 

import { archiveSource } from './archive.js';
import { directorySource } from './directory.js';
import { fileSource } from './file.js';
import { s3Source } from './s3.js';
import type { BundleSource } from './source.js';
import { stdinSource } from './stdin.js';
import { zipSource } from './zip.js';

export const SOURCES: BundleSource[] = [
  stdinSource,
  directorySource,
  archiveSource,
  zipSource,
  fileSource,
  s3Source,
];
