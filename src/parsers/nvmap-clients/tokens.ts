import { createToken, Lexer, once } from '../common/chevrotain.js';
import { catchAllToken } from '../common/custom-tokens.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Header = createToken({ name: 'Header', pattern: /CLIENT\s+PROCESS\s+PID\s+SIZE/ });
/** `23525644K`: nvmap prints sizes in KiB with a K suffix (M/G accepted too). */
export const Size = createToken({ name: 'Size', pattern: /\d+[KMG]\b/ });
export const Word = catchAllToken('Word', /\S+/, ' \t');
export const Total = createToken({ name: 'Total', pattern: /total(?=\s)/, longer_alt: Word });
export const Int = createToken({ name: 'Int', pattern: /\d+(?=\s)/, longer_alt: Word });

export const allTokens = [WhiteSpace, Header, Size, Total, Int, Word];
export const nvmapLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
