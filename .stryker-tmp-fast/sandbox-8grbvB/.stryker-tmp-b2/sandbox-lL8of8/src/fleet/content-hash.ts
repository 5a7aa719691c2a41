/**
 * A bundle's identity for the store: the sha256 of its bytes (an archive or a single file)
 * or of its files' relative names and bytes (a folder). A cheap stat signature (size, mtime)
 * lets a re-run skip re-reading a bundle whose files did not change.
 */
// @ts-nocheck

// 

import { createHash } from 'node:crypto';
import { createReadStream, promises as fsp } from 'node:fs';
import type { Readable } from 'node:stream';
import fg from 'fast-glob';
import { isS3Url, openS3Object, statS3Object } from '../bundle/s3.js';

export interface StatSignature {
  kind: 'file' | 'directory';
  /** Total bytes (of all files, for a folder). */
  size: number;
  /** Latest modification time (of any file, for a folder), ms. */
  mtimeMs: number;
  files: number;
}

async function folderFiles(dir: string) {
  const entries = await fg('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false, stats: true });
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function statSignature(ref: string): Promise<StatSignature> {
  if (isS3Url(ref)) return { kind: 'file', ...(await statS3Object(ref)), files: 1 };
  const st = await fsp.stat(ref);
  if (!st.isDirectory()) return { kind: 'file', size: st.size, mtimeMs: Math.floor(st.mtimeMs), files: 1 };
  let size = 0;
  let mtimeMs = Math.floor(st.mtimeMs);
  const files = await folderFiles(ref);
  for (const f of files) {
    size += f.stats!.size;
    mtimeMs = Math.max(mtimeMs, Math.floor(f.stats!.mtimeMs));
  }
  return { kind: 'directory', size, mtimeMs, files: files.length };
}

function hashStream(file: string | Readable, into: ReturnType<typeof createHash>): Promise<void> {
  return new Promise((resolve, reject) => {
    (typeof file === 'string' ? createReadStream(file) : file)
      .on('data', (c: Buffer) => into.update(c))
      .on('end', () => resolve())
      .on('error', reject);
  });
}

export async function contentHash(ref: string): Promise<string> {
  if (isS3Url(ref)) {
    const h = createHash('sha256');
    await hashStream(await openS3Object(ref), h);
    return h.digest('hex');
  }
  const st = await fsp.stat(ref);
  const h = createHash('sha256');
  if (!st.isDirectory()) {
    await hashStream(ref, h);
    return h.digest('hex');
  }
  h.update('jetdiag-folder-v1\0');
  for (const f of await folderFiles(ref)) {
    const inner = createHash('sha256');
    await hashStream(`${ref}/${f.path}`, inner);
    h.update(`${f.path}\0${f.stats!.size}\0${inner.digest('hex')}\n`);
  }
  return h.digest('hex');
}
