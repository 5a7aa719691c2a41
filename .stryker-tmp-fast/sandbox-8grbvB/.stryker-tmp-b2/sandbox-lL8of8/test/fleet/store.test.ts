// @ts-nocheck
// 
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/fleet/analyze-one.js';
import { open } from '../../src/fleet/store.js';

const SAMPLES = path.resolve('samples');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'jetdiag-fleet-'));

describe('analyzeBundle', () => {
  it('turns a sample archive into a plain result with hash, rule set version, verdict and figures', async () => {
    const r = await analyzeBundle(path.join(SAMPLES, 'orin-nano-leak-oom.tgz'));
    expect(r.status).toBe('problems');
    expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.rulesetVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(r.causes[0]?.causeId).toBe('leak-to-oom');
    expect(r.fingerprints[0]).toMatch(/^leak-to-oom/);
    expect(r.findings.map((f) => f.ruleId)).toContain('oom-kills');
    expect(r.figures.memAvailableMiB).toBeCloseTo(243, 0);
    expect(r.figures.leakSlopeMBPerHour).toBeGreaterThan(300);
    expect(r.board).toBe('Jetson Orin Nano 8GB');
    expect(r.l4t).toBe('36.4.3');
    // Serialisable as is: it crosses worker threads and queues.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('hashes a folder by its files: the same capture as a folder twice gives one hash', async () => {
    const a = await analyzeBundle(path.join(SAMPLES, 'orin-nano-healthy'));
    const dir = tmp();
    cpSync(path.join(SAMPLES, 'orin-nano-healthy'), path.join(dir, 'copy'), { recursive: true });
    const b = await analyzeBundle(path.join(dir, 'copy'));
    expect(a.status).toBe('healthy');
    expect(b.contentHash).toBe(a.contentHash);
    writeFileSync(path.join(dir, 'copy', 'extra.txt'), 'x');
    const c = await analyzeBundle(path.join(dir, 'copy'));
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it('never throws: a missing path and a corrupt archive are failed results with their error', async () => {
    const missing = await analyzeBundle('/nonexistent/bundle.tgz');
    expect(missing.status).toBe('failed');
    expect(missing.error).toMatch(/bundle\.tgz|ENOENT|not found/i);
    const dir = tmp();
    const bad = path.join(dir, 'dev-7-2026-11-30.tgz');
    writeFileSync(bad, Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    const r = await analyzeBundle(bad);
    expect(['failed', 'inconclusive']).toContain(r.status);
    expect(r.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.deviceId).toBe('dev-7');
    expect(r.capturedAt).toBe('2026-11-30T00:00:00.000Z');
  });
});

describe('FleetStore', () => {
  it('upsert is idempotent: the same result twice keeps one bundle row and one set of findings', async () => {
    const dir = tmp();
    const r = await analyzeBundle(path.join(SAMPLES, 'orin-nano-cma-fragmentation.tgz'));
    const store = await open(dir);
    await store.upsert(r);
    await store.upsert(r);
    await Promise.all([store.upsert(r), store.upsert(r)]);
    const [b] = await store.query('SELECT count(*) AS n FROM bundles');
    const [f] = await store.query('SELECT count(*) AS n FROM findings');
    const [c] = await store.query('SELECT count(*) AS n FROM causes');
    expect(b!.n).toBe(1);
    expect(f!.n).toBe(r.findings.length);
    expect(c!.n).toBe(r.causes.length);
    expect(await store.has(r.contentHash, r.rulesetVersion)).toBe(true);
    expect(await store.get(r.contentHash, r.rulesetVersion)).toEqual(r);
    await store.close();
    // Reopened from disk: still there.
    const again = await open(dir);
    expect((await again.query('SELECT status, board, fingerprints FROM bundles'))[0]).toEqual({ status: 'problems', board: r.board, fingerprints: r.fingerprints });
    await again.close();
  });
});
