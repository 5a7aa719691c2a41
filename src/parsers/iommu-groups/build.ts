/**
 * IOMMU group listings into the snapshot: group id -> devices. Reads plain `ls` (one name a
 * line, or columns), `ls -l` (links with their targets) and pasted prompts.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import type { ParserOptions } from '../options.js';
import { iommuParser, type IommuLine } from './grammar.js';
import { iommuLexer } from './tokens.js';
import type { IommuGroup, IommuGroups } from './types.js';

const lineParser: LineParser<IommuLine> = {
  get lexer() {
    return iommuLexer();
  },
  get parser() {
    return iommuParser();
  },
  rule: () => iommuParser().line(),
  expected: '"/sys/kernel/iommu_groups/<n>/devices:" followed by device names',
};

export function parseIommuGroups(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): IommuGroups {
  return parseWhole(iommuGroupsStream(src, sink, options), src.text);
}

export function iommuGroupsStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<IommuGroups> {
  const groups: IommuGroup[] = [];
  let current: IommuGroup | null = null;
  const onLine = (p: IommuLine, line: string, lineNo: number) => {
    if (p.kind === 'skip') return;
    if (p.kind === 'group') {
      current = groups.find((g) => g.id === p.id) ?? null;
      if (!current) groups.push((current = { id: p.id, line: lineNo, devices: [] }));
      return;
    }
    if (!current) {
      sink.add('warning', 'iommu-groups.no-heading', `device name(s) before any "iommu_groups/<n>/devices:" heading: ${p.names.join(' ')}`, lineNo);
      return;
    }
    for (const name of p.names) current.devices.push({ name, line: lineNo, target: p.target, text: line.trimEnd() });
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'iommu-groups.unexpected-line',
    line: onLine,
    empty: { when: () => groups.length === 0, code: 'iommu-groups.empty', message: 'no "iommu_groups/<n>/devices:" heading found' },
    result: () => ({ file: src.path, groups: groups.sort((a, b) => a.id - b.id) }),
  });
}

/** The groups holding a device whose name contains `needle` (case-insensitive). */
export function groupsWithDevice(g: IommuGroups, needle: string): IommuGroup[] {
  const n = needle.toLowerCase();
  return g.groups.filter((x) => x.devices.some((d) => d.name.toLowerCase().includes(n)));
}
