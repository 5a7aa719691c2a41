/**
 * Parsing while the bundle streams in gives the same snapshot as buffering every file and
 * parsing it whole: on every sample (folder and .tgz), on every corpus capture given as a
 * one-file bundle, and on a bug-report log split as it streams (plain, CRLF, gzipped).
 */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { loadSnapshot } from '../../src/analyze.js';
import { stringifyJson } from '../../src/report/json.js';
import { FIXTURES, fixture, writeTemp, writeTree } from '../helpers/fixtures.js';
import { bugReportLog } from '../helpers/bugreport.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');

async function both(input: string) {
  const streamed = await loadSnapshot(input, { limits: { bufferFileBytes: 0 } });
  const buffered = await loadSnapshot(input, { limits: { bufferFileBytes: Number.MAX_SAFE_INTEGER } });
  return { streamed: JSON.parse(stringifyJson(streamed)), buffered: JSON.parse(stringifyJson(buffered)) };
}

describe('streamed intake = buffered intake', () => {
  const samples = readdirSync(SAMPLES).filter((f) => !f.endsWith('.mjs'));
  it.each(samples)('sample %s', async (name) => {
    const { streamed, buffered } = await both(path.join(SAMPLES, name));
    expect(streamed).toEqual(buffered);
    expect(streamed.dmesg ?? streamed.tegrastats ?? streamed.meminfo).toBeTruthy();
  });

  const captures = ['meminfo', 'buddyinfo', 'zoneinfo', 'iomem', 'dmesg', 'tegrastats', 'pagetypeinfo'].flatMap((kind) => {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(FIXTURES, kind)).filter((f) => !f.endsWith('.md'));
    } catch {
      /* no corpus for this kind */
    }
    return files.map((f) => [kind, f] as const);
  });
  it.each(captures)('%s capture %s as a one-file bundle', async (kind, file) => {
    const { streamed, buffered } = await both(writeTree({ [`${kind}.txt`]: fixture(`${kind}/${file}`) }));
    expect(streamed).toEqual(buffered);
    expect(streamed[kind]).toBeTruthy();
  });

  const LOG = bugReportLog([
    ['/proc/device-tree/compatible', 'nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0'],
    ['/proc/meminfo', fixture('meminfo/generic-ubuntu2004-k5.4-x86-01.txt').trimEnd()],
    ['dmesg', fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt').trimEnd()],
    ['some tool', fixture('tegrastats/jetson-tx2-jp4-02.txt')],
  ]);

  it.each([
    ['plain', LOG],
    ['CRLF', LOG.replace(/\n/g, '\r\n')],
  ])('a bug report split as it streams (%s)', async (_name, log) => {
    const dir = await both(writeTree({ 'nvidia-bug-report-tegra.log': log }));
    expect(dir.streamed).toEqual(dir.buffered);
    expect(dir.streamed.dmesg.records.length).toBeGreaterThan(10);
    expect(dir.streamed.tegrastats.samples).toBeGreaterThan(1);
    const gz = await loadSnapshot(writeTemp('nvidia-bug-report-tegra.log.gz', zlib.gzipSync(log)));
    expect(JSON.parse(stringifyJson(gz.dmesg))).toEqual(dir.buffered.dmesg);
  });
});
