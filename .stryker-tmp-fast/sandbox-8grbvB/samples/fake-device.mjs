/**
 * A fake Jetson for the collector: a root tree (/proc, /sys, /etc as an Orin Nano shows
 * them, built from the test fixtures) and stand-in live tools (dmesg, journalctl,
 * tegrastats, nvpmodel) to put first on PATH. Used by the collector's tests and to make the
 * collector-made sample. Stand-ins are POSIX sh scripts, so the whole run needs no Jetson.
 */
// @ts-nocheck

import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (rel) => readFileSync(path.join(REPO, 'test/fixtures', rel), 'utf8').replace(/^(#[^\n]*\n)+\n?/, '');

// Kernel lines as the samples use them (taken from the signature catalogue's real reports).
export const FAKE_DMESG = [
  '[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd421]',
  '[    0.000000] Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d7000) (aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025',
  '[    0.000000] Machine model: NVIDIA Jetson Orin Nano Developer Kit',
  '[    0.000000] Reserved memory: created CMA memory pool at 0x0000000080000000, size 768 MiB',
  '[    3.104221] tegra-camrtc-capture-vi tegra-capture-vi: subdev imx219 9-0010 bound',
  '[ 7201.112032] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3',
  '[ 7201.112040] arm-smmu 8000000.iommu: FSR    = 00000402 [Format=2 TF], SID=0x100f',
  '[ 7202.430114] tegra-camrtc-capture-vi tegra-capture-vi: corr_err: discarding frame 18211, flags: 0, err_data 131072',
  '[ 7203.644952] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms',
].join('\n') + '\n';

const TEGRASTATS_LINE = 'RAM 3650/7620MB (lfb 22x4MB) SWAP 0/3810MB (cached 0MB) CPU [41%@1510,38%@1510,44%@1510,40%@1510,39%@1510,42%@1510] EMC_FREQ 45%@3199 GR3D_FREQ 70%@[1020] VIC 12%@729 APE 174 cpu@63.1C soc2@61.5C soc0@60.2C gpu@62.3C tj@63.6C soc1@61.0C VDD_IN 8000mW/5600mW VDD_CPU_GPU_CV 2650mW/1800mW VDD_SOC 1634mW/1630mW';

function write(root, rel, content, mode) {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
  if (mode) chmodSync(p, mode);
}

/**
 * Builds the fake device under `dir`: `${dir}/root` and `${dir}/bin`.
 * nonRoot: dmesg refuses as it does for a user on JetPack 5+, and `id -u` says 1000.
 * fixedClock: `date` always tells this time (a reproducible bundle name and manifest).
 */
export function buildFakeDevice(dir, { nonRoot = false, fixedClock } = {}) {
  const root = path.join(dir, 'root');
  const bin = path.join(dir, 'bin');
  const files = {
    'etc/nv_tegra_release': '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n',
    'etc/hostname': 'orin-cam-12\n',
    'proc/device-tree/model': 'NVIDIA Jetson Orin Nano Developer Kit\0',
    'proc/device-tree/compatible': 'nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0',
    'proc/device-tree/serial-number': '1421223067123\0',
    'proc/meminfo': fixture('meminfo/synthetic-orin-nano-pressure.txt'),
    'proc/buddyinfo': 'Node 0, zone      DMA    512    400    300    200    150    120    100     80     60     40    300 \nNode 0, zone   Normal   2011   1433    902    411    200    105     60     31     12      9    180 \n',
    'proc/vmstat': fixture('vmstat/synthetic-orin-nano-k5.15-01.txt'),
    'proc/iomem': fixture('iomem/generic-arm64-qcom-phone-01.txt'),
    'proc/cmdline': 'root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 console=ttyTCU0,115200\n',
    'proc/uptime': '7433.02 41201.90\n',
    // Orin's cpu zone: a passive trip where software throttling starts, critical for shutdown.
    'sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
    'sys/class/thermal/thermal_zone0/temp': '63125\n',
    'sys/class/thermal/thermal_zone0/trip_point_0_temp': '99000\n',
    'sys/class/thermal/thermal_zone0/trip_point_0_type': 'passive\n',
    'sys/class/thermal/thermal_zone0/trip_point_1_temp': '104500\n',
    'sys/class/thermal/thermal_zone0/trip_point_1_type': 'critical\n',
    'sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
    'sys/class/thermal/thermal_zone1/temp': '62312\n',
    'sys/kernel/debug/dma_buf/bufinfo': fixture('dma_buf/generic-armv7-etnaviv-k4.11-01.txt'),
    'sys/kernel/debug/nvmap/iovmm/clients': fixture('nvmap/synthetic-orin-nano-01.txt'),
    'sys/kernel/iommu_groups/3/devices/13e00000.host1x': '',
    'sys/kernel/iommu_groups/3/devices/tegra-capture-vi': '',
    'sys/kernel/iommu_groups/4/devices/17000000.gpu': '',
    'sys/fs/pstore/dmesg-ramoops-0': 'Panic#1 Part1\n<0>[ 5120.331207] Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 3\n',
    // No pagetypeinfo, zoneinfo or nvidia,dtsfilename: the manifest must say "missing".
  };
  for (const [rel, content] of Object.entries(files)) write(root, rel, content);
  write(dir, 'dmesg.txt', FAKE_DMESG);
  const tool = (name, body) => write(bin, name, `#!/bin/sh\n${body}\n`, 0o755);
  tool(
    'dmesg',
    nonRoot
      ? 'echo "dmesg: read kernel buffer failed: Operation not permitted" >&2\nexit 1'
      : `cat '${path.join(dir, 'dmesg.txt')}'`,
  );
  tool(
    'journalctl',
    `case " $* " in\n  *" -b -1 "*) echo "-- No entries --" ;;\n  *) sed 's/^\\[ *\\([0-9.]*\\)\\]/[\\1] orin-cam-12 kernel:/' '${path.join(dir, 'dmesg.txt')}' ;;\nesac`,
  );
  tool('nvpmodel', 'echo "NV Power Mode: 15W"\necho 0');
  // tegrastats --interval <ms>: a sample per interval until killed.
  tool('tegrastats', `ms=1000\n[ "$1" = --interval ] && ms=$2\ns=$((ms / 1000)); [ "$s" -ge 1 ] || s=1\nwhile :; do\n  echo '${TEGRASTATS_LINE}'\n  sleep "$s"\ndone`);
  if (nonRoot) tool('id', 'echo 1000');
  if (fixedClock) {
    const realDate = execFileSync('sh', ['-c', 'command -v date'], { encoding: 'utf8' }).trim();
    const epoch = Math.floor(Date.parse(fixedClock) / 1000);
    // Calls that name their own date (-d @N) keep it; all others read the fixed clock.
    tool('date', `case " $* " in *" -d "*) exec '${realDate}' "$@" ;; esac\nexec '${realDate}' -d @${epoch} "$@"`);
  }
  return { root, bin };
}
