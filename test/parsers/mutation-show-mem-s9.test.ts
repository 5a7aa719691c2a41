/**
 * Which report a show-mem block belongs to (src/parsers/dmesg/show-mem.ts): the block's head
 * (an OOM report or an allocation failure) may stand anywhere in a long log, and a block
 * printed on request (sysrq `m`) has none. Lines from raspberrypi/linux#3872 (the fixture) with
 * the OOM head of raspberrypi/linux#2909, as test/parsers/show-mem.test.ts joins them. Cases
 * found by mutation testing (docs/mutation-parsers.md, session 9).
 */
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { fixture, realLog } from '../helpers/fixtures.js';

const BLOCK_493 = fixture('show-mem/rpi-3872-oom-493s.log').replace(/^(#[^\n]*\n)+/, '').trimEnd();
const OOM_HEAD = '[  491.900000] python3 invoked oom-killer: gfp_mask=0x15080c0(GFP_KERNEL_ACCOUNT|__GFP_ZERO), nodemask=(null),  order=1, oom_score_adj=0';
/** Ordinary lines before the report, `count` of them. */
const before = (count: number) => Array.from({ length: count }, (_, i) => `[  ${(300 + i * 0.5).toFixed(6)}] usb 1-2: new high-speed USB device number ${i} using xhci_hcd`);

function reports(text: string) {
  const d = parseDmesg({ path: 'dmesg', text, lineOffset: 0 }, new DiagnosticSink('dmesg'));
  return d.memoryReports ?? [];
}

describe('the head of a show-mem block', () => {
  it('an OOM head 150 records into the log, a few records above its block', () => {
    const reps = reports([...before(150), OOM_HEAD, '[  491.900100] CPU: 3 PID: 2210 Comm: python3 Not tainted', '[  491.950000] Mem-Info:', BLOCK_493].join('\n'));
    expect(reps).toHaveLength(1);
    expect(reps[0]).toMatchObject({ trigger: 'oom', headRecord: 150, record: 152, line: 153 });
  });

  it('a block printed by sysrq `m` (no head) near the start of the log is nobody\'s', () => {
    const reps = reports(['[  300.000000] usb 1-2: new high-speed USB device number 1 using xhci_hcd', '[  300.100000] sysrq: Show Memory', '[  300.100001] Mem-Info:', BLOCK_493].join('\n'));
    expect(reps).toHaveLength(1);
    expect(reps[0]!.trigger).toBe('other');
    expect(reps[0]!.headRecord).toBeUndefined();
    expect(reps[0]).toMatchObject({ record: 2, line: 3 });
  });

  it('page totals: RAM, reserved and CMA each from their own line; HighMem/MovableOnly is none of them', () => {
    const totals = ['[  493.260000] 1012736 pages RAM', '[  493.260001] 786432 pages HighMem/MovableOnly', '[  493.260002] 20007 pages reserved'];
    const [rep] = reports(['[  493.200000] Mem-Info:', BLOCK_493, ...totals].join('\n'));
    expect(rep).toMatchObject({ ramPages: 1012736, reservedPages: 20007 });
    expect(rep!.cmaReservedPages).toBeUndefined();
    const [withCma] = reports(['[  493.200000] Mem-Info:', BLOCK_493, ...totals, '[  493.260003] 65536 pages cma reserved'].join('\n'));
    expect(withCma).toMatchObject({ ramPages: 1012736, reservedPages: 20007, cmaReservedPages: 65536 });
  });

  it('one block holds every zone once (DMA then Normal); the zones of a block pasted without stamps, indented, are read too', () => {
    const dma = BLOCK_493.split('\n').find((l) => l.includes('] DMA free:'))!;
    // The Normal zone in the same kernel format (the Pi 4 prints DMA, DMA32 and Normal).
    const normal = dma.replace('] DMA free:519112kB', '] Normal free:1203364kB').replace('493.252686', '493.252900');
    const [rep] = reports(['[  493.200000] Mem-Info:', dma, normal].join('\n'));
    expect(rep!.zones.map((z) => [z.zone, z.freeKB])).toEqual([['DMA', 519112], ['Normal', 1203364]]);
    const pasted = ['    Mem-Info:', ...[dma, normal].map((l) => `    ${l.replace(/^\[[^\]]*\] /, '')}`)].join('\n');
    const quoted = reports(pasted);
    expect(quoted).toHaveLength(1);
    expect(quoted[0]!.zones.map((z) => [z.zone, z.freeKB, z.line])).toEqual([['DMA', 519112, 2], ['Normal', 1203364, 3]]);
  });
});

describe('NUMA blocks', () => {
  it('the same zone on two nodes is one block; on the same node again it is the next block', () => {
    const line = realZone();
    const node = (k: number, t: string) => line.replace('Node 3 DMA', `Node ${k} DMA`).replace('302.365176', t);
    const reps = reports([node(0, '302.365100'), node(1, '302.365176'), node(0, '302.400000')].join('\n'));
    expect(reps.map((r) => r.zones.map((z) => [z.node, z.zone]))).toEqual([[[0, 'DMA'], [1, 'DMA']], [[0, 'DMA']]]);
  });
});

function realZone(): string {
  return realLog('oom-rpi-7085-zone-free-cma-0.log').split('\n').find((l) => l.includes('Node 3 DMA free:'))!;
}
