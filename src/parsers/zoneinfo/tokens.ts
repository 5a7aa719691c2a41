import { createToken, Lexer, once } from '../common/chevrotain.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });
export const Node = createToken({ name: 'Node', pattern: /Node/, longer_alt: Word });
export const Zone = createToken({ name: 'Zone', pattern: /zone/, longer_alt: Word });
export const Int = createToken({ name: 'Int', pattern: /-?\d+/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });

export const allTokens = [WhiteSpace, Node, Zone, Word, Int, Colon, Comma, LParen, RParen];
export const zoneinfoLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
