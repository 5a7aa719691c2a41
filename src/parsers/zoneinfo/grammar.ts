import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Colon, Comma, Int, LParen, Node, RParen, Word, Zone } from './tokens.js';

export type ZoneinfoLine =
  | { type: 'header'; node: number; zone: string }
  /** `pages free 3973`, `count: 0`, `vm stats threshold: 4`, `per-node stats`, `pagesets` */
  | { type: 'entry'; key: string; value?: number; tuple?: number[]; extra?: Record<string, number> };

/**
 * line   := header | entry
 * header := "Node" Int "," "zone" Word
 * entry  := Word+ ":"? ( "(" Int ("," Int)* ")" | Int extra? )?
 * extra  := "(" (Word ":" Int)* ")"           -- 2.6's `scanned 0 (a: 0 i: 0)`
 * A second `Word ":" Int` after the value (2.6's `cpu: 0 pcp: 1`) lands in extra too.
 */
class ZoneinfoParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): ZoneinfoLine =>
    this.OR([{ ALT: () => this.SUBRULE(this.header) }, { ALT: () => this.SUBRULE(this.entry) }]),
  );

  header = this.RULE('header', (): ZoneinfoLine => {
    this.CONSUME(Node);
    const node = this.CONSUME(Int).image;
    this.CONSUME(Comma);
    this.CONSUME(Zone);
    const zone = this.CONSUME(Word).image;
    return { type: 'header', node: Number(node), zone };
  });

  entry = this.RULE('entry', (): ZoneinfoLine => {
    const words: string[] = [];
    this.AT_LEAST_ONE(() => words.push(this.CONSUME(Word).image));
    this.OPTION(() => this.CONSUME(Colon));
    let value: number | undefined;
    let tuple: number[] | undefined;
    let extra: Record<string, number> | undefined;
    this.OPTION2(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(LParen);
            tuple = [Number(this.CONSUME2(Int).image)];
            this.MANY(() => {
              this.CONSUME(Comma);
              tuple!.push(Number(this.CONSUME3(Int).image));
            });
            this.CONSUME(RParen);
          },
        },
        {
          ALT: () => {
            value = Number(this.CONSUME4(Int).image);
            this.OPTION3(() => {
              extra = {};
              const paren = this.OPTION4(() => this.CONSUME2(LParen));
              this.MANY2(() => {
                const k = this.CONSUME2(Word).image;
                this.CONSUME2(Colon);
                extra![k] = Number(this.CONSUME5(Int).image);
              });
              if (paren) this.CONSUME2(RParen);
            });
          },
        },
      ]),
    );
    return { type: 'entry', key: words.join(' '), value, tuple, extra };
  });
}

export const zoneinfoParser = once(() => new ZoneinfoParser());
