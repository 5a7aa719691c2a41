import { createToken, Lexer, once } from '../common/chevrotain.js';
import { catchAllToken, stickyPattern } from '../common/custom-tokens.js';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** `/sys/kernel/iommu_groups/12/devices:` (ls's heading per directory); the payload is the group id. */
export const GroupHeading = createToken({
  name: 'GroupHeading',
  pattern: stickyPattern(/\S*iommu_groups\/(\d+)\/devices\/?:/, true),
  line_breaks: false,
  start_chars_hint: ['/', 'i', '.', 's'],
});
/** `ls -l` noise: `total 0` and the permission/owner/date columns before a link's name. */
export const TotalLine = createToken({ name: 'TotalLine', pattern: /total \d+/ });
export const LongPrefix = createToken({ name: 'LongPrefix', pattern: /l[rwxsStT-]{9}\S*\s+\d+\s+\S+\s+\S+\s+\d+\s+\w{3}\s+\d+\s+[\d:]+/ });
export const Arrow = createToken({ name: 'Arrow', pattern: /->/ });
/** A shell prompt line pasted with the output (`$ ls ...`, `# ls ...`). */
export const Prompt = createToken({ name: 'Prompt', pattern: /[$#] ls\b[^\n]*/ });
export const Name = catchAllToken('Name', /\S+/, ' \t');

export const allTokens = [WhiteSpace, Prompt, GroupHeading, TotalLine, LongPrefix, Arrow, Name];
export const iommuLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset' }));
