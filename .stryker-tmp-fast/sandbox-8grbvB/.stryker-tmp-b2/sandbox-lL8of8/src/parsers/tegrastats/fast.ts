/**
 * A fast path for the regular tegrastats line (`[MM-DD-YYYY HH:MM:SS ]RAM ... CPU [...] ...`),
 * the shape of nearly every line of a long log: one scan over the characters, no tokens.
 * It only recognises a line when every field is one the grammar would lex the same way
 * (same token kind, same values); anything unusual — another field kind, a tab, a double
 * space inside a field, a CR, a prefix, a wrapped line — is left to the Chevrotain grammar,
 * which stays the authority (test/parsers/tegrastats-fast.test.ts proves both give the same
 * snapshot on every capture and on mutated captures).
 *
 * `scanRegular` only finds where the fields are (into `out`, STRIDE slots per field); it has
 * no effects, so a line it gives up on half way costs nothing but the scan.
 */
// @ts-nocheck

// 

export const K_TS = 1;
export const K_RAM = 2;
export const K_SWAP = 3;
export const K_CPU = 4;
export const K_LOAD = 5;
export const K_FREQ = 6;
export const K_TEMPS = 7;
export const K_RAILS = 8;
export const K_ENGINES = 9;
export const K_IRAM = 10;
export const K_MTS = 11;

export const STRIDE = 8;
export const MAX_FIELDS = 96;

const SP = 32;
/** Longest digit run read here: Number() and readNumber agree exactly on shorter runs. */
const MAX_DIGITS = 15;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLetter = (c: number) => isUpper(c) || (c >= 97 && c <= 122);
/** \w or `-`, the characters of a temperature's name. */
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 45;
/** `(?=\s|$)` as the grammar writes it, for lines this path accepts (no tab, no CR). */
const atEnd = (s: string, i: number) => i === s.length || s.charCodeAt(i) === SP;

/** `\d\d-\d\d-\d{4} \d\d:\d\d:\d\d ` at the start of s. */
function isTimestamp(s: string): boolean {
  if (s.length < 20) return false;
  for (let i = 0; i < 20; i++) {
    const c = s.charCodeAt(i);
    const want = TS_SHAPE.charCodeAt(i);
    if (want === 100 /* d */ ? !isDigit(c) : c !== want) return false;
  }
  return true;
}
const TS_SHAPE = 'dd-dd-dddd dd:dd:dd ';

/** End of a run of 1..MAX_DIGITS digits at i, or -1. */
function digits(s: string, i: number): number {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j === i || j - i > MAX_DIGITS ? -1 : j;
}

/** `-?\d+(\.\d+)?C` at i: its end, or -1. */
function celsius(s: string, i: number): number {
  if (s.charCodeAt(i) === 45) i++;
  let j = digits(s, i);
  if (j < 0) return -1;
  if (s.charCodeAt(j) === 46) {
    j = digits(s, j + 1);
    if (j < 0) return -1;
  }
  return s.charCodeAt(j) === 67 /* C */ ? j + 1 : -1;
}

/** `\d+(mW)?` at i: its end, or -1. */
function milliwatts(s: string, i: number): number {
  const j = digits(s, i);
  if (j < 0) return -1;
  return s.startsWith('mW', j) ? j + 2 : j;
}

/** `\[[\d,]*\]` or `\d+` at i (a frequency): its end, or -1. */
function frequency(s: string, i: number): number {
  if (s.charCodeAt(i) !== 91 /* [ */) return digits(s, i);
  let j = i + 1;
  while (j < s.length && (isDigit(s.charCodeAt(j)) || s.charCodeAt(j) === 44)) j++;
  return s.charCodeAt(j) === 93 /* ] */ && j - i <= 4 * MAX_DIGITS ? j + 1 : -1;
}

/**
 * Fields of a regular line into `out` (kind, then positions); their count, or -1 when the
 * line is not regular and must go to the grammar.
 *   TS:      start
 *   RAM:     used, usedEnd, totalEnd (total starts after the slash), lfbCount (-1: no lfb), lfbCountEnd,
 *            lfbSize, lfbSizeEnd (the unit is the character there)
 *   SWAP:    used, usedEnd, total, totalEnd, cached, cachedEnd (-1: none)
 *   IRAM:    used, usedEnd, total, totalEnd
 *   MTS:     fg, fgEnd, bg, bgEnd
 *   CPU:     list, listEnd, shared, sharedEnd (-1: none)
 *   LOAD:    name, nameEnd, load, loadEnd, freq, freqEnd (-1: none)
 *   FREQ:    name, nameEnd, freq, freqEnd
 *   TEMPS / RAILS / ENGINES: start, end of a run of items one blank apart
 */
// The scan's state, module-level so the helpers below are plain functions (no closures per line).
let out: Int32Array = new Int32Array(0);
let f = 0;
let lastKind = 0;
let lastEnd = -1;

function rec(kind: number, a: number, b: number, c: number, d: number, e: number, g: number, h: number): boolean {
  if (f >= MAX_FIELDS) return false;
  const o = f * STRIDE;
  out[o] = kind;
  out[o + 1] = a;
  out[o + 2] = b;
  out[o + 3] = c;
  out[o + 4] = d;
  out[o + 5] = e;
  out[o + 6] = g;
  out[o + 7] = h;
  f++;
  return true;
}

/** A run item: extends the previous field when it is the same run one blank before. */
function item(kind: number, a: number, b: number): boolean {
  if (lastKind === kind && lastEnd === a - 1) {
    out[(f - 1) * STRIDE + 2] = b;
    return true;
  }
  return rec(kind, a, b, 0, 0, 0, 0, 0);
}

/** RAM, SWAP, IRAM, MTS: names of field kinds of their own, never a generic NAME value. */
function ownKindName(s: string, p: number, w: number): boolean {
  const len = w - p;
  if (len === 3) return s.startsWith('RAM', p) || s.startsWith('MTS', p);
  if (len === 4) return s.startsWith('SWAP', p) || s.startsWith('IRAM', p);
  return false;
}

export function scanRegular(s: string, into: Int32Array): number {
  const n = s.length;
  out = into;
  f = 0;
  lastKind = 0;
  lastEnd = -1;
  let p = 0;
  // `MM-DD-YYYY HH:MM:SS` (JetPack 5+), then the sample must start with RAM.
  if (n > 0 && isDigit(s.charCodeAt(0))) {
    if (!isTimestamp(s)) return -1;
    rec(K_TS, 0, 0, 0, 0, 0, 0, 0);
    lastKind = K_TS;
    p = 20;
  }
  if (!s.startsWith('RAM ', p)) return -1;

  while (p < n) {
    const c0 = s.charCodeAt(p);
    let end: number;
    let kind: number;
    // The first character picks the candidates (startsWith calls are the cost of this loop).
    if (c0 === 82 /* R */ && s.startsWith('RAM ', p)) {
      const u = p + 4;
      const ue = digits(s, u);
      if (ue < 0 || s.charCodeAt(ue) !== 47) return -1;
      const te = digits(s, ue + 1);
      if (te < 0 || !s.startsWith('MB', te)) return -1;
      end = te + 2;
      let lc = -1;
      let lce = -1;
      let ls = -1;
      let lse = -1;
      const open = s.charCodeAt(end) === SP ? end + 1 : end;
      if (s.startsWith('(lfb ', open)) {
        lc = open + 5;
        lce = digits(s, lc);
        if (lce < 0 || s.charCodeAt(lce) !== 120 /* x */) return -1;
        ls = lce + 1;
        lse = digits(s, ls);
        if (lse < 0) return -1;
        const unit = s.charCodeAt(lse);
        if (unit !== 107 && unit !== 75 && unit !== 77) return -1; // k K M
        if (!s.startsWith('B)', lse + 1)) return -1;
        end = lse + 3;
      }
      if (!atEnd(s, end)) return -1;
      kind = K_RAM;
      if (!rec(kind, u, ue, te, lc, lce, ls, lse)) return -1;
    } else if (c0 === 83 /* S */ && s.startsWith('SWAP ', p)) {
      const u = p + 5;
      const ue = digits(s, u);
      if (ue < 0 || s.charCodeAt(ue) !== 47) return -1;
      const te = digits(s, ue + 1);
      if (te < 0 || !s.startsWith('MB', te)) return -1;
      end = te + 2;
      let cs = -1;
      let ce = -1;
      const open = s.charCodeAt(end) === SP ? end + 1 : end;
      if (s.startsWith('(cached ', open)) {
        cs = open + 8;
        ce = digits(s, cs);
        if (ce < 0 || !s.startsWith('MB)', ce)) return -1;
        end = ce + 3;
      }
      if (!atEnd(s, end)) return -1;
      kind = K_SWAP;
      if (!rec(kind, u, ue, ue + 1, te, cs, ce, 0)) return -1;
    } else if (c0 === 73 /* I */ && s.startsWith('IRAM ', p)) {
      // `IRAM 0/252kB(lfb 252kB)` (Nano, TX1): only used and total are kept.
      const u = p + 5;
      const ue = digits(s, u);
      if (ue < 0 || s.charCodeAt(ue) !== 47) return -1;
      const te = digits(s, ue + 1);
      if (te < 0 || !s.startsWith('kB', te)) return -1;
      end = te + 2;
      const open = s.charCodeAt(end) === SP ? end + 1 : end;
      if (s.startsWith('(lfb ', open)) {
        const le = digits(s, open + 5);
        if (le < 0 || !s.startsWith('kB)', le)) return -1;
        end = le + 3;
      }
      if (!atEnd(s, end)) return -1;
      kind = K_IRAM;
      if (!rec(kind, u, ue, ue + 1, te, 0, 0, 0)) return -1;
    } else if (c0 === 77 /* M */ && s.startsWith('MTS fg ', p)) {
      // `MTS fg 0% bg 1%` (TX2, Xavier)
      const fg = p + 7;
      const fge = digits(s, fg);
      if (fge < 0 || !s.startsWith('% bg ', fge)) return -1;
      const bg = fge + 5;
      const bge = digits(s, bg);
      if (bge < 0 || s.charCodeAt(bge) !== 37) return -1;
      end = bge + 1;
      if (!atEnd(s, end)) return -1;
      kind = K_MTS;
      if (!rec(kind, fg, fge, bg, bge, 0, 0, 0)) return -1;
    } else if (c0 === 67 /* C */ && s.startsWith('CPU [', p)) {
      const list = p + 5;
      const close = s.indexOf(']', list);
      if (close < 0) return -1;
      end = close + 1;
      let sh = -1;
      let she = -1;
      if (s.charCodeAt(end) === 64 /* @ */) {
        sh = end + 1;
        she = digits(s, sh);
        if (she < 0) return -1;
        end = she;
      }
      if (!atEnd(s, end)) return -1;
      kind = K_CPU;
      if (!rec(kind, list, close, sh, she, 0, 0, 0)) return -1;
    } else if (isLetter(c0)) {
      let w = p + 1;
      let at = -1;
      for (; w < n; w++) {
        const c = s.charCodeAt(w);
        if (c === SP) break;
        if (c === 64 && at < 0) at = w;
      }
      if (at > p) {
        // `name@62.5C` or `name@62.5C/62.5C`
        for (let k = p; k < at; k++) if (!isNameChar(s.charCodeAt(k))) return -1;
        let e = celsius(s, at + 1);
        if (e < 0) return -1;
        if (s.charCodeAt(e) === 47) {
          e = celsius(s, e + 1);
          if (e < 0) return -1;
        }
        if (e !== w) return -1;
        end = w;
        kind = K_TEMPS;
        if (!item(kind, p, end)) return -1;
      } else {
        // NAME value: a load field, a frequency, a rail or an engine. Upper-case names only,
        // so no field here can be read as a wall-clock prefix, and never a name of its own
        // field kind (RAM, SWAP, IRAM, MTS), which the grammar might read differently. (`CPU`
        // is a rail's name on Xavier: the grammar's CPU field needs a `[`, never a value here.)
        if (!isUpper(c0)) return -1;
        for (let k = p + 1; k < w; k++) {
          const c = s.charCodeAt(k);
          if (!isUpper(c) && !isDigit(c) && c !== 95) return -1;
        }
        if (ownKindName(s, p, w)) return -1;
        const v = w + 1;
        if (w >= n || v >= n) return -1;
        const c1 = s.charCodeAt(v);
        if (isDigit(c1)) {
          const de = digits(s, v);
          if (de < 0) return -1;
          const next = s.charCodeAt(de);
          if (next === 37 /* % */) {
            end = de + 1;
            let fs = -1;
            let fe = -1;
            if (s.charCodeAt(end) === 64) {
              fs = end + 1;
              fe = frequency(s, fs);
              if (fe < 0) return -1;
              end = fe;
            }
            if (!atEnd(s, end)) return -1;
            kind = K_LOAD;
            if (!rec(kind, p, w, v, de, fs, fe, 0)) return -1;
          } else if (next === 47 /* / */ || next === 109 /* m */) {
            let e = milliwatts(s, v);
            if (e < 0 || s.charCodeAt(e) !== 47) return -1;
            e = milliwatts(s, e + 1);
            if (e < 0) return -1;
            if (s.charCodeAt(e) === 47) {
              e = milliwatts(s, e + 1);
              if (e < 0) return -1;
            }
            if (!atEnd(s, e)) return -1;
            end = e;
            kind = K_RAILS;
            if (!item(kind, p, end)) return -1;
          } else if (atEnd(s, de)) {
            end = de;
            kind = K_ENGINES;
            if (!item(kind, p, end)) return -1;
          } else return -1;
        } else if (c1 === 64 /* @ */) {
          const fe = frequency(s, v + 1);
          if (fe < 0 || !atEnd(s, fe)) return -1;
          end = fe;
          kind = K_FREQ;
          if (!rec(kind, p, w, v + 1, fe, 0, 0, 0)) return -1;
        } else if (s.startsWith('off', v) && atEnd(s, v + 3)) {
          end = v + 3;
          kind = K_ENGINES;
          if (!item(kind, p, end)) return -1;
        } else return -1;
      }
    } else return -1;
    lastKind = kind;
    lastEnd = end;
    // Fields one blank apart; the line ends after a field, never in blanks.
    if (end === n) break;
    if (end + 1 >= n || s.charCodeAt(end + 1) === SP) return -1;
    p = end + 1;
  }
  return f;
}
