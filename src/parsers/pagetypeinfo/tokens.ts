import { createToken, Lexer, once } from '../common/chevrotain.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Word = createToken({ name: 'Word', pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });
export const Node = createToken({ name: 'Node', pattern: /Node/, longer_alt: Word });
export const Zone = createToken({ name: 'Zone', pattern: /zone/, longer_alt: Word });
export const Type = createToken({ name: 'Type', pattern: /type/, longer_alt: Word });
export const Int = createToken({ name: 'Int', pattern: /\d+/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });

export const allTokens = [WhiteSpace, Node, Zone, Type, Word, Int, Comma, Colon];
export const pagetypeinfoLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
