import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { AttachedHeader, allTokens, Bytes, Columns, DevicesAttached, FenceLine, Int, ObjectsComma, ObjectsHeader, Total, Word } from './tokens.js';

export type BufinfoLine =
  | { kind: 'header' | 'columns' | 'attached' | 'fence' }
  | { kind: 'object'; fields: string[] }
  | { kind: 'device'; name: string }
  | { kind: 'devices-total'; count: number }
  | { kind: 'total'; objects: number; bytes: number };

/**
 * line := "Dma-buf Objects:" | Columns | "Attached Devices:" | FenceLine
 *       | "Total" Int "devices attached" | "Total" Int "objects," Int "bytes"
 *       | Int Field Field Int Field Field*      (an object: size flags mode count exp_name [ino] [name])
 *       | Word                                 (an attached device)
 */
class BufinfoParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 4 });
    this.performSelfAnalysis();
  }

  private field = this.RULE('field', (): string => this.OR([{ ALT: () => this.CONSUME(Int).image }, { ALT: () => this.CONSUME(Word).image }]));

  line = this.RULE('line', (): BufinfoLine =>
    this.OR([
      { ALT: () => (this.CONSUME(ObjectsHeader), { kind: 'header' as const }) },
      { ALT: () => (this.CONSUME(Columns), { kind: 'columns' as const }) },
      { ALT: () => (this.CONSUME(AttachedHeader), { kind: 'attached' as const }) },
      { ALT: () => (this.CONSUME(FenceLine), { kind: 'fence' as const }) },
      {
        ALT: () => {
          this.CONSUME(Total);
          const n = Number(this.CONSUME(Int).image);
          return this.OR2([
            { ALT: () => (this.CONSUME(DevicesAttached), { kind: 'devices-total' as const, count: n }) },
            {
              ALT: () => {
                this.CONSUME(ObjectsComma);
                const bytes = Number(this.CONSUME2(Int).image);
                this.CONSUME(Bytes);
                return { kind: 'total' as const, objects: n, bytes };
              },
            },
          ]);
        },
      },
      {
        ALT: () => {
          const fields = [this.CONSUME3(Int).image];
          this.AT_LEAST_ONE(() => fields.push(this.SUBRULE(this.field)));
          return { kind: 'object' as const, fields };
        },
      },
      { ALT: () => ({ kind: 'device' as const, name: this.CONSUME2(Word).image }) },
    ]),
  );
}

export const bufinfoParser = once(() => new BufinfoParser());
