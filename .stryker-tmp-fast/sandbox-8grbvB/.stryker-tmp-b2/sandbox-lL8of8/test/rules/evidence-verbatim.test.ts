/**
 * Evidence is the verbatim line at file:line. Over every sample bundle, every evidence line of every
 * finding (kernel logs, tegrastats, /proc files, thermal zones, …) must be the file's line (derived
 * values are figures); only trailing blanks may differ.
 */
// @ts-nocheck

// 

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const SAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples');
const dirs = readdirSync(SAMPLES).filter((d) => statSync(path.join(SAMPLES, d)).isDirectory());

describe('evidence quotes the real line', () => {
  it.each(dirs)('%s', async (d) => {
    const a = await analyze(path.join(SAMPLES, d));
    let checked = 0;
    for (const f of a.findings) {
      for (const e of f.evidence) {
        const file = [path.join(SAMPLES, e.file), path.join(SAMPLES, d, e.file)].find((p) => existsSync(p));
        expect(file, `${f.id}: ${e.file}`).toBeDefined();
        const line = readFileSync(file!, 'utf8').split('\n')[e.line - 1];
        expect(e.text.trimEnd(), `${f.id} at ${e.file}:${e.line}`).toBe(line!.trimEnd());
        checked++;
      }
    }
    // The samples with a tegrastats-based or meminfo-based finding must have been checked.
    if (a.findings.some((f) => ['memory-leak', 'lfb-fragmentation', 'emc-bandwidth', 'memory-pressure', 'zone-watermarks'].includes(f.ruleId))) expect(checked).toBeGreaterThan(0);
  });
});
