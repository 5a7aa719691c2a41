/**
 * How many bundles is this? A fleet upload folder holds one bundle per device: archives side
 * by side, or one folder per device. Analysing such a folder as one bundle would invent a
 * device that does not exist, so `analyze` refuses it, and `batch` uses the same boundaries
 * to split it. Works on paths alone (a directory listing or archive member names); file
 * contents, when given, only add labels (device id, host name).
 *
 * A bundle's root is the folder its captures hang from: the part of the path before a
 * system folder (`proc/`, `etc/`, `sys/`, `var/`, `sos_commands/`...) or else the file's
 * folder. Roots inside other roots are one bundle (`logs/dmesg.0` next to `proc/meminfo`).
 * Sibling roots are separate bundles only when the same kind of capture appears in more than
 * one of them (two meminfo, two identities): a bundle that keeps `mem/meminfo` and
 * `kernel/dmesg` in folders of their own stays one bundle.
 */
// @ts-nocheck

import path from 'node:path';
import { classifyByName } from './classify.js';
import type { InputKind } from './inventory.js';

export interface BundleFile {
  path: string;
  /** Content when known (used only to label the bundle). */
  data?: Buffer;
}

export interface BundleBoundary {
  /** Path prefix every file of the bundle starts with ('' for the top level). */
  root: string;
  /** The recognised capture files in it. */
  files: { path: string; kind: InputKind }[];
  deviceId?: string;
  hostname?: string;
}

/** Folders of a device's file system: a bundle root is above them. */
const SYSTEM_DIRS = new Set(['proc', 'etc', 'sys', 'var', 'dev', 'run', 'usr', 'sos_commands', 'sos_strings', 'sos_reports']);

/** Captures several of which in one bundle are normal (rotated logs, thermal zones). */
const REPEATABLE = new Set<InputKind>(['thermal-type', 'thermal-temp']);

/** The folder a capture file hangs from: `dev1.tgz!/capture/proc/meminfo` -> `dev1.tgz!/capture/`. */
export function bundleRootOf(filePath: string): string {
  const segs = filePath.split('/');
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    if (SYSTEM_DIRS.has(s.toLowerCase())) return segs.slice(0, i).map((x) => `${x}/`).join('');
    // sosreport captures sit under their own folder (`sosreport-host-2026/sos_commands`)
  }
  const dir = path.posix.dirname(filePath);
  return dir === '.' ? '' : `${dir}/`;
}

export function findBundles(entries: BundleFile[]): BundleBoundary[] {
  const byRoot = new Map<string, BundleBoundary>();
  for (const e of entries) {
    // The inner path of a member of a nested archive decides its kind.
    const kind = classifyByName(e.path)?.kind;
    if (!kind) continue;
    const root = bundleRootOf(e.path);
    const b = byRoot.get(root) ?? { root, files: [] };
    b.files.push({ path: e.path, kind });
    if (e.data) label(b, kind, e.data);
    byRoot.set(root, b);
  }
  // Roots inside another root belong to it.
  const roots = [...byRoot.keys()].sort((a, b) => a.length - b.length);
  const merged: BundleBoundary[] = [];
  for (const r of roots) {
    const b = byRoot.get(r)!;
    const parent = merged.find((m) => r.startsWith(m.root) && !crossesArchive(m.root, r));
    if (parent) {
      parent.files.push(...b.files);
      parent.deviceId ??= b.deviceId;
      parent.hostname ??= b.hostname;
    } else {
      merged.push(b);
    }
  }
  if (merged.length < 2) return merged;
  // Sibling roots are separate bundles when a kind repeats across them.
  const kindsIn = merged.map((b) => new Set(b.files.map((f) => f.kind).filter((k) => !REPEATABLE.has(k))));
  const repeated = kindsIn.some((ks, i) => [...ks].some((k) => kindsIn.some((other, j) => j !== i && other.has(k))));
  if (repeated) return merged.sort((a, b) => a.root.localeCompare(b.root));
  const one: BundleBoundary = { root: commonRoot(merged.map((b) => b.root)), files: merged.flatMap((b) => b.files) };
  one.deviceId = merged.find((b) => b.deviceId)?.deviceId;
  one.hostname = merged.find((b) => b.hostname)?.hostname;
  return [one];
}

/** A folder holding archives is not the root of what is inside them when there are several. */
function crossesArchive(parent: string, child: string): boolean {
  return child.slice(parent.length).includes('!/');
}

function commonRoot(roots: string[]): string {
  let p = roots[0] ?? '';
  for (const r of roots) while (!r.startsWith(p)) p = p.slice(0, p.slice(0, -1).lastIndexOf('/') + 1);
  return p;
}

function label(b: BundleBoundary, kind: InputKind, data: Buffer) {
  const head = data.subarray(0, 4096).toString('utf8');
  if (kind === 'hostname') b.hostname ??= head.trim().split('\n')[0]?.trim() || undefined;
  if (kind === 'manifest') {
    try {
      const m = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      const id = m.device_id ?? m.deviceId ?? m.serial ?? m.device;
      if (typeof id === 'string' || typeof id === 'number') b.deviceId ??= String(id);
    } catch {
      /* a broken manifest labels nothing */
    }
  }
}

/** One line per bundle for messages: `dev1.tgz!/ (device id cam-1, 7 files)`. */
export function describeBundle(b: BundleBoundary): string {
  const where = b.root === '' ? '(top level)' : b.root.replace(/!\/$/, '');
  const who = [b.deviceId && `device id ${b.deviceId}`, b.hostname && `host ${b.hostname}`].filter(Boolean).join(', ');
  const kinds = [...new Set(b.files.map((f) => f.kind))].join(', ');
  return `${where}${who ? ` — ${who}` : ''}: ${b.files.length} capture file(s) (${kinds})`;
}
