/**
 * IOMMU group listings into the snapshot: group id -> devices. Reads plain `ls` (one name a
 * line, or columns), `ls -l` (links with their targets) and pasted prompts.
 */
import { forEachLine, type TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseLine, type LineParser } from '../common/line-runner.js';
import { lineLimits, type ParserOptions } from '../registry.js';
import { iommuParser, type IommuLine } from './grammar.js';
import { iommuLexer } from './tokens.js';
import type { IommuGroup, IommuGroups } from './types.js';

const lineParser: LineParser<IommuLine> = {
  lexer: iommuLexer,
  parser: iommuParser,
  rule: () => iommuParser.line(),
  expected: '"/sys/kernel/iommu_groups/<n>/devices:" followed by device names',
};

export function parseIommuGroups(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): IommuGroups {
  const groups: IommuGroup[] = [];
  let current: IommuGroup | null = null;
  forEachLine(
    src,
    sink,
    (line, lineNo) => {
      if (line.trim() === '') return;
      const p = parseLine(lineParser, line, lineNo, sink, 'iommu-groups.unexpected-line');
      if (!p || p.kind === 'skip') return;
      if (p.kind === 'group') {
        current = groups.find((g) => g.id === p.id) ?? null;
        if (!current) groups.push((current = { id: p.id, line: lineNo, devices: [] }));
        return;
      }
      if (!current) {
        sink.add('warning', 'iommu-groups.no-heading', `device name(s) before any "iommu_groups/<n>/devices:" heading: ${p.names.join(' ')}`, lineNo);
        return;
      }
      for (const name of p.names) current.devices.push({ name, line: lineNo, target: p.target });
    },
    lineLimits(options),
  );
  if (!groups.length) sink.add('error', 'iommu-groups.empty', 'no "iommu_groups/<n>/devices:" heading found');
  groups.sort((a, b) => a.id - b.id);
  return { file: src.path, groups };
}

/** The groups holding a device whose name contains `needle` (case-insensitive). */
export function groupsWithDevice(g: IommuGroups, needle: string): IommuGroup[] {
  const n = needle.toLowerCase();
  return g.groups.filter((x) => x.devices.some((d) => d.name.toLowerCase().includes(n)));
}
