/**
 * Cases found by mutation testing (docs/mutation-parsers.md) in the small /proc and debugfs
 * parsers: lines of the real captures under test/fixtures, cut or rearranged the way a bad paste
 * or a truncated capture would.
 */
import { describe, expect, it } from 'vitest';
import { parseDmaBuf } from '../../src/parsers/dma-buf/build.js';
import { parseZoneinfo } from '../../src/parsers/zoneinfo/build.js';
import { parseNvmapClients } from '../../src/parsers/nvmap-clients/build.js';
import { parseIommuGroups } from '../../src/parsers/iommu-groups/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

type Parse<T> = (src: { path: string; text: string; lineOffset: number }, sink: DiagnosticSink) => T;

function run<T>(parse: Parse<T>, text: string, file = 'f') {
  const sink = new DiagnosticSink(file);
  const value = parse({ path: file, text, lineOffset: 0 }, sink);
  return { value, diags: sink.finish() };
}

describe('DMA-BUF bufinfo (Asahi capture lines)', () => {
  const COLUMNS = 'size\tflags\tmode\tcount\texp_name\tino\tname';
  const OBJ = '01064960\t00000000\t00080005\t00000009\tdrm\t00125955\t<none>';

  it('a capture cut above its "Dma-buf Objects:" line still starts at its column header', () => {
    const { value, diags } = run(parseDmaBuf, [COLUMNS, OBJ].join('\n'));
    expect(diags).toEqual([]);
    expect(value.captures.map((c) => [c.line, c.objects.length])).toEqual([[1, 1]]);
    // Only the column header left: one empty capture, not "no table found".
    const bare = run(parseDmaBuf, COLUMNS);
    expect(bare.diags).toEqual([]);
    expect(bare.value.captures.map((c) => [c.line, c.objects.length])).toEqual([[1, 0]]);
  });

  it('a device right under an object, its "Attached Devices:" line lost, is stray', () => {
    const text = ['Dma-buf Objects:', COLUMNS, OBJ, '\tAttached Devices:', '\tsoc:display-subsystem', 'Total 1 devices attached', OBJ.replace('00125955', '00125953'), '\tsoc:display-subsystem'].join('\n');
    const { value, diags } = run(parseDmaBuf, text, 'bufinfo');
    expect(value.captures[0]!.objects.map((o) => o.attached)).toEqual([['soc:display-subsystem'], []]);
    expect(diags.map((d) => [d.line, d.code])).toEqual([[8, 'dma-buf.stray-device']]);
  });

  it('without an inode column a name ending in digits stays the name', () => {
    // 4.x bufinfo: no ino column.
    const text = ['Dma-buf Objects:', 'size\tflags\tmode\tcount\texp_name\tname', '00032768\t00000002\t00000007\t00000001\tion-13\tnvmap-cam0'].join('\n');
    const o = run(parseDmaBuf, text).value.captures[0]!.objects[0]!;
    expect([o.exporter, o.inode, o.name]).toEqual(['ion-13', undefined, 'nvmap-cam0']);
  });
});

describe('zoneinfo (Ubuntu 20.04 5.4 capture lines)', () => {
  const ZONE = ['Node 0, zone      DMA', '  pages free     3962', '        min      33', '        low      41', '        high     49', '        protection: (0, 2929, 3882, 3882, 3882)'];
  const PAGESETS = ['  pagesets', '    cpu: 0', '              count: 0', '              high:  0', '              batch: 1', '  vm stats threshold: 8'];

  it('a number alone on a line with blanks after it is still a value without a key', () => {
    const { value, diags } = run(parseZoneinfo, [...ZONE, '     12345   '].join('\n'), 'zoneinfo');
    expect(diags).toEqual([{ file: 'zoneinfo', line: 7, severity: 'info', code: 'zoneinfo.value-without-key', message: 'a number without a key; ignored' }]);
    expect(value.zones[0]!.values).toEqual({ 'pages free': 3962, min: 33, low: 41, high: 49 });
  });

  it('a cpu key outside the pagesets is a zone value, not a pageset', () => {
    const z = run(parseZoneinfo, [...ZONE, '        cpu      3'].join('\n')).value.zones[0]!;
    expect(z.pagesets).toEqual([]);
    expect(z.values.cpu).toBe(3);
  });

  it('a "cpu:" with its number cut off starts no pageset; its counts go to the pageset before', () => {
    const { value, diags } = run(parseZoneinfo, [...ZONE, ...PAGESETS, '    cpu:', '              count: 7'].join('\n'), 'zoneinfo');
    const z = value.zones[0]!;
    expect(z.pagesets.map((p) => [p.cpu, p.values.count])).toEqual([[0, 7]]);
    expect(diags.map((d) => [d.line, d.code])).toEqual([[13, 'zoneinfo.no-value']]);
  });

  it('only the protection line gives the protection; a bracketed list under another key is dropped', () => {
    const z = run(parseZoneinfo, [...ZONE.slice(0, 5), '        lowmem: (1, 2, 3)', ZONE[5]!, '        spanned  4095'].join('\n')).value.zones[0]!;
    expect(z.protection).toEqual([0, 2929, 3882, 3882, 3882]);
    expect('lowmem' in z.values).toBe(false);
    expect(z.values.spanned).toBe(4095);
  });
});

describe('nvmap iovmm clients', () => {
  it('a capture holding only its total line ends at the next header', () => {
    const text = ['CLIENT                        PROCESS      PID        SIZE', 'total                                            0K', 'CLIENT                        PROCESS      PID        SIZE', 'user                  VLLM::EngineCor  1792595   14617792K'].join('\n');
    const { value, diags } = run(parseNvmapClients, text);
    expect(diags).toEqual([]);
    expect(value.captures.map((c) => [c.line, c.clients.length, c.total?.bytes])).toEqual([
      [1, 0, 0],
      [3, 1, undefined],
    ]);
  });
});

describe('IOMMU groups', () => {
  it('an `ls -l` line cut after its arrow is reported under the parser\'s own code', () => {
    const { diags } = run(parseIommuGroups, '/sys/kernel/iommu_groups/0/devices:\n13e00000.host1x\nlrwxrwxrwx 1 root root 0 Feb 4 10:29 0000:00:00.0 ->\n', 'iommu');
    expect(diags.map((d) => [d.line, d.severity, d.code])).toEqual([[3, 'warning', 'iommu-groups.unexpected-line']]);
  });
});
