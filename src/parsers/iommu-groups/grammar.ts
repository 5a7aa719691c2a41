import { EmbeddedActionsParser, type IToken, once } from '../common/chevrotain.js';
import { allTokens, Arrow, GroupHeading, LongPrefix, Name, Prompt, TotalLine } from './tokens.js';

export type IommuLine =
  | { kind: 'group'; id: number }
  | { kind: 'skip' }
  | { kind: 'devices'; names: string[]; target?: string };

/**
 * line := GroupHeading | Prompt | "total" N
 *       | LongPrefix Name "->" Name        (ls -l)
 *       | Name+                            (ls: one name a line, or several when it printed columns)
 */
class IommuParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): IommuLine =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(GroupHeading) as IToken & { payload?: string[] };
          return { kind: 'group' as const, id: Number(t.payload?.[1] ?? NaN) };
        },
      },
      { ALT: () => (this.CONSUME(Prompt), { kind: 'skip' as const }) },
      { ALT: () => (this.CONSUME(TotalLine), { kind: 'skip' as const }) },
      {
        ALT: () => {
          this.CONSUME(LongPrefix);
          const name = this.CONSUME(Name).image;
          this.CONSUME(Arrow);
          const target = this.CONSUME2(Name).image;
          return { kind: 'devices' as const, names: [name], target };
        },
      },
      {
        ALT: () => {
          const names: string[] = [];
          this.AT_LEAST_ONE(() => names.push(this.CONSUME3(Name).image));
          return { kind: 'devices' as const, names };
        },
      },
    ]),
  );
}

export const iommuParser = once(() => new IommuParser());
