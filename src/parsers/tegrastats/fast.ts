/**
 * A fast path for the regular tegrastats line (`[MM-DD-YYYY HH:MM:SS ]RAM ... CPU [...] ...`),
 * the shape of nearly every line of a long log: one scan over the characters that checks
 * each field and reads its numbers in place (no tokens, no substrings). It only recognises a
 * line when every field is one the grammar would lex the same way (same token kind, same
 * values); anything unusual — another field kind, a tab, a double space inside a field, a
 * CR, a prefix, a wrapped line, a number too long to read exactly here — is left to the
 * Chevrotain grammar, which stays the authority (test/parsers/tegrastats-fast.test.ts proves
 * both give the same snapshot on every capture and on mutated captures).
 *
 * `scanLine` writes the line's items into `items` (one op per field or per item of a run,
 * where its name is, up to VALS values); it has no other effects, so a line it gives up on
 * half way costs nothing but the scan. The builder stores the items.
 */
import { readNumber } from '../common/numbers.js';

/** Item kinds; values in `items.v[k * VALS + j]`. */
export const O_TS = 1; // epoch seconds
export const O_RAM = 2; // used, total
export const O_RAM_LFB = 3; // used, total, lfb count, lfb block KB
export const O_SWAP = 4; // used, total
export const O_SWAP_CACHED = 5; // used, total, cached
export const O_IRAM = 6; // used, total
export const O_MTS = 7; // fg, bg
export const O_CORE = 8; // load, freq (NaN: none); `from` is the core's index
export const O_CORES = 9; // `from` is the number of cores listed
export const O_LOAD = 10; // NAME load%: load, NaN
export const O_LOAD_FREQ = 11; // NAME load%@freq: load, freq
export const O_FREQ = 12; // NAME @freq: NaN, freq
export const O_TEMP = 13; // name@valueC: value
export const O_RAIL = 14; // NAME cur/avg: cur, avg
export const O_ENGINE = 15; // NAME off|MHz: MHz (NaN: off)

export const VALS = 4;
export const MAX_ITEMS = 192;

// How a number of a template is read: the same readers as the scan's.
const K_UINT = 1; // \d{1,15}
const K_CELSIUS = 2; // -?\d+(\.\d+)?C
const K_FREQ = 3; // [\d,...]
const K_TS = 4; // MM-DD-YYYY HH:MM:SS and its blank

/** The items a line is expected to have: ops, names ('' for none), core indexes. */
export interface ExpectedLayout {
  count: number;
  op: Int32Array;
  name: string[];
  index: Int32Array;
}

/**
 * A scanned line: `count` items, each an op, a name at `[from, to)` of the line (or an index)
 * and values. `same` says the line has exactly the ops and names of `expect` (the layout the
 * caller guessed, usually the previous line's), checked while the names are read.
 */
export const items = {
  count: 0,
  same: false,
  expect: { count: -1, op: new Int32Array(0), name: [], index: new Int32Array(0) } as ExpectedLayout,
  op: new Int32Array(MAX_ITEMS),
  from: new Int32Array(MAX_ITEMS),
  to: new Int32Array(MAX_ITEMS),
  v: new Float64Array(MAX_ITEMS * VALS),
};

const SP = 32;
/** Longest digit run read here: every shorter run is an exact integer, as readNumber and Number() read it. */
const MAX_DIGITS = 15;
const POW10 = Array.from({ length: MAX_DIGITS + 1 }, (_, k) => 10 ** k);

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);
/** \w or `-`, the characters of a temperature's name. */
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 45;

// The scan's state, module-level so the helpers below are plain functions (no closures per line).
let n = 0;
/** The value the last number reader found. */
const num = new Float64Array(1);
// The day of the previous timestamp, so a line of the same day costs no Date.UTC.
let dayKey = -1;
let dayMs = 0;

/** `(?=\s|$)` as the grammar writes it, for lines this path accepts (no tab, no CR). */
const atEnd = (s: string, i: number) => i === n || s.charCodeAt(i) === SP;

/** `word` at i, within the line (a loop the compiler inlines: cheaper here than a startsWith call). */
function startsAt(s: string, i: number, word: string): boolean {
  const len = word.length;
  if (i + len > n) return false;
  for (let q = 0; q < len; q++) if (s.charCodeAt(i + q) !== word.charCodeAt(q)) return false;
  return true;
}

/** The two characters a, b at i (cheaper than a startsWith call in the loops). */
const pair = (s: string, i: number, a: number, b: number) => i + 1 < n && s.charCodeAt(i) === a && s.charCodeAt(i + 1) === b;
/** `off` at i. */
const isOff = (s: string, i: number) => i + 2 < n && s.charCodeAt(i) === 111 && s.charCodeAt(i + 1) === 102 && s.charCodeAt(i + 2) === 102;

/** `\d{1,15}` at i: its value into `num[0]`, its end returned, or -1. */
/** What usedTotal read: `used/total`. */
let usedV = 0;
let totalV = 0;

/**
 * `used/total<unit>` at `i` (`3600/7620MB`, `0/252kB`): the index after the unit, or -1.
 * Sets usedV and totalV.
 */
function usedTotal(s: string, i: number, unit: string): number {
  const ue = uint(s, i);
  if (ue < 0 || s.charCodeAt(ue) !== 47 /* / */) return -1;
  usedV = num[0];
  const te = uint(s, ue + 1);
  if (te < 0 || !startsAt(s, te, unit)) return -1;
  totalV = num[0];
  return te + unit.length;
}

function uint(s: string, i: number): number {
  let j = i;
  let v = 0;
  for (; j < n; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  if (j === i || j - i > MAX_DIGITS) return -1;
  num[0] = v;
  if (rec) record(i, j, K_UINT);
  return j;
}

/** `-?\d+(\.\d+)?C` at i: the number into `num[0]` (as readNumber reads it), its end returned, or -1. */
function celsius(s: string, i: number): number {
  const start = i;
  const neg = s.charCodeAt(i) === 45;
  if (neg) i++;
  let m = 0;
  let j = i;
  for (; j < n; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
  }
  if (j === i || j - i > MAX_DIGITS) return -1;
  let frac = 0;
  if (j < n && s.charCodeAt(j) === 46) {
    const f0 = ++j;
    for (; j < n; j++) {
      const d = s.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d;
    }
    frac = j - f0;
    if (frac === 0 || frac > MAX_DIGITS) return -1;
  }
  if (j >= n || s.charCodeAt(j) !== 67 /* C */) return -1;
  if (m > Number.MAX_SAFE_INTEGER) num[0] = readNumber(s, start, j);
  else {
    const x = frac ? m / POW10[frac]! : m;
    num[0] = neg ? -x : x;
  }
  if (rec) record(start, j + 1, K_CELSIUS);
  return j + 1;
}

/** `\d+(mW)?` at i: value into `num[0]`, end, or -1. */
function milliwatts(s: string, i: number): number {
  const j = uint(s, i);
  if (j < 0) return -1;
  return pair(s, j, 109, 87) /* mW */ ? j + 2 : j;
}

/** `\[[\d,]*\]` or `\d+` at i (a frequency): the highest into `num[0]` (an empty item of a list reads 0), end, or -1. */
function frequency(s: string, i: number): number {
  if (s.charCodeAt(i) !== 91 /* [ */) return uint(s, i);
  let max = NaN;
  let j = i + 1;
  for (;;) {
    const k0 = j;
    let v = 0;
    for (; j < n; j++) {
      const d = s.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j - k0 > MAX_DIGITS || j >= n) return -1;
    if (!(v <= max)) max = v;
    const c = s.charCodeAt(j);
    if (c === 93 /* ] */) break;
    if (c !== 44 /* , */) return -1;
    j++;
  }
  num[0] = max;
  if (rec) record(i, j + 1, K_FREQ);
  return j + 1;
}

/** Two digits at i, as a number (the caller has checked they are digits). */
const two = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** `\d\d-\d\d-\d{4} \d\d:\d\d:\d\d ` at p: epoch seconds into `num[0]`, or false. */
function timestamp(s: string, p: number): boolean {
  if (n - p < 20) return false;
  for (let i = 0; i < 20; i++) {
    const c = s.charCodeAt(p + i);
    const want = TS_SHAPE.charCodeAt(i);
    if (want === 100 /* d */ ? !isDigit(c) : c !== want) return false;
  }
  const mo = two(s, p);
  const d = two(s, p + 3);
  const y = two(s, p + 6) * 100 + two(s, p + 8);
  const key = (y * 100 + mo) * 100 + d;
  if (key !== dayKey) {
    dayKey = key;
    dayMs = Date.UTC(y, mo - 1, d);
  }
  // Date.UTC(y, mo - 1, d, h, mi, s) is the day's milliseconds plus these, exactly.
  num[0] = (dayMs + two(s, p + 11) * 3600000 + two(s, p + 14) * 60000 + two(s, p + 17) * 1000) / 1000;
  if (rec) record(p, p + 20, K_TS);
  return true;
}
const TS_SHAPE = 'dd-dd-dddd dd:dd:dd ';

let k = 0;
/** Still the expected layout so far (ops, names and core indexes). */
let same = true;
let expOp: Int32Array = new Int32Array(0);
let expName: string[] = [];
let expCount = -1;

/** Whether the expected item k is a name equal to s[from..to) (compared while the name is read). */
function nameIs(s: string, from: number, to: number): boolean {
  const want = expName[k];
  if (want === undefined || want.length !== to - from) return false;
  for (let q = 0; q < want.length; q++) if (want.charCodeAt(q) !== s.charCodeAt(from + q)) return false;
  return true;
}

/**
 * item() of one value, the number the last reader left in `num[0]`: a temperature or an
 * epoch is not a small integer, and passed as an argument it would be boxed on every line.
 */
function itemOfNum(op: number, from: number, to: number): boolean {
  if (!item(op, from, to, 0, 0, 0, 0)) return false;
  items.v[(k - 1) * VALS] = num[0]!;
  return true;
}

/**
 * Where the name of the expected item k ends when the line has that name at p followed by
 * its kind's delimiter (`@` for a temperature; a blank or the line's end for a NAME value),
 * else -1.
 */
function expectedName(s: string, p: number): number {
  if (k >= expCount) return -1;
  const want = expName[k]!;
  const end = p + want.length;
  if (want.length === 0 || end > n || !s.startsWith(want, p)) return -1;
  const after = end < n ? s.charCodeAt(end) : SP;
  if (expOp[k] === O_TEMP) return after === 64 /* @ */ ? end : -1;
  return after === SP ? end : -1;
}

function item(op: number, from: number, to: number, a: number, b: number, c: number, d: number): boolean {
  if (k >= MAX_ITEMS) return false;
  if (same && (k >= expCount || expOp[k] !== op || (op === O_CORE && items.expect.index[k] !== from))) same = false;
  items.op[k] = op;
  items.from[k] = from;
  items.to[k] = to;
  const o = k * VALS;
  const v = items.v;
  v[o] = a;
  v[o + 1] = b;
  v[o + 2] = c;
  v[o + 3] = d;
  k++;
  return true;
}

/** RAM, SWAP, IRAM, MTS: names of field kinds of their own, never a generic NAME value. */
function ownKindName(s: string, p: number, w: number): boolean {
  const len = w - p;
  if (len === 3) return s.startsWith('RAM', p) || s.startsWith('MTS', p);
  if (len === 4) return s.startsWith('SWAP', p) || s.startsWith('IRAM', p);
  return false;
}

/** `CPU [` list `]` `(@shared)?` with the list at p: items out, end of the field, or -1. */
function cpuList(s: string, p: number): number {
  const first = k;
  let core = 0;
  let j = p;
  let needShared = false;
  for (;;) {
    if (isOff(s, j)) {
      j += 3;
    } else {
      j = uint(s, j);
      if (j < 0 || j >= n || s.charCodeAt(j) !== 37 /* % */) return -1;
      const load = num[0];
      j++;
      let freq = NaN;
      if (j < n && s.charCodeAt(j) === 64 /* @ */) {
        j = uint(s, j + 1);
        if (j < 0) return -1;
        freq = num[0];
      } else needShared = true;
      if (!item(O_CORE, core, core, load, freq, 0, 0)) return -1;
    }
    core++;
    if (j >= n) return -1;
    const c = s.charCodeAt(j);
    if (c === 93 /* ] */) break;
    if (c !== 44 /* , */) return -1;
    j++;
  }
  j++;
  if (j < n && s.charCodeAt(j) === 64 /* @ */) {
    j = uint(s, j + 1);
    if (j < 0) return -1;
    // Cores printed without their own clock run at the shared one.
    if (needShared) for (let q = first; q < k; q++) if (Number.isNaN(items.v[q * VALS + 1]!)) items.v[q * VALS + 1] = num[0];
  }
  if (!atEnd(s, j)) return -1;
  return item(O_CORES, core, core, 0, 0, 0, 0) ? j : -1;
}

/** The field-by-field scan behind scanLine (see there); records the numbers it reads while `rec` is set. */
function scanFields(s: string, start: number, end: number): number {
  n = end;
  k = 0;
  items.count = 0;
  const e = items.expect;
  expOp = e.op;
  expName = e.name;
  expCount = e.count;
  same = true;
  let p = start;
  // `MM-DD-YYYY HH:MM:SS` (JetPack 5+), then the sample must start with RAM.
  if (p < n && isDigit(s.charCodeAt(p))) {
    if (!timestamp(s, p)) return -1;
    itemOfNum(O_TS, p, p + 19);
    p += 20;
  }
  if (!startsAt(s, p, 'RAM ')) return -1;

  while (p < n) {
    const c0 = s.charCodeAt(p);
    let end: number;
    // The first character picks the candidates.
    if (c0 === 82 /* R */ && startsAt(s, p, 'RAM ')) {
      end = usedTotal(s, p + 4, 'MB');
      if (end < 0) return -1;
      const used = usedV;
      const total = totalV;
      const open = end < n && s.charCodeAt(end) === SP ? end + 1 : end;
      if (startsAt(s, open, '(lfb ')) {
        const lce = uint(s, open + 5);
        if (lce < 0 || s.charCodeAt(lce) !== 120 /* x */) return -1;
        const count = num[0];
        const lse = uint(s, lce + 1);
        if (lse < 0 || lse >= n) return -1;
        const unit = s.charCodeAt(lse);
        if (unit !== 107 && unit !== 75 && unit !== 77) return -1; // k K M
        if (!startsAt(s, lse + 1, 'B)')) return -1;
        end = lse + 3;
        if (!atEnd(s, end) || !item(O_RAM_LFB, 0, 0, used, total, count, num[0] * (unit === 77 ? 1024 : 1))) return -1;
      } else if (!atEnd(s, end) || !item(O_RAM, 0, 0, used, total, 0, 0)) return -1;
    } else if (c0 === 83 /* S */ && startsAt(s, p, 'SWAP ')) {
      end = usedTotal(s, p + 5, 'MB');
      if (end < 0) return -1;
      const used = usedV;
      const total = totalV;
      const open = end < n && s.charCodeAt(end) === SP ? end + 1 : end;
      if (startsAt(s, open, '(cached ')) {
        const ce = uint(s, open + 8);
        if (ce < 0 || !startsAt(s, ce, 'MB)')) return -1;
        end = ce + 3;
        if (!atEnd(s, end) || !item(O_SWAP_CACHED, 0, 0, used, total, num[0], 0)) return -1;
      } else if (!atEnd(s, end) || !item(O_SWAP, 0, 0, used, total, 0, 0)) return -1;
    } else if (c0 === 73 /* I */ && startsAt(s, p, 'IRAM ')) {
      // `IRAM 0/252kB(lfb 252kB)` (Nano, TX1): only used and total are kept.
      end = usedTotal(s, p + 5, 'kB');
      if (end < 0) return -1;
      const used = usedV;
      const total = totalV;
      const open = end < n && s.charCodeAt(end) === SP ? end + 1 : end;
      if (startsAt(s, open, '(lfb ')) {
        const le = uint(s, open + 5);
        if (le < 0 || !startsAt(s, le, 'kB)')) return -1;
        end = le + 3;
      }
      if (!atEnd(s, end) || !item(O_IRAM, 0, 0, used, total, 0, 0)) return -1;
    } else if (c0 === 77 /* M */ && startsAt(s, p, 'MTS fg ')) {
      // `MTS fg 0% bg 1%` (TX2, Xavier)
      const fge = uint(s, p + 7);
      if (fge < 0 || !startsAt(s, fge, '% bg ')) return -1;
      const fg = num[0];
      const bge = uint(s, fge + 5);
      if (bge < 0 || bge >= n || s.charCodeAt(bge) !== 37) return -1;
      end = bge + 1;
      if (!atEnd(s, end) || !item(O_MTS, 0, 0, fg, num[0], 0, 0)) return -1;
    } else if (c0 === 67 /* C */ && startsAt(s, p, 'CPU [')) {
      end = cpuList(s, p + 5);
      if (end < 0) return -1;
    } else if (isLetter(c0)) {
      let w = p + 1;
      let at = -1;
      let upperOk = true;
      let nameOk = true;
      // The name the expected layout has here, when the line has it too (with the delimiter of
      // its kind: `@` for a temperature, a blank or the line's end for a NAME value): that name
      // was read and checked on an earlier line, so this word need not be classified again.
      const known = same ? expectedName(s, p) : -1;
      if (known > 0) {
        if (known < n && s.charCodeAt(known) === 64) at = known;
        else w = known;
      } else {
        // One pass over the word: where its first `@` is, and whether the characters before it
        // make a NAME (upper case, digits, _) or a temperature's name (\w or -).
        for (; w < n; w++) {
          const c = s.charCodeAt(w);
          if (c === SP) break;
          if (at >= 0 || isUpper(c) || isDigit(c) || c === 95) continue;
          if (c === 64) at = w;
          else {
            upperOk = false;
            if (!isNameChar(c)) nameOk = false;
          }
        }
      }
      if (at > p) {
        // `name@62.5C` or `name@62.5C/62.5C`: the first value is the reading.
        if (!nameOk) return -1;
        if (same && known < 0 && !nameIs(s, p, at)) same = false;
        let e = celsius(s, at + 1);
        if (e < 0) return -1;
        if (e < n && s.charCodeAt(e) === 47) {
          // `/62.5C` again (JP7): read, not kept; the reading stays in num[0].
          const v = num[0]!;
          e = celsius(s, e + 1);
          if (e < 0) return -1;
          num[0] = v;
        }
        // The value ends the word (no blank can be inside one: it ends where the word does).
        if (!atEnd(s, e) || !itemOfNum(O_TEMP, p, at)) return -1;
        end = e;
      } else {
        // NAME value: a load field, a frequency, a rail or an engine. Upper-case names only,
        // so no field here can be read as a wall-clock prefix, and never a name of its own
        // field kind (RAM, SWAP, IRAM, MTS), which the grammar might read differently. (`CPU`
        // is a rail's name on Xavier: the grammar's CPU field needs a `[`, never a value here.)
        if (!isUpper(c0) || !upperOk) return -1;
        if (known < 0 && ownKindName(s, p, w)) return -1;
        if (same && known < 0 && !nameIs(s, p, w)) same = false;
        const v = w + 1;
        if (w >= n || v >= n) return -1;
        const c1 = s.charCodeAt(v);
        if (isDigit(c1)) {
          const de = uint(s, v);
          if (de < 0) return -1;
          const first = num[0];
          const next = de < n ? s.charCodeAt(de) : -1;
          if (next === 37 /* % */) {
            end = de + 1;
            if (end < n && s.charCodeAt(end) === 64) {
              end = frequency(s, end + 1);
              if (end < 0 || !atEnd(s, end) || !item(O_LOAD_FREQ, p, w, first, num[0], 0, 0)) return -1;
            } else if (!atEnd(s, end) || !item(O_LOAD, p, w, first, NaN, 0, 0)) return -1;
          } else if (next === 47 /* / */ || next === 109 /* m */) {
            let e = milliwatts(s, v);
            if (e < 0 || e >= n || s.charCodeAt(e) !== 47) return -1;
            e = milliwatts(s, e + 1);
            if (e < 0) return -1;
            const avg = num[0];
            if (e < n && s.charCodeAt(e) === 47) {
              e = milliwatts(s, e + 1);
              if (e < 0) return -1;
            }
            if (!atEnd(s, e) || !item(O_RAIL, p, w, first, avg, 0, 0)) return -1;
            end = e;
          } else if (atEnd(s, de)) {
            end = de;
            if (!item(O_ENGINE, p, w, first, 0, 0, 0)) return -1;
          } else return -1;
        } else if (c1 === 64 /* @ */) {
          end = frequency(s, v + 1);
          if (end < 0 || !atEnd(s, end) || !item(O_FREQ, p, w, NaN, num[0], 0, 0)) return -1;
        } else if (isOff(s, v) && atEnd(s, v + 3)) {
          end = v + 3;
          if (!item(O_ENGINE, p, w, NaN, 0, 0, 0)) return -1;
        } else return -1;
      }
    } else return -1;
    // Fields one blank apart; the line ends after a field, never in blanks.
    if (end === n) break;
    if (end + 1 >= n || s.charCodeAt(end + 1) === SP) return -1;
    p = end + 1;
  }
  items.count = k;
  items.same = same && k === expCount;
  return k;
}

/*
 * Templates. The lines of a log repeat one layout: the same text with other numbers in it.
 * After a line is scanned field by field, it is turned into a template: the text between its
 * numbers (names, units, delimiters) and, for each number, the reader that read it and the
 * values it goes to. A later line is first matched against the recent templates: its text
 * between the numbers must be the template's, character for character, and each number must
 * be read by the same reader at the same place. The scan's every decision rests on those
 * characters (which field, which name, which delimiter) and on what the readers accept, so
 * such a line scans to the same items with its own numbers: the match writes them without
 * the scan. Any difference (a field off that was on, another name, a tab, a number the
 * reader refuses) fails the match, and the line is scanned field by field.
 */

/** The numbers the last field-by-field scan read, in order: span, reader, item. */
let rec = false;
let recN = 0;
let recOver = false;
const REC_MAX = MAX_ITEMS * VALS;
const recFrom = new Int32Array(REC_MAX);
const recTo = new Int32Array(REC_MAX);
const recKind = new Uint8Array(REC_MAX);
const recItem = new Int32Array(REC_MAX);

function record(from: number, to: number, kind: number): void {
  // The rail's first number is read twice at one place (its kind, then its value).
  if (recN > 0 && recFrom[recN - 1] === from && recTo[recN - 1] === to && recKind[recN - 1] === kind) return;
  if (recN >= REC_MAX) {
    recOver = true;
    return;
  }
  recFrom[recN] = from;
  recTo[recN] = to;
  recKind[recN] = kind;
  recItem[recN] = k;
  recN++;
}

/** For each op, the value each of its numbers goes to, in the order read (-1: read, not kept). */
const TARGETS: Record<number, readonly number[]> = {
  [O_TS]: [0],
  [O_RAM]: [0, 1],
  [O_RAM_LFB]: [0, 1, 2, 3],
  [O_SWAP]: [0, 1],
  [O_SWAP_CACHED]: [0, 1, 2],
  [O_IRAM]: [0, 1, -1],
  [O_MTS]: [0, 1],
  [O_CORE]: [0, 1],
  [O_LOAD]: [0],
  [O_LOAD_FREQ]: [0, 1],
  [O_FREQ]: [1],
  [O_TEMP]: [0, -1],
  [O_RAIL]: [0, 1, -1],
  [O_ENGINE]: [0],
};

interface Template {
  /** The text between the numbers, joined, as character codes; piece j is `lit[litAt[j]..litAt[j + 1])` (one more piece than numbers). */
  lit: Uint16Array;
  litAt: Int32Array;
  /** Reader of each number, where its value goes (`tgt[tgtAt[i]..tgtAt[i + 1])`, flat value indexes) and its factor. */
  kind: Uint8Array;
  tgtAt: Int32Array;
  tgt: Int32Array;
  scale: Float64Array;
  /** The items: values that are no number of the line (NaN, 0), ops, and where each item's name is. */
  count: number;
  v0: Float64Array;
  op: Int32Array;
  /** Piece holding the item's name (or its timestamp), -1 for none; offset in that piece; length. Items without: from/to as is. */
  piece: Int32Array;
  off: Int32Array;
  from: Int32Array;
  to: Int32Array;
  name: string[];
  /** The expected layout last compared with this template's (by identity), and whether it was the same. */
  sameFor: ExpectedLayout | null;
  same: boolean;
}

/** Most recent first. */
const templates: Template[] = [];
const MAX_TEMPLATES = 4;
/**
 * A build costs about two scans: each line read (matched or scanned) earns 1 and each build
 * spends 4, so a log whose lines all differ builds on at most one line in four.
 */
let credit = 8;
/** Where each piece of the text between the numbers starts in the line being matched. */
const pieceAt = new Int32Array(REC_MAX + 1);

/** Whether templates are used (tests compare both ways; on by default), and how many lines they matched. */
export const templateControl = { enabled: true, matched: 0 };

/** Items of the regular line at `s[start..end)` (end: its newline or the text's end); their count, or -1 when the grammar must read it. */
export function scanLine(s: string, start: number, end: number): number {
  if (templateControl.enabled) {
    for (let t = 0; t < templates.length; t++) {
      const T = templates[t]!;
      if (match(T, s, start, end)) {
        if (t > 0) {
          templates.splice(t, 1);
          templates.unshift(T);
        }
        if (credit < 64) credit++;
        templateControl.matched++;
        return T.count;
      }
    }
  }
  rec = true;
  recN = 0;
  recOver = false;
  const count = scanFields(s, start, end);
  rec = false;
  if (credit < 64) credit++;
  if (count > 0 && templateControl.enabled && credit >= 4 && !recOver) {
    credit -= 4;
    const T = build(s, start, end);
    if (T !== null) {
      templates.unshift(T);
      if (templates.length > MAX_TEMPLATES) templates.pop();
    }
  }
  return count;
}

/** Whether the line at s[start..end) has template T's text between its numbers; if so its items are written. */
function match(T: Template, s: string, start: number, end: number): boolean {
  n = end;
  const lit = T.lit;
  const litAt = T.litAt;
  const kind = T.kind;
  const slots = kind.length;
  const v = items.v;
  v.set(T.v0);
  let p = start;
  for (let i = 0; ; i++) {
    const a = litAt[i]!;
    const len = litAt[i + 1]! - a;
    if (p + len > end) return false;
    for (let q = 0; q < len; q++) if (s.charCodeAt(p + q) !== lit[a + q]) return false;
    pieceAt[i] = p;
    p += len;
    if (i === slots) break;
    const kd = kind[i]!;
    let e: number;
    if (kd === K_UINT) e = uint(s, p);
    else if (kd === K_CELSIUS) e = celsius(s, p);
    else if (kd === K_FREQ) e = frequency(s, p);
    else e = timestamp(s, p) ? p + 20 : -1;
    if (e < 0) return false;
    const x = num[0]! * T.scale[i]!;
    for (let q = T.tgtAt[i]!; q < T.tgtAt[i + 1]!; q++) v[T.tgt[q]!] = x;
    p = e;
  }
  if (p !== end) return false;
  const count = T.count;
  for (let q = 0; q < count; q++) {
    items.op[q] = T.op[q]!;
    const piece = T.piece[q]!;
    if (piece < 0) {
      items.from[q] = T.from[q]!;
      items.to[q] = T.to[q]!;
    } else {
      const from = pieceAt[piece]! + T.off[q]!;
      items.from[q] = from;
      items.to[q] = from + T.to[q]!;
    }
  }
  k = count;
  items.count = count;
  const expect = items.expect;
  if (T.sameFor !== expect) {
    T.sameFor = expect;
    T.same = sameLayout(T, expect);
  }
  items.same = T.same;
  return true;
}

/** What the scan's `same` says of a line with T's items: the expected layout's ops, names and core indexes. */
function sameLayout(T: Template, e: ExpectedLayout): boolean {
  if (e.count !== T.count) return false;
  for (let q = 0; q < T.count; q++) {
    const op = T.op[q]!;
    if (e.op[q] !== op) return false;
    if (op === O_CORE && e.index[q] !== T.from[q]) return false;
    if (op >= O_LOAD && e.name[q] !== T.name[q]) return false;
  }
  return true;
}

/** The template of the line just scanned (its items and recorded numbers), checked by matching the line itself; null if none. */
function build(s: string, start: number, end: number): Template | null {
  const count = k;
  const op = items.op.slice(0, count);
  const from = items.from.slice(0, count);
  const to = items.to.slice(0, count);
  const v0 = items.v.slice(0, count * VALS);
  // Numbers per item, and the ordinal of each among its item's.
  const perItem = new Int32Array(count);
  const ordinal = new Int32Array(recN);
  for (let i = 0; i < recN; i++) {
    const it = recItem[i]!;
    if (it >= count || (i > 0 && recFrom[i]! < recTo[i - 1]!)) return null;
    ordinal[i] = perItem[it]!++;
  }
  const lits: string[] = [];
  const litAt = new Int32Array(recN + 2);
  const litFrom = new Int32Array(recN + 1);
  const tgtAt = new Int32Array(recN + 1);
  const tgt: number[] = [];
  const scale = new Float64Array(recN).fill(1);
  let at = 0;
  let prev = start;
  for (let i = 0; i <= recN; i++) {
    const stop = i < recN ? recFrom[i]! : end;
    litFrom[i] = prev;
    lits.push(s.slice(prev, stop));
    litAt[i] = at;
    at += stop - prev;
    if (i === recN) break;
    const it = recItem[i]!;
    const o = op[it]!;
    const ord = ordinal[i]!;
    tgtAt[i] = tgt.length;
    if (o === O_CORES) {
      // The shared clock: to each core of this list printed without its own.
      if (ord !== 0) return null;
      for (let q = it - 1; q >= 0 && op[q] === O_CORE; q--) if (perItem[q] === 1) tgt.push(q * VALS + 1);
    } else {
      const j = TARGETS[o]?.[ord];
      if (j === undefined) return null;
      if (j >= 0) tgt.push(it * VALS + j);
      if (o === O_RAM_LFB && ord === 3 && s.charCodeAt(recTo[i]!) === 77 /* M */) scale[i] = 1024;
    }
    prev = recTo[i]!;
  }
  litAt[recN + 1] = at;
  tgtAt[recN] = tgt.length;
  const piece = new Int32Array(count).fill(-1);
  const off = new Int32Array(count);
  const name: string[] = [];
  for (let q = 0; q < count; q++) {
    const o = op[q]!;
    name.push(o >= O_LOAD ? s.slice(from[q], to[q]) : '');
    if (o !== O_TS && o < O_LOAD) continue;
    // The piece of text the name lies in (a timestamp: the end of the piece before its number).
    let j = 0;
    while (j < recN && recFrom[j]! <= from[q]! && !(o === O_TS && recFrom[j] === from[q])) j++;
    const pieceEnd = j < recN ? recFrom[j]! : end;
    if (from[q]! < litFrom[j]! || (o !== O_TS && to[q]! > pieceEnd)) return null;
    piece[q] = j;
    off[q] = from[q]! - litFrom[j]!;
    to[q] = to[q]! - from[q]!;
  }
  const T: Template = {
    lit: Uint16Array.from(lits.join(''), (c) => c.charCodeAt(0)),
    litAt,
    kind: recKind.slice(0, recN),
    tgtAt,
    tgt: Int32Array.from(tgt),
    scale,
    count,
    v0,
    op,
    piece,
    off,
    from,
    to,
    name,
    sameFor: null,
    same: false,
  };
  // The line must match its own template and give back what the scan gave.
  const same = items.same;
  const expect = items.expect;
  const ok = match(T, s, start, end) && items.count === count && sameItems(T, v0, op, from, to, piece);
  items.same = same;
  items.expect = expect;
  T.sameFor = null;
  // Leave the scan's items as they were (the match wrote the same, or the check failed).
  items.count = count;
  k = count;
  items.v.set(v0);
  items.op.set(op);
  items.from.set(from);
  for (let q = 0; q < count; q++) items.to[q] = piece[q]! < 0 ? to[q]! : from[q]! + to[q]!;
  return ok ? T : null;
}

/** Whether the items a match wrote are those the scan wrote (values compared with Object.is). */
function sameItems(T: Template, v0: Float64Array, op: Int32Array, from: Int32Array, to: Int32Array, piece: Int32Array): boolean {
  for (let q = 0; q < T.count; q++) {
    if (items.op[q] !== op[q] || items.from[q] !== from[q]) return false;
    if (items.to[q] !== (piece[q]! < 0 ? to[q] : from[q]! + to[q]!)) return false;
  }
  for (let j = 0; j < T.count * VALS; j++) if (!Object.is(items.v[j], v0[j])) return false;
  return true;
}
