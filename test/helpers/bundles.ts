/**
 * Realistic bundle pieces for rule tests: an Orin Nano 8GB identity, /proc/meminfo with
 * chosen values, tegrastats lines in the JetPack 6 format of the real Orin captures, and
 * dmesg lines taken from the signature catalogue with timestamps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Orin Nano 8GB layout (5.15 field set) under memory pressure; tests override single fields.
const ORIN_MEMINFO = readFileSync(path.join(ROOT, 'test/fixtures/meminfo/synthetic-orin-nano-pressure.txt'), 'utf8');

export const ORIN_NANO_IDENTITY = {
  'etc/nv_tegra_release': '# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, DATE: Wed Jan  8 01:49:37 UTC 2025\n',
  'proc/device-tree/model': 'NVIDIA Jetson Orin Nano Developer Kit\0',
  'proc/device-tree/compatible': 'nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0',
  'uname-a.txt': 'Linux orin 5.15.148-tegra #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025 aarch64 aarch64 aarch64 GNU/Linux\n',
};

export const XAVIER_R32_IDENTITY = {
  'etc/nv_tegra_release': '# R32 (release), REVISION: 6.1, GCID: 27863751, BOARD: t186ref, EABI: aarch64, DATE: Mon Jul 26 19:36:31 UTC 2021\n',
  'proc/device-tree/compatible': 'nvidia,p2972-0000\0nvidia,tegra194\0',
};

/** The Orin Nano sample meminfo with some fields replaced (values in kB). */
export function meminfo(overrides: Record<string, number> = {}): string {
  let text = ORIN_MEMINFO;
  for (const [k, v] of Object.entries(overrides)) {
    const re = new RegExp(`^${k.replace(/[()]/g, '\\$&')}:\\s+\\d+`, 'm');
    text = text.replace(re, `${k}:${' '.repeat(Math.max(1, 16 - k.length))}${v}`);
  }
  return text;
}

/** A healthy Orin Nano: plenty available, CMA mostly free, no swap used. */
export const HEALTHY_MEMINFO = meminfo({ MemFree: 4200000, MemAvailable: 5600000, SwapFree: 3816752, CmaFree: 760000, Cached: 1400000 });

export interface TegraSample {
  ramMB?: number;
  lfb?: string;
  cpuMHz?: number;
  cpuLoad?: number;
  gpuLoad?: number;
  gpuMHz?: number;
  emc?: number;
  tempC?: number;
}

/** tegrastats lines, JetPack 6 Orin Nano format, one per second from 11-24-2026 08:00:00. */
export function tegrastats(n: number, sample: (i: number) => TegraSample): string {
  const out: string[] = [];
  const start = Date.UTC(2026, 10, 24, 8, 0, 0);
  for (let i = 0; i < n; i++) {
    const s = sample(i);
    const d = new Date(start + i * 1000);
    const p = (x: number) => String(x).padStart(2, '0');
    const ts = `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
    const cpu = Array.from({ length: 6 }, () => `${s.cpuLoad ?? 20}%@${s.cpuMHz ?? 1510}`).join(',');
    const t = (s.tempC ?? 55).toFixed(3);
    out.push(
      `${ts} RAM ${s.ramMB ?? 3100}/7620MB (lfb ${s.lfb ?? '28x4MB'}) SWAP 0/3810MB (cached 0MB) CPU [${cpu}] EMC_FREQ ${s.emc ?? 20}%@3199 GR3D_FREQ ${s.gpuLoad ?? 30}%@[${s.gpuMHz ?? 1020}] NVENC off NVDEC off NVJPG off NVJPG1 off VIC off OFA off APE 174 cpu@${t}C soc2@${t}C soc0@${t}C gpu@${t}C tj@${t}C soc1@${t}C VDD_IN 5513mW/5500mW VDD_CPU_GPU_CV 1594mW/1594mW VDD_SOC 1234mW/1234mW`,
    );
  }
  return out.join('\n') + '\n';
}

/** Shifts every `MM-DD-YYYY HH:MM:SS` stamp of a log by `s` seconds. */
export function shiftStamps(log: string, s: number): string {
  return log.replace(/^(\d\d)-(\d\d)-(\d{4}) (\d\d):(\d\d):(\d\d)/gm, (_m, mo, d, y, h, mi, se) => {
    const x = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +se) + s * 1000);
    const p = (v: number) => String(v).padStart(2, '0');
    return `${p(x.getUTCMonth() + 1)}-${p(x.getUTCDate())}-${x.getUTCFullYear()} ${p(x.getUTCHours())}:${p(x.getUTCMinutes())}:${p(x.getUTCSeconds())}`;
  });
}

/** dmesg lines with monotonic stamps. */
export function dmesg(lines: [number, string][]): string {
  return lines.map(([t, m]) => `[${t.toFixed(6).padStart(12)}] ${m}`).join('\n') + '\n';
}

export const BOOT_DMESG: [number, string][] = [
  [0, 'Booting Linux on physical CPU 0x0000000000 [0x410fd421]'],
  [0, 'Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d7000) (aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Mon Jun 16 08:24:48 PDT 2025'],
  [0, 'Machine model: NVIDIA Jetson Orin Nano Developer Kit'],
  [0, 'Reserved memory: created CMA memory pool at 0x0000000080000000, size 768 MiB'],
  [0.52, 'arm-smmu 8000000.iommu: probing hardware configuration...'],
  [3.1, 'tegra-camrtc-capture-vi tegra-capture-vi: subdev imx219 9-0010 bound'],
];
