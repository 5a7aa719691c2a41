import { EmbeddedActionsParser, once } from '../common/chevrotain.js';
import { allTokens, Header, Int, Size, Total, Word } from './tokens.js';

export type NvmapLine =
  | { kind: 'header' }
  | { kind: 'total'; size: string }
  | { kind: 'client'; client: string; process: string; pid?: number; size: string };

/**
 * line := Header | "total" Size | Word Name+ Int? Size
 * A process name may hold spaces (`Web Content`) or look like a number, so the name is every
 * field between the client kind and the PID.
 */
class NvmapParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): NvmapLine =>
    this.OR([
      { ALT: () => (this.CONSUME(Header), { kind: 'header' as const }) },
      { ALT: () => (this.CONSUME(Total), { kind: 'total' as const, size: this.CONSUME(Size).image }) },
      {
        ALT: () => {
          const client = this.CONSUME(Word).image;
          const parts: string[] = [];
          this.MANY(() => parts.push(this.OR2([{ ALT: () => this.CONSUME2(Word).image }, { ALT: () => this.CONSUME(Int).image }])));
          const size = this.CONSUME2(Size).image;
          return { kind: 'client' as const, client, process: parts.join(' '), size };
        },
      },
    ]),
  );
}

export const nvmapParser = once(() => new NvmapParser());
