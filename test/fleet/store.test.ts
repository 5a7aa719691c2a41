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

  it('a batch replaces rows key by key: the same key twice keeps the last, a re-analysis drops findings it no longer has', async () => {
    const dir = tmp();
    const r = await analyzeBundle(path.join(SAMPLES, 'orin-nano-leak-oom.tgz'));
    const other = await analyzeBundle(path.join(SAMPLES, 'orin-nano-healthy.tgz'));
    expect(r.findings.length).toBeGreaterThan(1);
    const store = await open(dir);
    await store.upsertMany([r, other]);
    const fewer = { ...r, findings: r.findings.slice(0, 1), causes: [], headline: 'second analysis' };
    const unreadable = { ...other, contentHash: '', path: '/uploads/gone.tgz', status: 'failed' as const, error: 'ENOENT', capturedAt: 'not a time', findings: [], causes: [] };
    await store.upsertMany([r, fewer, unreadable]);
    const rows = await store.query('SELECT content_hash, headline, captured_at, error FROM bundles ORDER BY content_hash');
    expect(rows).toHaveLength(3);
    expect(rows.find((x) => x.content_hash === r.contentHash)).toMatchObject({ headline: 'second analysis', captured_at: r.capturedAt });
    expect(rows.find((x) => x.content_hash === 'unreadable:/uploads/gone.tgz')).toMatchObject({ error: 'ENOENT', captured_at: null });
    const f = await store.query('SELECT content_hash, ord, rule_id, catalogue_ids FROM findings ORDER BY content_hash, ord');
    expect(f.filter((x) => x.content_hash === r.contentHash)).toEqual([
      { content_hash: r.contentHash, ord: 0, rule_id: r.findings[0]!.ruleId, catalogue_ids: r.findings[0]!.catalogueIds },
    ]);
    expect(f.filter((x) => x.content_hash === other.contentHash)).toHaveLength(other.findings.length);
    expect(await store.query('SELECT * FROM causes WHERE content_hash = $1', [r.contentHash])).toEqual([]);
    expect(await store.get(r.contentHash, r.rulesetVersion)).toEqual(fewer);
    await store.close();
  });
});
