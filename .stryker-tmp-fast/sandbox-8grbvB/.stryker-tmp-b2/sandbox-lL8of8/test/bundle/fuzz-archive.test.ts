/**
 * Hostile archives: random bytes and real sample archives damaged at random never crash the
 * intake; either the bundle is refused with UnreadableInputError (exit 2) or every file read
 * before the damage is analysed and the damage is reported.
 */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { analyze } from '../../src/analyze.js';
import { UnreadableInputError } from '../../src/bundle/read.js';
import { tempDir } from '../helpers/fixtures.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/orin-nano-smmu-camera.tgz');
const TGZ = readFileSync(SAMPLE);
const TAR = zlib.gunzipSync(TGZ);
const dir = tempDir();
let n = 0;

async function survive(bytes: Uint8Array) {
  const file = path.join(dir, `f${n++}.tgz`);
  writeFileSync(file, bytes);
  try {
    const a = await analyze(file);
    expect(a.snapshot.schemaVersion).toBe(1);
    return a;
  } catch (e) {
    expect(e).toBeInstanceOf(UnreadableInputError);
    return null;
  }
}

describe('damaged and random archives', () => {
  it('random bytes', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (b) => void (await survive(b))), { numRuns: 60 });
  });

  it('a real sample archive, gzip and tar, cut and corrupted at random places', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        async (gz, cut, flips) => {
          const src = gz ? TGZ : TAR;
          const b = Buffer.from(src.subarray(0, (cut % src.length) + 1));
          for (const [at, v] of flips) b[at % b.length] = v;
          const a = await survive(b);
          // Whatever was read is listed: every entry has a path and either a kind or a reason.
          for (const e of a?.snapshot.bundle.entries ?? []) expect(e.kind !== undefined || e.unusedReason !== undefined).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('a tar cut mid-file reports the damage and keeps the earlier files', async () => {
    const cut = TAR.subarray(0, Math.floor(TAR.length * 0.7));
    const a = (await survive(cut))!;
    expect(a.snapshot.bundle.problems.find((p) => p.code === 'archive.damaged')!.message).toMatch(/reading stopped after orin-nano-smmu-camera\//);
    expect(a.snapshot.bundle.entries.filter((e) => e.kind).length).toBeGreaterThan(3);
  });
});
