/** Upload folders for fleet tests: real sample bundles copied under a device's name and time. */
// @ts-nocheck

// 

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../../src/fleet/progress.js';
import { runBatch, type BatchOptions } from '../../src/fleet/batch.js';
import { writeFleetReports } from '../../src/fleet/reports.js';
import { open } from '../../src/fleet/store.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE = (name: string) => path.join(ROOT, 'samples', name);

export function tempDir(prefix = 'jetdiag-fleet-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Copies a sample folder to <dir>/<name> with a manifest naming the device and capture time. */
export function upload(dir: string, name: string, sample: string, device: string, time: string): string {
  const to = path.join(dir, name);
  cpSync(SAMPLE(sample), to, { recursive: true });
  writeFileSync(path.join(to, 'manifest.json'), JSON.stringify({ device_id: device, capture_time: time }));
  return to;
}

export function batch(inputs: string[], outDir: string, extra: Partial<BatchOptions> = {}) {
  return runBatch({ inputs, outDir, jobs: 2, analyze: {}, progress: createProgress('none'), ...extra });
}

/** Runs the CLI without blocking the test worker (a long spawnSync starves vitest's RPC). */
export function runCli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * fleet.html of a small fleet (three uploads of two devices: healthy, leak, CMA), plus
 * `extra` uploads, analysed and rendered into a new folder; returns the file's path.
 */
export async function smallFleetHtml(extra: (up: string) => void = () => {}): Promise<string> {
  const up = tempDir();
  upload(up, 'orin-1-a', 'orin-nano-healthy', 'orin-1', '2026-11-01T08:00:00Z');
  upload(up, 'orin-1-b', 'orin-nano-leak-oom', 'orin-1', '2026-11-02T08:00:00Z');
  upload(up, 'cam-2-a', 'orin-nano-cma-fragmentation', 'cam-2', '2026-11-02T10:00:00Z');
  extra(up);
  const out = tempDir();
  await batch([up], out);
  const store = await open(out);
  await writeFleetReports(store, out, { formats: ['html'] });
  await store.close();
  return path.join(out, 'fleet.html');
}
