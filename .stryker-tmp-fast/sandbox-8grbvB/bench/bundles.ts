/**
 * Bench bundles, generated reproducibly (seeded) and cached by name under the bench
 * directory given: S/M/L/XL Orin Nano bundles (1 Hz tegrastats for minutes, 1 h, 24 h and
 * 7 days, a dmesg scaled alike, the /proc and identity files of the healthy sample) and the
 * hostile cases (a 4 GiB gzip bomb, one 256 MiB line, tens of thousands of entries), each
 * beside a healthy meminfo that must still be read.
 */
// @ts-nocheck

import { createWriteStream, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { dmesgLog, tegrastatsLines } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HEALTHY = path.join(ROOT, 'samples/orin-nano-healthy');

export interface BenchBundle {
  name: string;
  file: string;
  /** Uncompressed bytes and lines of the files that are parsed. */
  bytes: number;
  lines: number;
  hostile: boolean;
}

export const SIZES: Record<string, { hours: number; dmesgLines: number; about: string }> = {
  S: { hours: 0.25, dmesgLines: 2_000, about: '15 min' },
  M: { hours: 1, dmesgLines: 10_000, about: '1 h' },
  L: { hours: 24, dmesgLines: 100_000, about: '24 h' },
  XL: { hours: 24 * 7, dmesgLines: 100_000, about: '7 days' },
};

/** The healthy sample's small captures (identity, /proc), by path in the bundle. */
function healthyFiles(): [string, Buffer][] {
  const out: [string, Buffer][] = [];
  const walk = (rel: string) => {
    for (const f of readdirSync(path.join(HEALTHY, rel))) {
      const r = rel ? `${rel}/${f}` : f;
      if (statSync(path.join(HEALTHY, r)).isDirectory()) walk(r);
      else if (!/^(dmesg|tegrastats)/.test(f)) out.push([r, readFileSync(path.join(HEALTHY, r))]);
    }
  };
  walk('');
  return out;
}

function countLines(b: Buffer | string): number {
  let n = 0;
  if (typeof b === 'string') for (let i = b.indexOf('\n'); i >= 0; i = b.indexOf('\n', i + 1)) n++;
  else for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** A bundle of the given size class, made once and cached. */
export async function sizedBundle(dir: string, size: string): Promise<BenchBundle> {
  const spec = SIZES[size]!;
  const file = path.join(dir, `bundle-${size}.tgz`);
  const small = healthyFiles();
  const dmesg = dmesgLog(spec.dmesgLines);
  const samples = Math.round(spec.hours * 3600);
  const meta = path.join(dir, `bundle-${size}.json`);
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8'));
  const pack = tar.pack();
  const out = pipeline(pack, zlib.createGzip({ level: 6 }), createWriteStream(`${file}.part`));
  let bytes = 0;
  let lines = 0;
  const add = (name: string, data: Buffer | string) =>
    new Promise<void>((resolve, reject) => {
      bytes += Buffer.byteLength(data);
      lines += countLines(data);
      pack.entry({ name: `capture/${name}` }, data, (e) => (e ? reject(e) : resolve()));
    });
  for (const [name, data] of small) await add(name, data);
  await add('dmesg.txt', dmesg);
  // The tegrastats log is written in pieces: a week is ~230 MB.
  const tegraSize = [...tegrastatsLines(samples)].reduce((n, piece) => n + Buffer.byteLength(piece), 0);
  await new Promise<void>((resolve, reject) => {
    const entry = pack.entry({ name: 'capture/tegrastats.log', size: tegraSize }, (e) => (e ? reject(e) : resolve())) as unknown as NodeJS.WritableStream;
    (async () => {
      for (const piece of tegrastatsLines(samples)) {
        if (!entry.write(piece)) await new Promise<void>((r) => entry.once('drain', () => r()));
      }
      entry.end();
    })().catch(reject);
  });
  bytes += tegraSize;
  lines += samples;
  pack.finalize();
  await out;
  renameSync(`${file}.part`, file);
  const b: BenchBundle = { name: size, file, bytes, lines, hostile: false };
  writeFileSync(meta, JSON.stringify(b));
  return b;
}

/** A ustar header for a member of `size` bytes (tar-stream would want the data in memory). */
function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(`${Math.floor(Date.UTC(2026, 10, 24) / 1000).toString(8).padStart(11, '0')}\0`, 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\u000000', 257, 'latin1');
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += h[i]!;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

function padding(size: number): Buffer {
  return Buffer.alloc((512 - (size % 512)) % 512);
}

/**
 * A .tgz written as gzip members one after another (gunzip reads them as one stream): a
 * member of `repeat` MiB of the same byte costs one compressed MiB repeated, so a 4 GiB
 * bomb takes a second to make.
 */
async function memberStream(file: string, parts: (Buffer | { fill: number; mib: number })[]): Promise<void> {
  const out = createWriteStream(file);
  const write = (b: Buffer) => new Promise<void>((r) => (out.write(b) ? r() : out.once('drain', r)));
  for (const p of parts) {
    if (Buffer.isBuffer(p)) await write(zlib.gzipSync(p, { level: 1 }));
    else {
      const one = zlib.gzipSync(Buffer.alloc(1024 * 1024, p.fill), { level: 9 });
      for (let i = 0; i < p.mib; i++) await write(one);
    }
  }
  await new Promise<void>((r) => out.end(r));
}

function member(name: string, data: Buffer): Buffer {
  return Buffer.concat([tarHeader(name, data.length), data, padding(data.length)]);
}

export async function hostileBundles(dir: string): Promise<BenchBundle[]> {
  const meminfo = readFileSync(path.join(HEALTHY, 'proc/meminfo'));
  const out: BenchBundle[] = [];
  const make = async (name: string, build: (file: string) => Promise<void>, bytes: number, lines: number) => {
    const file = path.join(dir, `${name}.tgz`);
    if (!existsSync(file)) {
      await build(`${file}.part`);
      renameSync(`${file}.part`, file);
    }
    out.push({ name, file, bytes, lines, hostile: true });
  };
  const GiB4 = 4 * 1024;
  await make(
    'bomb-4GiB',
    (f) => memberStream(f, [member('capture/proc/meminfo', meminfo), tarHeader('capture/dmesg', GiB4 * 1024 * 1024), { fill: 0, mib: GiB4 }, Buffer.alloc(1024)]),
    meminfo.length + GiB4 * 1024 * 1024,
    countLines(meminfo),
  );
  const lineMiB = 256;
  await make(
    'line-256MiB',
    (f) =>
      memberStream(f, [
        member('capture/proc/meminfo', meminfo),
        tarHeader('capture/dmesg', lineMiB * 1024 * 1024 + 1),
        { fill: 0x41, mib: lineMiB },
        Buffer.concat([Buffer.from('\n'), padding(lineMiB * 1024 * 1024 + 1), Buffer.alloc(1024)]),
      ]),
    meminfo.length + lineMiB * 1024 * 1024 + 1,
    countLines(meminfo) + 1,
  );
  const n = 50_000;
  await make(
    'entries-50k',
    async (f) => {
      const parts: Buffer[] = [member('capture/proc/meminfo', meminfo)];
      for (let i = 0; i < n; i++) parts.push(member(`capture/junk/${i}.txt`, Buffer.from(`entry ${i}\n`)));
      parts.push(Buffer.alloc(1024));
      await memberStream(f, [Buffer.concat(parts)]);
    },
    meminfo.length + n * 8,
    countLines(meminfo) + n,
  );
  return out;
}
