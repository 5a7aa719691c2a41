import { createToken, Lexer, once } from '../common/chevrotain.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Node = createToken({ name: 'Node', pattern: /Node/ });
export const Zone = createToken({ name: 'Zone', pattern: /zone/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Int = createToken({ name: 'Int', pattern: /\d+/ });
/** Zone names: DMA, DMA32, Normal, HighMem, Movable, Device. */
export const Name = createToken({ name: 'Name', pattern: /[A-Za-z][A-Za-z0-9_]*/ });

export const allTokens = [WhiteSpace, Node, Zone, Comma, Int, Name];
export const buddyinfoLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
