/**
 * Board and release tables from shared/jetson-reference.md (sections 1-5). Values marked
 * "not verified" there carry `verified: false` and rules fall back or say so.
 */
// @ts-nocheck

// 

export type Soc = 'tegra210' | 'tegra186' | 'tegra194' | 'tegra234' | 'tegra264';

export interface BoardInfo {
  name: string;
  soc: Soc;
  /** Part numbers (`p3767-0003`) found in /proc/device-tree/compatible. */
  parts: string[];
  /** Nominal DRAM in MiB. */
  nominalRamMB: number;
  /** Linux-visible RAM seen in real captures (tegrastats total), when known. */
  observedRamMB?: [number, number];
  /** Name of the rail that measures total module input, when the board has one. */
  totalPowerRail?: string;
}

export const BOARDS: BoardInfo[] = [
  { name: 'Jetson Nano 4GB', soc: 'tegra210', parts: ['p3448-0000', 'p3448-0002', 'p3450-0000', 'p3450-0002'], nominalRamMB: 4096, observedRamMB: [3960, 3966], totalPowerRail: 'POM_5V_IN' },
  { name: 'Jetson Nano 2GB', soc: 'tegra210', parts: ['p3448-0003'], nominalRamMB: 2048, totalPowerRail: 'POM_5V_IN' },
  { name: 'Jetson TX1', soc: 'tegra210', parts: ['p2371-2180', 'p2180-1000'], nominalRamMB: 4096 },
  { name: 'Jetson TX2', soc: 'tegra186', parts: ['p2771-0000', 'p3310-1000'], nominalRamMB: 8192, observedRamMB: [7844, 7860], totalPowerRail: 'VDD_IN' },
  { name: 'Jetson TX2 4GB', soc: 'tegra186', parts: ['p3489-0888'], nominalRamMB: 4096, observedRamMB: [3830, 3830], totalPowerRail: 'VDD_IN' },
  { name: 'Jetson TX2i', soc: 'tegra186', parts: ['p3489-0000'], nominalRamMB: 8192, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson TX2 NX', soc: 'tegra186', parts: ['p3636-0001'], nominalRamMB: 4096, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson Xavier NX 16GB', soc: 'tegra194', parts: ['p3668-0003'], nominalRamMB: 16384, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson Xavier NX 8GB', soc: 'tegra194', parts: ['p3668-0000', 'p3668-0001'], nominalRamMB: 8192, observedRamMB: [6834, 6834], totalPowerRail: 'VDD_IN' },
  { name: 'Jetson AGX Xavier 8GB', soc: 'tegra194', parts: ['p2888-0006', 'p2972-0006'], nominalRamMB: 8192 },
  { name: 'Jetson AGX Xavier Industrial', soc: 'tegra194', parts: ['p2888-0008'], nominalRamMB: 32768 },
  { name: 'Jetson AGX Xavier 64GB', soc: 'tegra194', parts: ['p2888-0005'], nominalRamMB: 65536 },
  { name: 'Jetson AGX Xavier 32GB', soc: 'tegra194', parts: ['p2888-0004', 'p2888-0003'], nominalRamMB: 32768, observedRamMB: [31929, 31929] },
  { name: 'Jetson AGX Xavier 16GB', soc: 'tegra194', parts: ['p2888-0001', 'p2972-0000'], nominalRamMB: 16384, observedRamMB: [15692, 15827] },
  { name: 'Jetson Orin Nano 4GB', soc: 'tegra234', parts: ['p3767-0004'], nominalRamMB: 4096, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson Orin Nano 8GB', soc: 'tegra234', parts: ['p3767-0003', 'p3767-0005'], nominalRamMB: 8192, observedRamMB: [7620, 7634], totalPowerRail: 'VDD_IN' },
  { name: 'Jetson Orin NX 8GB', soc: 'tegra234', parts: ['p3767-0001'], nominalRamMB: 8192, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson Orin NX 16GB', soc: 'tegra234', parts: ['p3767-0000'], nominalRamMB: 16384, totalPowerRail: 'VDD_IN' },
  { name: 'Jetson AGX Orin 32GB', soc: 'tegra234', parts: ['p3701-0004'], nominalRamMB: 32768 },
  { name: 'Jetson AGX Orin Industrial', soc: 'tegra234', parts: ['p3701-0008'], nominalRamMB: 65536 },
  { name: 'Jetson AGX Orin 64GB', soc: 'tegra234', parts: ['p3701-0005', 'p3701-0000'], nominalRamMB: 65536, observedRamMB: [62817, 62841] },
  { name: 'Jetson AGX Thor', soc: 'tegra264', parts: ['p3834-0008', 'p3834-0005'], nominalRamMB: 131072, observedRamMB: [125772, 125772], totalPowerRail: 'VIN' },
];

export interface TripPoints {
  /** Sensor label (lower-case tegrastats label) -> throttle and shutdown in °C. */
  zones: Record<string, { throttleC: number; shutdownC: number }>;
  source: string;
  verified: boolean;
}

/** §4.2 of the reference. Orin: BPMP zones throttle at 99.0 °C and shut down at 104.5 °C. */
export const TRIP_POINTS: Record<Soc, TripPoints> = {
  tegra234: {
    zones: Object.fromEntries(
      ['cpu', 'gpu', 'cv0', 'cv1', 'cv2', 'soc0', 'soc1', 'soc2', 'tj'].map((z) => [z, { throttleC: 99.0, shutdownC: 104.5 }]),
    ),
    source: 'NVIDIA upstream T234 device tree (AGX Orin); Orin NX/Nano assumed the same',
    verified: true,
  },
  tegra194: {
    zones: { cpu: { throttleC: 90.0, shutdownC: 95.5 }, gpu: { throttleC: 92.5, shutdownC: 98.0 }, aux: { throttleC: 89.0, shutdownC: 94.5 } },
    source: 'L4T R32 common T19x thermal device tree (AGX Xavier)',
    verified: true,
  },
  tegra210: {
    zones: { cpu: { throttleC: 100.5, shutdownC: 102.5 }, gpu: { throttleC: 101.0, shutdownC: 103.0 } },
    source: 'Jetson Nano R32.1 boot log soctherm throttrip/thermtrip lines',
    verified: true,
  },
  tegra186: {
    zones: {},
    source: 'TX2 trip points are not verified; jetdiag uses the boot log lines when present',
    verified: false,
  },
  tegra264: { zones: {}, source: 'Thor trip points are not verified', verified: false },
};

/** L4T major.minor -> JetPack (§2), from jetson_stats' table and OE4T logs. */
export const L4T_TO_JETPACK: Record<string, string> = {
  '28.1': '3.1', '28.2': '3.2', '28.2.1': '3.3 | 3.2.1', '28.4': '3.3.3',
  '31.0.1': '4.0', '31.0.2': '4.1', '31.1': '4.1.1',
  '32.1': '4.2', '32.2': '4.2.1', '32.2.1': '4.2.2', '32.2.3': '4.2.3', '32.3.1': '4.3',
  '32.4.2': '4.4 DP', '32.4.3': '4.4', '32.4.4': '4.4.1', '32.5.0': '4.5', '32.5': '4.5', '32.5.1': '4.5.1', '32.5.2': '4.5.1',
  '32.6.1': '4.6', '32.7.1': '4.6.1', '32.7.2': '4.6.2', '32.7.3': '4.6.3', '32.7.4': '4.6.4', '32.7.5': '4.6.5', '32.7.6': '4.6.6',
  '34.1.0': '5.0 DP', '34.1.1': '5.0.1 DP', '35.1.0': '5.0.2', '35.2.1': '5.1', '35.3.1': '5.1.1', '35.4.1': '5.1.2',
  '35.5.0': '5.1.3', '35.6.0': '5.1.4', '35.6.1': '5.1.5', '35.6.2': '5.1.5', '35.6.3': '5.1.5', '35.6.4': '5.1.6',
  '36.2.0': '6.0 DP', '36.3.0': '6.0', '36.4.0': '6.1', '36.4.2': '6.1 (rev1)', '36.4.3': '6.2', '36.4.4': '6.2.1',
  '36.4.7': '6.2.1', '36.5.0': '6.2.2', '38.2.0': '7.0', '38.2.1': '7.0', '38.2.2': '7.0', '38.4.0': '7.1',
  '39.0.0': '7.2 EA', '39.2.0': '7.2', '39.2.1': '7.2.1',
};

/** Default CMA by L4T major (§5.1); R36+ is not verified. */
export function defaultCmaMB(l4tMajor: number | undefined, soc: Soc | undefined): { mb: number; verified: boolean } | undefined {
  if (l4tMajor === undefined) return undefined;
  if (soc === 'tegra210' && l4tMajor === 32) return { mb: 464, verified: true };
  if (l4tMajor >= 28 && l4tMajor <= 35) return { mb: 64, verified: true };
  return undefined;
}
