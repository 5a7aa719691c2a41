import { createToken, Lexer, once } from '../common/chevrotain.js';

// Two modes: the address range, then everything after " : " is the resource name
// (names hold spaces, hex digits and colons, e.g. '/soc/usb@09100000/dwc3@0x09100000').
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
export const Hex = createToken({ name: 'Hex', pattern: /[0-9a-fA-F]+/ });
export const Dash = createToken({ name: 'Dash', pattern: /-/ });
export const Separator = createToken({ name: 'Separator', pattern: / ?: ?/, push_mode: 'name' });
export const NameText = createToken({ name: 'NameText', pattern: /[^\n]+/ });

export const allTokens = [WhiteSpace, Hex, Dash, Separator, NameText];
export const iomemLexer = once(() => new Lexer(
  { modes: { range: [WhiteSpace, Hex, Dash, Separator], name: [NameText] }, defaultMode: 'range' },
  { positionTracking: 'onlyOffset' },
));
