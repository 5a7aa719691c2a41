/**
 * Real failure logs from Jetson boards that are not part of the shipped corpus, each in
 * test/fixtures/real-audit/<case>/ with a SOURCE.md naming the thread, the board and what the
 * thread concluded. Each case asserts what jetdiag must say: the findings (rule, message,
 * severity, evidence line), the leading cause, and no alarm where the log shows no failure.
 */
import { describe, expect, it } from 'vitest';
import { finding, lines, run, status } from '../helpers/real-audit.js';


describe('real-audit: logs from public Jetson failure reports', () => {
  it('TX2 SMMU fault on the PCIe stream (AFI): the fault, and no DMA-BUF claim the log does not carry', async () => {
    const a = await run('tx2-smmu-afi-pcie');
    const f = finding(a, 'smmu-faults', 'context');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toBe('1 SMMU context fault(s) on 12000000.iommu stream 0x11 (AFI).');
    expect(lines(a, 'smmu-faults')).toEqual(['dmesg.txt:1']);
    expect(status(a)).toBe('problems');
    // Nothing in the log names a DMA-BUF, a camera or the GPU: a use-after-free of a shared
    // buffer must not be the leading explanation of a PCIe endpoint's bad DMA.
    expect(f?.tags).toContain('smmu-pcie');
    const uaf = a.hypotheses.find((h) => h.id === 'dmabuf-use-after-free');
    expect(uaf === undefined || uaf.confidence <= 0.15).toBe(true);
    if (uaf) expect(uaf.against.join(' ')).toContain('PCIe controller');
  });

  it('AGX Orin CMA failure 14 s after boot (nvgpu comptags): the failures, and no "fragmentation after hours"', async () => {
    const a = await run('orin-cma-comptags');
    expect(finding(a, 'nvgpu-init-failed')?.severity).toBe('critical');
    expect(lines(a, 'nvgpu-init-failed')).toEqual(['dmesg.txt:8', 'dmesg.txt:9']);
    const cma = finding(a, 'cma', 'failures');
    expect(cma?.severity).toBe('error');
    expect(lines(a, 'cma')).toEqual(['dmesg.txt:10']);
    expect(cma?.verdict).toContain('245.6 MiB');
    expect(lines(a, 'nvgpu-dma-alloc-failed')).toEqual(['dmesg.txt:7']);
    // The one user-space line pair (SimpleIOT) feeds nothing.
    expect(a.findings.flatMap((x) => x.evidence).some((e) => e.line > 10)).toBe(false);
    // The failure time is in the line (13.9 s) though the excerpt's uptime is unknown: it argues
    // against fragmentation, which may stay listed but only as a weak, contradicted candidate.
    expect(cma?.tags).toContain('cma-failure-at-boot');
    const frag = a.hypotheses.find((h) => h.id === 'cma-fragmentation');
    expect(frag === undefined || frag.confidence <= 0.15).toBe(true);
    if (frag) expect(frag.against.join(' ')).toContain('within minutes of boot');
  });

  it('Nano hard lockup on camera stream start: panic and lockup, crash as the cause', async () => {
    const a = await run('nano-hard-lockup-camera');
    const panic = finding(a, 'kernel-panic');
    expect(panic?.severity).toBe('critical');
    expect(panic?.verdict).toBe('The kernel panicked: Watchdog detected hard LOCKUP on cpu 0.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:1']);
    expect(finding(a, 'soft-lockup')?.verdict).toBe('1 CPU lockup(s) (first CPU#0).');
    // The lockup is a hard one: the finding's title must not call it soft.
    expect(finding(a, 'soft-lockup')?.title).not.toMatch(/^CPU soft lockup$/);
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('Nano normal boot stretch (camera absent, placeholder trips): no alarm, and not called healthy', async () => {
    const a = await run('nano-boot-clean-acm');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Nano 2GB OC ALARM 0x1 (weak supply): over-current on OC1, power supply as the cause', async () => {
    const a = await run('nano-oc-alarm-2gb');
    const f = finding(a, 'over-current');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toContain('channels OC1');
    expect(lines(a, 'over-current')).toEqual(['dmesg.txt:1']);
    expect(a.hypotheses[0]?.id).toBe('power-supply');
  });

  it('Nano soft lockup before a reboot: critical lockup on CPU#0', async () => {
    const a = await run('nano-soft-lockup-reboot');
    const f = finding(a, 'soft-lockup');
    expect(f?.severity).toBe('critical');
    expect(lines(a, 'soft-lockup')).toEqual(['dmesg.txt:1']);
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('Orin GPU MMU fault during camera preview: the fault at the wrapped line, the notifier, the capture errors', async () => {
    const a = await run('orin-camera-gpu-mmu-fault');
    const mmu = finding(a, 'nvgpu-mmu-fault');
    expect(mmu?.severity).toBe('critical');
    expect(mmu?.verdict).toContain('invalid pde at 0x0');
    expect(lines(a, 'nvgpu-mmu-fault')).toEqual(['dmesg.txt:2', 'dmesg.txt:4']);
    expect(lines(a, 'nvgpu-error-notifier')).toEqual(['dmesg.txt:10']);
    expect(finding(a, 'nvgpu-error-notifier')?.verdict).toContain('consumer_thread received error 31');
    // An IVC read failure is the channel to the camera firmware failing, not a frame that never
    // reached the VI: its own finding, and no capture timeout claimed.
    expect(lines(a, 'camrtc-ivc-read-failed')).toEqual(['dmesg.txt:7', 'dmesg.txt:8']);
    expect(finding(a, 'camrtc-ivc-read-failed')?.verdict).toContain('2 message(s) from the camera RTCPU could not be read (first on bc00000.rtcpu:ivc-bus:ivccontrol@3)');
    expect(finding(a, 'camrtc-capture-timeout')).toBeUndefined();
    expect(a.hypotheses[0]?.id).toBe('gpu-fault');
  });

  it('TK1 OOM kill of DeviceMemory (3.10 two-line form): one kill, over-commit as the cause', async () => {
    const a = await run('tk1-oom-devicememory');
    const kills = a.findings.filter((f) => f.ruleId === 'oom-kills' && f.messageId === 'kill');
    expect(kills.map((f) => f.id)).toEqual(['oom-kills/kill/DeviceMemory']);
    expect(kills[0]!.severity).toBe('critical');
    expect(kills[0]!.evidence[0]).toMatchObject({ file: 'dmesg.txt', line: 1 });
    expect(a.hypotheses[0]?.id).toBe('memory-overcommit');
  });

  it('TX1 page allocation stall in a journal: an error-level stall, memory pressure as the cause', async () => {
    const a = await run('tx1-page-alloc-stall');
    const f = finding(a, 'page-alloc-stall');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toContain('13900 ms by systemd-journal');
    expect(lines(a, 'page-alloc-stall')?.[0]).toBe('dmesg.txt:1');
    expect(a.hypotheses[0]?.id).toBe('memory-overcommit');
  });

  it('Xavier NX VI5 "no reply from camera processor" (dmesg -H stamps): one capture timeout at line 2, no other cause', async () => {
    const a = await run('xaviernx-vi5-no-reply');
    expect(a.findings.map((f) => f.id)).toEqual(['camrtc-capture-timeout/found']);
    expect(finding(a, 'camrtc-capture-timeout')?.severity).toBe('error');
    expect(lines(a, 'camrtc-capture-timeout')).toEqual(['dmesg.txt:2']);
    expect(a.hypotheses).toEqual([]);
  });

  it('AGX Orin GPU firmware bootstrap failing on the wrong device tree: GPU init failure, no CMA cause', async () => {
    const a = await run('agx-orin-gpu-wrong-dtb');
    const f = finding(a, 'nvgpu-init-failed');
    expect(f?.severity).toBe('critical');
    expect(lines(a, 'nvgpu-init-failed')).toEqual(['dmesg.txt:7', 'dmesg.txt:8', 'dmesg.txt:9', 'dmesg.txt:10']);
    expect(f?.remedy.join(' ')).toContain('DTB/BSP does not match the module SKU');
    // No contiguous allocation failed: neither the finding nor any cause may speak of CMA.
    expect(f?.tags).not.toContain('cma-failure');
    expect(a.hypotheses.filter((h) => h.id.startsWith('cma-'))).toEqual([]);
  });

  it('Xavier NX boot stretch with mmc tuning corrections and a display RM call: no alarm, not healthy', async () => {
    const a = await run('xaviernx-boot-mmc-tuning');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Xavier NX hung task in sync() with panic-on-hung-task: the panic, the hung task and its remedy', async () => {
    const a = await run('xaviernx-hung-task-panic');
    // The panic quotes the hung-task line the detector printed above it (real-audit-hardware.test.ts).
    expect(finding(a, 'kernel-panic')?.verdict).toBe('The kernel panicked: hung_task: blocked tasks, set off by: INFO: task balenad:4049 blocked for more than 120 seconds.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:3', 'dmesg.txt:16']);
    const hung = finding(a, 'hung-task');
    expect(hung?.severity).toBe('error');
    expect(hung?.verdict).toBe('1 hung task report(s) (first: balenad blocked for 120 s).');
    expect(lines(a, 'hung-task')).toEqual(['dmesg.txt:3']);
    expect(hung?.remedy.join(' ')).toContain('CONFIG_BOOTPARAM_HUNG_TASK_PANIC');
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('Nano order-2 OOM after a 10 s reclaim stall (no timestamps): the kill, the stall, over-commit', async () => {
    const a = await run('nano-oom-order2-python');
    const kill = finding(a, 'oom-kills', 'kill');
    expect(kill?.id).toBe('oom-kills/kill/python3');
    expect(kill?.severity).toBe('critical');
    expect(lines(a, 'oom-kills')).toEqual(['dmesg.txt:2', 'dmesg.txt:3']);
    expect(kill?.figures).toContainEqual({ label: 'order', value: 2 });
    expect(lines(a, 'page-alloc-stall')).toEqual(['dmesg.txt:1']);
    expect(a.hypotheses[0]?.id).toBe('memory-overcommit');
  });

  it('Nano boot start with the empty fb carve-out lines: no alarm, not healthy', async () => {
    const a = await run('nano-boot-fb-carveout-start');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Xavier NX OC ALARM 0x1 then 0x4: one over-current finding on OC1 and OC3, both lines', async () => {
    const a = await run('xaviernx-oc-alarm-1-4');
    const f = finding(a, 'over-current');
    expect(f?.severity).toBe('warning');
    expect(f?.figures).toContainEqual({ label: 'channels', value: 'OC1, OC3' });
    expect(lines(a, 'over-current')).toEqual(['dmesg.txt:1', 'dmesg.txt:2']);
    expect(a.hypotheses[0]?.id).toBe('power-supply');
  });

  it('Orin AV1 encoder SMMU faults (dmesg -wH, upstream format): six faults, one IOVA, three writes, TF decoded', async () => {
    const a = await run('orin-av1enc-smmu-vpr');
    const f = finding(a, 'smmu-faults', 'context');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toBe('6 SMMU context fault(s) on 12000000.iommu stream 0x835 (TF translation fault).');
    expect(f?.figures).toEqual(expect.arrayContaining([
      { label: 'distinct IOVAs', value: 1 },
      { label: 'top IOVAs', value: '0x3ffded8000 x6' },
      { label: 'writes (FSYNR WNR)', value: 3 },
    ]));
    expect(lines(a, 'smmu-faults')).toEqual([1, 2, 3, 4, 5, 6].map((n) => `dmesg.txt:${n}`));
    // An upstream-format line names no stream: nothing marks it as a PCIe endpoint.
    expect(f?.tags).not.toContain('smmu-pcie');
  });

  it('Nano B01 SErrors then an RCU stall (Tegra RAS wording): the SErrors are reported, as hardware errors', async () => {
    const a = await run('nano-b01-serror-rcu-stall');
    const oops = finding(a, 'kernel-oops');
    expect(oops?.severity).toBe('critical');
    expect(lines(a, 'kernel-oops')).toEqual(['dmesg.txt:4', 'dmesg.txt:14']);
    expect(oops?.verdict).toContain('SError');
    expect(oops?.verdict).not.toContain('dereferenced a bad pointer');
    expect(finding(a, 'rcu-stall')?.severity).toBe('error');
    expect(lines(a, 'rcu-stall')?.[0]).toBe('dmesg.txt:5');
    expect(a.hypotheses[0]?.id).toBe('system-crash');
  });

  it('Xavier NX ToF camera: one capture timeout with its recovery lines as evidence', async () => {
    const a = await run('xaviernx-tof-vi-timeouts');
    expect(a.findings.map((f) => f.id)).toEqual(['camrtc-capture-timeout/found']);
    const f = finding(a, 'camrtc-capture-timeout');
    expect(f?.verdict).toMatch(/^1 camera capture timeout\(s\)/);
    expect(lines(a, 'camrtc-capture-timeout')).toContain('dmesg.txt:7');
    expect(a.hypotheses).toEqual([]);
  });

  it('TX2 ISP host1x syncpoint and CDMA timeouts: one job-timeout finding naming the ISP client, every line', async () => {
    const a = await run('tx2-isp-host1x-stuck');
    const f = finding(a, 'host1x-syncpt-timeout');
    expect(f?.severity).toBe('error');
    expect(f?.signatures).toEqual(['host1x-syncpt-timeout']);
    expect(f?.verdict).toContain('15600000.isp_nvargus-daemon_4');
    expect(lines(a, 'host1x-syncpt-timeout')).toEqual([1, 3, 4, 5, 6, 7, 8].map((n) => `dmesg.txt:${n}`));
    expect(status(a)).toBe('problems');
  });

  it('Xavier VPI sample waiting on the PVA syncpoint: two stuck waits, the dump lines are not events', async () => {
    const a = await run('xavier-vpi-pva-syncpt-stuck');
    const f = finding(a, 'host1x-syncpt-timeout');
    expect(f?.verdict).toMatch(/^2 host1x job timeout\(s\)/);
    expect(f?.verdict).toContain('pva_syncpt');
    expect(lines(a, 'host1x-syncpt-timeout')).toEqual(['dmesg.txt:1', 'dmesg.txt:10']);
    expect(a.hypotheses.filter((h) => h.id.startsWith('cma-') || h.id === 'gpu-fault')).toEqual([]);
  });

  it('Orin Nano SD card that fails to initialise on an ADMA error: the controller error, and no confident "failing card"', async () => {
    const a = await run('orin-nano-sd-adma-init');
    const f = finding(a, 'mmc-controller-error');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toMatch(/^2 SD\/eMMC controller error\(s\) on mmc0/);
    // The ADMA error and the failed initialisation; the register dump between them is not an event.
    expect(lines(a, 'mmc-controller-error')).toEqual(['dmesg.txt:3', 'dmesg.txt:23']);
    expect(status(a)).toBe('problems');
    const storage = a.hypotheses.find((h) => h.id === 'storage-failure');
    expect(storage === undefined || storage.confidence <= 0.25).toBe(true);
    if (storage) expect(storage.against.join(' ')).toContain('no block I/O error and no SD/eMMC timeout');
  });

  it('Xavier NX ext4 checksum error on a freshly written SD card: the fs error, fsck first, no confident "failing card"', async () => {
    const a = await run('xaviernx-ext4-sd-checksum');
    expect(a.findings.map((f) => f.id)).toEqual(['ext4-fs-error/found']);
    const f = finding(a, 'ext4-fs-error');
    expect(f?.severity).toBe('critical');
    expect(f?.verdict).toBe('1 ext4 error(s) on mmcblk0p1: the filesystem is inconsistent.');
    expect(lines(a, 'ext4-fs-error')).toEqual(['dmesg.txt:4']);
    expect(f?.remedy.join(' ')).toMatch(/^fsck from another host/);
    const storage = a.hypotheses.find((h) => h.id === 'storage-failure');
    expect(storage === undefined || storage.confidence <= 0.25).toBe(true);
    if (storage) expect(storage.against.join(' ')).toContain('filesystem corruption alone');
  });

  it('Orin Nano CBB firewall error from a user-space GPIO library: one error, its code, initiator and address', async () => {
    const a = await run('orin-nano-cbb-firewall-gpio');
    expect(a.findings.map((f) => f.id)).toEqual(['cbb-fabric-error/found']);
    const f = finding(a, 'cbb-fabric-error');
    expect(f?.severity).toBe('error');
    // The interrupt header (line 2) and the error monitor's header (line 4) are one error.
    expect(f?.verdict).toMatch(/^1 CBB fabric error\(s\) on cbb-fabric: FIREWALL_ERR, a read by CCPLEX at 0x32e0000 \(unprivileged, non-secure: a user-space program\)/);
    expect(lines(a, 'cbb-fabric-error')).toEqual(['dmesg.txt:2', 'dmesg.txt:4', 'dmesg.txt:5', 'dmesg.txt:8', 'dmesg.txt:9']);
    expect(f?.remedy.join(' ')).toContain('user-space program');
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('problems');
  });

  it('Nano 2GB panic in nvhost_scale_emc_debug_init (debugfs not created): the panic and its reason, crash as the cause', async () => {
    const a = await run('nano2gb-panic-podgov-debugfs');
    expect(a.findings.map((f) => f.id)).toEqual(['kernel-panic/found']);
    const f = finding(a, 'kernel-panic');
    expect(f?.severity).toBe('critical');
    expect(f?.verdict).toBe('The kernel panicked: nvhost_scale_emc_debug_init.');
    expect(lines(a, 'kernel-panic')).toEqual(['dmesg.txt:2']);
    expect(a.device.summary).toMatch(/Jetson Nano 2GB/);
    expect(a.device.soc).toBe('tegra210');
    expect(a.hypotheses.map((h) => h.id)).toEqual(['system-crash']);
  });

  it('TX2 SErrors right after a PCIe card\'s registers are mapped: hardware-reported errors on every CPU line, crash as the cause', async () => {
    const a = await run('tx2-pcie-mmap-serror');
    expect(a.findings.map((f) => f.id)).toEqual(['kernel-oops/found']);
    const f = finding(a, 'kernel-oops');
    expect(f?.severity).toBe('critical');
    // One SError taken by four CPUs at the same instant is one error, not four.
    expect(f?.verdict).toMatch(/^1 kernel oops or SError: the CPUs took one SError at once \(CPU0, CPU4, CPU3, CPU5\), an uncorrectable error the hardware reported/);
    expect(f?.verdict).not.toContain('dereferenced a bad pointer');
    expect(lines(a, 'kernel-oops')).toEqual(['dmesg.txt:17', 'dmesg.txt:18', 'dmesg.txt:19', 'dmesg.txt:20']);
    expect(a.hypotheses[0]?.id).toBe('system-crash');
    expect(a.hypotheses.filter((h) => /^(cma-|memory-|storage|thermal)/.test(h.id))).toEqual([]);
  });

  it('L4T r35.1 NULL-pointer oops when a Bluetooth gamepad connects: one oops from its two lines, crash as the cause', async () => {
    const a = await run('l4t-r35-oops-null-bluetooth-hid');
    expect(a.findings.map((f) => f.id)).toEqual(['kernel-oops/found']);
    const f = finding(a, 'kernel-oops');
    expect(f?.severity).toBe('critical');
    // "Unable to handle kernel NULL pointer dereference" and "Internal error: Oops: 96000005 [#1]" are one oops.
    expect(f?.verdict).toBe('1 kernel oops: a driver dereferenced a bad pointer.');
    expect(lines(a, 'kernel-oops')).toEqual(['dmesg.txt:1', 'dmesg.txt:12']);
    expect(a.hypotheses.map((h) => h.id)).toEqual(['system-crash']);
  });

  it('Orin NX register dump in tegra_xudc_unpowergate with its first line cut off: the dump named, no crash claimed', async () => {
    const a = await run('orin-nx-xudc-dump-no-header');
    expect(a.findings.map((f) => f.id)).toEqual(['kernel-register-dump/dump']);
    const f = finding(a, 'kernel-register-dump');
    expect(f?.severity).toBe('warning');
    expect(f?.verdict).toContain('the CPU was in tegra_xudc_unpowergate+0x148/0x760, task kworker/6:1 on CPU 6, workqueue events tegra_xudc_usb_role_sw_work');
    expect(f?.verdict).toContain('whether the kernel crashed or only warned is not in it');
    expect(lines(a, 'kernel-register-dump')).toEqual(['dmesg.txt:1', 'dmesg.txt:4', 'dmesg.txt:8']);
    expect(a.device.soc).toBe('tegra234');
    expect(status(a)).toBe('problems');
    expect(a.hypotheses).toEqual([]);
  });

  it('Nano tegrastats while two cameras run (the poster asked "overheat?"): PMIC@100C is not a reading, no thermal claim, not healthy', async () => {
    const a = await run('nano-tegrastats-two-cameras-pmic100');
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const t = finding(a, 'thermal');
    if (t) {
      expect(t.verdict).toContain('hottest sensor AO at 61.5 °C');
      expect(t.verdict).not.toContain('PMIC');
    }
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('Orin Nano boot lines about prod-settings nodes (device-tree noise): no alarm, not healthy', async () => {
    const a = await run('orin-nano-boot-prod-settings-noise');
    expect(a.findings.map((f) => f.id)).toEqual([]);
    expect(a.hypotheses).toEqual([]);
    expect(status(a)).toBe('inconclusive');
  });

  it('TX2 VI4 "master error" lines then a PXL_SOF timeout: one capture timeout, the master errors as its evidence, no "no start-of-frame" claim', async () => {
    const a = await run('tx2-vi4-master-error-sof-timeout');
    expect(a.findings.map((f) => f.id)).toEqual(['vi-syncpt-timeout/found']);
    const f = finding(a, 'vi-syncpt-timeout');
    expect(f?.severity).toBe('error');
    expect(f?.verdict).toMatch(/^1 VI syncpoint timeout\(s\): /);
    // Data arrived (the VI flagged it): the verdict must not say the sensor sent no start of frame.
    expect(f?.verdict).not.toContain('no start-of-frame from the sensor');
    expect(lines(a, 'vi-syncpt-timeout')).toEqual([1, 2, 3, 4, 5].map((n) => `dmesg.txt:${n}`));
    expect(f?.remedy.join(' ')).toContain("'master error' or 'Status:' lines");
    expect(a.hypotheses).toEqual([]);
  });
});
