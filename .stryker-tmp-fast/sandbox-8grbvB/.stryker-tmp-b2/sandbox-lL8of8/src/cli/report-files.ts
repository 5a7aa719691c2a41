/**
 * Where `analyze` writes its reports: files named after the bundle, so reports of several
 * bundles can share a directory without one bundle's report passing for another's.
 */
// @ts-nocheck

// 

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { plainReason, UserInputError } from '../errors.js';

const ARCHIVE_SUFFIX = /(\.tar\.gz|\.tgz|\.tar|\.zip|\.gz|\.txt|\.log)$/i;

/** `samples/orin-nano-leak-oom.tgz` -> `orin-nano-leak-oom`; stdin -> `stdin`. */
export function bundleStem(input: string): string {
  if (input === '-') return 'stdin';
  const base = path.basename(path.resolve(input)).replace(ARCHIVE_SUFFIX, '');
  const safe = base.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '');
  return safe || 'bundle';
}

/** `<dir>/<stem>.report.<ext>`: never the name of a capture a bundle holds. */
export function reportPath(dir: string, input: string, extension: string): string {
  return path.join(dir, `${bundleStem(input)}.report.${extension}`);
}

/**
 * mkdir -p one level at a time. Node's recursive mkdir spins forever under /proc (a path that
 * exists in no real directory), so we walk up to the first existing ancestor ourselves.
 */
export async function ensureDirectory(dir: string, shown: string): Promise<void> {
  const missing: string[] = [];
  let cur = path.resolve(dir);
  for (;;) {
    const st = await fsp.stat(cur).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e))).catch((e) => {
      throw new UserInputError(`cannot write reports to "${shown}": ${plainReason(e)}`);
    });
    if (st) {
      if (!st.isDirectory()) throw new UserInputError(`cannot write reports to "${shown}": ${cur === path.resolve(dir) ? 'it is a file, not a directory' : `${cur} is a file, not a directory`}`);
      break;
    }
    missing.unshift(cur);
    const up = path.dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  for (const d of missing) {
    await fsp.mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw new UserInputError(`cannot write reports to "${shown}": ${plainReason(e)}`, 'choose a directory you can write to with -o <dir>');
    });
  }
}
