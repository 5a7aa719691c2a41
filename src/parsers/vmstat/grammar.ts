import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Int, Name } from './tokens.js';

export interface VmstatLine {
  name: string;
  value: number;
}

/** line := Name Int */
class VmstatParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): VmstatLine => {
    const name = this.CONSUME(Name).image;
    const value = Number(this.CONSUME(Int).image);
    return { name, value };
  });
}

export const vmstatParser = once(() => new VmstatParser());
