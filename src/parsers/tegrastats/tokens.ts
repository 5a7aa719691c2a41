/**
 * tegrastats fields as coarse tokens: one token per field (`RAM 3162/7620MB (lfb 4x2MB)`) or per
 * run of like fields (all temperatures, all rails, all engines), each a sticky regex whose capture groups ride along
 * as the token payload. Few tokens per line keeps a 30 MB log fast to lex, and the grammar
 * still names every field. Order matters: Chevrotain takes the first pattern that matches.
 */
import { createToken, Lexer, type TokenType, once } from '../common/chevrotain.js';
import { catchAllToken, stickyPattern } from '../common/custom-tokens.js';
import { chunkLexerFor } from '../common/chunked-lines.js';

function field(name: string, re: RegExp, hints: string[]): TokenType {
  return createToken({ name, pattern: stickyPattern(re, true), line_breaks: false, start_chars_hint: hints });
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const LETTERS = [...UPPER, ...UPPER.map((c) => c.toLowerCase())];
const END = '(?=\\s|$)';

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t]+/, group: Lexer.SKIPPED });
/** JP5+ leading `MM-DD-YYYY HH:MM:SS` */
export const Timestamp = field('Timestamp', /(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)/, ['0', '1']);
/** A wall-clock prefix added by another tool: `ts` (`Nov 24 10:00:00`), `date -Iseconds` loops. */
export const WallStamp = field(
  'WallStamp',
  new RegExp(`(?:(?:[A-Z][a-z]{2} )?[A-Z][a-z]{2} +\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?(?: (?:UTC|GMT|[A-Z]{1,3}[SD]?T))?(?: \\d{4})?|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)${END}`),
  [...UPPER, '1', '2'],
);
export const Ram = field('Ram', new RegExp(`RAM (\\d+)/(\\d+)MB(?: ?\\(lfb (\\d+)x(\\d+)([kKM])B\\))?${END}`), ['R']);
export const Swap = field('Swap', new RegExp(`SWAP (\\d+)/(\\d+)MB(?: ?\\(cached (\\d+)MB\\))?${END}`), ['S']);
export const Iram = field('Iram', new RegExp(`IRAM (\\d+)/(\\d+)kB(?: ?\\(lfb (\\d+)kB\\))?${END}`), ['I']);
/** `CPU [1%@729,off,...]`, L4T 28's `cpu [0%,0%,0%,0%]@1734` */
export const Cpu = field('Cpu', new RegExp(`[Cc][Pp][Uu] \\[([^\\]\\n]*)\\](?:@(\\d+))?${END}`), ['C', 'c']);
/** `MTS fg 0% bg 1%` */
export const Mts = field('Mts', new RegExp(`MTS fg (\\d+)% bg (\\d+)%${END}`), ['M']);
/** A run of temperatures: `cpu@62.843C soc2@61.968C CV0@-256C cpu@52.968C/52.968C ...` */
export const Temps = field('Temps', new RegExp(`(?:[A-Za-z][\\w-]*@-?\\d+(?:\\.\\d+)?C(?:/-?\\d+(?:\\.\\d+)?C)?(?:[ \\t]+|(?=[\\r\\n])|$))+`), LETTERS);
/** A run of rails: `VDD_IN 3913mW/3922mW VDD_SOC 1238mW/1237mW`, `POM_5V_IN 4520/4680`, JP7 `mW/mW/mW`. */
export const Rails = field('Rails', new RegExp(`(?:[A-Za-z]\\w* \\d+(?:mW)?/\\d+(?:mW)?(?:/\\d+(?:mW)?)?(?:[ \\t]+|(?=[\\r\\n])|$))+`), LETTERS);
/** `EMC_FREQ 2%@408`, `GR3D_FREQ 0%@[305,305]`, `GR3D_FREQ 1%`, `NVENC_LOAD 7%`, `VIC_FREQ 0%@115` */
export const LoadField = field('LoadField', new RegExp(`([A-Z][A-Z0-9_]*) (\\d+)%(?:@(\\[[\\d,]*\\]|\\d+))?${END}`), UPPER);
/** `EMC_FREQ @3199`, `GR3D_FREQ @0`, `GR3D_FREQ @[1300,1300,1300]` (no load printed) */
export const FreqOnly = field('FreqOnly', new RegExp(`([A-Z][A-Z0-9_]*) @(\\[[\\d,]*\\]|\\d+)${END}`), UPPER);
/** A run of engines: `NVENC off NVDEC off VIC off APE 174`, `NVENC 716 NVDEC 716` */
export const Engines = field('Engines', new RegExp(`(?:[A-Z][A-Z0-9_]* (?:off|\\d+)(?:[ \\t]+|(?=[\\r\\n])|$))+`), UPPER);
/** Anything else: kept as an unknown field, never an error. */
export const Unknown = catchAllToken('Unknown', /\S+/, ' \t\v\f');

export const allTokens = [WhiteSpace, Timestamp, WallStamp, Ram, Swap, Iram, Cpu, Mts, Temps, Rails, LoadField, FreqOnly, Engines, Unknown];
export const tegrastatsLexer = once(() => new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true }));
export const tegrastatsChunkLexer = once(() => chunkLexerFor(allTokens));
