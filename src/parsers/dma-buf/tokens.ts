import { createToken, Lexer, once } from '../common/chevrotain.js';
import { catchAllToken } from '../common/custom-tokens.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const ObjectsHeader = createToken({ name: 'ObjectsHeader', pattern: /Dma-buf Objects:/ });
/** `size  flags  mode  count  exp_name  [ino]  [name]`: the column header. */
export const Columns = createToken({ name: 'Columns', pattern: /size\s+flags\s+mode\s+count\b[^\n]*/ });
export const AttachedHeader = createToken({ name: 'AttachedHeader', pattern: /Attached Devices:/ });
/** Fence lines differ by kernel (`Exclusive fence: ...`, `write fence:...`, `kernel fence:...`). */
export const FenceLine = createToken({ name: 'FenceLine', pattern: /(?:\w+ )?[Ff]ence:[^\n]*/ });
export const Total = createToken({ name: 'Total', pattern: /Total/ });
export const DevicesAttached = createToken({ name: 'DevicesAttached', pattern: /devices attached/ });
export const ObjectsComma = createToken({ name: 'ObjectsComma', pattern: /objects?,/ });
export const Bytes = createToken({ name: 'Bytes', pattern: /bytes/ });
/** Any other field: hex flags, exporter names (`linux,cma`), device names (`15340000.vic`). */
export const Word = catchAllToken('Word', /\S+/, ' \t');
export const Int = createToken({ name: 'Int', pattern: /\d+/, longer_alt: Word });

export const allTokens = [WhiteSpace, ObjectsHeader, Columns, AttachedHeader, FenceLine, Total, DevicesAttached, ObjectsComma, Bytes, Int, Word];
export const dmaBufLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
