/**
 * The device-side collector, run for real: under dash (and busybox sh when installed)
 * against a fake Jetson root built from the test fixtures, with stand-in live tools on
 * PATH; its bundle is then analysed by jetdiag.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { buildFakeDevice } from '../../samples/fake-device.mjs';
import { tempDir } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPT = path.join(ROOT, 'collector/jetdiag-collect.sh');
const which = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim();
const DASH = which('dash') || 'dash';
const BUSYBOX = which('busybox');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  bundle: string;
  out: string;
  manifest: { device_id: string; capture_time: string; script_version: string; items: { name: string; status: string; file?: string; note?: string }[] };
}

/** Runs the collector with `shell` on a fresh fake device. */
function collect(shell: string[], args: string[] = [], opts: { nonRoot?: boolean; env?: Record<string, string>; busyboxOnly?: boolean } = {}): Run {
  const dir = tempDir();
  const { root, bin } = buildFakeDevice(dir, { nonRoot: opts.nonRoot });
  const out = path.join(dir, 'out');
  let PATH = `${bin}:${process.env.PATH}`;
  if (opts.busyboxOnly) {
    // Only busybox applets besides the stand-ins: proves the script needs no GNU tool.
    const bb = path.join(dir, 'busybox-bin');
    mkdirSync(bb);
    spawnSync(BUSYBOX, ['--install', '-s', bb]);
    PATH = `${bin}:${bb}`;
  }
  const r = spawnSync(shell[0]!, [...shell.slice(1), SCRIPT, '--root', root, '--output', out, ...args], {
    encoding: 'utf8',
    env: { PATH, HOME: dir, TMPDIR: dir, ...opts.env },
    timeout: 60_000,
  });
  const lines = r.stdout.trim().split('\n');
  const bundle = lines[lines.length - 1] ?? '';
  let manifest = {} as Run['manifest'];
  if (r.status === 0) {
    const x = path.join(dir, 'x');
    mkdirSync(x);
    spawnSync('tar', ['-xzf', bundle, '-C', x]);
    const name = path.basename(bundle, '.tgz');
    manifest = JSON.parse(readFileSync(path.join(x, name, 'manifest.json'), 'utf8'));
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, bundle, out, manifest };
}

const status = (r: Run, name: string) => r.manifest.items.find((i) => i.name === name);

describe('jetdiag-collect.sh under dash (required: it is Debian and Ubuntu /bin/sh)', () => {
  it('writes <device>-<UTC time>.tgz, prints its path last, and the bundle analyses with identity, findings and manifest', async () => {
    const r = collect([DASH]);
    expect(r.stderr).not.toMatch(/not found|syntax error|unexpected/i);
    expect(r.status).toBe(0);
    expect(path.basename(r.bundle)).toMatch(/^1421223067123-\d{8}T\d{6}Z\.tgz$/);
    expect(existsSync(r.bundle)).toBe(true);
    expect(r.manifest).toMatchObject({ device_id: '1421223067123', script_version: '1.0.0' });
    expect(r.manifest.capture_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The device's zone, so UTC manifest times meet tegrastats' local stamps (TZ unset here: UTC).
    expect((r.manifest as { utc_offset?: string }).utc_offset).toBe('+0000');
    for (const n of ['dmesg', 'meminfo', 'buddyinfo', 'vmstat', 'iomem', 'cmdline', 'uptime', 'nv_tegra_release', 'device-tree model', 'device-tree compatible', 'device-tree serial-number', 'thermal zones', 'nvpmodel -q', 'dma_buf bufinfo', 'iommu_groups', 'nvmap iovmm clients', 'pstore dmesg-ramoops-0', 'tegrastats']) {
      expect(status(r, n), n).toMatchObject({ status: 'collected' });
    }
    expect(status(r, 'pagetypeinfo')).toMatchObject({ status: 'missing' });
    expect(status(r, 'journalctl -k -b -1 (previous boot)')).toMatchObject({ status: 'missing', note: 'the journal keeps no previous boot' });

    const a = await analyze(r.bundle);
    const s = a.snapshot;
    expect(s.identity?.model?.value).toBe('NVIDIA Jetson Orin Nano Developer Kit');
    expect(s.identity?.manifest?.value).toMatchObject({ deviceId: '1421223067123' });
    expect(a.device.soc).toBe('tegra234');
    expect(s.vmstat?.captures[0]?.values).toMatchObject({ compact_stall: 1840, cma_alloc_fail: 12 });
    expect(s.dmaBuf?.captures[0]?.objects).toHaveLength(1);
    expect(s.iommuGroups?.groups.map((g) => g.id)).toEqual([3, 4]);
    expect(s.nvmapClients?.captures[0]?.clients.map((c) => c.process)).toEqual(['nvargus-daemon', 'python3', 'gst-launch-1']);
    expect(s.thermalTrips?.zones[0]).toMatchObject({ type: 'cpu-thermal', throttleC: 99, shutdownC: 104.5 });
    expect(s.tegrastats?.samples).toBeGreaterThan(0);
    expect(a.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['smmu-faults', 'smmu-stream-device', 'vmstat-compaction', 'nvmap-clients', 'dmabuf-buffers']));
    expect(a.findings.find((f) => f.ruleId === 'smmu-stream-device')?.verdict).toMatch(/the likely device is tegra-capture-vi \(IOMMU group 3, shared with 13e00000\.host1x\)/);
    // The crash record in pstore is another boot's log: this boot's dmesg feeds the analysis.
    expect(s.dmesg?.file).toMatch(/\/dmesg\.txt$/);
    expect(s.bundle.problems).toContainEqual(expect.objectContaining({ code: 'collector.item-missing', message: expect.stringContaining('pagetypeinfo') }));
    expect(s.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('records the device\'s offset from UTC (TZ=IST-5:30: +0530) beside its UTC times', () => {
    const r = collect([DASH], [], { env: { TZ: 'IST-5:30' } });
    expect(r.status).toBe(0);
    expect(r.manifest.capture_time).toMatch(/Z$/);
    expect((r.manifest as { utc_offset?: string }).utc_offset).toBe('+0530');
  });

  it('notes a denied dmesg (not root), falls back to the journal and says iomem addresses are hidden', () => {
    const r = collect([DASH], [], { nonRoot: true });
    expect(r.status).toBe(0);
    expect(status(r, 'dmesg')).toMatchObject({ status: 'denied', note: expect.stringContaining('Operation not permitted') });
    expect(status(r, 'journalctl -k (this boot)')).toMatchObject({ status: 'collected', file: 'journalctl-k.txt' });
    expect(status(r, 'iomem')).toMatchObject({ status: 'collected', note: expect.stringContaining('without root') });
  });

  it('cuts a file at the size cap and says so in the manifest and the report', async () => {
    const r = collect([DASH], [], { env: { JETDIAG_COLLECT_MAX_BYTES: '2000' } });
    expect(r.status).toBe(0);
    expect(status(r, 'vmstat')).toMatchObject({ status: 'cut', file: 'proc/vmstat', note: 'cut at 2000 bytes' });
    const a = await analyze(r.bundle);
    expect(a.snapshot.bundle.entries.find((e) => e.path.endsWith('proc/vmstat'))?.truncated).toBe(true);
    expect(a.snapshot.bundle.problems).toContainEqual(expect.objectContaining({ code: 'collector.item-cut' }));
  });

  it('captures /proc, DMA-BUF and nvmap periodically and runs tegrastats for --duration', async () => {
    const r = collect([DASH], ['--duration', '2', '--interval', '1']);
    expect(r.status).toBe(0);
    expect(status(r, 'meminfo')).toMatchObject({ status: 'collected', note: '3 captures every 1 s' });
    const a = await analyze(r.bundle);
    expect(a.snapshot.meminfo?.captures).toHaveLength(3);
    expect(a.snapshot.vmstat?.captures).toHaveLength(3);
    expect(a.snapshot.dmaBuf?.captures).toHaveLength(3);
    expect(a.snapshot.nvmapClients?.captures).toHaveLength(3);
    expect(a.snapshot.meminfo?.captures[0]?.epoch).toBeGreaterThan(1.7e9);
    expect(a.snapshot.tegrastats?.samples).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('refuses bad options with usage (exit 2) and prints help', () => {
    const bad = spawnSync(DASH, [SCRIPT, '--duration', 'ten'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--duration must be a whole number/);
    const unknown = spawnSync(DASH, [SCRIPT, '--frobnicate'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    const help = spawnSync(DASH, [SCRIPT, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: jetdiag-collect\.sh/);
  });
});

describe.skipIf(!BUSYBOX)('jetdiag-collect.sh under busybox sh with only busybox applets', () => {
  it('collects the same bundle', async () => {
    const r = collect([BUSYBOX, 'sh'], ['--duration', '1', '--interval', '1'], { busyboxOnly: true });
    expect(r.stderr).not.toMatch(/not found|applet|syntax error/i);
    expect(r.status).toBe(0);
    expect(r.manifest.items.filter((i) => i.status !== 'collected').map((i) => i.name).sort()).toEqual(
      ['device-tree nvidia,dtsfilename', 'journalctl -k -b -1 (previous boot)', 'pagetypeinfo', 'zoneinfo'],
    );
    const a = await analyze(r.bundle);
    expect(a.snapshot.identity?.manifest?.value.deviceId).toBe('1421223067123');
    expect(a.snapshot.thermalTrips?.zones).toHaveLength(2);
  }, 60_000);
});

describe('jetdiag collector', () => {
  it('prints the script verbatim', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'collector'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(SCRIPT, 'utf8'));
  });
});
