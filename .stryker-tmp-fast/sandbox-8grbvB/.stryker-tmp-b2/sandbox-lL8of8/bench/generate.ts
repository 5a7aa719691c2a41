/** Generates inputs of realistic shape for the benchmarks (deterministic: seeded). */
// @ts-nocheck

// 

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A 1 Hz JetPack 6 Orin Nano log: `hours` hours of samples (~350 bytes a line). */
export function tegrastatsLog(hours: number): string {
  return [...tegrastatsLines(Math.round(hours * 3600))].join('');
}

/** The same log as pieces of 1000 lines, for logs too large for one string. */
export function* tegrastatsLines(n: number): Generator<string> {
  const r = rng(42);
  const start = Date.UTC(2026, 10, 24, 0, 0, 0);
  const p = (x: number) => String(x).padStart(2, '0');
  let lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(start + i * 1000);
    const ts = `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}-${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
    const used = 3000 + Math.round(i / 100) % 4000 + Math.round(r() * 20);
    const cpu = Array.from({ length: 6 }, () => `${Math.round(r() * 100)}%@${[729, 1036, 1510][Math.floor(r() * 3)]}`).join(',');
    const t = () => (45 + r() * 20).toFixed(3);
    lines.push(
      `${ts} RAM ${used}/7620MB (lfb ${Math.round(r() * 40)}x4MB) SWAP 0/3810MB (cached 0MB) CPU [${cpu}] EMC_FREQ ${Math.round(r() * 60)}%@3199 GR3D_FREQ ${Math.round(r() * 99)}%@[1020] NVENC off NVDEC off NVJPG off NVJPG1 off VIC off OFA off APE 174 cpu@${t()}C soc2@${t()}C soc0@${t()}C gpu@${t()}C tj@${t()}C soc1@${t()}C VDD_IN ${4000 + Math.round(r() * 3000)}mW/${4500}mW VDD_CPU_GPU_CV ${800 + Math.round(r() * 900)}mW/1200mW VDD_SOC 1238mW/1237mW\n`,
    );
    if (lines.length === 1000) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

const DMESG_TEMPLATES = [
  'arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x{h}, fsynr=0x7c0020, cbfrsynra=0x800, cb=7',
  'nvgpu: 17000000.gpu      gv11b_fb_mmu_fault_info_dump:294  [ERR]  [MMU FAULT] mmu engine id:  18, ch id:  479',
  'tegra-camrtc-capture-vi tegra-capture-vi: corr_err: discarding frame {n}, flags: 0, err_data 131072',
  'usb 1-2: new high-speed USB device number {n} using tegra-xusb',
  'EXT4-fs (mmcblk0p1): mounted filesystem with ordered data mode. Opts: (null)',
  'cma: cma_alloc: linux,cma: alloc failed, req-size: {n} pages, ret: -12',
  'r8168: enP8p1s0: link up',
  'systemd[1]: Started Session {n} of user nvidia.',
];

/** A `dmesg` capture of `lines` lines with real message shapes (~90 bytes a line). */
export function dmesgLog(lines: number): string {
  const r = rng(7);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ts = (i * 0.731).toFixed(6).padStart(12);
    const tpl = DMESG_TEMPLATES[Math.floor(r() * DMESG_TEMPLATES.length)]!;
    out.push(`[${ts}] ${tpl.replace('{h}', Math.floor(r() * 2 ** 32).toString(16)).replace('{n}', String(Math.floor(r() * 5000)))}`);
  }
  return out.join('\n') + '\n';
}
