import { createToken, Lexer, once } from '../common/chevrotain.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** Counter names: `compact_stall`, `nr_free_cma`, `pgalloc_dma32`. */
export const Name = createToken({ name: 'Name', pattern: /[a-z][a-z0-9_]*/ });
/** Gauges such as nr_free_pages can read negative for a moment on SMP kernels. */
export const Int = createToken({ name: 'Int', pattern: /-?\d+/ });

export const allTokens = [WhiteSpace, Name, Int];
export const vmstatLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
