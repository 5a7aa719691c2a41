/**
 * Real-log audit, hardware side (round 3): USB, PCIe, SDIO, memory-controller, CBB, thermal
 * configuration and panic logs from public Jetson reports, each in
 * test/fixtures/real-audit/<case>/ with a SOURCE.md naming the thread, the board and what it
 * concluded. Each case asserts what jetdiag must say, and the rule fixes made for them are
 * pinned here by lines the fixtures do not carry (other kernel forms of the same message).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { finding, lines, run, status } from '../helpers/real-audit.js';


describe('real-audit (hardware): USB, PCIe, SDIO, memory controller, CBB', () => {
  it('TK1/TX1 xHCI host controller death: its own finding, named by device, no cause the log does not carry', async () => {
    const a = await run('tk1-tx1-xhci-host-died');
    const f = finding(a, 'xhci-host-died');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toMatch(/^The USB host controller tegra-xhci \(tegra-xhci\) died \(1 time\(s\)\): every USB device behind it was disconnected/);
    expect(lines(a, 'xhci-host-died')).toEqual(['dmesg.txt:1', 'dmesg.txt:2', 'dmesg.txt:3']);
    expect(a.findings.map((x) => x.ruleId)).toEqual(['xhci-host-died']);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('problems');
  });

  it('TX1 memory-controller error from the USB host controller: the client decoded, no confident DMA-BUF use-after-free', async () => {
    const a = await run('tx1-mc-err-xusb-smmu');
    const f = finding(a, 'smmu-faults', 'mc');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toContain('client csw_xusb_hostw: USB host controller (xHCI) write');
    expect(lines(a, 'smmu-faults')).toEqual(['dmesg.txt:3', 'dmesg.txt:4', 'dmesg.txt:5']);
    expect(f?.tags).toContain('smmu-usb');
    // The xHCI "Event TRB with no TDs queued" warnings are driver chatter, not findings.
    expect(a.findings).toHaveLength(1);
    const uaf = a.hypotheses.find((h) => h.id === 'dmabuf-use-after-free');
    expect(uaf === undefined || uaf.confidence <= 0.2).toBe(true);
    if (uaf) expect(uaf.against.join(' ')).toContain('USB controller');
  });

  it('Orin NX USB re-enumeration loop (dmesg -T): the loop on port 2-2, nothing from the WARN line, no cause', async () => {
    const a = await run('orin-nx-xusb-reconnect-loop');
    expect(a.findings.map((f) => f.id)).toEqual(['usb-reconnect-loop/loop']);
    const f = finding(a, 'usb-reconnect-loop');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toBe('The USB device on port 2-2 dropped off the bus 4 time(s) in 11 s and was enumerated again 3 time(s) in between (device numbers 28 to 31): it keeps resetting or losing its link.');
    expect(lines(a, 'usb-reconnect-loop')).toEqual(['dmesg.txt:1', 'dmesg.txt:3', 'dmesg.txt:4', 'dmesg.txt:5', 'dmesg.txt:6', 'dmesg.txt:7', 'dmesg.txt:8']);
    expect(f?.figures).toContainEqual({ label: 'host controller', value: 'tegra-xusb' });
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('problems');
  });

  it('Orin NX power-off: the CBB timeout with its lines, the PCIe L2 lines of a power-off are not errors', async () => {
    const a = await run('orin-nx-poweroff-pcie-l2-cbb');
    expect(a.findings.map((f) => f.ruleId)).toEqual(['cbb-fabric-error']);
    const f = finding(a, 'cbb-fabric-error');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toContain('TIMEOUT_ERR, a read by CCPLEX at 0x2a080082 (unprivileged, non-secure)');
    expect(lines(a, 'cbb-fabric-error')).toEqual(['dmesg.txt:5', 'dmesg.txt:7', 'dmesg.txt:8', 'dmesg.txt:12', 'dmesg.txt:13']);
    // User space has stopped by "Powering off.": the unprivileged access is not blamed on a program.
    expect(f?.verdict).toContain('it came during the power-off sequence (after "systemd-shutdown[1]: Powering off.")');
    expect(f?.verdict).not.toContain('user-space');
    expect(f?.remedy[0]).toMatch(/^The error came while the device was powering off or rebooting/);
    expect(f?.remedy.join(' ')).not.toContain('libgpiod');
  });

  it('Nano carrier with corrected PCIe physical-layer errors: the AER warning names the error type', async () => {
    const a = await run('nano-carrier-pcie-aer-nvme');
    const f = finding(a, 'pcie-aer');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toBe('1 PCIe AER report(s) (first: Corrected, Physical Layer).');
    expect(lines(a, 'pcie-aer')).toEqual(['dmesg.txt:1']);
    expect(f?.remedy.join(' ')).toContain('signal integrity');
  });

  it('TX2 NX SDIO Wi-Fi module that never answers: an SDIO finding, no storage finding or cause', async () => {
    const a = await run('tx2nx-sdio-wifi-init-timeout');
    const f = finding(a, 'sdio-init-failed');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toBe('4 SDIO initialisation failure(s) on mmc1 (error -110 (ETIMEDOUT)): the SDIO device on that slot (a Wi-Fi/Bluetooth module, not storage) did not answer, so it is absent until the slot is initialised again.');
    expect(lines(a, 'sdio-init-failed')).toEqual(['dmesg.txt:11', 'dmesg.txt:12', 'dmesg.txt:13', 'dmesg.txt:14']);
    expect(finding(a, 'mmc-controller-error')).toBeUndefined();
    expect(a.findings.some((x) => x.tags?.includes('storage'))).toBe(false);
    expect(a.hypotheses.find((h) => h.id === 'storage-failure')).toBeUndefined();
  });

  it('TX2 sdmmc3 bring-up CRC errors (stamps with one space): no storage failure claimed, not healthy', async () => {
    const a = await run('tx2-sdmmc3-cmd-crc');
    expect(a.hypotheses.find((h) => h.id === 'storage-failure')).toBeUndefined();
    expect(a.snapshot.dmesg?.records).toHaveLength(10);
    expect(status(a)).not.toBe('healthy');
  });

  it('Orin Nano SD root filesystem checksum errors and a camera with no frames: both findings, storage only weak', async () => {
    const a = await run('orin-nano-ext4-sd-and-vi-timeout');
    const ext4 = finding(a, 'ext4-fs-error');
    expect(ext4?.severity).toBe('critical');
    expect(ext4?.verdict).toBe('6 ext4 error(s) on mmcblk1p1: the filesystem is inconsistent.');
    expect(lines(a, 'ext4-fs-error')).toEqual(['dmesg.txt:1', 'dmesg.txt:2', 'dmesg.txt:3', 'dmesg.txt:4', 'dmesg.txt:5', 'dmesg.txt:6']);
    const cam = finding(a, 'camrtc-capture-timeout');
    expect(cam?.severity).toBe('error');
    expect(lines(a, 'camrtc-capture-timeout')?.[0]).toBe('dmesg.txt:8');
    // 'bwmgr API not supported' is routine on Orin: no finding cites it.
    expect(a.findings.flatMap((f) => f.evidence).some((e) => e.line === 7)).toBe(false);
    const storage = a.hypotheses.find((h) => h.id === 'storage-failure');
    expect(storage === undefined || storage.confidence <= 0.25).toBe(true);
  });

  it('AGX Orin memory-controller reports cut in a thread title: the 238542 rate-limited reports, nothing invented from the cut line', async () => {
    const a = await run('agx-orin-mc-pcie5w-title-cut');
    expect(a.findings.map((f) => f.id)).toEqual(['smmu-faults/mcSuppressed']);
    const f = finding(a, 'smmu-faults', 'mcSuppressed');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toBe('The kernel rate-limited 238542 memory-controller error report(s) (tegra30_mc_handle_irq: callbacks suppressed) and no report is whole in the log: the errors happened, but the client and the address are not known.');
    expect(lines(a, 'smmu-faults')).toEqual(['dmesg.txt:1']);
    // No client, so no SMMU-fault cause (no DMA-BUF use-after-free claimed).
    expect(f?.tags).not.toContain('smmu-fault');
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('problems');
  });
});

describe('real-audit (hardware): thermal configuration and panics', () => {
  it('TK1 mainline soctherm trip configuration at boot: no thermal or storage alarm, not healthy', async () => {
    const a = await run('tk1-mainline-soctherm-trips');
    expect(a.findings).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('TX2 tegrastats of a cool, nearly idle module with PMIC@100C: no thermal alarm, PMIC not the hottest sensor', async () => {
    const a = await run('tx2-tegrastats-idle-pmic100');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const t = finding(a, 'thermal');
    expect(t?.verdict).toContain('hottest sensor BCPU at 41 °C');
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Xavier NX hung-task panic: the panic quotes the blocked task the detector printed above it', async () => {
    const a = await run('xaviernx-hung-task-panic');
    const f = finding(a, 'kernel-panic');
    expect(f?.severity).toBe('critical');
    expect(f?.verdict).toBe('The kernel panicked: hung_task: blocked tasks, set off by: INFO: task balenad:4049 blocked for more than 120 seconds.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:3', 'dmesg.txt:16']);
    expect(f?.signatures).toEqual(['kernel-panic', 'hung-task']);
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('TX2 soft-lockup panic quoted alone: the reason as printed, no trigger invented', async () => {
    const a = await run('tx2-panic-softlockup-boot');
    const f = finding(a, 'kernel-panic');
    expect(f?.severity).toBe('critical');
    expect(f?.verdict).toBe('The kernel panicked: softlockup: hung tasks.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:1']);
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('Nano hard-lockup panic (4.9: the reason is the detector line itself): the panic line alone', async () => {
    const a = await run('nano-hard-lockup-camera');
    expect(finding(a, 'kernel-panic')?.verdict).toBe('The kernel panicked: Watchdog detected hard LOCKUP on cpu 0.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:1']);
  });
});

/** Fixes of this round checked on the message forms of other kernels (not in the fixtures). */
describe('hardware rule fixes on other kernel forms', () => {
  const analyzeLog = async (text: string) => analyzeSnapshot(snapshotFromFiles({ 'dmesg.txt': text }));

  it('an upstream xHCI death (xhci-hcd, PCI xhci_hcd) is found; a stop-endpoint warning alone is not a death', async () => {
    const died = await analyzeLog([
      '[  676.260048] xhci_hcd 0000:3c:00.0: xHCI host controller not responding, assume dead',
      '[  676.260054] xhci_hcd 0000:3c:00.0: HC died; cleaning up',
    ].join('\n'));
    expect(finding(died, 'xhci-host-died')?.verdict).toMatch(/^The USB host controller 0000:3c:00\.0 \(xhci_hcd\) died \(1 time\(s\)\)/);
    expect(lines(died, 'xhci-host-died')).toEqual(['dmesg.txt:1', 'dmesg.txt:2']);
    const warn = await analyzeLog('[   10.000000] tegra-xusb 3610000.usb: xHCI host not responding to stop endpoint command.\n');
    expect(finding(warn, 'xhci-host-died')).toBeUndefined();
  });

  it('an SD card that fails to initialise stays an SD/eMMC finding; an SDIO -84 is an SDIO finding', async () => {
    const sd = await analyzeLog('[    5.000000] mmc0: error -110 whilst initialising SD card\n');
    expect(finding(sd, 'mmc-controller-error')).toBeDefined();
    expect(finding(sd, 'sdio-init-failed')).toBeUndefined();
    const sdio = await analyzeLog('[    5.000000] mmc2: error -84 whilst initialising SDIO card\n');
    expect(finding(sdio, 'sdio-init-failed')?.verdict).toContain('on mmc2 (error -84 (EILSEQ))');
    expect(finding(sdio, 'mmc-controller-error')).toBeUndefined();
  });

  it('an upstream tegra-mc error from a PCIe client is tagged as PCIe DMA, and the 5.10+ rate-limit notice counts', async () => {
    const a = await analyzeLog([
      '[ 5517.386309] tegra30_mc_handle_irq: 238542 callbacks suppressed',
      '[ 5517.386330] tegra-mc 2c00000.memory-controller: pcie5w: write @0x0000000000000000: EMEM address decode error (SMMU translation error [--S])',
    ].join('\n'));
    const f = finding(a, 'smmu-faults', 'mc');
    expect(f?.verdict).toMatch(/^238543 memory-controller error\(s\) \(client pcie5w: PCIe controller write\): EMEM address decode error/);
    expect(f?.tags).toContain('smmu-pcie');
    const uaf = a.hypotheses.find((h) => h.id === 'dmabuf-use-after-free');
    expect(uaf === undefined || uaf.confidence <= 0.2).toBe(true);
  });

  it('a CBB error after a reboot line is a shutdown error; the same block with no power-off line above stays a user-space access', async () => {
    const block = [
      '[  100.000100] CPU:0, Error: cbb-fabric@0x13a00000, irq=22',
      '[  100.000200] **************************************',
      '[  100.000300] CPU:0, Error:cbb-fabric, Errmon:2',
      '[  100.000400] \t  Error Code\t\t: FIREWALL_ERR',
      '[  100.000500] \t  MASTER_ID\t\t: CCPLEX',
      '[  100.000600] \t  Address\t\t: 0x32e0000',
      '[  100.000700] \t  Protection\t\t: 0x2 -- Unprivileged, Non-Secure, Data Access',
      '[  100.000800] \t  Access_Type\t\t: Read',
    ];
    const reboot = finding(await analyzeLog(['[   99.900000] reboot: Restarting system', ...block].join('\n')), 'cbb-fabric-error');
    expect(reboot?.verdict).toContain('during the power-off sequence (after "reboot: Restarting system")');
    expect(reboot?.verdict).not.toContain('user-space');
    const running = finding(await analyzeLog(['[   99.900000] usb 1-2: new high-speed USB device number 3 using tegra-xusb', ...block].join('\n')), 'cbb-fabric-error');
    expect(running?.verdict).toContain('(unprivileged, non-secure: a user-space program)');
    expect(running?.verdict).not.toContain('power-off');
  });

  it('a USB loop needs one port, four disconnects a minute apart at most, and a re-enumeration; a hub pulled once is not one', async () => {
    const cycle = (t0: number, n: number, port = '1-3') => [
      `[${(t0).toFixed(6).padStart(12)}] usb ${port}: USB disconnect, device number ${n}`,
      `[${(t0 + 1).toFixed(6).padStart(12)}] usb ${port}: new high-speed USB device number ${n + 1} using tegra-xusb`,
    ];
    const loop = await analyzeLog([...cycle(100, 4), ...cycle(110, 5), ...cycle(120, 6), ...cycle(130, 7)].join('\n'));
    expect(finding(loop, 'usb-reconnect-loop')?.verdict).toContain('port 1-3 dropped off the bus 4 time(s) in 30 s and was enumerated again 3 time(s) in between');
    // Three cycles, or four cycles more than a minute apart, are a person re-plugging, not a loop.
    expect(finding(await analyzeLog([...cycle(100, 4), ...cycle(110, 5), ...cycle(120, 6)].join('\n')), 'usb-reconnect-loop')).toBeUndefined();
    expect(finding(await analyzeLog([...cycle(100, 4), ...cycle(200, 5), ...cycle(300, 6), ...cycle(400, 7)].join('\n')), 'usb-reconnect-loop')).toBeUndefined();
    // One disconnect each on four ports (a hub and its devices unplugged) is not a loop.
    const hub = await analyzeLog(['1-2', '1-2.1', '1-2.2', '1-2.3'].map((p, i) => `[  50.00000${i}] usb ${p}: USB disconnect, device number ${i + 2}`).join('\n'));
    expect(finding(hub, 'usb-reconnect-loop')).toBeUndefined();
    // Disconnects with no device coming back in between: a device gone, not a loop.
    const gone = await analyzeLog([100, 101, 102, 103].map((s, i) => `[ ${s}.000000] usb 1-3: USB disconnect, device number ${i + 4}`).join('\n'));
    expect(finding(gone, 'usb-reconnect-loop')).toBeUndefined();
  });

  it('a 4.9 tegra_mc_irq notice with no report line is a rate-limited finding; with a whole report it only adds to its count', async () => {
    const alone = await analyzeLog('[  300.000000] tegra_mc_irq: 12 callbacks suppressed\n');
    expect(finding(alone, 'smmu-faults', 'mcSuppressed')?.verdict).toContain('rate-limited 12 memory-controller error report(s) (tegra_mc_irq: callbacks suppressed)');
    const other = await analyzeLog('[  300.000000] arm_smmu_context_fault: 12 callbacks suppressed\n');
    expect(finding(other, 'smmu-faults', 'mcSuppressed')).toBeUndefined();
    const whole = await analyzeLog([
      '[  300.000000] tegra_mc_irq: 12 callbacks suppressed',
      '[  300.000100] tegra-mc 70019000.memory-controller: display0a: read @0xfe056b40: EMEM address decode error (SMMU translation error [--S])',
    ].join('\n'));
    expect(finding(whole, 'smmu-faults', 'mcSuppressed')).toBeUndefined();
    expect(finding(whole, 'smmu-faults', 'mc')?.verdict).toMatch(/^13 memory-controller error\(s\)/);
  });

  it('an r32 arm-smmu fault on the XUSB_HOST stream is tagged as USB DMA', async () => {
    const a = await analyzeLog('[  120.000000] arm-smmu 12000000.iommu: Unhandled context fault: iova=0x80180000, fsynr=0x13, cb=22, sid=20(0x14 - XUSB_HOST), pgd=0, pud=0, pmd=0, pte=0\n');
    const f = finding(a, 'smmu-faults', 'context');
    expect(f?.tags).toContain('smmu-usb');
  });
});
