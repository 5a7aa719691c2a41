// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, parseThresholdOption } from '../../src/config.js';
import { meminfo } from '../helpers/bundles.js';
import { writeTree } from '../helpers/fixtures.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/jetdiag.js');
const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd });

describe('configuration', () => {
  const bundle = writeTree({ 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) });

  it('jetdiag.config.json in the working directory overrides thresholds and disables rules', () => {
    const dir = writeTree({ 'jetdiag.config.json': JSON.stringify({ thresholds: { 'memory-pressure': { availablePctCritical: 9 } }, disabled: ['cma'] }) });
    const j = JSON.parse(run(['analyze', bundle, '--json'], dir).stdout);
    expect(j.report.findings.find((f: { ruleId: string }) => f.ruleId === 'memory-pressure').severity).toBe('critical');
    expect(j.outcomes.find((o: { ruleId: string }) => o.ruleId === 'cma').status).toBe('disabled');
    const plain = JSON.parse(run(['analyze', bundle, '--json']).stdout);
    expect(plain.report.findings.find((f: { ruleId: string }) => f.ruleId === 'memory-pressure').severity).toBe('warning');
  });

  it('--threshold wins over the file; unknown names are refused with exit 2', () => {
    const j = JSON.parse(run(['analyze', bundle, '--json', '--threshold', 'memory-pressure.availablePctCritical=9']).stdout);
    expect(j.report.findings[0].severity).toBe('critical');
    const bad = run(['analyze', bundle, '--threshold', 'memory-pressure.nope=1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/rule "memory-pressure" has no threshold "nope" \(it has: availablePctCritical, availablePctWarning, swapUsedPctWarning\)/);
    expect(run(['analyze', bundle, '--threshold', 'garbage']).stderr).toMatch(/expected <rule-id>\.<name>=<number>/);
  });

  it('a bad config file names the file and the field', () => {
    const dir = writeTree({ 'c.json': JSON.stringify({ thresholds: { cma: { largestAllocationMiB: 'big' } } }) });
    expect(() => loadConfig(path.join(dir, 'c.json'))).toThrow(/c\.json: thresholds\.cma\.largestAllocationMiB: expected a number, got "big"/);
    const r = run(['analyze', bundle, '--config', path.join(dir, 'c.json')]);
    expect(r.status).toBe(2);
    expect(parseThresholdOption('cma.largestAllocationMiB=96')).toEqual(['cma', 'largestAllocationMiB', 96]);
  });
});
