import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { XAVIER_R32_IDENTITY } from '../helpers/bundles.js';
import { realLog } from '../helpers/fixtures.js';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const SIGNATURES = loadSignatures();

describe('wording fits the release', () => {
  // Real 4.9 soft lockup (Jetson Nano, OE4T/meta-tegra#390) and every real log kept for the rule tests.
  const logs = ['[   80.221608] NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:4:4202]\n', ...readdirSync(DATA).filter((n) => n.endsWith('.log')).map(realLog)];
  it.each(logs.map((l, i) => [i, l] as const))('an L4T 32 device is told nothing about R35/R36 behaviour (log %i)', (_i, log) => {
    const a = analyzeSnapshot(snapshotFromFiles({ ...XAVIER_R32_IDENTITY, dmesg: log }), { signatures: SIGNATURES });
    for (const f of a.findings) expect(`${f.verdict} ${f.remedy.join(' ')}`).not.toMatch(/\bR3[56]\b|JetPack [56]|L4T r3[56]/i);
  });
});
