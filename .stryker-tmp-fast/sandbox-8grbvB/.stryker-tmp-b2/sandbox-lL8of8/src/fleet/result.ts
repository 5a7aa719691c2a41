/**
 * What the fleet keeps of one analysed bundle: a plain, JSON-serialisable record (it crosses
 * worker threads and queues, and is one line of fleet.ndjson). Stable contract: the store,
 * the fleet reports, `jetdiag diff` and the queue workers all read this shape.
 */
// @ts-nocheck

// 

import type { Severity } from '../rules/types.js';

export const RESULT_VERSION = 1;

/** problems / healthy / inconclusive are verdicts; failed means the bundle could not be analysed. */
export type BundleStatus = 'problems' | 'healthy' | 'inconclusive' | 'failed';

/** Where the device id or the capture time came from, best first. */
export type IdentitySource = 'manifest' | 'serial-number' | 'hostname' | 'machine-id' | 'file-name' | 'none';
export type TimeSource = 'manifest' | 'bundle' | 'file-name' | 'file-mtime' | 'none';

/** The figures a fleet timeline follows per device; absent when the bundle does not carry them. */
export interface KeyFigures {
  memTotalMiB?: number;
  memAvailableMiB?: number;
  cmaTotalMiB?: number;
  cmaFreeMiB?: number;
  /** Largest free block: the last tegrastats lfb, else the largest buddy block of the last capture. */
  largestFreeBlockMiB?: number;
  peakTempC?: number;
  /** Fitted growth of used RAM over the tegrastats log, MB per hour (negative = shrinking). */
  leakSlopeMBPerHour?: number;
  uptimeSeconds?: number;
}

export const KEY_FIGURES: { key: keyof KeyFigures; label: string; unit: string }[] = [
  { key: 'memAvailableMiB', label: 'MemAvailable', unit: 'MiB' },
  { key: 'memTotalMiB', label: 'MemTotal', unit: 'MiB' },
  { key: 'cmaFreeMiB', label: 'CmaFree', unit: 'MiB' },
  { key: 'cmaTotalMiB', label: 'CmaTotal', unit: 'MiB' },
  { key: 'largestFreeBlockMiB', label: 'largest free block', unit: 'MiB' },
  { key: 'peakTempC', label: 'peak temperature', unit: '°C' },
  { key: 'leakSlopeMBPerHour', label: 'leak slope', unit: 'MiB/h' },
  { key: 'uptimeSeconds', label: 'uptime', unit: 's' },
];

export interface FindingRecord {
  /** Stable across runs and wording changes: the same problem keeps the same id. */
  stableId: string;
  ruleId: string;
  messageId: string;
  severity: Severity;
  confidence: number;
  /** Catalogue signature ids this finding reports. */
  catalogueIds: string[];
  verdict: string;
  figures: { label: string; value: number | string; unit?: string }[];
  /** First evidence line as file:line, for the fleet report. */
  firstEvidence?: string;
}

export interface CauseRecord {
  causeId: string;
  cause: string;
  confidence: number;
  rank: number;
  /** Rule ids of the findings that support it. */
  supportingRules: string[];
  /** cause id + the catalogue ids of its supporting findings: what the fleet groups issues by. */
  fingerprint: string;
}

export interface BundleResult {
  resultVersion: number;
  /** The bundle reference exactly as given (path, glob match or queue reference). */
  path: string;
  /** sha256 of the bundle's bytes (an archive) or of its files' names and bytes (a folder); '' if unreadable. */
  contentHash: string;
  rulesetVersion: string;
  jetdiagVersion: string;
  status: BundleStatus;
  /** The cause or finding that decides the verdict, one line. */
  headline: string;
  deviceId: string;
  deviceIdSource: IdentitySource;
  /** Capture time, ISO 8601 UTC, when known. */
  capturedAt?: string;
  capturedAtSource: TimeSource;
  hostname?: string;
  board?: string;
  soc?: string;
  l4t?: string;
  jetpack?: string;
  kernel?: string;
  figures: KeyFigures;
  findings: FindingRecord[];
  causes: CauseRecord[];
  /** Issue fingerprints of this bundle (from its causes, and findings no cause explains). */
  fingerprints: string[];
  /** Why the bundle could not be analysed (status 'failed'). */
  error?: string;
  /** Problems with the capture itself (damaged archive, truncated file). */
  bundleProblems: number;
  bytes: number;
  analysedAt: string;
  durationMs: number;
}
