// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadSnapshot } from '../../src/analyze.js';
import { writeTemp } from '../helpers/fixtures.js';
import { makeTgz } from '../helpers/archive.js';
import { makeZip, type ZipMember } from '../helpers/zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sampleMembers(name: string): ZipMember[] {
  const out: ZipMember[] = [];
  const walk = (dir: string, rel: string) => {
    for (const n of readdirSync(dir)) {
      const p = path.join(dir, n);
      if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
      else out.push({ name: `${rel}${n}`, data: readFileSync(p) });
    }
  };
  walk(path.join(ROOT, 'samples', name), `${name}/`);
  return out;
}

describe('zip bundles', () => {
  it('a zipped sample gives the same findings as its .tgz', async () => {
    const zip = writeTemp('leak.zip', makeZip(sampleMembers('orin-nano-leak-oom')));
    const [z, t] = await Promise.all([analyze(zip), analyze(path.join(ROOT, 'samples/orin-nano-leak-oom.tgz'))]);
    expect(z.findings.map((f) => [f.ruleId, f.verdict])).toEqual(t.findings.map((f) => [f.ruleId, f.verdict]));
    expect(z.snapshot.bundle.entries.filter((e) => e.kind).length).toBe(t.snapshot.bundle.entries.filter((e) => e.kind).length);
  });

  it('lists escaping paths and symlinks as ignored and never reads them', async () => {
    const zip = writeTemp('evil.zip', makeZip([
      { name: '../../etc/passwd', data: 'root:x:0:0' },
      { name: '/abs/meminfo', data: 'MemTotal: 1 kB\n' },
      { name: 'proc/meminfo', data: '/etc/shadow', mode: 0o120777 },
      { name: 'C:\\windows\\dmesg.txt', data: 'x' },
      { name: 'capture\\proc\\meminfo', data: 'MemTotal: 7620000 kB\nMemFree: 100000 kB\nMemAvailable: 150000 kB\n' },
    ]));
    const s = await loadSnapshot(zip);
    const byPath = new Map(s.bundle.entries.map((e) => [e.path, e]));
    expect(byPath.get('../../etc/passwd')?.unusedReason).toMatch(/escapes the archive/);
    expect(byPath.get('/abs/meminfo')?.unusedReason).toMatch(/escapes the archive/);
    expect(byPath.get('proc/meminfo')?.unusedReason).toMatch(/symlink/);
    expect(byPath.get('capture/proc/meminfo')?.kind).toBe('meminfo');
    expect(s.meminfo?.captures[0]?.values.MemTotal).toBe(7620000 * 1024);
  });

  it('a member inflating past its declared size, or past --max-scan-size, ends reading with a problem', async () => {
    const bomb = writeTemp('bomb.zip', makeZip([
      { name: 'dmesg.txt', data: '[    1.000000] ok\n' },
      { name: 'big.log', data: Buffer.alloc(4 << 20, 0x41), declaredSize: 1000 },
    ]));
    const s = await loadSnapshot(bomb);
    expect(s.bundle.problems.some((p) => p.code === 'archive.damaged')).toBe(true);
    expect(s.bundle.entries.some((e) => e.kind === 'dmesg')).toBe(true);
    const big = writeTemp('big.zip', makeZip([{ name: 'a/dmesg.txt', data: Buffer.alloc(2 << 20, 0x42) }, { name: 'b/dmesg.txt', data: 'x' }]));
    const limited = await loadSnapshot(big, { limits: { maxScanBytes: 1 << 20 } });
    expect(limited.bundle.problems.map((p) => p.code)).toContain('limit.scan-size');
  });

  it('a cut zip is refused with a plain message; --max-entries is honoured', async () => {
    const whole = makeZip(sampleMembers('orin-nano-healthy'));
    await expect(loadSnapshot(writeTemp('cut.zip', whole.subarray(0, whole.length - 30)))).rejects.toThrow(/cannot read bundle ".*cut\.zip": the zip archive is damaged/);
    const s = await loadSnapshot(writeTemp('many.zip', whole), { limits: { maxEntries: 2 } });
    expect(s.bundle.problems.map((p) => p.code)).toContain('limit.entries');
  });

  it('a zip on stdin or inside a tar is named as such, never as "binary data" or left unexplained', async () => {
    const zip = makeZip(sampleMembers('orin-nano-healthy'));
    // Inside a .tgz: the rest is read, and the zip is listed with what to do.
    const nested = await loadSnapshot(writeTemp('nested.tgz', await makeTgz([{ name: 'uploads/b.zip', content: zip }, { name: 'proc/meminfo', content: readFileSync(path.join(ROOT, 'samples/orin-nano-healthy/proc/meminfo')) }])));
    expect(nested.meminfo).toBeDefined();
    expect(nested.bundle.entries.find((e) => e.path === 'uploads/b.zip')?.unusedReason).toBe('a .zip inside another archive is not read: extract it and analyze the .zip itself');
    // On stdin: refused with the reason and the way out.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', '-'], { input: zip, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jetdiag: cannot read bundle "stdin": a \.zip is read from a file, not from a pipe or from inside another archive \(pass the \.zip's path, or extract it\)$/m);
  });
});
