/**
 * Bundles in an S3-compatible store (a local s3rver started here), reached through the
 * standard AWS environment: analysed straight from the bucket and listed by prefix.
 * Nothing of the credentials shows in any output.
 */
// @ts-nocheck

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3, type TestS3 } from '../helpers/s3.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');
const SAMPLES = ['orin-nano-cma-fragmentation', 'orin-nano-healthy', 'nano-power-supply'];

describe('bundles in S3 (local S3-compatible server)', () => {
  let s3: TestS3;
  // Asynchronous: the S3 server runs in this process and must keep answering.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...s3.env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      c.stdout!.on('data', (d) => (stdout += d));
      c.stderr!.on('data', (d) => (stderr += d));
      c.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  beforeAll(async () => {
    s3 = await startS3(['uploads']);
    for (const s of SAMPLES) await s3.put('uploads', `fleet/2026-11/${s}.tgz`, path.join(ROOT, 'samples', `${s}.tgz`));
    await s3.put('uploads', 'other/orin-nano-leak-oom.tgz', path.join(ROOT, 'samples/orin-nano-leak-oom.tgz'));
    Object.assign(process.env, s3.env);
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it('analyses s3://bucket/key like the same file on disk, and names what it cannot read', async () => {
    const fromS3 = await run(['analyze', 's3://uploads/fleet/2026-11/orin-nano-cma-fragmentation.tgz', '--json']);
    expect(fromS3.status).toBe(0);
    const local = await run(['analyze', path.join(ROOT, 'samples/orin-nano-cma-fragmentation.tgz'), '--json']);
    const verdict = (out: string) => JSON.parse(out).report.findings.map((f: { ruleId: string; verdict: string }) => `${f.ruleId}: ${f.verdict}`);
    expect(verdict(fromS3.stdout)).toEqual(verdict(local.stdout));
    expect(verdict(fromS3.stdout).length).toBeGreaterThan(0);

    const missing = await run(['analyze', 's3://uploads/fleet/nope.tgz']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read bundle "s3:\/\/uploads\/fleet\/nope\.tgz": NoSuchKey/);
    expect(missing.stderr + fromS3.stderr).not.toMatch(/S3RVER|NodeVersionSupportWarning/);
  });

  it('lists the archives under a prefix', async () => {
    const { listS3Bundles } = await import('../../src/bundle/s3.js');
    const found = await listS3Bundles('s3://uploads/fleet/');
    expect(found.map((o) => o.url)).toEqual(SAMPLES.map((s) => `s3://uploads/fleet/2026-11/${s}.tgz`).sort());
    await expect(listS3Bundles('s3://no-such-bucket/x')).rejects.toThrow(/cannot read bundle "s3:\/\/no-such-bucket\/x": NoSuchBucket/);
  });
});
