// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('defineRule typing', () => {
  it('rejects at compile time a threshold, message id, placeholder or catalogue id typo (test/types/define-rule-typos.ts)', () => {
    const r = spawnSync(process.execPath, [TSC, '-p', path.join(ROOT, 'test/types/tsconfig.json')], { encoding: 'utf8' });
    // Every `@ts-expect-error` there must be a real error: an unused one fails the compile.
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
