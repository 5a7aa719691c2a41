/**
 * Recognising containers by their first bytes, archive member paths, and peeking at the
 * head of a stream without losing it.
 */
// @ts-nocheck

import { Readable } from 'node:stream';
import { UserInputError } from '../errors.js';

/** Thrown when the input cannot be read at all (exit code 2). */
export class UnreadableInputError extends UserInputError {}

export type ContainerFormat = 'gzip' | 'tar' | 'text' | 'zip' | 'xz' | 'bzip2' | 'zstd' | 'binary data';

export function sniffContainer(head: Buffer): ContainerFormat {
  if (isGzip(head)) return 'gzip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
  if (head.length >= 512 && isTarHeader(head)) return 'tar';
  if (head.toString('latin1', 0, 4) === 'PK\u0003\u0004') return 'zip';
  if (head.toString('latin1', 0, 6) === '\xfd7zXZ\0') return 'xz';
  if (head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd';
  return head.subarray(0, 512).includes(0) ? 'binary data' : 'text';
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Old (v7) tar headers have no magic: check the header checksum instead. */
function isTarHeader(h: Buffer): boolean {
  const stored = parseInt(h.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum === stored;
}

export function isArchiveName(p: string): boolean {
  return /\.(tgz|tar\.gz|tar)$/i.test(p);
}

/** Normalises an archive member path; returns null when it would escape the archive. */
export function safeMemberPath(name: string): string | null {
  const p = name.replace(/\\/g, '/');
  if (p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return null;
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') return null;
    parts.push(seg);
  }
  return parts.length ? parts.join('/') : null;
}

/** Reads the first `n` bytes of a stream and returns a stream that still yields everything. */
export async function peek(input: AsyncIterable<Buffer | Uint8Array>, n = 512): Promise<{ first: Buffer; rest: Readable }> {
  const it = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < n && !done) {
    const r = await it.next();
    if (r.done) done = true;
    else {
      parts.push(asBuffer(r.value));
      have += r.value.length;
    }
  }
  const first = Buffer.concat(parts, have);
  async function* all() {
    if (first.length) yield first;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield asBuffer(r.value);
    }
  }
  return { first, rest: Readable.from(all(), { objectMode: false }) };
}

/** A Buffer view of stream data without copying it. */
export function asBuffer(v: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}
