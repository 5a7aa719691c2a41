/** --fail-inconclusive: pipelines can make an analysis that rests on too little fail. */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTree } from '../helpers/fixtures.js';
import { HEALTHY_MEMINFO } from '../helpers/bundles.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('exit codes of analyze', () => {
  it('inconclusive exits 0 by default and 3 with --fail-inconclusive; healthy exits 0 either way', () => {
    const lone = writeTree({ 'proc/meminfo': HEALTHY_MEMINFO });
    expect(run(lone).status).toBe(0);
    const r = run(lone, '--fail-inconclusive');
    expect(r.status).toBe(3);
    expect(r.stdout.split('\n')[3]).toMatch(/^INCONCLUSIVE {2}Not enough to call this device healthy: no kernel log/);
    expect(run(tempDir(), '--fail-inconclusive', '--json').status).toBe(3);
    expect(run(path.join(ROOT, 'samples/orin-nano-healthy.tgz'), '--fail-inconclusive').status).toBe(0);
  }, 60_000);

  it('problems are not inconclusive: --fail-inconclusive leaves them to --fail-on', () => {
    const leak = path.join(ROOT, 'samples/orin-nano-leak-oom.tgz');
    expect(run(leak, '--fail-inconclusive').status).toBe(0);
    expect(run(leak, '--fail-inconclusive', '--fail-on', 'error').status).toBe(1);
  }, 60_000);

  it('the help lists exit code 3', () => {
    const h = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), '--help'], { encoding: 'utf8' });
    expect(h.stdout).toMatch(/\n {2}3 {2}with analyze --fail-inconclusive/);
  });
});
