/**
 * Which parser reads which input kind into which snapshot part. A new format is one folder
 * under src/parsers plus one line here.
 */
import type { InputKind } from '../bundle/inventory.js';
import { DEFAULT_LINE_LIMITS, type LineLimits, type TextSource } from '../bundle/text.js';
import type { DiagnosticSink } from '../snapshot/diagnostics.js';
import type { Snapshot } from '../snapshot/types.js';
import { parseMeminfo } from './meminfo/build.js';
import { parseBuddyinfo } from './buddyinfo/build.js';
import { parseZoneinfo } from './zoneinfo/build.js';
import { parseIomem } from './iomem/build.js';
import { parseDmesg } from './dmesg/build.js';
import { parseTegrastats } from './tegrastats/build.js';
import { parsePagetypeinfo } from './pagetypeinfo/build.js';
import { parseVmstat } from './vmstat/build.js';
import { parseDmaBuf } from './dma-buf/build.js';
import { parseIommuGroups } from './iommu-groups/build.js';
import { parseNvmapClients } from './nvmap-clients/build.js';
import { parseThermalTrips } from './thermal-trips/build.js';

type FilePart =
  | 'meminfo' | 'buddyinfo' | 'zoneinfo' | 'iomem' | 'pagetypeinfo' | 'dmesg' | 'tegrastats'
  | 'vmstat' | 'dmaBuf' | 'iommuGroups' | 'nvmapClients' | 'thermalTrips';

export interface ParserOptions {
  /** Sample interval assumed for tegrastats logs without timestamps (seconds). */
  tegrastatsIntervalSeconds: number;
  /** Lines longer than this are cut with a diagnostic. */
  maxLineLength?: number;
}

export interface FileParser<P extends FilePart = FilePart> {
  kind: InputKind;
  part: P;
  parse(src: TextSource, sink: DiagnosticSink, options: ParserOptions): NonNullable<Snapshot[P]>;
}

/** Line limits for forEachLine from the run's options. */
export function lineLimits(o?: ParserOptions): LineLimits {
  return { maxLineLength: o?.maxLineLength ?? DEFAULT_LINE_LIMITS.maxLineLength };
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
  entry({ kind: 'vmstat', part: 'vmstat', parse: parseVmstat }),
  entry({ kind: 'dma-buf', part: 'dmaBuf', parse: parseDmaBuf }),
  entry({ kind: 'iommu-groups', part: 'iommuGroups', parse: parseIommuGroups }),
  entry({ kind: 'nvmap-clients', part: 'nvmapClients', parse: parseNvmapClients }),
  entry({ kind: 'thermal-trips', part: 'thermalTrips', parse: parseThermalTrips }),
];
