/**
 * The /proc parsers line by line: what each kind of line becomes, the periodic-capture
 * rules, and the diagnostic (file, line, code, words) for each kind of bad or missing input.
 * Captures are the corpus copies under test/fixtures (headers say where they come from);
 * short texts are lines of those captures, rearranged the way collectors write them.
 */
import { describe, expect, it } from 'vitest';
import { parseMeminfo } from '../../src/parsers/meminfo/build.js';
import { buddyZone, parseBuddyinfo } from '../../src/parsers/buddyinfo/build.js';
import { parseZoneinfo } from '../../src/parsers/zoneinfo/build.js';
import { parsePagetypeinfo } from '../../src/parsers/pagetypeinfo/build.js';
import { classifyRegion, parseIomem } from '../../src/parsers/iomem/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

type Parse<T> = (src: { path: string; text: string; lineOffset: number }, sink: DiagnosticSink) => T;

function run<T>(parse: Parse<T>, text: string, file = 'proc/x') {
  const sink = new DiagnosticSink(file);
  const value = parse({ path: file, text, lineOffset: 0 }, sink);
  return { value, diags: sink.finish() };
}

/** A capture without its `# source` header. */
const capture = (rel: string) => fixture(rel).replace(/^(#[^\n]*\n)+\n?/, '');

describe('every parser reports an empty file as an error naming what it looked for', () => {
  it.each([
    ['meminfo', parseMeminfo as Parse<unknown>, 'meminfo.empty', 'no "Key: value" lines found'],
    ['buddyinfo', parseBuddyinfo, 'buddyinfo.empty', 'no "Node N, zone NAME ..." lines found'],
    ['zoneinfo', parseZoneinfo, 'zoneinfo.empty', 'no "Node N, zone NAME" stanza found'],
    ['pagetypeinfo', parsePagetypeinfo, 'pagetypeinfo.empty', 'no "Node N, zone NAME, type ..." rows found'],
    ['iomem', parseIomem, 'iomem.empty', 'no "<start>-<end> : <name>" lines found'],
  ] as const)('%s', (_kind, parse, code, message) => {
    for (const text of ['', '\n  \n\t\n']) {
      expect(run(parse, text, 'proc/x').diags).toEqual([{ file: 'proc/x', severity: 'error', code, message }]);
    }
  });
});

describe('meminfo', () => {
  it('a periodic log of stamps alone is empty', () => {
    expect(run(parseMeminfo, '2026-11-24T10:00:00Z\n2026-11-24T10:00:05Z\n').diags.map((d) => d.code)).toEqual(['meminfo.empty']);
  });

  it('keeps the verbatim text of the lines evidence cites, and only those', () => {
    const text = 'MemTotal:        7633536 kB\nMemFree:          201144 kB\nMemAvailable:    1209332 kB\nBuffers:           34316 kB\nCached:          1294904 kB\nSwapTotal:       3816752 kB\nSwapFree:        3816752 kB\nCommitLimit:     7633520 kB\nCommitted_AS:   11393260 kB\nCmaTotal:         524288 kB\nCmaFree:            4096 kB\nHugePages_Total:       0\n';
    const c = run(parseMeminfo, text).value.captures[0]!;
    expect(c.text).toEqual({
      MemTotal: 'MemTotal:        7633536 kB',
      MemFree: 'MemFree:          201144 kB',
      MemAvailable: 'MemAvailable:    1209332 kB',
      SwapTotal: 'SwapTotal:       3816752 kB',
      SwapFree: 'SwapFree:        3816752 kB',
      CommitLimit: 'CommitLimit:     7633520 kB',
      Committed_AS: 'Committed_AS:   11393260 kB',
      CmaTotal: 'CmaTotal:         524288 kB',
      CmaFree: 'CmaFree:            4096 kB',
    });
    expect(c.values.Committed_AS).toBe(11393260 * 1024);
    expect(c.lines).toMatchObject({ MemTotal: 1, Buffers: 4, HugePages_Total: 12 });
  });

  it('a stamp line written with padding is kept trimmed and dated', () => {
    const { value } = run(parseMeminfo, '   2026-11-24T10:00:00Z  \nMemTotal: 7633536 kB\nMemAvailable: 900000 kB\n');
    expect(value.captures[0]).toMatchObject({ time: '2026-11-24T10:00:00Z', epoch: Date.UTC(2026, 10, 24, 10) / 1000, line: 2 });
  });

  it('the capture after a stamp starts afresh even when its first key was not seen yet', () => {
    const { value } = run(parseMeminfo, 'MemTotal: 10 kB\n2026-11-24T10:00:00Z\nMemFree: 5 kB\n');
    expect(value.captures.map((c) => c.values)).toEqual([{ MemTotal: 10240 }, { MemFree: 5120 }]);
    expect(value.captures[1]!.epoch).toBe(Date.UTC(2026, 10, 24, 10) / 1000);
  });

  it('a bad line is a warning with the file, the line, the column and what was expected', () => {
    const { diags } = run(parseMeminfo, 'MemTotal: 10 kB\nMemFree: kB\n', 'proc/meminfo');
    expect(diags).toEqual([{ file: 'proc/meminfo', line: 2, severity: 'warning', code: 'meminfo.unexpected-line', message: 'cannot read line at column 10 ("kB"); expected "Key:   <number> kB"' }]);
    expect(run(parseMeminfo, 'MemFree 5 kB\n', 'proc/meminfo').diags[0]!.message).toBe('unexpected text at column 1 ("MemFree 5 kB"); expected "Key:   <number> kB"');
    const lex = run(parseMeminfo, 'MemTotal: 10 kB\nMemFree: 5 kB # low\n', 'proc/meminfo').diags;
    expect(lex).toEqual([{ file: 'proc/meminfo', line: 2, severity: 'warning', code: 'meminfo.unexpected-line', message: 'unexpected text at column 15 ("# low"); expected "Key:   <number> kB"' }]);
  });
});

describe('buddyinfo', () => {
  it('the free-memory figures of one zone, order by order', () => {
    const z = buddyZone(0, 'Normal', [8, 4, 0, 1], 3);
    expect(z).toEqual({
      node: 0,
      zone: 'Normal',
      line: 3,
      counts: [8, 4, 0, 1],
      freeBytesPerOrder: [8 * 4096, 4 * 8192, 0, 32768],
      totalFreeBytes: 98304,
      largestOrder: 3,
      largestBlockBytes: 32768,
      // below order k: nothing, 8 pages, 16 pages, 16 pages (of 24)
      unusableIndex: [0, 0.3333, 0.6667, 0.6667],
    });
    expect(buddyZone(1, 'DMA', [3, 0, 0], 1, 16384)).toMatchObject({ totalFreeBytes: 3 * 16384, largestOrder: 0, largestBlockBytes: 16384, unusableIndex: [0, 1, 1] });
  });

  it('a zone with nothing free has no largest block and a zero index', () => {
    expect(buddyZone(0, 'Movable', [0, 0, 0, 0], 9)).toMatchObject({ totalFreeBytes: 0, largestOrder: -1, largestBlockBytes: 0, unusableIndex: [0, 0, 0, 0] });
  });

  it('stamped captures are dated; the text of captures between the first and the last is let go', () => {
    const rows = ['Node 0, zone      DMA   1   2   3', 'Node 0, zone   Normal 188 420 143'];
    const text = ['Tue Nov 24 10:00:00 UTC 2026', ...rows, '=== Tue Nov 24 10:00:05 UTC 2026 ===', ...rows, '1795514410', ...rows, '  11-24-2026 10:00:15', ...rows].join('\n');
    const { value, diags } = run(parseBuddyinfo, text);
    expect(diags).toEqual([]);
    expect(value.pageSize).toBe(4096);
    expect(value.captures.map((c) => [c.line, c.time, c.epoch])).toEqual([
      [2, 'Tue Nov 24 10:00:00 UTC 2026', 1795514400],
      [5, '=== Tue Nov 24 10:00:05 UTC 2026 ===', 1795514405],
      [8, '1795514410', 1795514410],
      [11, '11-24-2026 10:00:15', 1795514415],
    ]);
    expect(value.captures.map((c) => c.zones.map((z) => z.text !== undefined))).toEqual([[true, true], [false, false], [false, false], [true, true]]);
    expect(value.captures[3]!.zones[1]).toMatchObject({ line: 12, text: 'Node 0, zone   Normal 188 420 143', counts: [188, 420, 143] });
  });

  it('the same zone on another node belongs to the same capture', () => {
    const { value } = run(parseBuddyinfo, 'Node 0, zone   Normal 1 2\nNode 1, zone   Normal 3 4\nNode 0, zone   Normal 5 6\n');
    expect(value.captures.map((c) => c.zones.map((z) => `${z.node}:${z.zone}`))).toEqual([['0:Normal', '1:Normal'], ['0:Normal']]);
  });

  it('a line that is neither a zone row nor a stamp is a warning, not taken for a stamp', () => {
    const { value, diags } = run(parseBuddyinfo, 'Node 0, zone DMA 1 2 3\nfree blocks per order:\nNode 0, zone Normal 4 5 6\n', 'proc/buddyinfo');
    expect(diags.map((d) => [d.line, d.code])).toEqual([[2, 'buddyinfo.unexpected-line']]);
    expect(value.captures).toHaveLength(1);
    expect(value.captures[0]!.time).toBeUndefined();
  });

  it('a bad line is a warning with its line and what was expected; the rest still parses', () => {
    const { value, diags } = run(parseBuddyinfo, 'Node 0, zone DMA 1 2 3\nNode 0, zone Normal\nNode 0, zone HighMem 4\n', 'proc/buddyinfo');
    expect(value.captures[0]!.zones.map((z) => z.zone)).toEqual(['DMA', 'HighMem']);
    expect(diags).toMatchObject([{ file: 'proc/buddyinfo', line: 2, severity: 'warning', code: 'buddyinfo.unexpected-line' }]);
    expect(diags[0]!.message).toBe('cannot read line at column 20 (""); expected "Node <n>, zone <name> <count per order>..."');
  });
});

describe('zoneinfo', () => {
  it('5.4: zone keys typed and quoted, pageset counters kept apart from the zone, trailing keys back on the zone', () => {
    const { value, diags } = run(parseZoneinfo, fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-01.txt'));
    expect(diags).toEqual([]);
    const dma = value.zones[0]!;
    expect(dma).toMatchObject({ node: 0, zone: 'DMA', line: 1, free: 3962, min: 67, low: 83, high: 99, spanned: 4095, present: 3998, managed: 3977, nrFreeCma: 0, protection: [0, 2929, 3882, 3882, 3882] });
    expect(dma.text).toEqual({ header: 'Node 0, zone      DMA', 'pages free': '  pages free     3962', min: '        min      67', low: '        low      83', high: '        high     99', managed: '        managed  3977', nr_free_cma: '      nr_free_cma  0' });
    expect(dma.lines).toMatchObject({ 'pages free': 35, min: 36, nr_free_cma: 55 });
    expect(dma.values).toMatchObject({ nr_free_pages: 3962, numa_hit: 119, node_unreclaimable: 0, start_pfn: 1 });
    expect(dma.values).not.toHaveProperty('count');
    expect(dma.values).not.toHaveProperty('vm stats threshold');
    expect(dma.pagesets).toEqual([
      { cpu: 0, values: { count: 0, high: 0, batch: 1, 'vm stats threshold': 8 } },
      { cpu: 1, values: { count: 0, high: 0, batch: 1, 'vm stats threshold': 8 } },
    ]);
    // per-node stats belong to the node, not to the zone they are printed under
    expect(value.nodes).toHaveLength(1);
    expect(value.nodes[0]).toMatchObject({ node: 0, line: 2 });
    expect(value.nodes[0]!.stats).toMatchObject({ nr_inactive_anon: 72, nr_kernel_misc_reclaimable: 0 });
    expect(dma.values).not.toHaveProperty('nr_inactive_anon');
  });

  it('2.6: two pagesets per cpu read from `cpu: 0 pcp: 1`, the zone keys after them', () => {
    const z = run(parseZoneinfo, fixture('zoneinfo/generic-arm720t-k2.6-01.txt')).value.zones[0]!;
    expect(z.pagesets).toEqual([
      { cpu: 0, values: { pcp: 0, count: 2, high: 6, batch: 1 } },
      { cpu: 0, values: { pcp: 1, count: 0, high: 2, batch: 1 } },
    ]);
    expect(z).toMatchObject({ free: 5410, high: 271, protection: [0, 0, 0, 0] });
    expect(z.values).toMatchObject({ all_unreclaimable: 0, prev_priority: 12, start_pfn: 196608, scanned: 0 });
  });

  it('a stray number on its own line (seen in a 4.18 capture) is noted, not attached', () => {
    const { diags } = run(parseZoneinfo, fixture('zoneinfo/generic-x86-vm-k4.18-01.txt'), 'proc/zoneinfo');
    expect(diags).toEqual([{ file: 'proc/zoneinfo', line: 30, severity: 'info', code: 'zoneinfo.value-without-key', message: 'a number without a key; ignored' }]);
  });

  it('lines before any header, keys without a value, and a second zone starting afresh', () => {
    const text = ['  pages free     3962', 'Node 0, zone   Normal', '  pages free     1000', '        min      67', '  pagesets', '    cpu: 0', '              count: 5', '  start_pfn:           1', '  per-node stats', '      nr_inactive_anon 72', '      node_stat_flag', 'Node 0, zone  Movable', '  pages free     0', '        high     0'].join('\n');
    const { value, diags } = run(parseZoneinfo, text, 'proc/zoneinfo');
    expect(diags).toEqual([
      { file: 'proc/zoneinfo', line: 1, severity: 'warning', code: 'zoneinfo.orphan-line', message: 'line before any "Node N, zone NAME" header' },
      { file: 'proc/zoneinfo', line: 11, severity: 'info', code: 'zoneinfo.no-value', message: '"node_stat_flag" has no value' },
    ]);
    const [normal, movable] = value.zones;
    expect(normal).toMatchObject({ zone: 'Normal', line: 2, free: 1000, min: 67, values: { 'pages free': 1000, min: 67, start_pfn: 1 }, pagesets: [{ cpu: 0, values: { count: 5 } }] });
    expect(value.nodes).toEqual([{ node: 0, line: 9, stats: { nr_inactive_anon: 72 } }]);
    // the next stanza leaves pagesets and node stats behind
    expect(movable).toMatchObject({ zone: 'Movable', line: 12, free: 0, high: 0, values: { 'pages free': 0, high: 0 }, pagesets: [] });
  });

  it('a zone stanza in full: typed fields only for the keys that have one', () => {
    const text = 'Node 0, zone   Normal\n  pages free     1000\n        min      67\n        spanned  4095\n        present  3998\n      nr_zone_active_anon 4\n';
    expect(run(parseZoneinfo, text).value.zones).toEqual([
      {
        node: 0,
        zone: 'Normal',
        line: 1,
        free: 1000,
        min: 67,
        spanned: 4095,
        present: 3998,
        values: { 'pages free': 1000, min: 67, spanned: 4095, present: 3998, nr_zone_active_anon: 4 },
        lines: { 'pages free': 2, min: 3, spanned: 4, present: 5, nr_zone_active_anon: 6 },
        pagesets: [],
        text: { header: 'Node 0, zone   Normal', 'pages free': '  pages free     1000', min: '        min      67' },
      },
    ]);
  });

  it('only a number alone on its line is a stray number; other lines starting with one are unreadable', () => {
    const { diags } = run(parseZoneinfo, 'Node 0, zone DMA\n   176096\n   42 43\n   12 (x)\n', 'proc/zoneinfo');
    expect(diags.map((d) => [d.line, d.severity, d.code])).toEqual([
      [2, 'info', 'zoneinfo.value-without-key'],
      [3, 'warning', 'zoneinfo.unexpected-line'],
      [4, 'warning', 'zoneinfo.unexpected-line'],
    ]);
  });

  it('protection without a tuple is an ordinary key', () => {
    const text = 'Node 0, zone DMA\n  pages free 5\n  protection: 3\n';
    const z = run(parseZoneinfo, text).value.zones[0]!;
    expect(z.values).toEqual({ 'pages free': 5, protection: 3 });
    expect(z.protection).toBeUndefined();
  });

  it('an unreadable line is a warning naming it and what was expected', () => {
    const { diags } = run(parseZoneinfo, 'Node 0, zone DMA\n  pages free: 5 (\n', 'proc/zoneinfo');
    expect(diags).toEqual([{ file: 'proc/zoneinfo', line: 2, severity: 'warning', code: 'zoneinfo.unexpected-line', message: 'cannot read line at column 18 (""); expected "Node N, zone NAME" or "<key> [:] <number>"' }]);
  });
});

describe('pagetypeinfo', () => {
  it('the kernel documentation example: block order, free blocks per migrate type, pageblocks per type', () => {
    const { value, diags } = run(parsePagetypeinfo, capture('pagetypeinfo/generic-x86-k2.6.33-kerneldoc-01.txt'), 'proc/pagetypeinfo');
    expect(diags).toEqual([]);
    expect(value.file).toBe('proc/pagetypeinfo');
    expect(value.pageblockOrder).toBe(9);
    expect(value.free).toHaveLength(10);
    expect(value.free[7]).toEqual({
      node: 0,
      zone: 'DMA32',
      type: 'Movable',
      counts: [169, 152, 113, 91, 77, 54, 39, 13, 6, 1, 452],
      line: 12,
      text: 'Node    0, zone    DMA32, type      Movable    169    152    113     91     77     54     39     13      6      1    452',
    });
    expect(value.blocks).toEqual([
      { node: 0, zone: 'DMA', counts: { Unmovable: 2, Reclaimable: 0, Movable: 5, Reserve: 1, Isolate: 0 }, line: 17 },
      { node: 0, zone: 'DMA32', counts: { Unmovable: 41, Reclaimable: 6, Movable: 967, Reserve: 2, Isolate: 0 }, line: 18 },
    ]);
  });

  it('a CMA Orin capture: the CMA row and CMA pageblocks', () => {
    const { value } = run(parsePagetypeinfo, fixture('pagetypeinfo/synthetic-orin-cma-01.txt'));
    expect(value.free.find((f) => f.type === 'CMA')!.counts.slice(0, 5)).toEqual([120, 80, 33, 10, 2]);
    expect(value.blocks[0]!.counts).toMatchObject({ CMA: 384, Movable: 7 });
  });

  it('block counts without their header are a warning; fewer counts than columns keep the ones given', () => {
    const { value, diags } = run(parsePagetypeinfo, 'Node 0, zone      DMA            2            0\nNumber of blocks type     Unmovable  Reclaimable      Movable\nNode 0, zone    DMA32           41\nPage block order:\n', 'proc/pagetypeinfo');
    expect(diags).toEqual([{ file: 'proc/pagetypeinfo', line: 1, severity: 'warning', code: 'pagetypeinfo.no-header', message: 'block counts before the "Number of blocks type" header' }]);
    expect(value.blocks).toStrictEqual([{ node: 0, zone: 'DMA32', counts: { Unmovable: 41 }, line: 3 }]);
    expect(value.pageblockOrder).toBeUndefined();
  });

  it('a paste that lost the blocks header: its rows are a warning, not counted under the free table\'s columns', () => {
    const lines = capture('pagetypeinfo/generic-x86-k2.6.33-kerneldoc-01.txt').split('\n').filter((l) => !l.startsWith('Number of blocks type'));
    lines[4] = `${lines[4]}   `;
    const { value, diags } = run(parsePagetypeinfo, lines.join('\n'), 'proc/pagetypeinfo');
    expect(value.blocks).toEqual([]);
    expect(diags.map((d) => [d.line, d.code])).toEqual([[16, 'pagetypeinfo.no-header'], [17, 'pagetypeinfo.no-header']]);
    expect(value.free[0]!.text).toBe('Node    0, zone      DMA, type    Unmovable      0      0      0      1      1      1      1      1      1      1      0');
  });

  it('an unreadable line is a warning naming it and what was expected', () => {
    const { diags } = run(parsePagetypeinfo, 'Node 0, zone DMA, type\n', 'proc/pagetypeinfo');
    expect(diags.map((d) => [d.line, d.code, d.message])).toEqual([
      [1, 'pagetypeinfo.unexpected-line', 'cannot read line at column 23 (""); expected "Node N, zone NAME, type TYPE <counts>" or a header line'],
      [undefined, 'pagetypeinfo.empty', 'no "Node N, zone NAME, type ..." rows found'],
    ]);
  });
});

describe('iomem', () => {
  it.each([
    ['System RAM', 'system-ram'],
    ['Kernel code', 'kernel'],
    ['Kernel data', 'kernel'],
    ['Kernel text', 'kernel'],
    ['Kernel bss', 'kernel'],
    ['linux,cma', 'cma'],
    ['cma', 'cma'],
    ['reserved-cma@80000000', 'cma'],
    ['cmasomething', 'device'],
    ['vpr-carveout', 'carveout'],
    ['ramoops_carveout', 'carveout'],
    ['bpmp_carveout', 'carveout'],
    ['tsec-carveout', 'carveout'],
    ['nvdec', 'carveout'],
    ['optee_core', 'carveout'],
    ['camera-carveout', 'carveout'],
    ['rce', 'carveout'],
    ['secure_monitor', 'carveout'],
    ['fb0_carveout', 'carveout'],
    ['reserved', 'reserved'],
    ['Reserved', 'reserved'],
    ['PCI Bus 0000:00', 'device'],
    ['3100000.serial', 'device'],
  ])('%s is %s', (name, kind) => {
    expect(classifyRegion(name)).toBe(kind);
  });

  it('depth from indentation, children under the nearest shallower region, siblings after a deep one', () => {
    const text = ['80000000-fbffffff : System RAM', '  80200000-8172ffff : Kernel code', '    81000000-810fffff : Kernel data', '  81730000-81b2ffff : Kernel data', 'fc000000-FCFFFFFF : reserved', '100000000-47fffffff : System RAM'].join('\n');
    const { value, diags } = run(parseIomem, text);
    expect(diags).toEqual([]);
    const [ram, res, ram2] = value.regions;
    expect(value.regions).toHaveLength(3);
    expect(ram!.children.map((c) => [c.name, c.depth, c.line])).toEqual([['Kernel code', 1, 2], ['Kernel data', 1, 4]]);
    expect(ram!.children[0]!.children.map((c) => [c.name, c.depth])).toEqual([['Kernel data', 2]]);
    expect(res).toMatchObject({ start: 'fc000000', end: 'fcffffff', sizeBytes: 0x1000000, depth: 0, kind: 'reserved', line: 5 });
    expect(ram2!.sizeBytes).toBe(0x380000000);
    // nested kernel regions counted once, under the first of their kind
    expect(value.totals).toEqual({ 'system-ram': 0x7c000000 + 0x380000000, kernel: 0x1530000 + 0x400000, reserved: 0x1000000, cma: 0, carveout: 0, device: 0 });
  });

  it('a region whose end is below its start has no size; a one-byte region has one; a name may be empty', () => {
    const { value } = run(parseIomem, '90000000-80000000 : bogus\n90000000-8fffffff : bogus\na0000000-a0000000 : 1-byte\n80000000-8000ffff : \n');
    expect(value.regions.map((r) => [r.sizeBytes, r.name, r.kind])).toEqual([[0, 'bogus', 'device'], [0, 'bogus', 'device'], [1, '1-byte', 'device'], [0x10000, '', 'device']]);
  });

  it('an excerpt starting inside the tree keeps its first region as a root; trailing blanks leave the name', () => {
    const { value, diags } = run(parseIomem, '  80200000-8172ffff : Kernel code\n  81730000-81b2ffff : Kernel data   \nfc000000-fcffffff : reserved\n');
    expect(diags).toEqual([]);
    expect(value.regions.map((r) => [r.name, r.depth, r.kind])).toEqual([['Kernel code', 1, 'kernel'], ['Kernel data', 1, 'kernel'], ['reserved', 0, 'reserved']]);
  });

  it('all-zero addresses (read without root): flagged, a warning, and no totals', () => {
    const { value, diags } = run(parseIomem, '00000000-00000000 : System RAM\n  00000000-00000000 : Kernel code\n', 'proc/iomem');
    expect(value.addressesHidden).toBe(true);
    expect(value.totals['system-ram']).toBe(0);
    expect(value.totals.kernel).toBe(0);
    expect(diags).toEqual([{ file: 'proc/iomem', severity: 'warning', code: 'iomem.addresses-hidden', message: 'every address is zero: /proc/iomem was captured without root, so sizes and the layout are unknown' }]);
    // one real address is enough to trust the capture
    expect(run(parseIomem, '00000000-00000000 : System RAM\n00000000-00000fff : reserved\n').value.addressesHidden).toBe(false);
    expect(run(parseIomem, '00001000-00000000 : System RAM\n').value.addressesHidden).toBe(false);
  });

  it('an unreadable line is a warning naming it and what was expected', () => {
    const { diags } = run(parseIomem, '80000000 : System RAM\n', 'proc/iomem');
    expect(diags[0]).toEqual({ file: 'proc/iomem', line: 1, severity: 'warning', code: 'iomem.unexpected-line', message: 'cannot read line at column 10 (": System RAM"); expected "<start>-<end> : <name>" with hex addresses' });
  });
});
