/** `parse` writes its JSON in pieces: the result is byte for byte what stringifyJson gives. */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadSnapshot } from '../../src/analyze.js';
import { stringifyJson } from '../../src/report/json.js';
import { writeJson } from '../../src/report/json-stream.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

async function streamed(value: unknown, pretty: boolean): Promise<string> {
  // A small high-water mark makes the writer wait for drain on every piece.
  const out = new PassThrough({ highWaterMark: 1024 });
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  await writeJson(out, value, pretty);
  out.end();
  await new Promise((r) => out.on('end', r));
  return Buffer.concat(parts).toString('utf8');
}

describe('streamed JSON = stringifyJson', () => {
  it.each(['orin-nano-thermal-throttling.tgz', 'orin-nano-smmu-camera', 'nano-power-supply.tgz'])('snapshot of %s, indented and compact', async (name) => {
    const s = await loadSnapshot(path.join(SAMPLES, name));
    expect(await streamed(s, true)).toBe(stringifyJson(s, true) + '\n');
    expect(await streamed(s, false)).toBe(stringifyJson(s, false) + '\n');
  });

  it('any JSON value, with typed arrays, undefined, NaN and long arrays', async () => {
    const leaf = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.constant(NaN),
      fc.float64Array({ maxLength: 300 }),
      fc.float32Array({ maxLength: 300 }),
      fc.int32Array({ maxLength: 50 }),
      fc.uint32Array({ maxLength: 50 }),
      // Runs of flat records (how dmesg records are written), with undefined and NaN fields.
      fc.array(fc.record({ line: fc.nat(), message: fc.string({ unit: 'binary' }), t: fc.option(fc.double(), { nil: undefined }), ok: fc.boolean(), n: fc.constant(null) }, { requiredKeys: ['line'] }), { minLength: 2, maxLength: 300 }),
      fc.array(fc.integer(), { minLength: 250, maxLength: 300 }),
      fc.string({ unit: 'binary' }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
    })).node;
    await fc.assert(
      fc.asyncProperty(value, fc.boolean(), async (v, pretty) => {
        const expected = stringifyJson(v, pretty);
        expect(await streamed(v, pretty)).toBe(expected === undefined ? '\n' : expected + '\n');
      }),
      { numRuns: 200 },
    );
  });
});
