/**
 * smmu-faults beyond its 10-fault threshold (issue #14, mutation testing): FSR decoding, the
 * nearest-time search, the `iova=…, fsr=…` field order, write faults (FSYNR WNR), GPU errors
 * nearby, groups sorted by count with the rate-limited repeats credited to the first, the top
 * IOVAs, memory-controller errors in the upstream and downstream formats with their detail
 * lines (within 2 s). Kernel lines in the formats of the signature catalogue.
 */
import { describe, expect, it } from 'vitest';
import { decodeFsr, nearestGap } from '../../src/rules/builtin/smmu-faults.js';
import { runCase } from '../../src/rules/tester.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg } from '../helpers/bundles.js';
import type { Finding } from '../../src/rules/types.js';

const run = (lines: [number, string][]): Finding[] => runCase(ruleById('smmu-faults'), { name: 'c', files: { dmesg: dmesg(lines) } }, SIGNATURES);
const figs = (f: Finding) => Object.fromEntries(f.figures.map((x) => [x.label, x.value]));
const f5 = (iova: string, fsr = '0x402', cbf = '0x800') => `arm-smmu 8000000.iommu: Unhandled context fault: fsr=${fsr}, iova=${iova}, fsynr=0x7c0020, cbfrsynra=${cbf}, cb=7`;
const GPU_ERR = 'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294  [ERR]  [MMU FAULT] mmu engine id:  18, ch id:  479, fault addr: 0x0, fault addr aperture: 0, fault type: invalid pde, access type: virt read,';
const UPSTREAM_VIC = (addr: string) => `tegra-mc 2c00000.memory-controller: vicsrd: read @0x00000000${addr}: EMEM address decode error (SMMU translation error [--S])`;

describe('decodeFsr and nearestGap', () => {
  it.each([
    ['0x402', 'TF translation fault'],
    ['0x80000002', 'TF translation fault, MULTI'],
    ['0x40000008', 'PF permission fault, SS stalled'],
    ['0x1fc', 'AFF access flag fault, PF permission fault, EF external fault, TLBMCF, TLBLKF, ASF, UUT'],
    ['0x0', ''],
    ['', ''],
    [undefined, ''],
  ])('FSR %s: %s', (fsr, words) => {
    expect(decodeFsr(fsr)).toBe(words);
  });

  it('the distance to the nearest of sorted times', () => {
    const xs = [10, 20, 30];
    expect(nearestGap(xs, 24)).toBe(4);
    expect(nearestGap(xs, 26)).toBe(4);
    expect(nearestGap(xs, 20)).toBe(0);
    expect(nearestGap(xs, 5)).toBe(5);
    expect(nearestGap(xs, 35)).toBe(5);
    expect(nearestGap(xs, 15)).toBe(5);
    expect(nearestGap([7], 9)).toBe(2);
    expect(nearestGap([7], 4)).toBe(3);
    expect(nearestGap([1, 2, 3, 4, 5, 6, 7, 8, 100], 90)).toBe(10);
  });
});

describe('context faults', () => {
  it('iova before fsr, a write fault, and a GPU error a second later', () => {
    const [f, ...rest] = run([[100, 'arm-smmu 12000000.iommu: Unhandled context fault: iova=0x80001000, fsr=0x80000002, fsynr=0x200011, cb=5'], [101, GPU_ERR]]);
    expect(rest).toEqual([]);
    expect(f!.verdict).toBe('1 SMMU context fault(s) on 12000000.iommu stream cb5 (TF translation fault, MULTI); 1 GPU error(s) within 5 s.');
    expect(f!.severity).toBe('error');
    expect(f!.tags).toEqual(['smmu-fault', 'device:12000000.iommu', 'smmu-near-gpu']);
    expect(f!.evidence.map((e) => e.line)).toEqual([1, 2]);
    expect(figs(f!)).toEqual({ faults: 1, first: '0:01:40 after boot', last: '0:01:40 after boot', 'distinct IOVAs': 1, 'top IOVAs': '0x80001000 x1', 'writes (FSYNR WNR)': 1 });
  });

  it('groups by stream, the larger first; rate-limited repeats go to the first group; top five IOVAs by count', () => {
    const found = run([
      [100, f5('0x1000')], [100.1, f5('0x1000')], [100.2, f5('0x2000')],
      [100.25, 'arm_smmu_context_fault: 12 callbacks suppressed'],
      [100.3, f5('0x3000', '0x40000008', '0x1c04')],
      [100.4, f5('0x1000')], [100.5, f5('0x4000')], [100.6, f5('0x5000')], [100.7, f5('0x6000')], [160.8, f5('0x7000')],
    ]);
    expect(found.map((f) => f.verdict)).toEqual([
      '20 SMMU context fault(s) on 8000000.iommu stream 0x800 (TF translation fault).',
      '1 SMMU context fault(s) on 8000000.iommu stream 0x1c04 (PF permission fault, SS stalled).',
    ]);
    expect(found.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(figs(found[0]!)).toEqual({ faults: 20, 'rate-limited repeats': 12, first: '0:01:40 after boot', last: '0:02:40 after boot', 'distinct IOVAs': 6, 'top IOVAs': '0x1000 x3, 0x2000 x1, 0x4000 x1, 0x5000 x1, 0x6000 x1', 'writes (FSYNR WNR)': 0 });
    expect(found[1]!.figures.map((x) => x.label)).not.toContain('rate-limited repeats');
    expect(found[1]!.evidence.map((e) => e.line)).toEqual([5]);
  });
});

describe('memory-controller errors', () => {
  it('upstream lines: the client decoded with its access; the SMMU translation error in the parenthesis counts', () => {
    const found = run([[100, UPSTREAM_VIC('fe056b40')], [101, 'tegra-mc 2c00000.memory-controller: EMEM address decode error'], [102, UPSTREAM_VIC('fe056c40')]]);
    expect(found.map((f) => f.verdict)).toEqual([
      "2 memory-controller error(s) (client vicsrd: video image compositor (VIC) read): EMEM address decode error; the client's SMMU translation failed (stale or unmapped IOVA).",
      '1 memory-controller error(s) (2c00000.memory-controller, client not printed): EMEM address decode error.',
    ]);
    expect(found[0]!.evidence.map((e) => e.line)).toEqual([1, 3]);
    expect(figs(found[0]!)).toEqual({ errors: 2, first: '0:01:40 after boot', device: 'video image compositor (VIC)', access: 'read' });
    expect(figs(found[1]!)).toEqual({ errors: 1, first: '0:01:41 after boot' });
  });

  it('downstream mc-err: detail lines within 2 s belong to the report line before them', () => {
    const found = run([
      [100, 'mc-err: (255) csr_nvl7r: EMEM address decode error'],
      [100.1, 'mc-err:   status = 0x6001004b; addr = 0x80180000; hi_adr_reg=008'],
      [100.2, 'mc-err:   secure: no, access-type: read, SMMU fault: nr-nw-s'],
      [103, 'mc-err: (255) csr_nvl7r: EMEM address decode error'],
      [106, 'mc-err:   status = 0x60010000; addr = 0x80190000'],
    ]);
    expect(found.length).toBe(1);
    expect(found[0]!.verdict).toBe("2 memory-controller error(s) (client csr_nvl7r): EMEM address decode error; the client's SMMU translation failed (stale or unmapped IOVA).");
    expect(found[0]!.evidence.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(figs(found[0]!)).toEqual({ errors: 2, first: '0:01:40 after boot', address: '0x80180000', status: '0x6001004b', 'SMMU fault': 'nr-nw-s' });
  });

  it('an mc-err whose SMMU fault field says none: no SMMU note', () => {
    const [f] = run([[100, 'mc-err: (255) csr_nvl7r: EMEM address decode error'], [100.1, 'mc-err:   secure: no, access-type: write, SMMU fault: none']]);
    expect(f!.verdict).toBe('1 memory-controller error(s) (client csr_nvl7r): EMEM address decode error.');
    expect(figs(f!)['SMMU fault']).toBe('none');
  });
});

describe('streams named by a following detail line, and errors nearby', () => {
  const noSid = (cb = 7, dev = '8000000.iommu') => `arm-smmu ${dev}: Unhandled context fault: fsr=0x402, iova=0x9c4b9000, fsynr=0x7c0020, cb=${cb}`;
  const fsrLine = (dev = '8000000.iommu', sid = '0x800') => `arm-smmu ${dev}: FSR    = 00000402 [Format=2 TF], SID=${sid}`;
  const CAM = 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms';

  it('a 5.x fault without cbfrsynra takes its stream from the FSR line after it', () => {
    expect(run([[100, noSid()], [100, fsrLine()]])[0]!.verdict).toMatch(/ on 8000000\.iommu stream 0x800 /);
  });

  it('an FSR line of another SMMU, or three lines on, does not name the stream', () => {
    expect(run([[100, noSid()], [100, fsrLine('12000000.iommu')]])[0]!.verdict).toMatch(/ on 8000000\.iommu stream cb7 /);
    const far = run([[100, noSid()], [100, 'arm-smmu 8000000.iommu: FSYNR0 = 007c0020 [S1CBNDX=124 PNU PLVL=0]'], [100, 'arm-smmu 8000000.iommu: FSYNR0 = 007c0020 [S1CBNDX=124 PNU PLVL=0]'], [100, fsrLine()]]);
    expect(far[0]!.verdict).toMatch(/ stream cb7 /);
    const near = run([[100, noSid()], [100, 'arm-smmu 8000000.iommu: FSYNR0 = 007c0020 [S1CBNDX=124 PNU PLVL=0]'], [100, fsrLine()]]);
    expect(near[0]!.verdict).toMatch(/ stream 0x800 /);
  });

  it('a camera error exactly 5 s after a fault is near it; 5.5 s after is not', () => {
    expect(run([[100, noSid()], [105, CAM]])[0]!.verdict).toMatch(/; 1 camera error\(s\) within 5 s\.$/);
    expect(run([[100, noSid()], [105.5, CAM]])[0]!.verdict).toMatch(/stream cb7 \(TF translation fault\)\.$/);
  });

  it('fault times are sorted before the search: a fault of a later boot with an earlier stamp', () => {
    const found = run([[7200, noSid()], [7201, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'], [50, noSid()], [52, CAM]]);
    expect(found[0]!.verdict).toMatch(/^2 SMMU context fault\(s\) on 8000000\.iommu stream cb7 \(TF translation fault\); 1 camera error\(s\) within 5 s\.$/);
  });

  it('without timestamps nothing is near', () => {
    const found = runCase(ruleById('smmu-faults'), { name: 'c', files: { dmesg: `${noSid()}\n${CAM}\n` } }, SIGNATURES);
    expect(found[0]!.verdict).toBe('1 SMMU context fault(s) on 8000000.iommu stream cb7 (TF translation fault).');
  });

  it('mc-err detail lines: 2 s after the report line still belong to it; without stamps, 20 lines', () => {
    const at2 = run([[100, 'mc-err: (255) csr_nvl7r: EMEM address decode error'], [102, 'mc-err:   status = 0x6001004b; addr = 0x80180000; hi_adr_reg=008']]);
    expect(at2[0]!.evidence.map((e) => e.line)).toEqual([1, 2]);
    const over = run([[100, 'mc-err: (255) csr_nvl7r: EMEM address decode error'], [102.5, 'mc-err:   status = 0x6001004b; addr = 0x80180000; hi_adr_reg=008']]);
    expect(over[0]!.evidence.map((e) => e.line)).toEqual([1]);
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `usb 1-2.${i % 9}: new high-speed USB device number ${i + 3} using tegra-xusb`);
    const plain = (gap: number) => runCase(ruleById('smmu-faults'), { name: 'c', files: { dmesg: ['mc-err: (255) csr_nvl7r: EMEM address decode error', ...filler(gap - 1), 'mc-err:   status = 0x6001004b; addr = 0x80180000; hi_adr_reg=008', ''].join('\n') } }, SIGNATURES);
    expect(plain(20)[0]!.evidence.map((e) => e.line)).toEqual([1, 21]);
    expect(plain(21)[0]!.evidence.map((e) => e.line)).toEqual([1]);
  });
});
