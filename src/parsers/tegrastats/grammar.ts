import { EmbeddedActionsParser, type IToken, once } from '../common/chevrotain.js';
import { allTokens, Cpu, Engines, FreqOnly, Iram, LoadField, Mts, Rails, Ram, Swap, Temps, Timestamp, Unknown, WallStamp } from './tokens.js';

/**
 * line  := (Timestamp | WallStamp)? field*
 * field := Ram | Swap | Iram | Cpu | Mts | Temps | Rails | LoadField | FreqOnly | Engines | Unknown
 * The parser only validates the sequence; values are read from each token's payload by the
 * snapshot builder, which keeps the per-sample work to one pass over the tokens.
 */
class TegrastatsParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): IToken[] => {
    const fields: IToken[] = [];
    this.OPTION(() => fields.push(this.OR2([{ ALT: () => this.CONSUME(Timestamp) }, { ALT: () => this.CONSUME(WallStamp) }])));
    this.MANY(() => {
      fields.push(
        this.OR([
          { ALT: () => this.CONSUME(Ram) },
          { ALT: () => this.CONSUME(Swap) },
          { ALT: () => this.CONSUME(Iram) },
          { ALT: () => this.CONSUME(Cpu) },
          { ALT: () => this.CONSUME(Mts) },
          { ALT: () => this.CONSUME(Temps) },
          { ALT: () => this.CONSUME(Rails) },
          { ALT: () => this.CONSUME(LoadField) },
          { ALT: () => this.CONSUME(FreqOnly) },
          { ALT: () => this.CONSUME(Engines) },
          { ALT: () => this.CONSUME(Unknown) },
        ]),
      );
    });
    return fields;
  });
}

export const tegrastatsParser = once(() => new TegrastatsParser());
