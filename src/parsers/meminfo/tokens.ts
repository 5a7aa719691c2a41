import { createToken, Lexer, once } from '../common/chevrotain.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** `MemTotal:`, `HugePages_Total:`, `Active(anon):` — the key with its colon. */
export const Key = createToken({ name: 'Key', pattern: /[A-Za-z][A-Za-z0-9_()]*:/ });
export const Int = createToken({ name: 'Int', pattern: /\d+/ });
export const Unit = createToken({ name: 'Unit', pattern: /[kKmMgG]B/ });

export const allTokens = [WhiteSpace, Key, Int, Unit];
export const meminfoLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
