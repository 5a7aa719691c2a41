import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Dash, Hex, NameText, Separator } from './tokens.js';

export interface IomemLine {
  start: string;
  end: string;
  name: string;
}

/** line := Hex "-" Hex ":" NameText? */
class IomemParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): IomemLine => {
    const start = this.CONSUME(Hex).image;
    this.CONSUME(Dash);
    const end = this.CONSUME2(Hex).image;
    this.CONSUME(Separator);
    const name = this.OPTION(() => this.CONSUME(NameText).image);
    // ACTION: not run while Chevrotain records the grammar with placeholder tokens.
    return this.ACTION(() => ({ start: start.toLowerCase(), end: end.toLowerCase(), name: (name ?? '').trim() }));
  });
}

export const iomemParser = once(() => new IomemParser());
