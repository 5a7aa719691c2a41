/**
 * A fast path for the usual kernel log line, `[   12.345678] message`: the grammar would read
 * it as a MonoTs token and one Message token, and this says so without lexing. Any line the
 * grammar might read otherwise goes to the grammar, which stays the authority (proven equal
 * in test/parsers/dmesg-fast.test.ts): a tab or CR, a bootloader stamp (`[0000.126]`), and a
 * message that starts like another prefix (a level tag, a second stamp, `kern  :info :`, a
 * syslog or ISO head).
 */
// @ts-nocheck

// 

const isDigit = (c: number) => c >= 48 && c <= 57;

const FACILITY = /(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]) *:/y;
const SYSLOG_LIKE = /[A-Z][a-z]{2} /y;
const ISO_LIKE = /\d{4}-/y;

function at(re: RegExp, s: string, i: number): boolean {
  re.lastIndex = i;
  return re.test(s);
}

/** Where the message starts (after the stamp and one blank), or -1 when the line is not usual. */
export function monoPrefix(s: string): number {
  if (s.charCodeAt(0) !== 91 /* [ */) return -1;
  let i = 1;
  while (s.charCodeAt(i) === 32) i++;
  const spaces = i - 1;
  const int = i;
  while (isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - int;
  if (intDigits === 0 || s.charCodeAt(i) !== 46 /* . */) return -1;
  const frac = ++i;
  while (isDigit(s.charCodeAt(i))) i++;
  const fracDigits = i - frac;
  if (fracDigits === 0 || s.charCodeAt(i) !== 93 /* ] */) return -1;
  if (spaces === 0 && intDigits === 4 && fracDigits === 3) return -1; // a bootloader stamp
  i++;
  if (s.charCodeAt(i) === 32) i++;
  const rest = i;
  if (s.indexOf('\t') >= 0 || s.indexOf('\r') >= 0) return -1;
  // The message must not begin like a token the grammar tries before its catch-all.
  let j = rest;
  while (s.charCodeAt(j) === 32) j++;
  const first = s.charCodeAt(j);
  if (first === 60 /* < */ || first === 91 /* [ */) return -1;
  if (j === rest && rest < s.length) {
    if (at(FACILITY, s, rest) || at(SYSLOG_LIKE, s, rest) || at(ISO_LIKE, s, rest)) return -1;
  }
  return rest;
}
