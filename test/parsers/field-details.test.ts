/**
 * The collector's extra inputs line by line (vmstat, DMA-BUF bufinfo, nvmap clients, IOMMU
 * groups, thermal trip points): periodic captures, what each kind of line becomes, and the
 * diagnostic (file, line, code, words) for each kind of bad input. Lines are those of the
 * real captures under test/fixtures (their headers say where they come from), rearranged
 * the way a periodic collector or a bad paste would.
 */
import { describe, expect, it } from 'vitest';
import { parseVmstat } from '../../src/parsers/vmstat/build.js';
import { parseDmaBuf } from '../../src/parsers/dma-buf/build.js';
import { parseNvmapClients, sizeBytes } from '../../src/parsers/nvmap-clients/build.js';
import { groupsWithDevice, parseIommuGroups } from '../../src/parsers/iommu-groups/build.js';
import { parseThermalTrips } from '../../src/parsers/thermal-trips/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

type Parse<T> = (src: { path: string; text: string; lineOffset: number }, sink: DiagnosticSink) => T;

function run<T>(parse: Parse<T>, text: string, file = 'f') {
  const sink = new DiagnosticSink(file);
  const value = parse({ path: file, text, lineOffset: 0 }, sink);
  return { value, diags: sink.finish() };
}

const capture = (rel: string) => fixture(rel).replace(/^(#[^\n]*\n)+\n?/, '');

describe('an empty file is an error naming what was looked for', () => {
  it.each([
    ['vmstat', parseVmstat as Parse<unknown>, 'vmstat.empty', 'no "<counter> <number>" lines found', true],
    ['dma-buf', parseDmaBuf, 'dma-buf.empty', 'no "Dma-buf Objects:" table found', true],
    ['nvmap', parseNvmapClients, 'nvmap-clients.empty', 'no nvmap client rows found', true],
    ['iommu', parseIommuGroups, 'iommu-groups.empty', 'no "iommu_groups/<n>/devices:" heading found', false],
    ['thermal', parseThermalTrips, 'thermal-trips.empty', 'no "thermal_zone<N>/<attribute>:<value>" lines found', false],
  ] as const)('%s', (_kind, parse, code, message, periodic) => {
    // The periodic formats take stamp lines between captures: stamps alone are still empty.
    for (const text of ['', '\n\n', ...(periodic ? ['2026-11-24T10:00:00Z\n'] : [])]) {
      expect(run(parse, text, 'in').diags).toEqual([{ file: 'in', severity: 'error', code, message }]);
    }
  });
});

describe('vmstat', () => {
  it('a counter seen again starts the next capture; a gauge may read negative', () => {
    const { value, diags } = run(parseVmstat, 'nr_free_pages -12\ncompact_stall 10\nnr_free_pages 3962\ncompact_stall 15\n');
    expect(diags).toEqual([]);
    expect(value.captures).toEqual([
      { line: 1, time: undefined, epoch: undefined, values: { nr_free_pages: -12, compact_stall: 10 }, lines: { nr_free_pages: 1, compact_stall: 2 } },
      { line: 3, time: undefined, epoch: undefined, values: { nr_free_pages: 3962, compact_stall: 15 }, lines: { nr_free_pages: 3, compact_stall: 4 } },
    ]);
  });

  it('a padded stamp is kept trimmed', () => {
    const { value } = run(parseVmstat, '  Tue Nov 24 10:00:00 UTC 2026 \ncompact_stall 10\n');
    expect(value.captures[0]).toMatchObject({ time: 'Tue Nov 24 10:00:00 UTC 2026', epoch: 1795514400, line: 2 });
  });

  it('an unreadable line names its column and what was expected', () => {
    const { diags } = run(parseVmstat, 'compact_stall\n', 'proc/vmstat');
    expect(diags[0]).toEqual({ file: 'proc/vmstat', line: 1, severity: 'warning', code: 'vmstat.unexpected-line', message: 'cannot read line at column 14 (""); expected "<counter name> <number>"' });
  });
});

describe('DMA-BUF bufinfo', () => {
  const HEAD = 'Dma-buf Objects:\nsize\tflags\tmode\tcount\texp_name\tino\tname';
  const OBJ = '01064960\t00000000\t00080005\t00000009\tdrm\t00125955\t<none>';

  it('a repeated table header starts the next capture, an empty one does not', () => {
    const text = [HEAD, OBJ, 'Total 1 objects, 1064960 bytes', '', 'Dma-buf Objects:', 'Dma-buf Objects:', 'size\tflags\tmode\tcount\texp_name\tino\tname', OBJ.replace('00125955', '00125956')].join('\n');
    const { value, diags } = run(parseDmaBuf, text);
    expect(diags).toEqual([]);
    expect(value.captures.map((c) => [c.line, c.objects.map((o) => o.inode), c.total?.bytes])).toEqual([
      [1, [125955], 1064960],
      [6, [125956], undefined],
    ]);
  });

  it('stamps date the captures and end the object before them', () => {
    const text = ['2026-11-24T10:00:00Z', HEAD, OBJ, '2026-11-24T10:00:05Z', '\tAttached Devices:', '\t15c10000.vi', HEAD, OBJ].join('\n');
    const { value, diags } = run(parseDmaBuf, text, 'bufinfo');
    expect(value.captures.map((c) => [c.epoch, c.line, c.objects.length])).toEqual([
      [Date.UTC(2026, 10, 24, 10) / 1000, 2, 1],
      [Date.UTC(2026, 10, 24, 10, 0, 5) / 1000, 8, 1],
    ]);
    expect(diags).toEqual([{ file: 'bufinfo', line: 7, severity: 'warning', code: 'dma-buf.stray-device', message: '"15c10000.vi" is not under an object\'s "Attached Devices:"' }]);
  });

  it('fences and attached devices belong to the object above them; the devices line is checked', () => {
    const text = [HEAD, OBJ, '\twrite fence:drm_sched asahi_sched seq 5809165 signalled', '\tExclusive fence: drm_sched 12 signalled', '\tAttached Devices:', '\tsoc:display-subsystem', '\t15340000.vic', 'Total 3 devices attached'].join('\n');
    const { value, diags } = run(parseDmaBuf, text, 'bufinfo');
    const o = value.captures[0]!.objects[0]!;
    expect(o).toMatchObject({ fences: 2, attached: ['soc:display-subsystem', '15340000.vic'], name: undefined, inode: 125955, count: 9, sizeBytes: 1064960, flags: '00000000', mode: '00080005' });
    expect(diags).toEqual([{ file: 'bufinfo', line: 9, severity: 'warning', code: 'dma-buf.device-count', message: '2 device(s) listed, the line says 3' }]);
  });

  it('a device after the devices line, or with no object, is stray; fences with no object are let go', () => {
    const text = [HEAD, '\twrite fence:drm_sched asahi_sched seq 1 signalled', '\tAttached Devices:', '\tgpu-subsystem', OBJ, '\tAttached Devices:', '\tsoc:display-subsystem', 'Total 1 devices attached', '\t15340000.vic', 'Total 1 objects, 1064960 bytes  ', '\tAttached Devices:', '\t15c10000.vi'].join('\n');
    const { value, diags } = run(parseDmaBuf, text, 'bufinfo');
    expect(value.captures[0]!.objects[0]).toMatchObject({ fences: 0, attached: ['soc:display-subsystem'] });
    expect(diags.map((d) => [d.line, d.code])).toEqual([
      [5, 'dma-buf.stray-device'],
      [10, 'dma-buf.stray-device'],
      [13, 'dma-buf.stray-device'],
    ]);
    expect(value.captures[0]!.total).toEqual({ objects: 1, bytes: 1064960, line: 11, text: 'Total 1 objects, 1064960 bytes' });
  });

  it('a row too short to be an object, or with a count that is not a number, is a warning', () => {
    const text = [HEAD, '01064960\t00000000\t00080005\t00000009', '01064960\t00000000\t00080005\tabc\tdrm', '01064960 00000000 00080005 00000002 drm 00000013 camera frame 3\t', '01064960 00000000 00080005 00000002 drm notanino', '01064960 00000000 00080005 x9 drm', '01064960 00000000 00080005 9x drm', '01064960 00000000 00080005 00000002 drm 00000014', '01064960 00000000 00080005 00000002 drm 1080p frame'].join('\n');
    const { value, diags } = run(parseDmaBuf, text, 'bufinfo');
    expect(diags).toEqual([
      { file: 'bufinfo', line: 3, severity: 'warning', code: 'dma-buf.bad-object', message: 'expected "<size> <flags> <mode> <count> <exp_name>", got 4 field(s)' },
      { file: 'bufinfo', line: 4, severity: 'warning', code: 'dma-buf.bad-object', message: 'expected "<size> <flags> <mode> <count> <exp_name>", got 5 field(s)' },
      { file: 'bufinfo', line: 7, severity: 'warning', code: 'dma-buf.bad-object', message: 'expected "<size> <flags> <mode> <count> <exp_name>", got 5 field(s)' },
      { file: 'bufinfo', line: 8, severity: 'warning', code: 'dma-buf.bad-object', message: 'expected "<size> <flags> <mode> <count> <exp_name>", got 5 field(s)' },
    ]);
    expect(value.captures[0]!.objects.map((o) => [o.line, o.inode, o.name, o.text])).toEqual([
      [5, 13, 'camera frame 3', '01064960 00000000 00080005 00000002 drm 00000013 camera frame 3'],
      [6, undefined, 'notanino', '01064960 00000000 00080005 00000002 drm notanino'],
      [9, 14, undefined, '01064960 00000000 00080005 00000002 drm 00000014'],
      [10, undefined, '1080p frame', '01064960 00000000 00080005 00000002 drm 1080p frame'],
    ]);
  });

  it('an unreadable line names what a bufinfo line looks like', () => {
    const { diags } = run(parseDmaBuf, `${HEAD}\nTotal objects\n`, 'bufinfo');
    expect(diags[0]).toMatchObject({ file: 'bufinfo', line: 3, code: 'dma-buf.unexpected-line' });
    expect(diags[0]!.message).toBe('cannot read line at column 7 ("objects"); expected a bufinfo line ("<size> <flags> <mode> <count> <exp_name> [<ino>] [<name>]", "Attached Devices:", a device name or "Total ...")');
  });
});

describe('nvmap iovmm clients', () => {
  it('sizes in K, M and G', () => {
    expect([sizeBytes('196608K'), sizeBytes('3M'), sizeBytes('2G')]).toEqual([196608 * 1024, 3 * 1024 ** 2, 2 * 1024 ** 3]);
  });

  it('a repeated header starts the next capture once the current one has rows or a total', () => {
    const one = capture('nvmap/synthetic-orin-nano-01.txt').trimEnd();
    const text = [one, one, 'CLIENT                        PROCESS      PID        SIZE', 'total                                             0K', 'CLIENT                        PROCESS      PID        SIZE'].join('\n');
    const { value, diags } = run(parseNvmapClients, `CLIENT                        PROCESS      PID        SIZE\n${text}`);
    expect(diags).toEqual([]);
    expect(value.captures.map((c) => [c.line, c.clients.length, c.total?.bytes])).toEqual([
      [1, 3, 1671168 * 1024],
      [7, 3, 1671168 * 1024],
      [12, 0, 0],
      [14, 0, undefined],
    ]);
    expect(value.captures[0]!.clients[1]).toEqual({ line: 4, client: 'user', process: 'python3', pid: 2210, sizeBytes: 1212416 * 1024, text: 'user                          python3     2210    1212416K' });
  });

  it('names with spaces and rows without a PID or without a name', () => {
    const text = 'CLIENT PROCESS PID SIZE\nuser Web Content 4312 8192K  \nuser nvargus-daemon 196608K\nuser 812 4096K\n';
    const { value, diags } = run(parseNvmapClients, text, 'clients');
    expect(value.captures[0]!.clients.map((c) => [c.process, c.pid])).toEqual([['Web Content', 4312], ['nvargus-daemon', undefined], ['(unnamed process)', 812]]);
    expect(value.captures[0]!.clients[0]!.text).toBe('user Web Content 4312 8192K');
    expect(diags).toEqual([{ file: 'clients', line: 4, severity: 'warning', code: 'nvmap-clients.no-process', message: 'a row without a process name' }]);
  });

  it('stamps date the captures; an unreadable line names what was expected', () => {
    const { value, diags } = run(parseNvmapClients, '1795514400\nuser python3 2210 1212416K\nuser python3 2210\n', 'clients');
    expect(value.captures[0]).toMatchObject({ time: '1795514400', epoch: 1795514400, line: 2 });
    expect(diags).toEqual([{ file: 'clients', line: 3, severity: 'warning', code: 'nvmap-clients.unexpected-line', message: 'cannot read line at column 18 (""); expected "CLIENT PROCESS PID SIZE", "<client> <process> <pid> <size>K" or "total <size>K"' }]);
  });
});

describe('IOMMU groups', () => {
  it('a heading seen again adds to its group; groups come out sorted by id', () => {
    const text = '/sys/kernel/iommu_groups/10/devices:\n17000000.gpu  \n/sys/kernel/iommu_groups/2/devices:\n13e00000.host1x\n/sys/kernel/iommu_groups/10/devices:\n15340000.vic  15480000.nvdec\n';
    const { value, diags } = run(parseIommuGroups, text);
    expect(diags).toEqual([]);
    expect(value.groups).toEqual([
      { id: 2, line: 3, devices: [{ name: '13e00000.host1x', line: 4, target: undefined, text: '13e00000.host1x' }] },
      {
        id: 10,
        line: 1,
        devices: [
          { name: '17000000.gpu', line: 2, target: undefined, text: '17000000.gpu' },
          { name: '15340000.vic', line: 6, target: undefined, text: '15340000.vic  15480000.nvdec' },
          { name: '15480000.nvdec', line: 6, target: undefined, text: '15340000.vic  15480000.nvdec' },
        ],
      },
    ]);
  });

  it('names before any heading are a warning listing them; prompts and `total 0` are skipped', () => {
    const text = '17000000.gpu 15340000.vic\n$ ls -l /sys/kernel/iommu_groups/*/devices\n/sys/kernel/iommu_groups/0/devices:\ntotal 0\nlrwxrwxrwx 1 root root 0 Feb 4 10:29 0000:00:00.0 -> ../../../../devices/pci0000:00/0000:00:00.0\n';
    const { value, diags } = run(parseIommuGroups, text, 'iommu.txt');
    expect(diags).toEqual([{ file: 'iommu.txt', line: 1, severity: 'warning', code: 'iommu-groups.no-heading', message: 'device name(s) before any "iommu_groups/<n>/devices:" heading: 17000000.gpu 15340000.vic' }]);
    expect(value.groups).toEqual([{ id: 0, line: 3, devices: [{ name: '0000:00:00.0', line: 5, target: '../../../../devices/pci0000:00/0000:00:00.0', text: 'lrwxrwxrwx 1 root root 0 Feb 4 10:29 0000:00:00.0 -> ../../../../devices/pci0000:00/0000:00:00.0' }] }]);
  });

  it('the groups holding a device, by any part of its name in any case', () => {
    const { value } = run(parseIommuGroups, capture('iommu_groups/generic-x86-lkml-2013-ls-l-01.txt'));
    expect(groupsWithDevice(value, '00:1C.6').map((g) => g.id)).toEqual([7]);
    expect(groupsWithDevice(value, '0000:00:1').map((g) => g.id).length).toBeGreaterThan(2);
    expect(groupsWithDevice(value, 'gpu')).toEqual([]);
  });
});

describe('thermal trip points', () => {
  const Z = '/sys/class/thermal/thermal_zone';

  it('zones sorted by number, trips by index; throttle and shutdown are the lowest enabled passive and critical trips', () => {
    const text = [
      `${Z}10/type:tj-thermal`,
      `${Z}10/trip_point_1_temp:104500`,
      `${Z}10/trip_point_1_type:critical`,
      `${Z}10/trip_point_0_temp:99000`,
      `${Z}10/trip_point_0_type:passive`,
      `${Z}10/trip_point_0_hyst:1000`,
      `${Z}10/trip_point_2_temp:96000`,
      `${Z}10/trip_point_2_type:passive`,
      `${Z}10/trip_point_3_temp:-274000`,
      `${Z}10/trip_point_3_type:critical`,
      `${Z}2/type:gpu-thermal`,
      `${Z}2/temp:41500`,
      `${Z}2/trip_point_0_type:passive`,
      `${Z}2/policy:step_wise`,
      `  # grep . ${Z}10/trip_point_1*`,
      `${Z}10/trip_point_12_temp:105000`,
      `${Z}10/trip_point_12_type:critical  `,
    ].join('\n');
    const { value, diags } = run(parseThermalTrips, text);
    expect(diags).toEqual([]);
    expect(value.zones.map((z) => z.zone)).toEqual(['thermal_zone2', 'thermal_zone10']);
    const tj = value.zones[1]!;
    expect(tj).toMatchObject({ type: 'tj-thermal', line: 1, throttleC: 96, shutdownC: 104.5 });
    expect(tj.trips).toEqual([
      { index: 0, line: 4, tempC: 99, type: 'passive', hystC: 1 },
      { index: 1, line: 2, tempC: 104.5, type: 'critical' },
      { index: 2, line: 7, tempC: 96, type: 'passive' },
      { index: 3, line: 9, tempC: -274, type: 'critical' },
      { index: 12, line: 16, tempC: 105, type: 'critical' },
    ]);
    expect(value.zones[0]).toEqual({ zone: 'thermal_zone2', line: 11, type: 'gpu-thermal', tempC: 41.5, trips: [{ index: 0, line: 13, type: 'passive' }], throttleC: undefined, shutdownC: undefined });
  });

  it('a value that is not millidegrees is a warning quoting (the start of) it', () => {
    const { value, diags } = run(parseThermalTrips, `$ grep . ${Z}*/temp\n${Z}0/temp:N/A\n${Z}0/trip_point_0_temp:not a temperature at all, really\n${Z}0/trip_point_0_hyst:\n${Z}0/trip_point_1_temp:45.5\n`, 'trips.txt');
    expect(value.zones[0]!.tempC).toBeUndefined();
    expect(diags).toEqual([
      { file: 'trips.txt', line: 2, severity: 'warning', code: 'thermal-trips.not-a-number', message: 'expected millidegrees, got "N/A"' },
      { file: 'trips.txt', line: 3, severity: 'warning', code: 'thermal-trips.not-a-number', message: 'expected millidegrees, got "not a temperature at all"' },
      { file: 'trips.txt', line: 4, severity: 'warning', code: 'thermal-trips.not-a-number', message: 'expected millidegrees, got ""' },
      { file: 'trips.txt', line: 5, severity: 'warning', code: 'thermal-trips.not-a-number', message: 'expected millidegrees, got "45.5"' },
    ]);
  });

  it('a line that is not a zone attribute names what was expected', () => {
    const { diags } = run(parseThermalTrips, `${Z}0/type:cpu-thermal\ncpu-thermal\n`, 'trips.txt');
    expect(diags).toEqual([{ file: 'trips.txt', line: 2, severity: 'warning', code: 'thermal-trips.unexpected-line', message: 'cannot read line at column 1 ("cpu-thermal"); expected "/sys/class/thermal/thermal_zone<N>/<attribute>:<value>"' }]);
  });
});
