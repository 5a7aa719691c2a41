// @ts-nocheck
// 
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../src/fleet/store.js';
import type { BundleResult } from '../../src/fleet/result.js';
import { batch, SAMPLE, tempDir, upload } from '../helpers/fleet.js';

const readNdjson = (out: string) =>
  readFileSync(path.join(out, 'fleet.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as BundleResult);

describe('jetdiag batch (coordinator + worker pool + store)', () => {
  it('analyses a folder in parallel; a corrupt bundle in the middle is a failed row, the rest are analysed', async () => {
    const up = tempDir();
    upload(up, 'a-orin-1', 'orin-nano-healthy', 'orin-1', '2026-11-01T08:00:00Z');
    upload(up, 'b-orin-2', 'orin-nano-leak-oom', 'orin-2', '2026-11-02T08:00:00Z');
    // A gzip header, then garbage: the archive cannot be read past its first bytes.
    writeFileSync(path.join(up, 'c-orin-3-2026-11-03.tgz'), Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(300, 0xab)]));
    cpSync(SAMPLE('orin-nano-cma-fragmentation.tgz'), path.join(up, 'd-cam-0113.tgz'));
    upload(up, 'e-orin-5', 'orin-nano-thermal-throttling', 'orin-5', '2026-11-05T08:00:00Z');
    const out = tempDir();
    const s = await batch([up], out, { jobs: 2 });
    expect(s.discovered).toBe(5);
    expect(s.analysed).toBe(5);
    expect(s.failed).toBe(1);
    expect(s.failures[0]!.path).toBe(path.join(up, 'c-orin-3-2026-11-03.tgz'));
    const lines = readNdjson(out);
    expect(lines).toHaveLength(5);
    const byPath = new Map(lines.map((r) => [path.basename(r.path), r]));
    expect(byPath.get('c-orin-3-2026-11-03.tgz')).toMatchObject({ status: 'failed', deviceId: 'c-orin-3', deviceIdSource: 'file-name', capturedAt: '2026-11-03T00:00:00.000Z' });
    expect(byPath.get('c-orin-3-2026-11-03.tgz')!.error).toBeTruthy();
    expect(byPath.get('a-orin-1')).toMatchObject({ status: 'healthy', deviceId: 'orin-1', deviceIdSource: 'manifest', capturedAt: '2026-11-01T08:00:00.000Z' });
    expect(byPath.get('b-orin-2')!.causes[0]!.causeId).toBe('leak-to-oom');
    expect(byPath.get('d-cam-0113.tgz')!.causes[0]!.causeId).toBe('cma-fragmentation');
    expect(byPath.get('e-orin-5')!.status).toBe('problems');
    const store = await open(out);
    const [row] = await store.query("SELECT count(*) AS n, count(*) FILTER (WHERE status = 'failed') AS failed FROM bundles");
    expect(row).toEqual({ n: 5, failed: 1 });
    const runs = await store.query('SELECT state, discovered, analysed, reused, failed FROM runs');
    expect(runs).toEqual([{ state: 'complete', discovered: 5, analysed: 5, reused: 0, failed: 1 }]);
    await store.close();
  }, 180_000);

  it('re-runs incrementally: nothing when nothing changed, only the new or changed bundle, everything with --rebuild', async () => {
    const up = tempDir();
    upload(up, 'orin-1-a', 'orin-nano-healthy', 'orin-1', '2026-11-01T08:00:00Z');
    upload(up, 'orin-1-b', 'orin-nano-leak-oom', 'orin-1', '2026-11-02T08:00:00Z');
    const out = tempDir();
    expect((await batch([up], out)).analysed).toBe(2);
    const again = await batch([up], out);
    expect({ analysed: again.analysed, reused: again.reused }).toEqual({ analysed: 0, reused: 2 });
    upload(up, 'orin-1-c', 'orin-nano-smmu-camera', 'orin-1', '2026-11-03T08:00:00Z');
    appendFileSync(path.join(up, 'orin-1-a', 'dmesg.txt'), '[99999.000000] a new line\n');
    const grown = await batch([up], out);
    expect({ analysed: grown.analysed, reused: grown.reused }).toEqual({ analysed: 2, reused: 1 });
    // A copy of an analysed bundle under another name: same content, nothing to analyse.
    cpSync(path.join(up, 'orin-1-b'), path.join(up, 'orin-1-b-copy'), { recursive: true });
    const copied = await batch([up], out);
    expect({ analysed: copied.analysed, reused: copied.reused }).toEqual({ analysed: 0, reused: 4 });
    const rebuilt = await batch([up], out, { rebuild: true });
    expect(rebuilt.analysed).toBe(4);
    // Idempotent: every bundle content once, whatever the number of runs.
    const store = await open(out);
    // The edited bundle's earlier content stays as history; the fleet reads the current three.
    const [row] = await store.query('SELECT count(*) AS n, count(DISTINCT content_hash) AS distinct_hashes FROM bundles');
    expect(row).toEqual({ n: 4, distinct_hashes: 4 });
    const [fleet] = await store.query('SELECT count(DISTINCT content_hash) AS n FROM bundles WHERE content_hash IN (SELECT content_hash FROM sources)');
    expect(fleet!.n).toBe(3);
    // --rebuild started fleet.ndjson afresh: one line per bundle path analysed by that run.
    const lines = readNdjson(out);
    expect(lines).toHaveLength(4);
    const [f] = await store.query('SELECT count(*) AS n FROM findings WHERE content_hash IN (SELECT content_hash FROM sources)');
    const distinct = new Map(lines.map((r) => [r.contentHash, r.findings.length]));
    expect(f!.n).toBe([...distinct.values()].reduce((a, b) => a + b, 0));
    await store.close();
  }, 240_000);

  it('resumes after an interruption: finished results stay, the next run analyses only the rest', async () => {
    const up = tempDir();
    const samples = ['orin-nano-healthy', 'orin-nano-leak-oom', 'orin-nano-smmu-camera', 'orin-nano-thermal-throttling', 'orin-nano-cma-fragmentation', 'nano-power-supply'];
    samples.forEach((s, i) => upload(up, `dev-${i}`, s, `dev-${i}`, `2026-11-0${i + 1}T08:00:00Z`));
    const out = tempDir();
    const controller = new AbortController();
    let finished = 0;
    const first = await batch([up], out, {
      jobs: 1,
      signal: controller.signal,
      progress: {
        start() {},
        tick() {
          if (++finished === 2) controller.abort();
        },
        stop() {},
      },
    });
    expect(first.interrupted).toBe(true);
    expect(first.analysed).toBeGreaterThanOrEqual(2);
    expect(first.analysed).toBeLessThan(6);
    const store = await open(out);
    const [kept] = await store.query('SELECT count(*) AS n FROM bundles');
    expect(kept!.n).toBe(first.analysed);
    expect((await store.query('SELECT state FROM runs'))[0]).toEqual({ state: 'interrupted' });
    await store.close();
    const second = await batch([up], out);
    expect(second.interrupted).toBe(false);
    expect(second.reused).toBe(first.analysed);
    expect(second.analysed).toBe(6 - first.analysed);
  }, 240_000);
});
