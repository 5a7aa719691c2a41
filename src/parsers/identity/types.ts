/**
 * What the identity files say about the device: L4T release, model, compatible, kernel,
 * serial, uptime, thermal zones and the collector manifest, each with where it was read. Part of the snapshot contract
 * (re-exported by src/snapshot/types.ts).
 */
import type { Provenance } from '../../snapshot/provenance.js';

export interface Sourced<T> {
  value: T;
  source: Provenance;
}

export interface L4tRelease {
  major: number;
  minor: number;
  patch: number;
  /** e.g. "36.4.3" */
  version: string;
  /** BSP family tag (`t186ref`, `t210ref`, `generic`): not the board. */
  board?: string;
  buildDate?: string;
  raw: string;
}

export interface ThermalZoneReading {
  zone: string;
  type?: string;
  tempC?: number;
  source: Provenance;
  /** The temp file's line the reading came from, verbatim (evidence). */
  tempLine?: { file: string; line: number; text: string };
}

export interface Identity {
  l4t?: Sourced<L4tRelease>;
  model?: Sourced<string>;
  compatible?: Sourced<string[]>;
  /** Device-tree source file name (`/proc/device-tree/nvidia,dtsfilename` or the boot log). */
  dtsFilename?: Sourced<string>;
  /** `uname -r` style kernel release, from uname output or the dmesg banner. */
  kernelRelease?: Sourced<string>;
  hostname?: Sourced<string>;
  /** The module's serial number (`/proc/device-tree/serial-number`): a device's stable id. */
  serialNumber?: Sourced<string>;
  /** `/etc/machine-id`: stable per installation (a re-flash gives a new one). */
  machineId?: Sourced<string>;
  cmdline?: Sourced<{ raw: string; params: Record<string, string | true> }>;
  uptimeSeconds?: Sourced<number>;
  thermalZones?: ThermalZoneReading[];
  manifest?: Sourced<{ deviceId?: string; captureTime?: string; fields: Record<string, unknown> }>;
}
