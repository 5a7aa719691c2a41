// @ts-nocheck
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli as run, tempDir, upload } from '../helpers/fleet.js';

const BIN = path.join(ROOT, 'bin/jetdiag.js');

function fleetOf(samples: string[]): string {
  const up = tempDir();
  samples.forEach((s, i) => upload(up, `dev-${i}-upload`, s, `dev-${i}`, `2026-11-0${i + 1}T08:00:00Z`));
  return up;
}

describe('jetdiag batch / fleet on the command line', () => {
  it('prints progress lines on a non-terminal stderr, a summary on stdout, exit 4 for an unreadable bundle', async () => {
    const up = fleetOf(['orin-nano-healthy', 'orin-nano-leak-oom']);
    writeFileSync(path.join(up, 'dev-9-2026-11-09.tgz'), 'not a gzip at all, but named like one');
    writeFileSync(path.join(up, 'dev-8-2026-11-08.tgz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    const out = tempDir();
    const r = await run(['batch', up, '-o', out, '--jobs', '2']);
    expect(r.stderr).toMatch(/^jetdiag batch: 4\/4 bundles, [\d.]+\/s, ETA 0 s, 2 failed$/m);
    expect(r.stdout).toMatch(/^jetdiag batch: 4 bundles: 4 analysed, 0 unchanged, 2 failed/);
    expect(r.stdout).toMatch(/failed .*dev-9-2026-11-09\.tgz: .*not a tar/);
    expect(r.stdout).toMatch(/failed .*dev-8-2026-11-08\.tgz: .*gzip/);
    expect(r.stdout).toMatch(/reports: .*fleet\.html, .*fleet\.md, .*fleet\.csv, .*parquet\/\*\.parquet/);
    expect(r.status).toBe(4);
    for (const f of ['fleet.duckdb', 'fleet.html', 'fleet.md', 'fleet.csv', 'fleet.ndjson', 'parquet/bundles.parquet', 'parquet/findings.parquet', 'parquet/causes.parquet']) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    const csv = readFileSync(path.join(out, 'fleet.csv'), 'utf8');
    expect(csv).toMatch(new RegExp(`^${path.join(up, 'dev-8-2026-11-08.tgz')},dev-8,2026-11-08T00:00:00.000Z,,,failed,.*gzip`, 'm'));
    // --quiet: nothing on stdout or stderr; the exit code still tells.
    const q = await run(['--quiet', 'batch', up, '-o', out]);
    expect(q.stdout + q.stderr).toBe('');
    expect(q.status).toBe(4);
    // The unchanged corrupt bundle still counts as failed in the re-run.
    const again = await run(['batch', up, '-o', out]);
    expect(again.stdout).toMatch(/4 bundles: 0 analysed, 4 unchanged, 2 failed/);
  }, 180_000);

  it('--fail-on exits 1 when a bundle has a finding at that severity; jetdiag fleet re-renders without analysing', async () => {
    const up = fleetOf(['orin-nano-healthy', 'orin-nano-leak-oom']);
    const out = tempDir();
    expect((await run(['batch', up, '-o', out, '--fail-on', 'critical'])).status).toBe(1);
    const healthy = fleetOf(['orin-nano-healthy']);
    expect((await run(['batch', healthy, '-o', tempDir(), '--fail-on', 'WARNING'])).status).toBe(0);
    expect((await run(['batch', up, '-o', tempDir(), '--fail-on', 'Critical'])).status).toBe(1);
    const bad = await run(['batch', up, '-o', tempDir(), '--fail-on', 'severe']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown severity "severe" \(choose from/);
    const f = await run(['fleet', out, '--format', 'md']);
    expect(f.status).toBe(0);
    expect(f.stdout).toMatch(/^fleet: 2 bundles from 2 devices: 1 with problems, 1 healthy/);
    expect(f.stdout).not.toMatch(/analysed/);
    const json = JSON.parse((await run(['fleet', out, '--json'])).stdout);
    expect(json.totals.bundles).toBe(2);
    const none = await run(['fleet', tempDir()]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no fleet\.duckdb here/);
    const empty = await run(['batch', tempDir(), '-o', tempDir()]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no bundle found/);
  }, 180_000);

  it('--fail-inconclusive exits 3 when a bundle of the fleet is inconclusive, the same code as analyze', async () => {
    const up = fleetOf(['orin-nano-healthy', 'orin-nano-healthy']);
    // The second device's upload lost its kernel log: nothing found, but nothing to stand on.
    rmSync(path.join(up, 'dev-1-upload', 'dmesg.txt'));
    const out = tempDir();
    const plain = await run(['batch', up, '-o', out]);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/1 inconclusive/);
    expect((await run(['batch', up, '-o', out, '--fail-inconclusive'])).status).toBe(3);
    const healthy = fleetOf(['orin-nano-healthy']);
    expect((await run(['batch', healthy, '-o', tempDir(), '--fail-inconclusive'])).status).toBe(0);
  }, 180_000);

  it('Ctrl-C stops cleanly (exit 130) keeping finished results; the next run resumes', async () => {
    const up = fleetOf(['orin-nano-healthy', 'orin-nano-leak-oom', 'orin-nano-smmu-camera', 'orin-nano-thermal-throttling', 'orin-nano-cma-fragmentation', 'nano-power-supply']);
    const out = tempDir();
    const child = spawn(process.execPath, [BIN, 'batch', up, '-o', out, '--jobs', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const ndjson = path.join(out, 'fleet.ndjson');
    const started = Date.now();
    while (!(existsSync(ndjson) && readFileSync(ndjson, 'utf8').split('\n').length > 2) && Date.now() - started < 90_000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toMatch(/stopping; finished bundles are kept/);
    expect(code).toBe(130);
    const m = /(\d+) analysed, 0 unchanged, 0 failed .*\(interrupted: run again to resume\)/.exec(stdout);
    expect(m, stdout).not.toBeNull();
    const done = Number(m![1]);
    expect(done).toBeGreaterThanOrEqual(2);
    expect(done).toBeLessThan(6);
    const again = await run(['batch', up, '-o', out]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`6 bundles: ${6 - done} analysed, ${done} unchanged, 0 failed`));
  }, 240_000);
});
