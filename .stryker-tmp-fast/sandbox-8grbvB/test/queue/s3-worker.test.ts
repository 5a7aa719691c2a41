/**
 * `jetdiag batch s3://bucket/prefix --queue`: the coordinator lists the prefix and hashes
 * each object, a worker process reads the bundles from the S3-compatible store (a local
 * s3rver) through the standard AWS environment, and the results land in the store under
 * their s3:// names with the hash of their bytes. No credential shows in any output.
 */
// @ts-nocheck

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');
const SAMPLES = ['orin-nano-cma-fragmentation', 'orin-nano-healthy', 'nano-power-supply'];

describe('batch over s3:// on the queue (local S3-compatible server, real redis-server)', () => {
  let s3: TestS3;
  let redis: TestRedis;
  beforeAll(async () => {
    s3 = await startS3(['uploads']);
    for (const s of SAMPLES) await s3.put('uploads', `fleet/2026-11/${s}.tgz`, path.join(ROOT, 'samples', `${s}.tgz`));
    await s3.put('uploads', 'other/orin-nano-leak-oom.tgz', path.join(ROOT, 'samples/orin-nano-leak-oom.tgz'));
    redis = await startRedis();
  });
  afterAll(async () => {
    await s3?.stop();
    await redis?.stop();
  });

  it('stores every object under the prefix once, analysed by a worker that reads S3', async () => {
    const env = { ...process.env, ...s3.env };
    const worker = spawn(process.execPath, [BIN, 'worker', '--queue', redis.url, '--concurrency', '2'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    worker.stderr!.on('data', (c) => (log += c));
    const out = path.join(tempDir(), 'fleet');
    try {
      // Asynchronous: the S3 server runs in this process and must keep answering.
      const batch = spawn(process.execPath, [BIN, 'batch', 's3://uploads/fleet/', '-o', out, '--queue', redis.url], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let batchOut = '';
      batch.stdout!.on('data', (c) => (batchOut += c));
      batch.stderr!.on('data', (c) => (batchOut += c));
      const code = await new Promise((r) => batch.once('exit', r));
      expect(code, batchOut).toBe(0);
      expect(log).toMatch(/done [0-9a-f]{12} s3:\/\/uploads\/fleet\/2026-11\//);
      expect(log + batchOut).not.toMatch(/S3RVER|NodeVersionSupportWarning/);

      const { open } = await import('../../src/fleet/store.js');
      const store = await open(out);
      const rows = await store.query('SELECT path, content_hash, status, top_cause FROM bundles ORDER BY path');
      await store.close();
      expect(rows.map((r) => r.path)).toEqual(SAMPLES.map((s) => `s3://uploads/fleet/2026-11/${s}.tgz`).sort());
      for (const r of rows) {
        const sample = path.basename(String(r.path));
        expect(r.content_hash).toBe(createHash('sha256').update(readFileSync(path.join(ROOT, 'samples', sample))).digest('hex'));
        expect(r.status).not.toBe('failed');
      }
      expect(rows.find((r) => String(r.path).includes('healthy'))!.status).toBe('healthy');
      expect(rows.find((r) => String(r.path).includes('cma-fragmentation'))!.status).toBe('problems');
    } finally {
      worker.kill('SIGKILL');
    }
  }, 180_000);
});
