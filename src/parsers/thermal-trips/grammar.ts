import { EmbeddedActionsParser, type IToken, once } from '../common/chevrotain.js';
import { allTokens, Value, ZoneAttr } from './tokens.js';

export interface ZoneAttrLine {
  zone: string;
  attr: string;
  value: string;
}

/** line := ZoneAttr Value?   (grep prints `path:value`; an empty file prints nothing after the colon) */
class ThermalTripsParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): ZoneAttrLine => {
    const t = this.CONSUME(ZoneAttr) as IToken & { payload?: string[] };
    const value = this.OPTION(() => this.CONSUME(Value).image) ?? '';
    return this.ACTION(() => ({ zone: t.payload?.[1] ?? '', attr: t.payload?.[2] ?? '', value: value.trim() }));
  });
}

export const thermalTripsParser = once(() => new ThermalTripsParser());
