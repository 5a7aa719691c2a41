/**
 * Finds the bundles under the paths and globs given to `jetdiag batch`: an archive is one
 * bundle, a folder of captures is one bundle, and a folder holding several is split at the
 * same boundaries `analyze` uses to refuse it (src/bundle/bundles.ts). Paths keep the form
 * they were given in (`uploads/dev-1.tgz`), in sorted order.
 */
// @ts-nocheck

import { promises as fsp } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { isS3Url, listS3Bundles } from '../bundle/s3.js';
import { findBundles } from '../bundle/bundles.js';

const ARCHIVE = /\.(tgz|tar\.gz|tar|zip|gz)$/i;

export interface Discovery {
  bundles: string[];
  /** Inputs that matched nothing, and files that belong to no bundle. */
  skipped: { path: string; reason: string }[];
}

/** One folder into its bundles: capture folders by their boundaries, archives outside them one each. */
async function splitFolder(dir: string, out: Discovery): Promise<void> {
  const files = (await fg('**/*', { cwd: dir, dot: true, onlyFiles: true, followSymbolicLinks: false })).sort();
  const boundaries = findBundles(files.filter((f) => !ARCHIVE.test(f)).map((p) => ({ path: p })));
  const roots = boundaries.map((b) => b.root).sort();
  if (roots.includes('')) {
    // Captures at the top: the folder itself is the bundle, archives in it included.
    out.bundles.push(dir);
    return;
  }
  const inRoot = (f: string) => roots.some((r) => f.startsWith(r));
  const found = [...roots.map((r) => path.join(dir, r.slice(0, -1))), ...files.filter((f) => ARCHIVE.test(f) && !inRoot(f)).map((f) => path.join(dir, f))];
  out.bundles.push(...found.sort());
  for (const f of files) {
    if (!ARCHIVE.test(f) && !inRoot(f)) out.skipped.push({ path: path.join(dir, f), reason: 'not an archive and not in a bundle folder' });
  }
}

async function addPath(p: string, out: Discovery): Promise<boolean> {
  const st = await fsp.stat(p).catch(() => null);
  if (!st) return false;
  if (st.isDirectory()) await splitFolder(p.replace(/(.)\/+$/, '$1'), out);
  else out.bundles.push(p);
  return true;
}

export async function discoverBundles(inputs: string[]): Promise<Discovery> {
  const out: Discovery = { bundles: [], skipped: [] };
  for (const input of inputs) {
    if (isS3Url(input)) {
      // s3://bucket/prefix: every archive under it (one key that is an archive: that bundle).
      const found = await listS3Bundles(input);
      if (!found.length) out.skipped.push({ path: input, reason: 'no archive under this S3 prefix' });
      out.bundles.push(...found.map((o) => o.url));
      continue;
    }
    if (await addPath(input, out)) continue;
    if (!fg.isDynamicPattern(input)) {
      out.skipped.push({ path: input, reason: 'no such file or folder' });
      continue;
    }
    const matches = (await fg(input, { onlyFiles: false, dot: false, followSymbolicLinks: false, markDirectories: true })).sort();
    if (!matches.length) out.skipped.push({ path: input, reason: 'the pattern matched nothing' });
    for (const m of matches) await addPath(m.replace(/(.)\/$/, '$1'), out);
  }
  // A path given twice (a folder and a glob inside it) is one bundle.
  out.bundles = [...new Set(out.bundles)];
  return out;
}
