import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Colon, Comma, Int, Node, Type, Word, Zone } from './tokens.js';

export type PagetypeLine =
  | { type: 'row'; node: number; zone: string; migrateType?: string; counts: number[] }
  | { type: 'text'; words: string[]; numbers: number[] };

/**
 * line := row | text
 * row  := "Node" Int "," "zone" Word ("," "type" Word)? Int*
 * text := (Word | "type" | Int | ":")+      -- `Page block order: 9`, column headers
 */
class PagetypeinfoParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): PagetypeLine => this.OR([{ ALT: () => this.SUBRULE(this.row) }, { ALT: () => this.SUBRULE(this.text) }]));

  row = this.RULE('row', (): PagetypeLine => {
    this.CONSUME(Node);
    const node = this.CONSUME(Int).image;
    this.CONSUME(Comma);
    this.CONSUME(Zone);
    const zone = this.CONSUME(Word).image;
    let migrateType: string | undefined;
    this.OPTION(() => {
      this.CONSUME2(Comma);
      this.CONSUME(Type);
      migrateType = this.CONSUME2(Word).image;
    });
    const counts: number[] = [];
    this.MANY(() => counts.push(Number(this.CONSUME2(Int).image)));
    return { type: 'row', node: Number(node), zone, migrateType, counts };
  });

  text = this.RULE('text', (): PagetypeLine => {
    const words: string[] = [];
    const numbers: number[] = [];
    this.AT_LEAST_ONE(() =>
      this.OR([
        { ALT: () => words.push(this.CONSUME(Word).image) },
        { ALT: () => words.push(this.CONSUME2(Type).image) },
        { ALT: () => numbers.push(Number(this.CONSUME3(Int).image)) },
        { ALT: () => this.CONSUME(Colon) },
      ]),
    );
    return { type: 'text', words, numbers };
  });
}

export const pagetypeinfoParser = once(() => new PagetypeinfoParser());
