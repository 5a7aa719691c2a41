/** Provenance in every report, and the JSON report validated against its versioned schema. */
// @ts-nocheck

// 

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { jsonReport } from '../../src/report/renderers.js';
import { stringifyJson } from '../../src/report/json.js';
import { allRules } from '../../src/rules/registry.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { ruleSetVersion } from '../../src/rules/ruleset-version.js';
import { tempDir, writeTemp } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.join(ROOT, 'samples');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validate = ajv.compile(schema);

async function jsonOf(input: string) {
  const analysis = await analyze(input);
  return JSON.parse(stringifyJson(jsonReport({ analysis, model: buildReportModel(analysis) })));
}

describe('report.schema.json', () => {
  const inputs = readdirSync(SAMPLES).filter((f) => f.endsWith('.tgz'));
  it.each(inputs)('validates the JSON report of %s, whole and cut to half', async (name) => {
    const whole = await jsonOf(path.join(SAMPLES, name));
    expect(validate(whole), ajv.errorsText(validate.errors)).toBe(true);
    const data = readFileSync(path.join(SAMPLES, name));
    const cut = await jsonOf(writeTemp(name, data.subarray(0, data.length >> 1)));
    expect(validate(cut), ajv.errorsText(validate.errors)).toBe(true);
    expect(cut.report.completeness.complete).toBe(false);
  });

  it('validates an empty bundle, and refuses a report with an unknown status word', async () => {
    const empty = await jsonOf(tempDir());
    expect(validate(empty), ajv.errorsText(validate.errors)).toBe(true);
    expect(validate({ ...empty, report: { ...empty.report, status: 'incomplete' } })).toBe(false);
  });
});

describe('provenance', () => {
  it('names generator, schema versions and the rule set in the JSON, Markdown and HTML reports', () => {
    const out = path.join(tempDir(), 'out');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', path.join(SAMPLES, 'orin-nano-healthy.tgz'), '-o', out, '-q'], { encoding: 'utf8', cwd: tempDir() });
    expect(r.status).toBe(0);
    const j = JSON.parse(readFileSync(path.join(out, 'orin-nano-healthy.report.json'), 'utf8'));
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(j.report.provenance).toMatchObject({
      generator: { name: 'jetdiag', version },
      reportSchemaVersion: 1,
      ruleSet: { version: expect.stringMatching(/^[0-9a-f]{16}$/), packs: [{ pack: 'jetson-kernel-signatures' }, { pack: 'l4t-services', rules: 2 }] },
      config: { file: null, pickedUp: false, overrides: [] },
    });
    const v = j.report.provenance.ruleSet.version;
    expect(readFileSync(path.join(out, 'orin-nano-healthy.report.md'), 'utf8')).toMatch(new RegExp(`## Provenance[\\s\\S]*jetdiag ${version.replace(/\./g, '\\.')}, report schema 1[\\s\\S]*rule set: \`${v}\`[\\s\\S]*configuration: none \\(defaults\\)`));
    expect(readFileSync(path.join(out, 'orin-nano-healthy.report.html'), 'utf8')).toMatch(new RegExp(`id="provenance"[\\s\\S]*<code>${v}</code>`));
  }, 30_000);

  it('says on the terminal when jetdiag.config.json was picked up, and lists every override', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'jetdiag.config.json'), JSON.stringify({ thresholds: { cma: { largestAllocationMiB: 96 } }, disabled: ['emc-bandwidth'] }));
    const out = path.join(cwd, 'out');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), 'analyze', path.join(SAMPLES, 'orin-nano-healthy.tgz'), '--threshold', 'thermal.marginC=4', '--max-entries', '5000', '-o', out, '--format', 'json,md'], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout.replace(/\n\s+/g, ' ')).toContain(`config: ${path.join(cwd, 'jetdiag.config.json')} picked up from the working directory (4 settings changed, listed in the report)`);
    const j = JSON.parse(readFileSync(path.join(out, 'orin-nano-healthy.report.json'), 'utf8'));
    expect(validate(j), ajv.errorsText(validate.errors)).toBe(true);
    expect(j.report.provenance.config).toEqual({
      file: path.join(cwd, 'jetdiag.config.json'),
      pickedUp: true,
      overrides: [
        { setting: 'thresholds.cma.largestAllocationMiB', value: 96, from: 'jetdiag.config.json' },
        { setting: 'disabled', value: ['emc-bandwidth'], from: 'jetdiag.config.json' },
        { setting: 'thresholds.thermal.marginC', value: 4, from: '--threshold' },
        { setting: 'limits.maxEntries', value: 5000, from: '--max-entries' },
      ],
    });
    expect(readFileSync(path.join(out, 'orin-nano-healthy.report.md'), 'utf8')).toContain('- override: thresholds.thermal.marginC = 4 (--threshold)');
  }, 30_000);

  it('the rule-set version is stable, and changes when a pack or a rule default changes', () => {
    const sigs = loadSignatures();
    const rules = allRules(sigs);
    const v = ruleSetVersion(rules, sigs);
    expect(ruleSetVersion(allRules(loadSignatures()), loadSignatures())).toBe(v);
    const [first, ...rest] = sigs;
    const changed = [{ ...first!, patterns: first!.patterns.map((p) => ({ ...p, re: new RegExp(`${p.re.source}x`) })) }, ...rest];
    expect(ruleSetVersion(rules, changed)).not.toBe(v);
    const retuned = rules.map((r, i) => (i === 0 ? { ...r, meta: { ...r.meta, thresholds: { ...r.meta.thresholds, extra: 1 } } } : r));
    expect(ruleSetVersion(retuned, sigs)).not.toBe(v);
  });
});
