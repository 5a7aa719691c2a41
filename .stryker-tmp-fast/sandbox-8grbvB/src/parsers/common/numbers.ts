/**
 * Reads a decimal number from `s[start..end)` without making a substring: the hot loops of
 * the tegrastats builder read ~30 numbers a line, and substrings were most of the garbage.
 * Stops at the first character that is not part of the number; NaN when there is none.
 * Digits are gathered as one integer and divided once by a power of ten, so the result is
 * the correctly rounded double, the same as parseFloat.
 */
// @ts-nocheck

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

export function readNumber(s: string, start: number, end: number): number {
  let i = start;
  let neg = false;
  if (i < end && s.charCodeAt(i) === 45 /* - */) {
    neg = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    mantissa = mantissa * 10 + c;
    digits++;
  }
  if (i < end && s.charCodeAt(i) === 46 /* . */) {
    for (i++; i < end; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
      fraction++;
      digits++;
    }
  }
  if (digits === 0) return NaN;
  if (mantissa > Number.MAX_SAFE_INTEGER || fraction >= POW10.length) return parseFloat(s.slice(start, i));
  const v = fraction ? mantissa / POW10[fraction]! : mantissa;
  return neg ? -v : v;
}
