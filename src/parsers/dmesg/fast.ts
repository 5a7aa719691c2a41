/**
 * A fast path for the usual kernel log line, `[   12.345678] message`: the grammar would read
 * it as a MonoTs token and one Message token, and this says so without lexing. Any line the
 * grammar might read otherwise goes to the grammar, which stays the authority (proven equal
 * in test/parsers/dmesg-fast.test.ts): a tab or CR, a bootloader stamp (`[0000.126]`), and a
 * message that starts like another prefix (a level tag, a second stamp, `kern  :info :`, a
 * syslog or ISO head).
 */
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Where the message starts (after the stamp and one blank), or -1 when the line is not usual. */
export function monoPrefix(s: string): number {
  return monoPrefixAt(s, 0, s.length);
}

/**
 * monoPrefix for the line at `s[start..end)` of a longer text, without slicing it out: the
 * index in `s` where its message starts, or -1.
 */
export function monoPrefixAt(s: string, start: number, end: number): number {
  if (start >= end || s.charCodeAt(start) !== 91 /* [ */) return -1;
  let i = start + 1;
  while (i < end && s.charCodeAt(i) === 32) i++;
  const spaces = i - start - 1;
  const int = i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - int;
  if (intDigits === 0 || i >= end || s.charCodeAt(i) !== 46 /* . */) return -1;
  const frac = ++i;
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  const fracDigits = i - frac;
  if (fracDigits === 0 || i >= end || s.charCodeAt(i) !== 93 /* ] */) return -1;
  if (spaces === 0 && intDigits === 4 && fracDigits === 3) return -1; // a bootloader stamp
  i++;
  if (i < end && s.charCodeAt(i) === 32) i++;
  const rest = i;
  // No tab or CR anywhere in the line (the stamp has been read: none there).
  if (nextIn(s, rest, TAB) < end || nextIn(s, rest, CR) < end) return -1;
  // The message must not begin like a token the grammar tries before its catch-all.
  let j = rest;
  while (j < end && s.charCodeAt(j) === 32) j++;
  if (j < end) {
    const first = s.charCodeAt(j);
    if (first === 60 /* < */ || first === 91 /* [ */) return -1;
  }
  if (j === rest && rest < end) {
    if (facilityAt(s, rest, end) || syslogLikeAt(s, rest, end) || isoLikeAt(s, rest, end)) return -1;
  }
  return rest;
}

/**
 * Where the next tab (or CR) is at or after `from` in `s` (Infinity: none): one indexOf per
 * text and character while the lines are read in order, not one per line (which would scan
 * to the text's end on every line of a text without one).
 */
const TAB = 0;
const CR = 1;
const CHARS = ['\t', '\r'];
const seenText = ['', ''];
const seenFrom = [0, 0];
const seenAt = [Infinity, Infinity];
function nextIn(s: string, from: number, which: number): number {
  if (s !== seenText[which] || from < seenFrom[which]! || (seenAt[which]! < from)) {
    const at = s.indexOf(CHARS[which]!, from);
    seenText[which] = s;
    seenAt[which] = at < 0 ? Infinity : at;
  }
  seenFrom[which] = from;
  return seenAt[which]!;
}

const FACILITIES = ['kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp'];

/** `(?:kern|user|…|local[0-7]) *:` at i (the FACILITY pattern, without a regex). */
function facilityAt(s: string, i: number, end: number): boolean {
  const c = s.charCodeAt(i);
  // Every facility name starts with one of a c d f k l m n s u.
  if (c < 97 || c > 117) return false;
  let e = -1;
  if (c === 108 /* l */ && s.startsWith('local', i) && i + 5 < end) {
    const d = s.charCodeAt(i + 5);
    if (d >= 48 && d <= 55) e = i + 6;
  }
  for (let f = 0; f < FACILITIES.length && e < 0; f++) {
    const name = FACILITIES[f]!;
    if (name.charCodeAt(0) === c && i + name.length <= end && s.startsWith(name, i)) {
      // `auth` and `authpriv`: either may be followed by ` *:`.
      let k = i + name.length;
      while (k < end && s.charCodeAt(k) === 32) k++;
      if (k < end && s.charCodeAt(k) === 58 /* : */) return true;
    }
  }
  if (e < 0) return false;
  while (e < end && s.charCodeAt(e) === 32) e++;
  return e < end && s.charCodeAt(e) === 58;
}

/** `[A-Z][a-z]{2} ` at i. */
function syslogLikeAt(s: string, i: number, end: number): boolean {
  if (i + 4 > end) return false;
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  return a >= 65 && a <= 90 && b >= 97 && b <= 122 && c >= 97 && c <= 122 && s.charCodeAt(i + 3) === 32;
}

/** `\d{4}-` at i. */
function isoLikeAt(s: string, i: number, end: number): boolean {
  return i + 5 <= end && isDigit(s.charCodeAt(i)) && isDigit(s.charCodeAt(i + 1)) && isDigit(s.charCodeAt(i + 2)) && isDigit(s.charCodeAt(i + 3)) && s.charCodeAt(i + 4) === 45;
}

/**
 * `driver device: message` or `subsystem: message` at the start of `s`, as the pattern
 * `^([A-Za-z][\w.\-]*)(?: ([\w.:@\-]+))?: ` reads it, without a regex: the length of the
 * match (-1: none); the name ends at `prefix.name`, the device is at
 * `[prefix.device, prefix.deviceEnd)` (-1: none).
 */
export const prefix = { name: 0, device: -1, deviceEnd: -1 };
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
export function driverPrefix(s: string): number {
  const n = s.length;
  const c0 = s.charCodeAt(0);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) return -1;
  let i = 1;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!(isWordChar(c) || c === 46 /* . */ || c === 45) /* - */) break;
  }
  prefix.name = i;
  prefix.device = -1;
  if (i + 1 >= n) return -1;
  const c = s.charCodeAt(i);
  if (c === 58 /* : */) return s.charCodeAt(i + 1) === 32 ? i + 2 : -1;
  if (c !== 32) return -1;
  // The device's characters include `:`, so the longest run is read and must end in `: `.
  let j = i + 1;
  for (; j < n; j++) {
    const d = s.charCodeAt(j);
    if (!(isWordChar(d) || d === 46 || d === 58 || d === 64 /* @ */ || d === 45)) break;
  }
  if (j < n && s.charCodeAt(j) === 32 && j - 1 > i + 1 && s.charCodeAt(j - 1) === 58) {
    prefix.device = i + 1;
    prefix.deviceEnd = j - 1;
    return j + 1;
  }
  return -1;
}

/** `/^\s/`: the first character is white space (as JavaScript's \s). */
export function startsWithSpace(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

