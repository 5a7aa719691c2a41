/**
 * Finds the bundles under the paths and globs given to `jetdiag batch`: an archive is one
 * bundle, a folder that holds captures is one bundle, any other folder is searched.
 * Paths keep the form they were given in (`uploads/dev-1.tgz`), sorted within each folder.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { looksLikeInputByName } from '../bundle/classify.js';

const ARCHIVE = /\.(tgz|tar\.gz|tar|zip|gz)$/i;
/** Folders that mark a capture tree even when no file at the top is recognised. */
const MARKER_DIRS = new Set(['proc', 'sos_commands', 'sos_reports', 'etc', 'var']);

export interface Discovery {
  bundles: string[];
  /** Inputs that matched nothing, and files skipped because they are not bundles. */
  skipped: { path: string; reason: string }[];
}

/** The one place that decides "this folder is one bundle" (switch to the intake's boundary detection when it has one). */
export async function isBundleFolder(dir: string): Promise<boolean> {
  const entries = await fg('*', { cwd: dir, onlyFiles: false, dot: true, deep: 1, markDirectories: true, followSymbolicLinks: false });
  return entries.some((e) => (e.endsWith('/') ? MARKER_DIRS.has(e.slice(0, -1)) : looksLikeInputByName(e) && !ARCHIVE.test(e) || e === 'manifest.json'));
}

async function walk(dir: string, out: Discovery): Promise<void> {
  if (await isBundleFolder(dir)) {
    out.bundles.push(dir);
    return;
  }
  const entries = await fg('*', { cwd: dir, onlyFiles: false, dot: false, deep: 1, markDirectories: true, followSymbolicLinks: false });
  entries.sort();
  for (const e of entries) {
    const p = path.join(dir, e);
    if (e.endsWith('/')) await walk(p.replace(/\/$/, ''), out);
    else if (ARCHIVE.test(e)) out.bundles.push(p);
    else out.skipped.push({ path: p, reason: 'not an archive and not in a bundle folder' });
  }
}

async function addPath(p: string, out: Discovery): Promise<boolean> {
  const st = await fsp.stat(p).catch(() => null);
  if (!st) return false;
  if (st.isDirectory()) await walk(p.replace(/\/+$/, '') || '/', out);
  else out.bundles.push(p);
  return true;
}

export async function discoverBundles(inputs: string[]): Promise<Discovery> {
  const out: Discovery = { bundles: [], skipped: [] };
  for (const input of inputs) {
    if (await addPath(input, out)) continue;
    if (!fg.isDynamicPattern(input)) {
      out.skipped.push({ path: input, reason: 'no such file or folder' });
      continue;
    }
    const matches = (await fg(input, { onlyFiles: false, dot: false, followSymbolicLinks: false, markDirectories: true })).sort();
    if (!matches.length) out.skipped.push({ path: input, reason: 'the pattern matched nothing' });
    for (const m of matches) await addPath(m.replace(/\/$/, ''), out);
  }
  // A path given twice (a folder and a glob inside it) is one bundle.
  out.bundles = [...new Set(out.bundles)];
  return out;
}
