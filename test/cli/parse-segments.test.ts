/**
 * `jetdiag parse` on a tegrastats log across a reboot, run as a child process (compiled CLI).
 * Kept apart from test/parsers (which Stryker runs against mutants in-process): a child process
 * never sees a mutant. The log is generated in tegrastats' real JetPack 6 line format
 * (helpers/bundles.ts); the reboot shape is synthetic.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { shiftStamps as shift, tegrastats } from '../helpers/bundles.js';
import { writeTree } from '../helpers/fixtures.js';

describe('jetdiag parse with segments', () => {
  it('a log across a reboot: segments, breaks and quoted lines validate against schema/snapshot.schema.json', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const log = tegrastats(600, (i) => ({ ramMB: 2100 + i * 8 })) + shift(tegrastats(300, () => ({ ramMB: 2100 })), 900);
    const r = spawnSync(process.execPath, [path.join(root, 'bin/jetdiag.js'), 'parse', writeTree({ 'tegrastats.log': log })], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    const snapshot = JSON.parse(r.stdout);
    expect(snapshot.tegrastats.segments.map((g: { break?: { reason: string } }) => g.break?.reason ?? null)).toEqual([null, 'reboot']);
    expect(Object.keys(snapshot.tegrastats.quoted).length).toBeGreaterThan(0);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(path.join(root, 'schema/snapshot.schema.json'), 'utf8')));
    expect(validate(snapshot), JSON.stringify(validate.errors)).toBe(true);
    snapshot.tegrastats.segments[1].break.reason = 'bad luck';
    expect(validate(snapshot)).toBe(false);
  });
});
