/**
 * Custom Chevrotain token patterns. A sticky regex matched at the lexer's offset, optionally
 * handing its capture groups to the token as payload (read by the snapshot builders), and
 * catch-all tokens that keep the lexer's first-character optimisation on.
 */
import { createToken, type TokenType } from './chevrotain.js';

/** A sticky exec for `re` at an offset; with `payload`, the match array rides on the token. */
export function stickyPattern(re: RegExp, payload: boolean) {
  const sticky = new RegExp(re.source, 'y');
  return {
    exec: (text: string, offset: number) => {
      sticky.lastIndex = offset;
      const m = sticky.exec(text) as (RegExpExecArray & { payload?: string[] }) | null;
      if (m && payload) m.payload = m as unknown as string[];
      return m;
    },
  };
}

/**
 * Chevrotain cannot work out the first characters of a complement set (`\S+`, `[^\n]+`) and
 * then turns off its first-char optimisation for the whole mode; explicit hints keep it on.
 * Above 255 Chevrotain buckets char codes by 255 (code c goes to bucket 255 + floor(c / 255)),
 * so one code per bucket covers them all; the first bucket above 255 holds 256..509.
 */
export function anyCharHints(excluded: string): string[] {
  const out: string[] = [];
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (c !== 10 && c !== 13 && !excluded.includes(ch)) out.push(ch);
  }
  for (let k = 1; k <= 257; k++) out.push(String.fromCharCode(Math.max(256, Math.min(255 * k, 65535))));
  return out;
}

/** A catch-all token (`\S+`, `[^\n]+`) that keeps the lexer optimisable. */
export function catchAllToken(name: string, re: RegExp, excluded: string): TokenType {
  return createToken({ name, pattern: stickyPattern(re, false), line_breaks: false, start_chars_hint: anyCharHints(excluded) });
}
