import { EmbeddedActionsParser, type IToken, once } from '../common/chevrotain.js';
import {
  allTokens, BootloaderTs, FacilityLevel, Indent, IsoHead, LevelTag, LogreadHead, Message, MonoTs, SyslogHead, WallTs,
} from './tokens.js';

export interface DmesgLineParts {
  level?: IToken;
  head?: IToken;
  facility?: IToken;
  level2?: IToken;
  time?: IToken;
  message?: IToken;
}

/**
 * line := Indent? LevelTag? (SyslogHead | LogreadHead | IsoHead)? FacilityLevel? LevelTag?
 *         (MonoTs | WallTs | BootloaderTs)? Message?
 * Syslog-wrapped lines carry their own dmesg stamp after the head; `dmesg -x` puts the
 * facility before the stamp; /proc/kmsg puts the level first.
 */
class DmesgParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { maxLookahead: 2 });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): DmesgLineParts => {
    const parts: DmesgLineParts = {};
    this.OPTION(() => this.CONSUME(Indent));
    this.OPTION2(() => (parts.level = this.CONSUME(LevelTag)));
    this.OPTION3(() => {
      parts.head = this.OR([{ ALT: () => this.CONSUME(SyslogHead) }, { ALT: () => this.CONSUME(LogreadHead) }, { ALT: () => this.CONSUME(IsoHead) }]);
    });
    this.OPTION4(() => (parts.facility = this.CONSUME(FacilityLevel)));
    this.OPTION5(() => (parts.level2 = this.CONSUME2(LevelTag)));
    this.OPTION6(() => {
      parts.time = this.OR2([{ ALT: () => this.CONSUME(MonoTs) }, { ALT: () => this.CONSUME(WallTs) }, { ALT: () => this.CONSUME(BootloaderTs) }]);
    });
    this.OPTION7(() => (parts.message = this.CONSUME(Message)));
    return parts;
  });
}

export const dmesgParser = once(() => new DmesgParser());
