/**
 * Text that speaks to users: no internal references (design-document sections, internal
 * paths) and no missing value shown as NaN, undefined, null or "?", in any format, over every
 * sample, every corpus capture and random combinations of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeSnapshot, type Analysis } from '../../src/analyze.js';
import { buildReportModel } from '../../src/report/model.js';
import { jsonReport } from '../../src/report/renderers.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { stringifyJson } from '../../src/report/json.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { FIXTURES, realLog, writeTemp } from '../helpers/fixtures.js';
import { spawnSync } from 'node:child_process';
import { allRules } from '../../src/rules/registry.js';
import { describeRule, ruleDetail } from '../../src/cli/rules.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLES = path.join(ROOT, 'samples');
const REAL = path.join(ROOT, 'test/rules/data');

/** Internal references: design-document sections and the team's shared folder. */
const INTERNAL = /\bseed\b|§|shared\/|signatures\.md|jetson-reference/i;
/** A missing value shown as a value. */
const NO_VALUE = /\bNaN\b|\bundefined\b|\bnull\b|(?:[:=(]\s*|\s)\?(?=[\s,;).]|$)/;

/** Every text a user reads: the four formats, and every string value of the JSON report. */
async function userTexts(a: Analysis): Promise<{ where: string; text: string }[]> {
  const m = buildReportModel(a);
  const strings: string[] = [];
  JSON.parse(stringifyJson(jsonReport({ analysis: a, model: m })), (_k, v) => {
    if (typeof v === 'string') strings.push(v);
    return v;
  });
  // Bundle text quoted as evidence and file names are the user's own data, not ours.
  const own = new Set([...m.findings.flatMap((f) => f.evidence.map((e) => e.text)), ...a.snapshot.bundle.entries.map((e) => e.path), m.bundle]);
  const html = (await renderHtml(m, a.snapshot, a.device)).replace(/<style>[\s\S]*?<\/style>/, '');
  const strip = (s: string) => [...own].reduce((t, o) => (o.length > 3 ? t.split(o).join('') : t), s);
  return [
    { where: 'terminal', text: strip(renderTerminal(m, { enabled: false }, Infinity)) },
    { where: 'markdown', text: strip(renderMarkdown(m)) },
    { where: 'html', text: strip(decodeEntities(html.replace(/<[^>]+>/g, ' '))) },
    ...strings.filter((s) => !own.has(s)).map((s) => ({ where: 'json', text: s })),
  ];
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (named[e] ?? m),
  );
}

async function expectClean(a: Analysis, label: string) {
  for (const { where, text } of await userTexts(a)) {
    const bad = INTERNAL.exec(text) ?? NO_VALUE.exec(text);
    if (bad) {
      const at = Math.max(0, bad.index - 60);
      expect.fail(`${label} (${where}): "${bad[0]}" in …${text.slice(at, bad.index + 60)}…`);
    }
  }
}

describe('no internal references, no missing value shown as a value', () => {
  const samples = readdirSync(SAMPLES).filter((f) => !f.endsWith('.mjs'));
  it.each(samples)('sample %s', async (name) => {
    await expectClean(await analyze(path.join(SAMPLES, name)), name);
  });

  const corpus = readdirSync(FIXTURES).flatMap((d) => readdirSync(path.join(FIXTURES, d)).map((f) => path.join(d, f)));
  it.each(corpus)('corpus capture %s', async (rel) => {
    await expectClean(await analyze(path.join(FIXTURES, rel)), rel);
  });

  // Real logs found in public reports (each file's header names its source): journals, OOM
  // excerpts, T210 memory-controller reports. Read as a lone file, as a user would pass them.
  const realLogs = readdirSync(REAL).filter((f) => f.endsWith('.log'));
  it.each(realLogs)('real log %s', async (name) => {
    await expectClean(await analyze(writeTemp(name, realLog(name))), name);
  });

  it('random combinations of corpus captures, real logs and the files of every sample', async () => {
    const signatures = loadSignatures();
    // Each sample's files keep their bundle path, so every kind of input (identity, trips,
    // pagetypeinfo, collector captures) is read as in a real bundle.
    const sampleFiles = readdirSync(SAMPLES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => walk(path.join(SAMPLES, d.name)).map((abs): [string, string] => [path.relative(path.join(SAMPLES, d.name), abs), readFileSync(abs, 'utf8')]));
    const pool: [string, string][] = [
      ...corpus.filter((rel) => statSync(path.join(FIXTURES, rel)).isFile()).map((rel): [string, string] => [`${path.dirname(rel) === 'dmesg' ? 'dmesg' : path.dirname(rel)}.txt`, readFileSync(path.join(FIXTURES, rel), 'utf8')]),
      ...realLogs.map((n): [string, string] => [/^(journal|syslog)/.test(n) ? 'var/log/syslog' : 'dmesg.txt', realLog(n)]),
      ...sampleFiles,
    ];
    await fc.assert(
      fc.asyncProperty(fc.subarray(pool, { minLength: 1, maxLength: 6 }), async (picked) => {
        // The first file keeps its bundle path; the others get a numbered name so none overwrites another.
        const files = Object.fromEntries(picked.map(([name, text], i) => [i === 0 ? name : `${i}-${path.basename(name)}`, text]));
        await expectClean(analyzeSnapshot(snapshotFromFiles(files), { signatures }), picked.map(([n]) => n).join(' + '));
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 240_000);

  it('`jetdiag rules`: the details of every rule, the listing and the tags speak without internal references', () => {
    const signatures = loadSignatures();
    const texts: { where: string; text: string }[] = [];
    for (const rule of allRules(signatures)) {
      const severity = signatures.find((x) => x.id === rule.meta.id)?.severity;
      texts.push({ where: `rules ${rule.meta.id}`, text: describeRule(rule, severity) }, { where: `rules ${rule.meta.id} --json`, text: JSON.stringify(ruleDetail(rule, severity)) });
    }
    const cli = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin/jetdiag.js'), ...args], { encoding: 'utf8' }).stdout;
    texts.push({ where: 'rules', text: cli(['rules']) }, { where: 'rules --json', text: cli(['rules', '--json']) }, { where: 'rules --tags', text: cli(['rules', '--tags']) });
    for (const { where, text } of texts) {
      expect(text.length, where).toBeGreaterThan(0);
      const bad = INTERNAL.exec(text) ?? NO_VALUE.exec(text);
      if (bad) expect.fail(`${where}: "${bad[0]}" in …${text.slice(Math.max(0, bad.index - 60), bad.index + 60)}…`);
    }
  }, 60_000);
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}
