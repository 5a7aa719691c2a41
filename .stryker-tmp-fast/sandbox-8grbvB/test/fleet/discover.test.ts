// @ts-nocheck
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverBundles } from '../../src/fleet/discover.js';
import { tempDir, upload } from '../helpers/fleet.js';

function touch(file: string, text = 'x\n') {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('bundle discovery', () => {
  it('one archive or one capture folder is one bundle; other folders are searched; stray files are listed', async () => {
    const up = tempDir();
    touch(path.join(up, 'site-a/dev-1-2026-11-01.tgz'));
    touch(path.join(up, 'site-a/dev-2-2026-11-01.tar.gz'));
    upload(path.join(up, 'site-b'), 'dev-3', 'orin-nano-healthy', 'dev-3', '2026-11-01T00:00:00Z');
    touch(path.join(up, 'site-b/dev-4/2026-11-02/proc/meminfo'), 'MemTotal: 1 kB\n');
    touch(path.join(up, 'site-b/dev-4/2026-11-02/dmesg.txt'));
    touch(path.join(up, 'site-b/README.txt'));
    const d = await discoverBundles([up]);
    expect(d.bundles).toEqual([
      path.join(up, 'site-a/dev-1-2026-11-01.tgz'),
      path.join(up, 'site-a/dev-2-2026-11-01.tar.gz'),
      path.join(up, 'site-b/dev-3'),
      path.join(up, 'site-b/dev-4/2026-11-02'),
    ]);
    expect(d.skipped).toEqual([{ path: path.join(up, 'site-b/README.txt'), reason: 'not an archive and not in a bundle folder' }]);
    // A capture folder given directly is one bundle, whatever it holds.
    expect((await discoverBundles([path.join(up, 'site-b/dev-3')])).bundles).toEqual([path.join(up, 'site-b/dev-3')]);
  });

  it('globs select bundles with fast-glob; paths stay as given; a missing input is reported', async () => {
    const up = tempDir();
    touch(path.join(up, 'a/one.tgz'));
    touch(path.join(up, 'b/two.tgz'));
    touch(path.join(up, 'b/three.zip'));
    const d = await discoverBundles([`${up}/**/*.tgz`, path.join(up, 'a/one.tgz'), path.join(up, 'nope')]);
    expect(d.bundles).toEqual([path.join(up, 'a/one.tgz'), path.join(up, 'b/two.tgz')]);
    expect(d.skipped).toEqual([{ path: path.join(up, 'nope'), reason: 'no such file or folder' }]);
    expect((await discoverBundles([`${up}/**/*.rar`])).skipped[0]!.reason).toBe('the pattern matched nothing');
  });
});
