/** Bundle boundaries: one device per bundle; a fleet folder is refused by analyze, never merged. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, loadSnapshot, SeveralBundlesError } from '../../src/analyze.js';
import { readBundle, type ListedFile } from '../../src/bundle/read.js';
import { DEFAULT_LIMITS } from '../../src/bundle/limits.js';
import type { FileStreamer } from '../../src/bundle/streamed.js';
import { makeZip } from '../helpers/zip.js';
import { bundleRootOf, findBundles } from '../../src/bundle/bundles.js';
import { makeTgz } from '../helpers/archive.js';
import { tempDir, writeTemp, writeTree } from '../helpers/fixtures.js';
import { BOOT_DMESG, dmesg, HEALTHY_MEMINFO } from '../helpers/bundles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.join(ROOT, 'samples');
const paths = (...ps: string[]) => ps.map((p) => ({ path: p }));

describe('findBundles', () => {
  it('finds the root above the system folders', () => {
    expect(bundleRootOf('proc/meminfo')).toBe('');
    expect(bundleRootOf('dev1/proc/device-tree/model')).toBe('dev1/');
    expect(bundleRootOf('up.tgz!/capture/etc/nv_tegra_release')).toBe('up.tgz!/capture/');
    expect(bundleRootOf('logs/dmesg.0')).toBe('logs/');
  });

  it('a flat bundle, a bundle with logs in sub-folders, and a sosreport are one bundle', () => {
    expect(findBundles(paths('proc/meminfo', 'dmesg.txt', 'tegrastats.log', 'etc/nv_tegra_release'))).toHaveLength(1);
    expect(findBundles(paths('proc/meminfo', 'dmesg.txt', 'logs/kern.log.1', 'sys/fs/pstore/dmesg-ramoops-0'))).toHaveLength(1);
    expect(findBundles(paths('mem/meminfo', 'kernel/dmesg', 'stats/tegrastats.log'))).toHaveLength(1);
    expect(findBundles(paths('sosreport-orin/sos_commands/kernel/dmesg', 'sosreport-orin/proc/meminfo', 'sosreport-orin/etc/hostname'))).toHaveLength(1);
    expect(findBundles(paths('up.tgz!/capture/proc/meminfo', 'up.tgz!/capture/dmesg.txt'))).toHaveLength(1);
  });

  it('device folders side by side are several bundles, labelled from their manifests', () => {
    const found = findBundles([
      { path: 'dev1/proc/meminfo' },
      { path: 'dev1/manifest.json', data: Buffer.from('{"device_id":"cam-01"}') },
      { path: 'dev2/proc/meminfo' },
      { path: 'dev2/manifest.json', data: Buffer.from('{"device_id":"cam-02"}') },
    ]);
    expect(found.map((b) => [b.root, b.deviceId])).toEqual([['dev1/', 'cam-01'], ['dev2/', 'cam-02']]);
  });

  it('archives side by side are several bundles', () => {
    expect(findBundles(paths('a.tgz!/dmesg.txt', 'a.tgz!/proc/meminfo', 'b.tgz!/dmesg.txt', 'b.tgz!/proc/meminfo')).map((b) => b.root)).toEqual(['a.tgz!/', 'b.tgz!/']);
  });
});

describe('analyze refuses several bundles', () => {
  it('a folder of the sample archives: exit 2, lists them, points at jetdiag batch', () => {
    const dir = tempDir();
    const names = ['orin-nano-leak-oom.tgz', 'orin-nano-healthy.tgz'];
    for (const n of names) copyFileSync(path.join(SAMPLES, n), path.join(dir, n));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', dir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/holds 2 bundles, not one/);
    for (const n of names) expect(r.stderr).toContain(`- ${n}!/${n.replace('.tgz', '')}/`);
    expect(r.stderr).toContain(`jetdiag batch ${dir}`);
  }, 30_000);

  it('two device folders with different identities inside one archive are refused', async () => {
    const tgz = writeTemp('fleet.tgz', await makeTgz([
      { name: 'dev1/proc/meminfo', content: HEALTHY_MEMINFO },
      { name: 'dev1/dmesg.txt', content: dmesg([...BOOT_DMESG, [40, 'Out of memory: Killed process 4242 (python3) total-vm:9000000kB, anon-rss:5000000kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9000kB oom_score_adj:0']]) },
      { name: 'dev2/proc/meminfo', content: HEALTHY_MEMINFO },
      { name: 'dev2/dmesg.txt', content: dmesg(BOOT_DMESG) },
    ]));
    await expect(analyze(tgz)).rejects.toThrow(SeveralBundlesError);
    await expect(analyze(tgz)).rejects.toThrow(/- dev1\/: 2 capture file\(s\) \(meminfo, dmesg\)\n  - dev2\//);
  });

  it('one bundle nested in an archive (a .tgz inside a .tgz) is analysed', async () => {
    const inner = readFileSync(path.join(SAMPLES, 'orin-nano-leak-oom.tgz'));
    const outer = writeTemp('upload.tgz', await makeTgz([{ name: 'upload/orin-nano-leak-oom.tgz', content: inner }, { name: 'upload/README.txt', content: 'uploaded by the field team\n' }]));
    const a = await analyze(outer);
    expect(a.hypotheses[0]?.id).toBe('leak-to-oom');
  });

  it('one bundle folder next to its own archive copy is two bundles (cannot tell which to trust)', async () => {
    const dir = writeTree({ 'proc/meminfo': HEALTHY_MEMINFO, 'dmesg.txt': dmesg(BOOT_DMESG) });
    writeFileSync(path.join(dir, 'copy.tgz'), await makeTgz([{ name: 'proc/meminfo', content: HEALTHY_MEMINFO }]));
    await expect(analyze(dir)).rejects.toThrow(SeveralBundlesError);
  });
});

describe('a folder or zip of several bundles is refused from its file list, before any file is read', () => {
  const FLEET: Record<string, string> = {
    'dev1/proc/meminfo': HEALTHY_MEMINFO,
    'dev1/etc/hostname': 'cam-01\n',
    'dev1/dmesg.txt': dmesg(BOOT_DMESG),
    'dev2/proc/meminfo': HEALTHY_MEMINFO,
    'dev2/etc/hostname': 'cam-02\n',
    'dev2/dmesg.txt': dmesg(BOOT_DMESG),
  };
  const inputs: [string, () => string][] = [
    ['a directory', () => writeTree(FLEET)],
    ['a zip', () => writeTemp('fleet.zip', makeZip(Object.entries(FLEET).map(([name, data]) => ({ name, data }))))],
  ];

  for (const [what, make] of inputs) {
    it(`${what}: the check sees every file before the first is read, and a refusal reads none`, async () => {
      const input = make();
      const read: string[] = [];
      // Every file streams (bufferFileBytes 0): the streamer hears of each file as it is read.
      const streamer: FileStreamer = { notePath: (p) => read.push(p), open: () => null };
      let seen: string[] = [];
      let readBeforeCheck: string[] | null = null;
      let label = '';
      const refuse = async (files: ListedFile[]) => {
        seen = files.map((f) => f.path);
        readBeforeCheck = [...read];
        label = (await files.find((f) => f.path === 'dev2/etc/hostname')!.read(1024)).toString();
        throw new Error('refused');
      };
      await expect(readBundle(input, { ...DEFAULT_LIMITS, bufferFileBytes: 0 }, streamer, refuse)).rejects.toThrow('refused');
      expect(seen.sort()).toEqual(Object.keys(FLEET).sort());
      expect(readBeforeCheck).toEqual([]);
      expect(read).toEqual([]);
      expect(label).toBe('cam-02\n');
    });

    it(`${what}: analyze refuses it with exit 2's error, each bundle labelled with its host name`, async () => {
      const err = await loadSnapshot(make()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SeveralBundlesError);
      expect((err as Error).message).toMatch(/holds 2 bundles, not one/);
      expect((err as Error).message).toContain('- dev1/ — host cam-01: 3 capture file(s)');
      expect((err as Error).message).toContain('- dev2/ — host cam-02: 3 capture file(s)');
    });
  }

  it('one bundle passes the check and is read whole', async () => {
    const dir = writeTree({ 'proc/meminfo': HEALTHY_MEMINFO, 'etc/hostname': 'cam-01\n', 'dmesg.txt': dmesg(BOOT_DMESG) });
    const s = await loadSnapshot(dir);
    expect(s.meminfo?.captures).toHaveLength(1);
    expect(s.dmesg?.records.length).toBeGreaterThan(0);
  });

  it('archives beside the bundles are not opened: the refusal says their content is not counted', async () => {
    const dir = writeTree(FLEET);
    writeFileSync(path.join(dir, 'dev3.tgz'), await makeTgz([{ name: 'proc/meminfo', content: HEALTHY_MEMINFO }]));
    await expect(loadSnapshot(dir)).rejects.toThrow(/holds 2 bundles, not one[\s\S]*not counting what the 1 archive\(s\) beside them hold/);
  });
});
