/**
 * JSON written to a stream in pieces, never as one string: the snapshot of a week-long log
 * is hundreds of MB of JSON. Produces exactly what stringifyJson does (same replacer, same
 * indentation): large arrays and the upper levels of objects are walked here; each small
 * subtree is stringified whole, re-indented for its depth.
 */
// @ts-nocheck

import { toJsonValue } from './json.js';

/** Subtrees below this depth, and arrays shorter than this, are stringified in one call. */
const WALK_DEPTH = 3;
const WALK_LENGTH = 256;
const FLUSH_CHARS = 256 * 1024;
const SLICE = 4096;

function allPrimitive(a: unknown[]): boolean {
  for (const x of a) if (x !== null && x !== undefined && typeof x !== 'number' && typeof x !== 'string' && typeof x !== 'boolean') return false;
  return true;
}

/** An array element as JSON.stringify writes it (undefined is null in an array). */
function primitiveJson(x: unknown): string {
  if (typeof x === 'number') return Number.isFinite(x) ? String(x) : 'null';
  if (x === null || x === undefined) return 'null';
  return JSON.stringify(x);
}

/** A plain object or array holding only primitives (no typed array, bigint or toJSON). */
function flatPrimitive(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'bigint';
  if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if (x !== null && typeof x === 'object') return false;
    if (typeof x === 'bigint') return false;
  }
  return true;
}

/** A plain object of primitives only, that JSON.stringify writes the same with or without our replacer. */
function isFlatRecord(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const k in v) {
    const x = (v as Record<string, unknown>)[k];
    if ((x !== null && typeof x === 'object') || typeof x === 'bigint' || typeof x === 'function') return false;
  }
  return true;
}

export async function writeJson(out: NodeJS.WritableStream, value: unknown, pretty = true): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  for (const piece of pieces(value, pretty ? '  ' : '')) {
    buf.push(piece);
    size += piece.length;
    if (size >= FLUSH_CHARS) {
      await write(out, buf.join(''));
      buf = [];
      size = 0;
    }
  }
  await write(out, buf.join('') + '\n');
}

function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  // Wait for the reader when the pipe is full: memory holds one piece, not the document.
  return out.write(s) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

type Column = Float64Array | Float32Array | Uint32Array | Int32Array;

/** The typed arrays toJsonValue turns into arrays of numbers (null for NaN): written here directly. */
function isColumn(v: unknown): v is Column {
  return v instanceof Float64Array || v instanceof Float32Array || v instanceof Uint32Array || v instanceof Int32Array;
}

/** What JSON.stringify would serialise for `v` under `key` (toJSON, then the replacer). */
function prepare(key: string, v: unknown): unknown {
  if (isColumn(v)) return v; // written by walk() without an intermediate array
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  return toJsonValue(key, v);
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function* pieces(root: unknown, step: string): Generator<string> {
  const v = prepare('', root);
  if (skipped(v)) return;
  yield* walk(v, step, '', 0);
}

function* walk(v: unknown, step: string, indent: string, depth: number): Generator<string> {
  const inner = indent + step;
  const nl = step ? `\n${inner}` : '';
  const close = step ? `\n${indent}` : '';
  if (isColumn(v)) {
    // A series column as toJsonValue makes it (NaN as null), a slice of numbers at a time.
    if (v.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < v.length; i += SLICE) {
      // JSON.stringify writes NaN as null, as toJsonValue would; only numbers, so every
      // comma separates two of them.
      const s = JSON.stringify(Array.from(v.subarray(i, i + SLICE)));
      const body = s.slice(1, s.length - 1);
      yield (i ? `,${nl}` : nl) + (step ? body.replaceAll(',', `,${nl}`) : body);
    }
    yield `${close}]`;
    return;
  }
  if (Array.isArray(v) && (depth < WALK_DEPTH || v.length > WALK_LENGTH) && v.length > 0) {
    yield '[';
    if (allPrimitive(v)) {
      // Series columns: tens of thousands of numbers, joined a slice at a time.
      for (let i = 0; i < v.length; i += SLICE) {
        yield (i ? `,${nl}` : nl) + v.slice(i, i + SLICE).map(primitiveJson).join(`,${nl}`);
      }
      yield `${close}]`;
      return;
    }
    for (let i = 0; i < v.length; ) {
      // A run of records of primitives (dmesg records: 100k of them) is one stringify call,
      // its indentation shifted to this depth, instead of one call per record.
      let j = i;
      while (j < v.length && j - i < SLICE && isFlatRecord(v[j])) j++;
      if (j - i > 1) {
        const s = JSON.stringify(v.slice(i, j), undefined, step || undefined);
        // `[` + nl-at-one-step + records + `\n]`: keep what is between the brackets.
        const body = step ? s.slice(1, s.length - 2) : s.slice(1, s.length - 1);
        yield (i ? ',' : '') + (step && indent ? body.replace(/\n/g, `\n${indent}`) : body);
        i = j;
        continue;
      }
      const item = prepare(String(i), v[i]);
      yield i ? `,${nl}` : nl;
      if (skipped(item)) yield 'null';
      else yield* walk(item, step, inner, depth + 1);
      i++;
    }
    yield `${close}]`;
    return;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < WALK_DEPTH) {
    let first = true;
    for (const k of Object.keys(v)) {
      const item = prepare(k, (v as Record<string, unknown>)[k]);
      if (skipped(item)) continue;
      yield `${first ? '{' : ','}${nl}${JSON.stringify(k)}:${step ? ' ' : ''}`;
      first = false;
      yield* walk(item, step, inner, depth + 1);
    }
    yield first ? '{}' : `${close}}`;
    return;
  }
  // Records of primitives (most of a snapshot) need no replacer: JSON.stringify is much
  // faster without one.
  const s = JSON.stringify(v, flatPrimitive(v) ? undefined : toJsonValue, step || undefined);
  // JSON strings never hold a raw newline: every one is indentation, shifted to this depth.
  yield step && indent && s.includes('\n') ? s.replace(/\n/g, `\n${indent}`) : s;
}
