/**
 * Derived facts about the device and its state, computed once per analysis and read by the
 * root causes (their conditions and summaries) and the reports. Every fact may be unknown: a
 * cause never argues from a fact the bundle does not carry.
 */
// @ts-nocheck

// 

import type { Snapshot } from '../snapshot/types.js';

/** What facts are computed from besides the snapshot: the identified device. */
export interface DeviceFactsInput {
  soc?: string;
  board?: { name: string };
  l4t?: string;
  jetpack?: string;
  /** The release's default CMA size for this SoC, when known. */
  defaultCma?: { mb: number };
}

/** Each fact with its type and meaning (the causes pack may name these and no others). */
export const FACT_MEANINGS = {
  uptimeHours: { type: 'number', meaning: 'Hours the device had been up when the bundle was taken (/proc/uptime, else the last kernel timestamp of a complete boot log).' },
  soc: { type: 'string', meaning: 'The SoC: tegra210 (Nano, TX1), tegra186 (TX2), tegra194 (Xavier), tegra234 (Orin), tegra264 (Thor).' },
  board: { type: 'string', meaning: 'The identified board, e.g. "Jetson Orin Nano 8GB".' },
  l4tMajor: { type: 'number', meaning: 'The L4T (Jetson Linux) major release: 32 (JetPack 4), 35 (JetPack 5), 36 (JetPack 6).' },
  l4t: { type: 'string', meaning: 'The full L4T release, e.g. "36.4.3".' },
  memTotalMiB: { type: 'number', meaning: 'MemTotal from the last /proc/meminfo capture, whole MiB.' },
  memAvailablePct: { type: 'number', meaning: 'MemAvailable as a percentage of MemTotal in the last /proc/meminfo capture.' },
  cmaTotalMiB: { type: 'number', meaning: 'CmaTotal from the last /proc/meminfo capture, MiB.' },
  cmaFreeMiB: { type: 'number', meaning: 'CmaFree from the last /proc/meminfo capture, MiB.' },
  cmaIsReleaseDefault: { type: 'boolean', meaning: 'CmaTotal equals the default CMA size of the release for this SoC (never resized).' },
} as const satisfies Record<string, { type: 'number' | 'string' | 'boolean'; meaning: string }>;

export type FactName = keyof typeof FACT_MEANINGS;
type FactType<N extends FactName> = (typeof FACT_MEANINGS)[N]['type'] extends 'number' ? number : (typeof FACT_MEANINGS)[N]['type'] extends 'boolean' ? boolean : string;
export type Facts = { [N in FactName]?: FactType<N> };

export const FACT_NAMES = Object.keys(FACT_MEANINGS) as FactName[];

const MiB = 1024 * 1024;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** Seconds the device had been up when the bundle was taken, when known. */
export function uptimeOf(snapshot: Snapshot): number | undefined {
  const up = snapshot.identity?.uptimeSeconds?.value;
  if (up !== undefined) return up;
  const d = snapshot.dmesg;
  // A log that lost its boot lines may not belong to the running boot: no uptime from it.
  if (!d || d.startsMidBoot) return undefined;
  const last = d.records.findLast((r) => r.monotonic !== undefined && r.boot === d.boots.length - 1);
  return last?.monotonic;
}

export function computeFacts(snapshot: Snapshot, device: DeviceFactsInput): Facts {
  const facts: Facts = {};
  const up = uptimeOf(snapshot);
  if (up !== undefined) facts.uptimeHours = up / 3600;
  if (device.soc) facts.soc = device.soc;
  if (device.board) facts.board = device.board.name;
  if (device.l4t) {
    facts.l4t = device.l4t;
    const major = Number(device.l4t.split('.')[0]);
    if (Number.isFinite(major)) facts.l4tMajor = major;
  }
  const mem = snapshot.meminfo?.captures.at(-1)?.values;
  if (mem?.MemTotal !== undefined) facts.memTotalMiB = Math.round(mem.MemTotal / MiB);
  if (mem?.MemTotal && mem.MemAvailable !== undefined) facts.memAvailablePct = round1((mem.MemAvailable / mem.MemTotal) * 100);
  if (mem?.CmaTotal !== undefined) facts.cmaTotalMiB = round1(mem.CmaTotal / MiB);
  if (mem?.CmaFree !== undefined) facts.cmaFreeMiB = round1(mem.CmaFree / MiB);
  if (facts.cmaTotalMiB !== undefined && device.defaultCma) facts.cmaIsReleaseDefault = Math.abs(device.defaultCma.mb - facts.cmaTotalMiB) < 1;
  return facts;
}
