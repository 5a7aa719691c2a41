/**
 * A kernel log with thousands of SMMU context faults across many stream ids, next to the
 * tegra-mc decode errors and capture errors they come with. Line shapes are those of real
 * arm-smmu / tegra-mc messages on T234 (see samples/orin-nano-smmu-camera/dmesg.txt).
 */
// @ts-nocheck

// 

export function smmuStormLog(faults: number): string {
  const lines: string[] = [];
  let t = 100;
  for (let i = 0; i < faults; i++) {
    t += 0.37;
    const sid = (0x1000 + (i % 40)).toString(16);
    const iova = (0xfff00000 + i * 4096).toString(16);
    const ts = `[${t.toFixed(6).padStart(12)}]`;
    lines.push(`${ts} arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x${iova}, fsynr=0x7c0020, cbfrsynra=0x${sid}, cb=${i % 8}`);
    lines.push(`${ts} tegra-mc 2c00000.memory-controller: unknown: write @0x00000000${iova}: EMEM address decode error (SMMU translation error [--RW])`);
  }
  return lines.join('\n') + '\n';
}
