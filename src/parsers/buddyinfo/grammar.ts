import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Comma, Int, Name, Node, Zone } from './tokens.js';

export interface BuddyLine {
  node: number;
  zone: string;
  counts: number[];
}

/** line := "Node" Int "," "zone" Name Int+   (any number of orders: kernels differ) */
class BuddyinfoParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): BuddyLine => {
    this.CONSUME(Node);
    const node = this.CONSUME(Int).image;
    this.CONSUME(Comma);
    this.CONSUME(Zone);
    const zone = this.OR([{ ALT: () => this.CONSUME(Name).image }, { ALT: () => this.CONSUME2(Node).image }]);
    const counts: number[] = [];
    this.AT_LEAST_ONE(() => {
      counts.push(Number(this.CONSUME2(Int).image));
    });
    return { node: Number(node), zone, counts };
  });
}

export const buddyinfoParser = once(() => new BuddyinfoParser());
