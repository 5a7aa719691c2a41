/**
 * Which parser reads which input kind into which snapshot part. A new format is one folder
 * under src/parsers plus one line here.
 */
import type { InputKind } from '../bundle/inventory.js';
import type { TextSource } from '../bundle/text.js';
import type { ParserOptions } from './options.js';
import type { DiagnosticSink } from '../snapshot/diagnostics.js';
import type { Snapshot } from '../snapshot/types.js';
import { parseWhole, type SourceRef, type StreamingParser } from './common/line-runner.js';
import { meminfoStream } from './meminfo/build.js';
import { buddyinfoStream } from './buddyinfo/build.js';
import { zoneinfoStream } from './zoneinfo/build.js';
import { iomemStream } from './iomem/build.js';
import { dmesgStream } from './dmesg/build.js';
import { tegrastatsStream } from './tegrastats/build.js';
import { pagetypeinfoStream } from './pagetypeinfo/build.js';
import { vmstatStream } from './vmstat/build.js';
import { dmaBufStream } from './dma-buf/build.js';
import { iommuGroupsStream } from './iommu-groups/build.js';
import { nvmapClientsStream } from './nvmap-clients/build.js';
import { thermalTripsStream } from './thermal-trips/build.js';
import { keepLatest } from '../util/keep-latest.js';

type FilePart =
  | 'meminfo' | 'buddyinfo' | 'zoneinfo' | 'iomem' | 'pagetypeinfo' | 'dmesg' | 'tegrastats'
  | 'vmstat' | 'dmaBuf' | 'iommuGroups' | 'nvmapClients' | 'thermalTrips';

export interface FileParser<P extends FilePart = FilePart> {
  kind: InputKind;
  part: P;
  /** A parser fed the file's text as it streams in. */
  stream(src: SourceRef, sink: DiagnosticSink, options: ParserOptions): StreamingParser<NonNullable<Snapshot[P]>>;
  /** The same parser given the whole text at once. */
  parse(src: TextSource, sink: DiagnosticSink, options: ParserOptions): NonNullable<Snapshot[P]>;
}

function entry<P extends FilePart>(kind: InputKind, part: P, newStream: FileParser<P>['stream']): FileParser {
  // The newest parser of each kind stays referenced: see keepLatest.
  const stream: FileParser<P>['stream'] = (src, sink, options) => keepLatest(`parser:${kind}`, newStream(src, sink, options));
  const parse: FileParser<P>['parse'] = (src, sink, options) => parseWhole(stream(src, sink, options), src.text);
  return { kind, part, stream, parse } as unknown as FileParser;
}

export const FILE_PARSERS: FileParser[] = [
  entry('meminfo', 'meminfo', meminfoStream),
  entry('buddyinfo', 'buddyinfo', buddyinfoStream),
  entry('zoneinfo', 'zoneinfo', zoneinfoStream),
  entry('iomem', 'iomem', iomemStream),
  entry('dmesg', 'dmesg', dmesgStream),
  entry('tegrastats', 'tegrastats', tegrastatsStream),
  entry('pagetypeinfo', 'pagetypeinfo', pagetypeinfoStream),
  entry('vmstat', 'vmstat', vmstatStream),
  entry('dma-buf', 'dmaBuf', dmaBufStream),
  entry('iommu-groups', 'iommuGroups', iommuGroupsStream),
  entry('nvmap-clients', 'nvmapClients', nvmapClientsStream),
  entry('thermal-trips', 'thermalTrips', thermalTripsStream),
];
