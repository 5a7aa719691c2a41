import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Int, Key, Unit } from './tokens.js';

export interface MeminfoLine {
  key: string;
  value: number;
  unit?: string;
}

/** line := Key Int Unit? */
class MeminfoParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): MeminfoLine => {
    const key = this.CONSUME(Key).image;
    const value = this.CONSUME(Int).image;
    const unit = this.OPTION(() => this.CONSUME(Unit).image);
    return { key: key.slice(0, -1), value: Number(value), unit };
  });
}

export const meminfoParser = once(() => new MeminfoParser());
