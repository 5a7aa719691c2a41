/**
 * dmesg line prefixes. Only the prefix is tokenised (a handful of tokens per line); the
 * message is one token for the rest of the line, so lexing stays cheap on 100k-line logs.
 * Chevrotain tries tokens in order: every prefix form comes before the catch-all Message.
 */
import { createToken, Lexer, once } from '../common/chevrotain.js';
import { catchAllToken } from '../common/custom-tokens.js';
import { chunkLexerFor } from '../common/chunked-lines.js';

/** Leading blanks of a pasted line, before its timestamp. */
export const Indent = createToken({ name: 'Indent', pattern: /[ \t]+(?=<\d{1,3}>|\[[ \t]*\d+\.\d+\])/ });
/** Raw printk level: `<6>` */
export const LevelTag = createToken({ name: 'LevelTag', pattern: /<\d{1,3}>/, start_chars_hint: ['<'] });
/** Bootloader serial stamps `[0000.126]` are not kernel time: kept apart so they can be skipped. */
export const BootloaderTs = createToken({ name: 'BootloaderTs', pattern: /\[\d{4}\.\d{3}\] ?/, start_chars_hint: ['['] });
/** `[  142.838190] ` */
export const MonoTs = createToken({ name: 'MonoTs', pattern: /\[[ \t]*\d+\.\d+\] ?/, start_chars_hint: ['['] });
/** `dmesg -T`: `[Fri Sep 16 10:37:38 2022] ` */
export const WallTs = createToken({ name: 'WallTs', pattern: /\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\] ?/, start_chars_hint: ['['] });
/** `dmesg -x`: `kern  :info  : ` */
export const FacilityLevel = createToken({
  name: 'FacilityLevel',
  pattern: /(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]) *:(?:emerg|alert|crit|err|warn|notice|info|debug) *: ?/,
});
/** syslog / kern.log / journalctl short: `Nov 24 10:00:00 host kernel: ` (also with [pid] and µs) */
export const SyslogHead = createToken({
  name: 'SyslogHead',
  pattern: /[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ [\w.\-/@]+(?:\[\d+\])?: ?/,
});
/** OpenWrt logread: `Sat Jan 25 09:40:15 2020 kern.err kernel: ` */
export const LogreadHead = createToken({
  name: 'LogreadHead',
  pattern: /[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} \w+\.\w+ [\w.\-/@]+(?:\[\d+\])?: ?/,
});
/** journalctl -o short-iso: `2026-11-24T10:00:00+0000 host kernel: ` */
export const IsoHead = createToken({
  name: 'IsoHead',
  pattern: /\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? \S+ [\w.\-/@]+(?:\[\d+\])?: ?/,
});
/** The rest of the line. */
export const Message = catchAllToken('Message', /[^\n]+/, '');

export const allTokens = [Indent, LevelTag, BootloaderTs, MonoTs, WallTs, FacilityLevel, SyslogHead, LogreadHead, IsoHead, Message];
export const dmesgLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
export const dmesgChunkLexer = once(() => chunkLexerFor(allTokens));
