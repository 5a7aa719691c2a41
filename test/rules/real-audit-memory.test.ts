/**
 * Real-log audit, round 3, the memory side: logs from public Jetson reports in
 * test/fixtures/real-audit/<case>/ (each with a SOURCE.md naming the thread, the board and what
 * the thread concluded), and what jetdiag must say of each: the findings (rule, message,
 * severity, evidence lines), the leading cause, no memory claim the lines do not carry, and
 * the device as far as the bundle tells it.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analyze.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { finding, lines, run, status } from '../helpers/real-audit.js';

const MEMORY_CAUSES = /^(memory-|leak-|cma-|container-memory)/;

describe('real-audit (memory): logs from public Jetson reports', () => {
  it('Orin gdm-x-session cannot open /dev/nvmap (journal): an access failure, every line cited, no memory cause', async () => {
    const a = await run('orin-nvrmmeminit-permission-gdm');
    expect(a.findings.map((f) => f.id)).toEqual(['nvrm-mem-init-failed/found']);
    const f = finding(a, 'nvrm-mem-init-failed')!;
    expect(f.severity).toBe('error');
    expect(f.verdict).toBe('1 process start(s) could not open /dev/nvmap (Permission denied): every CUDA, graphics and multimedia buffer of that process fails. An access problem, not a shortage of memory.');
    // The Xorg module line before it is not part of the failure.
    expect(lines(a, 'nvrm-mem-init-failed')).toEqual([2, 3, 4, 5].map((n) => `journalctl.txt:${n}`));
    expect(f.tags).not.toContain('gpu-alloc-failure');
    expect(a.hypotheses.filter((h) => MEMORY_CAUSES.test(h.id))).toEqual([]);
    expect(status(a)).toBe('problems');
  });

  it('Orin Nano ollama service cannot open /dev/nvmap: the same finding, the video-group remedy, no memory cause', async () => {
    const a = await run('orin-nano-ollama-nvrmmeminit-permission');
    expect(a.findings.map((f) => f.id)).toEqual(['nvrm-mem-init-failed/found']);
    expect(lines(a, 'nvrm-mem-init-failed')).toEqual([1, 2, 3].map((n) => `journalctl.txt:${n}`));
    expect(finding(a, 'nvrm-mem-init-failed')!.remedy.join(' ')).toContain('video');
    expect(a.hypotheses).toEqual([]);
  });

  it('TX2 tegrastats while a detector crawls at 0.5 fps: no memory finding, TX2 from its BCPU/MCPU sensors, not healthy', async () => {
    const a = await run('tx2-tegrastats-low-fps-idle');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.findings.filter((f) => f.category === 'memory' || f.category === 'fragmentation' || f.category === 'cma')).toEqual([]);
    expect(a.device.soc).toBe('tegra186');
    expect(a.device.socEvidence).toBe('tegrastats.log:1, the BCPU/MCPU cluster sensors of the TX2 (T186)');
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('TX1 tegrastats (JetPack 2 grammar) around a killed Caffe run: no memory claim, the leak fit not evaluated, SoC left unknown', async () => {
    const a = await run('tx1-tegrastats-caffe-killed');
    expect(a.findings).toEqual([]);
    expect(a.snapshot.tegrastats?.samples).toBe(4);
    expect(a.snapshot.tegrastats?.ramUsedMB[1]).toBe(1479);
    const leak = a.outcomes.find((o) => o.ruleId === 'memory-leak');
    expect(leak?.status).toBe('not-evaluated');
    expect(leak?.detail).toContain('needs at least 60 min');
    // Nothing in the old grammar is printed by one SoC family only: no guess.
    expect(a.device.soc).toBeUndefined();
    expect(status(a)).toBe('inconclusive');
  });

  it('Nano tegrastats alone (two cameras): the SoC is tegra210 from the POM_5V_IN rail, and the line is named', async () => {
    const a = await run('nano-tegrastats-two-cameras-pmic100');
    expect(a.device.soc).toBe('tegra210');
    expect(a.device.socEvidence).toBe('tegrastats.log:1, the POM_5V_IN rail of the Jetson Nano module');
    expect(a.device.summary).toBe('unknown board (tegra210, inferred from tegrastats.log:1, the POM_5V_IN rail of the Jetson Nano module)');
    expect(status(a)).toBe('inconclusive');
  });

  it('Nano boot lines of the nvmap VPR heap (resizable CMA, chunk-size note): no alarm, not healthy', async () => {
    const a = await run('nano-boot-vpr-resizable-cma');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('AGX Xavier boot lines creating the nvmap cvsram heap: no alarm, no CMA claim, not healthy', async () => {
    const a = await run('xavier-boot-nvmap-cvsram-heap');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });
  it('Nano tegrastats captured in the same terminal as the program: the three samples read, the program lines skipped, no memory claim, tegra210 from IRAM', async () => {
    const a = await run('nano-tegrastats-interleaved-app-output');
    expect(a.snapshot.tegrastats?.samples).toBe(3);
    expect(Array.from(a.snapshot.tegrastats!.line)).toEqual([9, 10, 11]);
    expect(a.snapshot.diagnostics.filter((d) => d.code === 'tegrastats.not-a-sample').map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 7, 8, 12, 13, 14, 16]);
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.device.soc).toBe('tegra210');
    expect(a.device.socEvidence).toBe('tegrastats.log:9, the IRAM field, printed only by the T210 (Jetson Nano, TX1)');
    expect(status(a)).toBe('inconclusive');
  });

  it('Xavier NX ollama journal (CPU only, "gpu VRAM usage didn\'t recover"): no finding, no memory cause, not healthy', async () => {
    const a = await run('xaviernx-ollama-journal-cpu-only');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Orin Nano early boot (zones, command line without cma=): no finding, no CMA mismatch, not healthy', async () => {
    const a = await run('orin-nano-boot-zones-cmdline');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.snapshot.identity?.cmdline?.value.params.cma).toBeUndefined();
    expect(status(a)).toBe('inconclusive');
  });

  it('Xavier NX boot with empty fb carve-outs that "failed to reserve": no CMA reservation failure, not healthy', async () => {
    const a = await run('xaviernx-boot-fb-carveout-reserve');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.findings.filter((f) => f.ruleId === 'cma')).toEqual([]);
    expect(a.device.kernel ?? a.device.summary).toContain('4.9.140-tegra');
    // The boot CPU is NVIDIA Carmel: a Xavier (T194), though no line names the board.
    expect(a.device.soc).toBe('tegra194');
    expect(a.device.socEvidence).toBe("dmesg.txt:3, the boot CPU is NVIDIA Carmel, the Xavier's (T194) core");
    expect(status(a)).toBe('inconclusive');
  });
  it('Orin Nano 5.10 boot with the device-tree CMA pool line: read as the 256 MiB reservation, no finding, not healthy', async () => {
    const a = await run('orin-nano-boot-cma-pool-256');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.device.soc).toBe('tegra234');
    const pool = matchSignatures(a.snapshot.dmesg, loadSignatures()).events('cma-reserved');
    expect(pool.map((h) => [h.line, h.groups.mib, h.groups.base])).toEqual([[10, '256', '0x000000025a800000']]);
    expect(status(a)).toBe('inconclusive');
  });
});

describe('NvMap allocation failures: the CUDA request that failed with them', () => {
  it('the three lines llama.cpp prints on L4T 36.4.7 (PR #23732, pasted bare): the NvMap refusal and the cudaMalloc failure cited, the "error 0" echo not', () => {
    const s = snapshotFromFiles({ dmesg: 'NvMapMemAllocInternalTagged: 1075072515 error 12\nNvMapMemHandleAlloc: error 0\ncudaMalloc failed: out of memory\n' });
    const a = analyzeSnapshot(s, { signatures: loadSignatures() });
    const f = a.findings.find((x) => x.ruleId === 'nvmap-userspace-alloc-failed');
    expect(f?.verdict).toBe('1 NvMap allocation failure(s) (errno 12 (ENOMEM)): GPU/multimedia buffers could not be allocated.');
    expect(f?.evidence.map((e) => e.line)).toEqual([1, 3]);
  });

  it('a cudaMalloc failure with no NvMap line is no NvMap finding', () => {
    const s = snapshotFromFiles({ dmesg: 'cudaMalloc failed: out of memory\n' });
    const a = analyzeSnapshot(s, { signatures: loadSignatures() });
    expect(a.findings.filter((x) => x.ruleId === 'nvmap-userspace-alloc-failed')).toEqual([]);
  });
});
