import { createToken, Lexer, once } from '../common/chevrotain.js';
import { catchAllToken, stickyPattern } from '../common/custom-tokens.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** `/sys/class/thermal/thermal_zone3/trip_point_1_temp:` - payload: zone, attribute. */
export const ZoneAttr = createToken({
  name: 'ZoneAttr',
  pattern: stickyPattern(/\S*?(thermal_zone\d+)\/([a-z0-9_]+):/, true),
  line_breaks: false,
  start_chars_hint: ['/', 't', 's', '.'],
});
export const Value = catchAllToken('Value', /[^\n]+/, '');

export const allTokens = [WhiteSpace, ZoneAttr, Value];
export const thermalTripsLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
