#!/usr/bin/env node
// @ts-nocheck
/**
 * Writes the sample bundles under samples/: one per failure jetdiag diagnoses, each a
 * folder of captures as a field engineer would collect them (and a .tgz of each). Kernel
 * lines are taken from shared/signatures.md's real reports; /proc files follow the real
 * Orin Nano layout. Run with `npm run samples`; the output is committed.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFakeDevice } from './fake-device.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const ORIN_NANO = {
  'etc/nv_tegra_release': '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n',
  'proc/device-tree/model': 'NVIDIA Jetson Orin Nano Developer Kit\0',
  'proc/device-tree/compatible': 'nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0',
  'uname-a.txt': 'Linux orin-cam-07 5.15.148-tegra #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025 aarch64 aarch64 aarch64 GNU/Linux\n',
  'proc/cmdline': 'root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 mminit_loglevel=4 console=ttyTCU0,115200 firmware_class.path=/etc/firmware fbcon=map:0 nospectre_bhb video=efifb:off console=tty0\n',
};

function meminfo(v) {
  const d = { MemTotal: 7633536, MemFree: 2411220, MemAvailable: 4802112, Buffers: 32120, Cached: 2320412, SwapCached: 0, SwapTotal: 3816752, SwapFree: 3816752, AnonPages: 2401288, Mapped: 412332, Shmem: 38716, Slab: 201468, SReclaimable: 98220, SUnreclaim: 103248, CmaTotal: 786432, CmaFree: 612004, ...v };
  const keys = ['MemTotal', 'MemFree', 'MemAvailable', 'Buffers', 'Cached', 'SwapCached', 'Active', 'Inactive', 'Unevictable', 'Mlocked', 'SwapTotal', 'SwapFree', 'Dirty', 'Writeback', 'AnonPages', 'Mapped', 'Shmem', 'KReclaimable', 'Slab', 'SReclaimable', 'SUnreclaim', 'KernelStack', 'PageTables', 'NFS_Unstable', 'Bounce', 'WritebackTmp', 'CommitLimit', 'Committed_AS', 'VmallocTotal', 'VmallocUsed', 'VmallocChunk', 'Percpu', 'HardwareCorrupted', 'AnonHugePages', 'ShmemHugePages', 'ShmemPmdMapped', 'FileHugePages', 'FilePmdMapped', 'CmaTotal', 'CmaFree', 'HugePages_Total', 'HugePages_Free', 'HugePages_Rsvd', 'HugePages_Surp', 'Hugepagesize', 'Hugetlb'];
  const fill = { Active: 3102440, Inactive: 1988120, Unevictable: 0, Mlocked: 0, Dirty: 180, Writeback: 0, KReclaimable: d.SReclaimable, KernelStack: 13648, PageTables: 28992, NFS_Unstable: 0, Bounce: 0, WritebackTmp: 0, CommitLimit: 7633520, Committed_AS: 8903312, VmallocTotal: 263061440, VmallocUsed: 40464, VmallocChunk: 0, Percpu: 2560, HardwareCorrupted: 0, AnonHugePages: 0, ShmemHugePages: 0, ShmemPmdMapped: 0, FileHugePages: 0, FilePmdMapped: 0, HugePages_Total: 0, HugePages_Free: 0, HugePages_Rsvd: 0, HugePages_Surp: 0, Hugepagesize: 2048, Hugetlb: 0 };
  return keys.map((k) => {
    const val = d[k] ?? fill[k];
    const unit = k.startsWith('HugePages_') ? '' : ' kB';
    return `${`${k}:`.padEnd(16)}${String(val).padStart(8)}${unit}`;
  }).join('\n') + '\n';
}

function buddyinfo(rows) {
  return rows.map(([zone, counts]) => `Node 0, zone ${zone.padStart(8)} ${counts.map((c) => String(c).padStart(6)).join(' ')} `).join('\n') + '\n';
}

function tegrastats(n, intervalS, f) {
  const start = Date.UTC(2026, 10, 24, 6, 0, 0);
  const p = (x) => String(x).padStart(2, '0');
  const out = [];
  for (let i = 0; i < n; i++) {
    const s = f(i);
    const d = new Date(start + i * intervalS * 1000);
    const ts = `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
    const cpu = Array.from({ length: 6 }, (_, k) => `${Math.max(0, Math.min(100, Math.round(s.cpu + ((i * 7 + k * 13) % 9) - 4)))}%@${s.cpuMHz ?? 1510}`).join(',');
    const t = (base, k) => (base + ((i * 3 + k) % 7) * 0.125).toFixed(3);
    out.push(`${ts} RAM ${s.ram}/7620MB (lfb ${s.lfb}) SWAP ${s.swap ?? 0}/3810MB (cached 0MB) CPU [${cpu}] EMC_FREQ ${s.emc}%@3199 GR3D_FREQ ${s.gpu}%@[${s.gpuMHz ?? 1020}] NVENC off NVDEC off NVJPG off NVJPG1 off VIC ${s.vic ?? 'off'} OFA off APE 174 cpu@${t(s.temp, 0)}C soc2@${t(s.temp - 2, 1)}C soc0@${t(s.temp - 3, 2)}C gpu@${t(s.temp - 1, 3)}C tj@${t(s.temp + 0.5, 4)}C soc1@${t(s.temp - 2.5, 5)}C VDD_IN ${5200 + s.gpu * 40}mW/${5600}mW VDD_CPU_GPU_CV ${900 + s.gpu * 25}mW/1800mW VDD_SOC 1634mW/1630mW`);
  }
  return out.join('\n') + '\n';
}

function dmesg(lines) {
  return lines.map(([t, m]) => `[${t.toFixed(6).padStart(12)}] ${m}`).join('\n') + '\n';
}

const BOOT = [
  [0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'],
  [0, 'Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d7000) (aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025'],
  [0, 'Machine model: NVIDIA Jetson Orin Nano Developer Kit'],
  [0, 'Reserved memory: created CMA memory pool at 0x0000000080000000, size 768 MiB'],
  [0.000001, 'Kernel command line: root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 mminit_loglevel=4 console=ttyTCU0,115200 firmware_class.path=/etc/firmware fbcon=map:0 nospectre_bhb video=efifb:off console=tty0'],
  [0.521344, 'arm-smmu 8000000.iommu: probing hardware configuration...'],
  [0.521366, 'arm-smmu 8000000.iommu: SMMUv2 with:'],
  [3.104221, 'tegra-camrtc-capture-vi tegra-capture-vi: subdev imx219 9-0010 bound'],
  [6.882190, 'nvgpu: 17000000.gpu          nvgpu_kernel_pm_init:55   [INFO]  GPU power on done'],
];

const SAMPLES = {
  // Camera stops after hours: CMA fragmented, contiguous requests fail with CMA still free.
  'orin-nano-cma-fragmentation': {
    ...ORIN_NANO,
    'manifest.json': JSON.stringify({ device_id: 'cam-gateway-0113', capture_time: '2026-11-24T20:10:12Z', collector: 'jetdiag-collect.sh 1.0.0', script_version: '1.0.0', reason: 'camera stopped after hours' }, null, 2) + '\n',
    'proc/uptime': '51012.44 290155.31\n',
    'proc/meminfo': meminfo({ MemFree: 1211220, MemAvailable: 3402112, CmaFree: 301204 }),
    'proc/buddyinfo': buddyinfo([['DMA', [3121, 2044, 1502, 911, 402, 188, 0, 0, 0, 0, 0]], ['Normal', [24012, 15433, 8021, 2011, 312, 41, 0, 0, 0, 0, 0]]]),
    'dmesg.txt': dmesg([
      ...BOOT,
      [50211.402211, 'alloc_contig_range: [8d100, 8d70a) PFNs busy'],
      [50211.402540, 'alloc_contig_range: [8d700, 8dd0a) PFNs busy'],
      [50211.410021, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12'],
      [50211.411130, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12'],
      [50214.020331, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
      [50214.020401, 'tegra-camrtc-capture-vi tegra-capture-vi: err_rec: attempting to reset the capture channel'],
      [50216.530120, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
    ]),
    'tegrastats.log': tegrastats(1440, 10, (i) => ({ ram: 3800 + (i % 11), lfb: i < 600 ? '31x4MB' : i < 1100 ? '6x4MB' : i < 1400 ? '2x2MB' : '1x512kB', cpu: 35, emc: 38, gpu: 62, temp: 61 })),
  },
  // Frames drop under load: SMMU context faults on the camera's stream next to capture errors.
  'orin-nano-smmu-camera': {
    ...ORIN_NANO,
    'proc/uptime': '7433.02 41201.90\n',
    'proc/meminfo': meminfo({}),
    'dmesg.txt': dmesg([
      ...BOOT,
      [7201.112032, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3'],
      [7201.112040, 'arm-smmu 8000000.iommu: FSR    = 00000402 [Format=2 TF], SID=0x100f'],
      [7201.112051, 'arm-smmu 8000000.iommu: FSYNR0 = 007c0020 [S1CBNDX=124 PNU PLVL=0]'],
      [7201.113210, 'arm_smmu_context_fault: 83 callbacks suppressed'],
      [7201.301422, 'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb6000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3'],
      [7202.430114, 'tegra-camrtc-capture-vi tegra-capture-vi: corr_err: discarding frame 18211, flags: 0, err_data 131072'],
      [7203.644952, 'tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms'],
      [7203.701130, 'tegra-mc 2c00000.memory-controller: EMEM address decode error'],
    ]),
    'tegrastats.log': tegrastats(360, 1, () => ({ ram: 3650, lfb: '22x4MB', cpu: 41, emc: 45, gpu: 70, vic: '12%@729', temp: 63 })),
  },
  // Inference service killed after hours: steady RAM growth ending in an OOM kill.
  'orin-nano-leak-oom': {
    ...ORIN_NANO,
    'proc/uptime': '43412.70 240201.11\n',
    // Capture time minus uptime dates the boot, so the OOM kill lands on the tegrastats clock (17:59:00, its last sample).
    'manifest.json': JSON.stringify({ device_id: 'orin-cam-07', capture_time: '2026-11-24T18:00:50Z', collector: 'jetdiag-collect.sh 1.0.0', script_version: '1.0.0', reason: 'inference service killed after hours' }, null, 2) + '\n',
    'proc/meminfo': meminfo({ MemFree: 112340, MemAvailable: 248812, Cached: 301244, SwapFree: 402112, AnonPages: 6398120, CmaFree: 611204 }),
    'dmesg.txt': dmesg([
      ...BOOT,
      [43302.650221, 'python3 invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0'],
      [43302.650301, 'CPU: 3 PID: 2210 Comm: python3 Tainted: G           O      5.15.148-tegra #1'],
      [43302.650330, 'Hardware name: NVIDIA Jetson Orin Nano Developer Kit (DT)'],
      [43302.650340, 'Call trace:'],
      [43302.650351, ' dump_backtrace+0x0/0x1e0'],
      [43302.659002, 'Mem-Info:'],
      [43302.659081, 'Normal free:51112kB boost:0kB min:22528kB low:28160kB high:33792kB reserved_highatomic:0KB active_anon:2213472kB inactive_anon:3102112kB free_cma:31204kB'],
      [43302.674226, 'Tasks state (memory values in pages):'],
      [43302.674230, '[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name'],
      [43302.674301, '[    812]     0   812    61234     3120   266240        0             0 nvargus-daemon'],
      [43302.674330, '[   2210]  1000  2210  2345678  1404567  9876543    91022             0 python3'],
      [43302.680012, 'oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/inference.service,task=python3,pid=2210,uid=1000'],
      [43302.680101, 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0'],
      [43302.712031, 'oom_reaper: reaped process 2210 (python3), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB'],
    ]),
    // 12 h at one sample a minute: RAM climbs ~360 MB/h from 3.1 GB until the kill.
    'tegrastats.log': tegrastats(720, 60, (i) => ({ ram: 3100 + Math.round(i * 6) + ((i * 7) % 5), lfb: '12x4MB', swap: Math.max(0, Math.round(i * 8) - 4200), cpu: 48, emc: 35, gpu: 55, temp: 60 })),
  },
  // Inference slows down in a hot enclosure: temperature at the trip, GPU clock capped.
  'orin-nano-thermal-throttling': {
    ...ORIN_NANO,
    'proc/uptime': '4210.22 20101.60\n',
    'proc/meminfo': meminfo({}),
    'dmesg.txt': dmesg(BOOT),
    'tegrastats.log': tegrastats(900, 2, (i) => (i < 300 ? { ram: 3900, lfb: '25x4MB', cpu: 92, emc: 52, gpu: 99, gpuMHz: 1020, temp: 74 + i * 0.08 } : { ram: 3910, lfb: '25x4MB', cpu: 93, emc: 48, gpu: 99, gpuMHz: 612, cpuMHz: 1113, temp: 98.6 + (i % 5) * 0.2 })),
    'sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
    'sys/class/thermal/thermal_zone0/temp': '99125\n',
    'sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
    'sys/class/thermal/thermal_zone1/temp': '98500\n',
  },
  // A Jetson Nano (JetPack 4) that resets: OC alarms from a weak supply, SD card errors.
  'nano-power-supply': {
    'etc/nv_tegra_release': '# R32 (release), REVISION: 7.1, GCID: 29818004, BOARD: t210ref, EABI: aarch64, DATE: Sat Feb 19 17:05:08 UTC 2022\n',
    'proc/device-tree/model': 'NVIDIA Jetson Nano Developer Kit\0',
    'proc/device-tree/compatible': 'nvidia,p3449-0000-b00+p3448-0000-b00\0nvidia,jetson-nano\0nvidia,tegra210\0',
    'proc/meminfo': meminfo({ MemTotal: 4059264, MemFree: 1811220, MemAvailable: 2402112, SwapTotal: 2029616, SwapFree: 2029616, CmaTotal: 475136, CmaFree: 401204 }),
    'dmesg.txt': dmesg([
      [0, 'Booting Linux on physical CPU 0x0'],
      [0, 'Linux version 4.9.253-tegra (buildbrain@mobile-u64-5494-d8000) (gcc version 7.3.1 20180425 [linaro-7.3-2018.05 revision d29120a424ecfbc167ef90065c0eeb7f91977701] (Linaro GCC 7.3-2018.05) ) #1 SMP PREEMPT Sat Feb 19 08:59:22 PST 2022'],
      [0.421330, 'tegra_soctherm 700e2000.soctherm: thermtrip: will shut down when cpu reaches 102500 mC'],
      [0.421402, 'tegra_soctherm 700e2000.soctherm: throttrip: will throttle when cpu reaches 100500 mC'],
      [1.902211, 'max77620-power max77620-power: Event recorder REG_NVERC : 0x40'],
      [1532.220331, 'soctherm: OC ALARM 0x00000001'],
      [1533.221002, 'soctherm: OC ALARM 0x00000001'],
      [1540.101101, 'mmc0: Timeout waiting for hardware interrupt - cmd12.'],
      [1540.104301, 'mmcblk0: error -110 sending stop command, original cmd response 0x900, card status 0x400d00'],
      [1541.330211, 'soctherm: OC ALARM 0x00000005'],
    ]),
    'tegrastats.log': Array.from({ length: 120 }, (_, i) => `RAM 1620/3964MB (lfb 90x4MB) SWAP 0/1982MB (cached 0MB) IRAM 0/252kB(lfb 252kB) CPU [${80 + (i % 9)}%@1479,${77 + (i % 7)}%@1479,${81 + (i % 5)}%@1479,${79 + (i % 6)}%@1479] EMC_FREQ 31%@1600 GR3D_FREQ ${90 + (i % 9)}%@921 APE 25 PLL@41C CPU@${(46 + (i % 4) * 0.5).toFixed(1)}C PMIC@50C GPU@44.5C AO@51C thermal@45.25C POM_5V_IN ${7120 + (i % 13) * 20}/7088 POM_5V_GPU 2911/2890 POM_5V_CPU 2401/2388`).join('\n') + '\n',
  },
  // Nothing wrong: what a clean bundle reports.
  'orin-nano-healthy': {
    ...ORIN_NANO,
    'proc/uptime': '86012.70 501201.11\n',
    'proc/meminfo': meminfo({}),
    'proc/buddyinfo': buddyinfo([['DMA', [512, 400, 300, 200, 150, 120, 100, 80, 60, 40, 300]], ['Normal', [2011, 1433, 902, 411, 200, 105, 60, 31, 12, 9, 180]]]),
    'dmesg.txt': dmesg(BOOT),
    'tegrastats.log': tegrastats(720, 5, (i) => ({ ram: 3100 + (i % 9), lfb: '30x4MB', cpu: 30, emc: 25, gpu: 40, temp: 58 })),
  },
  // An AGX Xavier on JetPack 4 (L4T R32, kernel 4.9, the older tegrastats format) that gets
  // hot: the CPU zone passes its own passive trip (thermal sysfs, as the collector records it).
  'xavier-jp4-thermal': {
    'etc/nv_tegra_release': '# R32 (release), REVISION: 4.4, GCID: 23942405, BOARD: t186ref, EABI: aarch64, DATE: Fri Oct 16 19:37:08 UTC 2020\n',
    'proc/device-tree/model': 'Jetson-AGX\0',
    'proc/device-tree/compatible': 'nvidia,p2972-0000\0nvidia,galen\0nvidia,tegra194\0',
    'proc/uptime': '5322.18 38211.40\n',
    'proc/meminfo': meminfo({ MemTotal: 16068660, MemFree: 9011220, MemAvailable: 11402112, SwapTotal: 8034328, SwapFree: 8034328, CmaTotal: 65536, CmaFree: 60204 }),
    'dmesg.txt': dmesg([
      [0, 'Booting Linux on physical CPU 0x10000'],
      [0, 'Linux version 4.9.140-tegra (buildbrain@mobile-u64-5297-d7000) (gcc version 7.3.1 20180425 [linaro-7.3-2018.05 revision d29120a424ecfbc167ef90065c0eeb7f91977701] (Linaro GCC 7.3-2018.05) ) #1 SMP PREEMPT Fri Oct 16 12:32:46 PDT 2020'],
      [0, 'Machine model: Jetson-AGX'],
    ]),
    'sys/class/thermal/trip_points.txt': [
      ['thermal_zone0', 'AO-therm', 41500, []],
      ['thermal_zone1', 'CPU-therm', 91000, [[0, 'critical', 95500], [1, 'passive', 90000]]],
      ['thermal_zone2', 'GPU-therm', 86500, [[0, 'critical', 98000], [1, 'passive', 92500]]],
    ].flatMap(([zone, type, temp, trips]) => [
      `/sys/class/thermal/${zone}/type:${type}`,
      `/sys/class/thermal/${zone}/temp:${temp}`,
      ...trips.flatMap(([i, kind, t]) => [`/sys/class/thermal/${zone}/trip_point_${i}_temp:${t}`, `/sys/class/thermal/${zone}/trip_point_${i}_type:${kind}`]),
    ]).join('\n') + '\n',
    // JetPack 4 tegrastats: no timestamp, RAM/lfb, CPU@C labels, rails as current/average.
    'tegrastats.log': Array.from({ length: 600 }, (_, i) => {
      const hot = i >= 240;
      const cpuC = hot ? 90 + (i % 4) * 0.5 : 62 + i * 0.1;
      const mhz = hot ? 1420 : 2265;
      const cpu = Array.from({ length: 8 }, (_, k) => `${92 + ((i + k) % 7)}%@${mhz}`).join(',');
      return `RAM 5120/15692MB (lfb 1423x4MB) SWAP 0/7846MB (cached 0MB) CPU [${cpu}] EMC_FREQ 41%@2133 GR3D_FREQ 88%@${hot ? 905 : 1377} APE 150 MTS fg 0% bg 0% AO@${(cpuC - 9).toFixed(1)}C GPU@${(cpuC - 4).toFixed(1)}C Tdiode@${(cpuC - 6).toFixed(2)}C PMIC@100C AUX@${(cpuC - 7).toFixed(1)}C CPU@${cpuC.toFixed(1)}C thermal@${(cpuC - 5).toFixed(2)}C Tboard@${(cpuC - 20).toFixed(0)}C GPU 6412/6020 CPU 9210/8480 SOC 3611/3540 CV 0/0 VDDRQ 1210/1190 SYS5V 3802/3770`;
    }).join('\n') + '\n',
  },
  // LLM decode on an Orin Nano: nothing fails, it is just slow. The memory controller sits at
  // 96-99% for most of the log while the GPU waits on memory.
  'orin-nano-memory-bandwidth': {
    ...ORIN_NANO,
    'proc/uptime': '9012.70 50201.11\n',
    'proc/meminfo': meminfo({ MemFree: 1811220, MemAvailable: 3402112 }),
    'dmesg.txt': dmesg(BOOT),
    'tegrastats.log': tegrastats(1200, 1, (i) => ({ ram: 4400 + (i % 5), lfb: '18x4MB', cpu: 22, emc: i < 60 ? 40 : 96 + (i % 4), gpu: 99, temp: 66 })),
  },
};

/**
 * A bundle damaged the way real uploads are: the collector cut the tegrastats log at its size
 * cap (the manifest says so) and buddyinfo arrived with a corrupt stretch. The kernel log still
 * carries the CMA failures, so the verdict stands, and the report lists both problems.
 */
function partialBundle() {
  const base = SAMPLES['orin-nano-cma-fragmentation'];
  const tegra = base['tegrastats.log'];
  const cut = tegra.slice(0, Math.floor(tegra.length * 0.6));
  const buddy = base['proc/buddyinfo'].split('\n');
  // A stretch of garbage where a line was (a bad flash sector, a transfer cut and resumed).
  buddy.splice(1, 0, 'Node 0, zone   Nor\u00ff\u00fe#mal  24012 15?433 \u00c3\u00a9\u00c3');
  return {
    ...base,
    'tegrastats.log': cut,
    'proc/buddyinfo': buddy.join('\n'),
    'manifest.json': JSON.stringify({
      device_id: 'cam-gateway-0113', capture_time: '2026-11-24T20:10:12Z', collector: 'jetdiag-collect.sh 1.0.0', script_version: '1.0.0',
      items: [
        { name: 'dmesg', status: 'collected', file: 'dmesg.txt' },
        { name: 'meminfo', status: 'collected', file: 'proc/meminfo' },
        { name: 'buddyinfo', status: 'collected', file: 'proc/buddyinfo' },
        { name: 'tegrastats', status: 'cut', file: 'tegrastats.log', note: `cut at ${cut.length} bytes` },
      ],
    }, null, 2) + '\n',
  };
}
SAMPLES['orin-nano-partial-bundle'] = partialBundle();

for (const [name, files] of Object.entries(SAMPLES)) {
  const dir = path.join(HERE, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  // Reproducible archive: sorted names, fixed mtime and owner, no gzip timestamp.
  execFileSync('sh', ['-c', `tar --sort=name --mtime='2026-11-24 12:00:00Z' --owner=0 --group=0 --numeric-owner -cf - -C '${HERE}' '${name}' | gzip -9n > '${dir}.tgz'`]);
  console.log(`samples/${name}/ and samples/${name}.tgz`);
}

/**
 * One bundle made by the collector itself, run under dash on the fake Orin Nano its tests use
 * (stand-in dmesg, journalctl, tegrastats, nvpmodel and a fixed clock), kept as written.
 */
function collectorSample(name) {
  // A fixed place: the manifest records --root, and the sample should not change with it.
  const work = path.join(os.tmpdir(), 'jetdiag-fake-device');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  try {
    const { root, bin } = buildFakeDevice(work, { fixedClock: '2026-11-24T09:30:00Z' });
    const out = path.join(work, 'out');
    mkdirSync(out);
    const stdout = execFileSync('dash', [path.join(HERE, '../collector/jetdiag-collect.sh'), '--root', root, '--output', out], {
      env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: work },
      encoding: 'utf8',
    });
    const tgz = stdout.trim().split('\n').pop();
    const dir = path.join(HERE, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    execFileSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=1']);
    copyFileSync(tgz, `${dir}.tgz`);
    console.log(`samples/${name}/ and samples/${name}.tgz (made by collector/jetdiag-collect.sh: ${path.basename(tgz)})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
collectorSample('orin-nano-collector');
