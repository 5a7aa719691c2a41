/**
 * The tegrastats builder (src/parsers/tegrastats/build.ts) read through each of its two paths:
 * the fast path (scanLine + layouts) and the grammar's field handlers (cpu, temperatures, rails,
 * engines, frequency lists), which only see the lines the fast path leaves to them. Every value
 * is asserted on both paths, so a handler that reads a field wrongly fails here even where the
 * two paths would otherwise agree on a default. Cases found by mutation testing
 * (docs/mutation-parsers.md, session 7); lines from the captures in test/fixtures/tegrastats
 * or in their exact format.
 */
import { describe, expect, it } from 'vitest';
import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture } from '../helpers/fixtures.js';

function run(text: string, grammarOnly: boolean, interval?: number) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, interval ? { tegrastatsIntervalSeconds: interval } : {}, { grammarOnly });
  p.write(text);
  const t = p.end();
  return { t, diagnostics: sink.finish() };
}

const v = (col: ArrayLike<number> | undefined, i = 0) => (col === undefined || Number.isNaN(col[i]!) ? null : col[i]!);
const paths = [
  ['fast path', false],
  ['grammar path', true],
] as const;

describe.each(paths)('tegrastats builder, %s', (_name, grammarOnly) => {
  const parse = (text: string, interval?: number) => run(text, grammarOnly, interval);

  it('a per-GPC frequency list reads as its highest clock, wherever it stands in the list', () => {
    const line = (gr3d: string) => `07-21-2025 16:33:43 RAM 17955/62841MB (lfb 9x4MB) SWAP 0/31420MB (cached 0MB) CPU [20%@1728,13%@1036] EMC_FREQ 12%@204 GR3D_FREQ ${gr3d} APE 174 cpu@43.625C VDD_GPU_SOC 2797mW/2798mW`;
    expect(v(parse(line('40%@[305,0]')).t.gr3dFreqMHz)).toBe(305);
    expect(v(parse(line('40%@[306,624]')).t.gr3dFreqMHz)).toBe(624);
    expect(v(parse(line('40%@[306,624,510]')).t.gr3dFreqMHz)).toBe(624);
    expect(v(parse(line('@[306,306,1575]')).t.gr3dFreqMHz)).toBe(1575);
    expect(v(parse(line('40%@[306,624]')).t.gr3dLoad)).toBe(40);
  });

  it('CPU lists: per-core clocks, offline cores, and L4T 28 clock shared after the list', () => {
    const tx2 = parse(fixture('tegrastats/jetson-tx2-l4t32-prompt-01.txt')).t;
    expect(tx2.cpuCores).toBe(6);
    expect([0, 1, 2, 3, 4, 5].map((k) => v(tx2.cpuLoad[k]))).toEqual([48, null, null, 53, 43, 41]);
    expect([0, 1, 2, 3, 4, 5].map((k) => v(tx2.cpuFreqMHz[k]))).toEqual([2034, null, null, 2034, 2033, 2034]);
    const tx1 = parse('RAM 3691/3983MB (lfb 3x2MB) SWAP 2780/8192MB (cached 284MB) cpu [0%,0%,4%,0%]@1734 EMC 0%@1600 APE 25 GR3D 0%@998').t;
    expect(tx1.cpuCores).toBe(4);
    expect([0, 1, 2, 3].map((k) => v(tx1.cpuLoad[k]))).toEqual([0, 0, 4, 0]);
    expect([0, 1, 2, 3].map((k) => v(tx1.cpuFreqMHz[k]))).toEqual([1734, 1734, 1734, 1734]);
    // The core count is the longest list seen, not the last one.
    const two = parse(
      'RAM 1180/3965MB (lfb 1x2MB) CPU [30%@1036,33%@1036,28%@1036,26%@1036] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76\n' +
        'RAM 1181/3965MB (lfb 1x2MB) CPU [31%@921,34%@921] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76\n',
    ).t;
    expect(two.cpuCores).toBe(4);
    expect([v(two.cpuFreqMHz[0], 1), v(two.cpuLoad[1], 1), v(two.cpuLoad[2], 1)]).toEqual([921, 34, null]);
  });

  it('engines: MHz, off, and numbers kept apart from the next name', () => {
    const nano = parse(fixture('tegrastats/jetson-nano-jp4-01.txt')).t;
    expect([v(nano.engineFreqMHz.NVENC), v(nano.engineFreqMHz.NVDEC), v(nano.engineFreqMHz.APE)]).toEqual([716, 716, 25]);
    const orin = parse(fixture('tegrastats/jetson-agx-orin-jp72-01.txt')).t;
    expect(Object.keys(orin.engineFreqMHz).sort()).toEqual(['APE', 'NVDEC0', 'NVDLA0', 'NVDLA1', 'NVENC0', 'NVJPG0', 'NVJPG1', 'OFA', 'PVA0', 'VIC']);
    expect([v(orin.engineFreqMHz.NVENC0), v(orin.engineFreqMHz.PVA0), v(orin.engineFreqMHz.APE)]).toEqual([null, null, 174]);
    // A value that only starts like `off` is a number or nothing, never "off".
    const busy = parse('RAM 1180/3965MB (lfb 1x2MB) CPU [30%@1036] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 NVENC 716 NVDEC 115 APE 25').t;
    expect([v(busy.engineFreqMHz.NVENC), v(busy.engineFreqMHz.NVDEC), v(busy.engineFreqMHz.APE)]).toEqual([716, 115, 25]);
  });

  it('-256C marks an offline sensor: no reading, one count per sample', () => {
    const line = (s: number, cv0: string) =>
      `04-11-2025 10:36:${s} RAM 4321/62801MB (lfb 1759x4MB) SWAP 19/31400MB (cached 0MB) CPU [0%@729,0%@729] EMC_FREQ 0%@2133 GR3D_FREQ 0%@[0,0] VIC_FREQ 729 APE 174 CV0@${cv0} CPU@44.562C tj@44.343C VDD_GPU_SOC 2340mW/2340mW`;
    const { t } = parse([line(27, '-256C'), line(28, '-256C'), line(29, '41.5C')].join('\n') + '\n');
    expect(t.offlineSensorSamples).toEqual({ CV0: 2 });
    expect([v(t.tempC.CV0, 0), v(t.tempC.CV0, 1), v(t.tempC.CV0, 2)]).toEqual([null, null, 41.5]);
    expect(v(t.tempC.tj, 1)).toBe(44.343);
    // One rail per sample, the same name each time: one column.
    expect(Object.keys(t.railCurrentMW)).toEqual(['VDD_GPU_SOC']);
    expect([v(t.railCurrentMW.VDD_GPU_SOC, 0), v(t.railCurrentMW.VDD_GPU_SOC, 2)]).toEqual([2340, 2340]);
  });

  it('rails with one name are numbered in order (NC, NC#2, NC#3)', () => {
    const { t } = parse('RAM 9000/125772MB (lfb 10x4MB) CPU [1%@972] GR3D_FREQ @[1575,1575,1575] NC 10mW/11mW NC 20mW/21mW NC 30mW/31mW VDD_IN 4000mW/4100mW');
    expect(Object.keys(t.railCurrentMW).sort()).toEqual(['NC', 'NC#2', 'NC#3', 'VDD_IN']);
    expect([v(t.railCurrentMW.NC), v(t.railCurrentMW['NC#2']), v(t.railCurrentMW['NC#3']), v(t.railCurrentMW.VDD_IN)]).toEqual([10, 20, 30, 4000]);
    expect([v(t.railAverageMW.NC), v(t.railAverageMW['NC#2']), v(t.railAverageMW['NC#3']), v(t.railAverageMW.VDD_IN)]).toEqual([11, 21, 31, 4100]);
  });

  it('samples stamped in the same second are spread evenly inside it; the last run of stamps too', () => {
    const l = (s: string, ram: number) => `10-26-2025 05:10:${s} RAM ${ram}/62841MB (lfb 3x4MB) CPU [5%@729,0%@729] EMC_FREQ 0%@2133 GR3D_FREQ 0%@[305,305]`;
    const { t } = parse([l('54', 1), l('54', 2), l('55', 3), l('56', 4), l('56', 5), l('56', 6), l('56', 7)].join('\n') + '\n');
    expect(Array.from(t.t)).toEqual([0, 0.5, 1, 2, 2.25, 2.5, 2.75]);
    // The usual step is the median of the steps: 0.25, 0.25, 0.25, 0.5, 0.5, 1.
    expect(t.intervalSeconds).toBe(0.5);
    expect(t.firstTimestamp).toBe('10-26-2025 05:10:54');
    expect(t.lastTimestamp).toBe('10-26-2025 05:10:56');
  });

  it('an empty log, or one without a sample, is an error naming the problem', () => {
    for (const text of ['', '\n\n', 'nvidia@linux:~$ sudo /usr/bin/tegrastats \n']) {
      const { t, diagnostics } = parse(text);
      expect(t.samples).toBe(0);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.code, d.message])).toEqual([['tegrastats.empty', 'no tegrastats samples found']]);
    }
  });

  it('a `date` line before the samples is the first timestamp, without its line end', () => {
    const text = 'Tue Jan 26 18:22:31 UTC 2021\r\nRAM 896/7859MB (lfb 26x4MB) CPU [4%@2035,4%@345] EMC_FREQ 0% GR3D_FREQ 0%\r\nRAM 897/7859MB (lfb 26x4MB) CPU [4%@2035,4%@345] EMC_FREQ 0% GR3D_FREQ 0%\r\n';
    const { t } = parse(text);
    expect(t.firstTimestamp).toBe('Tue Jan 26 18:22:31 UTC 2021');
    expect(t.samples).toBe(2);
    expect(Array.from(t.line)).toEqual([2, 3]);
  });

  it('a line cut mid-field keeps its fields, and the cut piece is an unknown field under its own text', () => {
    const text =
      '04-11-2025 10:36:27 RAM 4321/62801MB (lfb 1759x4MB) CPU [0%@729,0%@729] EMC_FREQ 0%@2133 GR3D_FREQ 0%@[0,0] APE 174 CPU@44.562C tj@44.343C VDD_GPU_SOC 2340mW/2340mW\n' +
      '04-11-2025 10:36:28 RAM 4322/62801MB (lfb 1759x4MB) CPU [0%@729,0%@729] EMC_FREQ 0%@2133 GR3D_FREQ 0%@[0,0] APE 174 CPU@44.5\n';
    const { t } = parse(text);
    expect(t.samples).toBe(2);
    expect(v(t.ramUsedMB, 1)).toBe(4322);
    expect(v(t.tempC.CPU, 1)).toBeNull();
    expect(t.unknownFields).toEqual({ CPU: { count: 1, example: 'CPU@44.5', line: 2 } });
    // A newline lost between two samples: the glued piece is kept under its own text, the
    // rail before it is an unknown name, and the RAM field after it still makes it a sample.
    const glued = text.replace('CPU@44.5\n', 'CPU@44.562C tj@44.343C VDD_GPU_SOC 2340mW/2304-11-2025 10:36:29 RAM 4323/62801MB (lfb 1759x4MB)\n');
    const g = parse(glued).t;
    expect(g.samples).toBe(2);
    expect(Object.keys(g.unknownFields).sort()).toEqual(['10:36:29', '2340mW/2304-11-2025', 'VDD_GPU_SOC']);
    expect(g.unknownFields['2340mW/2304-11-2025']).toEqual({ count: 1, example: '2340mW/2304-11-2025', line: 2 });
  });
  it('engines separated by tabs (a log pasted through an editor) keep their names', () => {
    const { t } = parse('RAM 1180/3965MB (lfb 1x2MB) CPU [30%@1036,33%@1036] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 NVENC 716\tNVDEC off \tAPE 25 PLL@57C CPU@60.5C POM_5V_IN 4520/4680 POM_5V_GPU 0/0 POM_5V_CPU 1078/1205');
    expect(Object.keys(t.engineFreqMHz).sort()).toEqual(['APE', 'NVDEC', 'NVENC']);
    expect([v(t.engineFreqMHz.NVENC), v(t.engineFreqMHz.NVDEC), v(t.engineFreqMHz.APE)]).toEqual([716, null, 25]);
    expect(Object.keys(t.railCurrentMW).sort()).toEqual(['POM_5V_CPU', 'POM_5V_GPU', 'POM_5V_IN']);
    expect([v(t.railCurrentMW.POM_5V_IN), v(t.railAverageMW.POM_5V_GPU), v(t.railAverageMW.POM_5V_CPU)]).toEqual([4520, 0, 1205]);
  });
  it('a sample without a stamp among stamped ones is placed one interval after the sample before it', () => {
    // `ts` started after the first line, and a line pasted without its prefix.
    const l = (ram: number) => `RAM ${ram}/7620MB (lfb 4x2MB) CPU [1%@729,0%@729] GR3D_FREQ 1%`;
    const text = [l(3160), `Nov 24 10:00:00 ${l(3161)}`, l(3162), `Nov 24 10:00:05 ${l(3163)}`, `Nov 24 10:00:06 ${l(3164)}`].join('\n') + '\n';
    const { t } = parse(text, 2);
    expect(t.samples).toBe(5);
    expect(t.timeSource).toBe('timestamps');
    expect(Array.from(t.t)).toEqual([0, 0, 2, 5, 6]);
    expect(t.firstTimestamp).toBe('Nov 24 10:00:00');
    expect(t.lastTimestamp).toBe('Nov 24 10:00:06');
  });
});
