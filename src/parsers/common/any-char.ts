/**
 * First-character hints for catch-all tokens (`\S+`, rest of line). Chevrotain cannot work
 * out the first characters of a complement set and then turns off its first-char lexer
 * optimisation for the whole mode; a custom pattern with explicit hints keeps it on.
 * Above 255, Chevrotain buckets char codes by 255, so one code per bucket covers them all.
 */
import { createToken, type TokenType } from 'chevrotain';

export function anyCharHints(excluded: string): string[] {
  const out: string[] = [];
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (c !== 10 && c !== 13 && !excluded.includes(ch)) out.push(ch);
  }
  for (let k = 2; k <= 257; k++) {
    const code = Math.min(255 * k, 65535);
    out.push(String.fromCharCode(code));
  }
  return out;
}

/** A catch-all token (`\S+`, `[^\n]+`) that keeps the lexer optimisable. */
export function catchAllToken(name: string, re: RegExp, excluded: string): TokenType {
  const sticky = new RegExp(re.source, 'y');
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number) => {
        sticky.lastIndex = offset;
        return sticky.exec(text);
      },
    },
    line_breaks: false,
    start_chars_hint: anyCharHints(excluded),
  });
}
