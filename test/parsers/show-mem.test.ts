/**
 * The show-mem block of an OOM report or allocation failure, read out of the kernel log:
 * zone watermarks, free lists, global counters and page totals, with the line each came from
 * and the report line that printed it. Lines are real (raspberrypi/linux#3872 and #7085, the
 * OOM header of raspberrypi/linux#2909, the allocation failure of AsahiLinux/linux#309 as the
 * signature catalogue quotes it); a test that joins them says so.
 */
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture, realLog } from '../helpers/fixtures.js';

const BLOCK_492 = realLog('oom-rpi-3872-showmem.log').trimEnd();
const BLOCK_493 = fixture('show-mem/rpi-3872-oom-493s.log').replace(/^(#[^\n]*\n)+/, '').trimEnd();
const ZONES_7085 = realLog('oom-rpi-7085-zone-free-cma-0.log').trimEnd();
const OOM_HEAD = '[  491.900000] python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null),  order=1, oom_score_adj=0';
const ALLOC_HEAD = '[  491.900000] Renderer: page allocation failure: order:5, mode:0x40cc0(GFP_KERNEL|__GFP_COMP), nodemask=(null),cpuset=user.slice,mems_allowed=0';
const OTHER = '[  495.000000] usb 1-2: new high-speed USB device number 3 using xhci_hcd';

function reports(text: string) {
  const d = parseDmesg({ path: 'dmesg', text, lineOffset: 0 }, new DiagnosticSink('dmesg'));
  return { d, reps: d.memoryReports ?? [] };
}

describe('show-mem blocks', () => {
  it('an excerpt without its header: zone watermarks, free list, page totals, each with its line', () => {
    const { d, reps } = reports(BLOCK_492);
    expect(reps).toHaveLength(1);
    const r = reps[0]!;
    expect(r).toMatchObject({ line: 2, record: 1, boot: 0, monotonic: 492.659081, trigger: 'other', ramPages: 1012736, reservedPages: 30649, cmaReservedPages: 131072 });
    expect(r.headRecord).toBeUndefined();
    expect(r.freePages).toBeUndefined();
    expect(r.zones).toEqual([{ zone: 'DMA', line: 2, freeKB: 519112, minKB: 10428, lowKB: 11228, highKB: 12028, freeCmaKB: 513592, managedKB: 663836 }]);
    expect(r.buddy).toHaveLength(1);
    expect(r.buddy[0]).toMatchObject({ zone: 'DMA', line: 4, totalKB: 519120 });
    expect(r.buddy[0]!.node).toBeUndefined();
    expect(r.buddy[0]!.blocks).toStrictEqual([
      { sizeKB: 4, count: 142, types: 'UEC' },
      { sizeKB: 8, count: 161, types: 'UEC' },
      { sizeKB: 16, count: 59, types: 'UEC' },
      { sizeKB: 32, count: 51, types: 'UEC' },
      { sizeKB: 64, count: 18, types: 'UEC' },
      { sizeKB: 128, count: 2, types: 'UC' },
      { sizeKB: 256, count: 1, types: 'C' },
      { sizeKB: 512, count: 0 },
      { sizeKB: 1024, count: 1, types: 'C' },
      { sizeKB: 2048, count: 0 },
      { sizeKB: 4096, count: 125, types: 'C' },
    ]);
    expect(d.records[r.record]!.line).toBe(r.line);
  });

  it('under an OOM header: the trigger, the header record and the global counters from the wrapped lines', () => {
    const { d, reps } = reports([OOM_HEAD, '[  491.900100] Mem-Info:', BLOCK_493].join('\n'));
    expect(reps).toHaveLength(1);
    const r = reps[0]!;
    expect(r).toMatchObject({ trigger: 'oom', headRecord: 0, line: 2, record: 1, freePages: 916156, freeCmaPages: 128398 });
    expect(r.zones.map((z) => [z.zone, z.line, z.freeKB, z.freeCmaKB])).toEqual([['DMA', 12, 519112, 513592]]);
    expect(r.buddy.map((b) => [b.zone, b.line, b.totalKB])).toEqual([['DMA', 14, 518996]]);
    expect(d.records[r.headRecord!]!.message).toMatch(/invoked oom-killer/);
  });

  it('under a page allocation failure header (joined with the 492 s block)', () => {
    const { reps } = reports([ALLOC_HEAD, BLOCK_492].join('\n'));
    expect(reps.map((r) => [r.trigger, r.headRecord, r.line])).toEqual([['page-alloc-failure', 0, 3]]);
  });

  it('a header too far back, or in another boot, is not this block\'s', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `[  491.${String(910000 + i).padStart(6, '0')}]  dump_backtrace+0x0/0x1d0`);
    // the block's first zone line 201 records after the header: too far; 200: its own
    const far = reports([OOM_HEAD, ...filler.slice(1), BLOCK_492].join('\n')).reps[0]!;
    expect(far).toMatchObject({ trigger: 'other', record: 201 });
    const near = reports([OOM_HEAD, ...filler.slice(2), BLOCK_492].join('\n')).reps[0]!;
    expect(near).toMatchObject({ trigger: 'oom', headRecord: 0, record: 200 });
    const reboot = ['[  491.900000] python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null),  order=1, oom_score_adj=0', '[    0.000000] Booting Linux on physical CPU 0x0', '[    0.100000] DMA free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB reserved_highatomic:0KB free_cma:513592kB'];
    const other = reports(reboot.join('\n')).reps[0]!;
    expect(other).toMatchObject({ trigger: 'other', boot: 1 });
  });

  it('one header serves one block: a second block after it is unattributed', () => {
    const { reps } = reports([OOM_HEAD, BLOCK_492, '[  493.000000] Mem-Info:', BLOCK_493].join('\n'));
    expect(reps.map((r) => [r.trigger, r.line])).toEqual([['oom', 3], ['other', 16]]);
  });

  it('zones on several nodes are one block; the same zone again starts the next', () => {
    const { reps } = reports(ZONES_7085);
    expect(reps).toHaveLength(1);
    expect(reps[0]!.zones.map((z) => [z.node, z.zone, z.freeKB, z.minKB, z.freeCmaKB, z.managedKB])).toEqual([[3, 'DMA', 35232, 34704, 0, 978928]]);
    const again = reports([BLOCK_492, BLOCK_492.replace(/\[  492\./g, '[  497.')].join('\n')).reps;
    expect(again.map((r) => [r.line, r.monotonic])).toEqual([[2, 492.659081], [16, 497.659081]]);
    const nodes = '[  302.365188] Node 4 Normal free:771184kB boost:0kB min:2064kB low:3104kB high:4144kB reserved_highatomic:0KB free_cma:0kB\n[  302.365198] Node 5 Normal free:900560kB boost:0kB min:2064kB low:3104kB high:4144kB reserved_highatomic:0KB free_cma:0kB\n';
    expect(reports(nodes).reps.map((r) => r.zones.map((z) => z.node))).toEqual([[4, 5]]);
  });

  it('the block ends a few unrelated lines after its last line; the stack dump between header and Mem-Info does not end it', () => {
    const lines = BLOCK_492.split('\n');
    const text = [...lines.slice(0, 4), OTHER, OTHER, OTHER, OTHER, ...lines.slice(8, 10)].join('\n');
    const r = reports(text).reps;
    expect(r).toHaveLength(1);
    expect(r[0]!.ramPages).toBeUndefined();
    const within = [...lines.slice(0, 4), OTHER, OTHER, OTHER, ...lines.slice(8, 10)].join('\n');
    expect(reports(within).reps[0]!.ramPages).toBe(1012736);
  });

  it('an excerpt cut after the watermarks, a free list on a NUMA node, and a kern.log copy keeping its clock', () => {
    const text = ['Feb 11 18:58:28 rpi kernel: [  492.659081] DMA free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB', 'Feb 11 18:58:28 rpi kernel: [  492.662208] Node 0 DMA: 142*4kB (UEC) 161*8kB (UEC) 0*512kB = 1856kB'].join('\n');
    const r = reports(text).reps[0]!;
    expect(r.zones).toStrictEqual([{ zone: 'DMA', line: 1, freeKB: 519112, minKB: 10428, lowKB: 11228, highKB: 12028 }]);
    expect(r.buddy).toStrictEqual([{ zone: 'DMA', line: 2, blocks: [{ sizeKB: 4, count: 142, types: 'UEC' }, { sizeKB: 8, count: 161, types: 'UEC' }, { sizeKB: 512, count: 0 }], totalKB: 1856, node: 0 }]);
    expect(r).toMatchObject({ wallClock: 'Feb 11 18:58:28', monotonic: 492.659081 });
    const plain = reports('DMA free:519112kB boost:7216kB min:10428kB low:11228kB high:12028kB\n').reps[0]!;
    expect(Object.keys(plain)).not.toContain('monotonic');
    expect(Object.keys(plain)).not.toContain('wallClock');
  });

  it('a pasted free-list line alone is a report', () => {
    const r = reports('[  492.662208] DMA: 142*4kB (UEC) 161*8kB (UEC) 59*16kB (UEC) 51*32kB (UEC) 18*64kB (UEC) 2*128kB (UC) 1*256kB (C) 0*512kB 1*1024kB (C) 0*2048kB 125*4096kB (C) = 519120kB\n').reps;
    expect(r.map((x) => [x.zones.length, x.buddy.length, x.buddy[0]!.totalKB])).toEqual([[0, 1, 519120]]);
  });

  it('a Mem-Info with nothing after it is no report; page totals alone start none', () => {
    expect(reports('[  493.000000] Mem-Info:\n' + OTHER).d.memoryReports).toBeUndefined();
    expect(reports('[  492.668136] 1012736 pages RAM\n[  492.670505] 30649 pages reserved\n').d.memoryReports).toBeUndefined();
  });

  it('global counters are read once, from the page line, not from a kB line', () => {
    const text = ['[  493.000000] Mem-Info:', '[  493.000001] active_anon:242 inactive_anon:7885 isolated_anon:0', '                free:4096kB free_pcp:97', '                free:916156 free_pcp:97', '                free:1 free_pcp:2 free_cma:3', BLOCK_493.split('\n')[9]!].join('\n');
    const r = reports(text).reps[0]!;
    expect([r.freePages, r.freeCmaPages]).toEqual([916156, undefined]);
  });
});
