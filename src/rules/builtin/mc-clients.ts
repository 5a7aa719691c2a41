/**
 * Tegra memory-controller client names (`csr_*` reads, `csw_*` writes, e.g. `csw_xusb_hostw`,
 * `csr_nvdecsrd`, upstream `xusb_hostw`) decoded to the device behind them, so a report can
 * say "the USB host controller wrote to an unmapped address" instead of quoting a register name.
 */
const UNITS: [RegExp, string][] = [
  [/^xusb_host/, 'USB host controller (xHCI)'],
  [/^xusb_dev/, 'USB device controller'],
  // Before VI: the VIC clients (vicsrd, vicswr) start with "vi" too.
  [/^vic/, 'video image compositor (VIC)'],
  [/^(vi|vi2)[wr]?|^vi_/, 'camera capture (VI)'],
  [/^isp/, 'camera image signal processor (ISP)'],
  [/^nvdec/, 'video decoder (NVDEC)'],
  [/^nvenc/, 'video encoder (NVENC)'],
  [/^nvjpg/, 'JPEG engine (NVJPG)'],
  [/^(gpu|gpusrd|gpuswr)/, 'GPU'],
  [/^sdmmc/, 'SD card / eMMC controller'],
  [/^(afi|pcie)/, 'PCIe controller'],
  [/^(hda|ape|aud)/, 'audio (HDA/APE)'],
  [/^(display|dc|nvdisplay)/, 'display controller'],
  [/^(se|tsec)[rw]?$|^(sesrd|seswr|tsecsrd|tsecswr)/, 'security engine'],
  [/^sata/, 'SATA controller'],
  [/^(mpcore|ccplex)/, 'CPU'],
  [/^(host1x|hc)/, 'host1x'],
  [/^(eqos|mgbe)/, 'Ethernet controller'],
  [/^(dla|nvdla)/, 'deep learning accelerator (DLA)'],
  [/^pva/, 'vision accelerator (PVA)'],
  [/^bpmp/, 'BPMP firmware processor'],
  [/^axi/, 'AXI peripherals'],
  [/^(ptc|etr)/, 'trace / performance counters'],
];

/** `csw_xusb_hostw` -> `USB host controller (xHCI), write`; null when the unit is unknown. */
export function decodeMcClient(client: string): { device: string; access?: 'read' | 'write' } | null {
  const m = /^(cs[rw])_(.+)$/.exec(client);
  const access = m ? (m[1] === 'csr' ? 'read' : 'write') : undefined;
  const unit = (m ? m[2]! : client).toLowerCase();
  const hit = UNITS.find(([re]) => re.test(unit));
  if (!hit) return null;
  return access ? { device: hit[1], access } : { device: hit[1] };
}
