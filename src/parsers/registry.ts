/**
 * Which parser reads which input kind into which snapshot part. A new format is one folder
 * under src/parsers plus one line here.
 */
import type { InputKind } from '../bundle/inventory.js';
import type { TextSource } from '../bundle/text.js';
import type { ParserOptions } from './options.js';

export type { ParserOptions } from './options.js';
import type { DiagnosticSink } from '../snapshot/diagnostics.js';
import type { Snapshot } from '../snapshot/types.js';
import { parseMeminfo } from './meminfo/build.js';
import { parseBuddyinfo } from './buddyinfo/build.js';
import { parseZoneinfo } from './zoneinfo/build.js';
import { parseIomem } from './iomem/build.js';
import { parseDmesg } from './dmesg/build.js';
import { parseTegrastats } from './tegrastats/build.js';
import { parsePagetypeinfo } from './pagetypeinfo/build.js';

type FilePart = 'meminfo' | 'buddyinfo' | 'zoneinfo' | 'iomem' | 'pagetypeinfo' | 'dmesg' | 'tegrastats';

export interface FileParser<P extends FilePart = FilePart> {
  kind: InputKind;
  part: P;
  parse(src: TextSource, sink: DiagnosticSink, options: ParserOptions): NonNullable<Snapshot[P]>;
}

function entry<P extends FilePart>(p: FileParser<P>): FileParser {
  return p as unknown as FileParser;
}

export const FILE_PARSERS: FileParser[] = [
  entry({ kind: 'meminfo', part: 'meminfo', parse: parseMeminfo }),
  entry({ kind: 'buddyinfo', part: 'buddyinfo', parse: parseBuddyinfo }),
  entry({ kind: 'zoneinfo', part: 'zoneinfo', parse: parseZoneinfo }),
  entry({ kind: 'iomem', part: 'iomem', parse: parseIomem }),
  entry({ kind: 'dmesg', part: 'dmesg', parse: parseDmesg }),
  entry({ kind: 'tegrastats', part: 'tegrastats', parse: parseTegrastats }),
  entry({ kind: 'pagetypeinfo', part: 'pagetypeinfo', parse: parsePagetypeinfo }),
];
