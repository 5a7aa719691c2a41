#!/usr/bin/env node
// Combines Stryker JSON reports (one per batch, see MUTATION_OUT in stryker.config.mjs) into
// mutation scores per file, per directory and for each top folder (src/rules, src/parsers).
//   node scripts/mutation-score.mjs out/mutation-*/mutation.json [--survivors] [--under src/rules]
// Score as Stryker defines it: (killed + timeout) / (killed + timeout + survived + no coverage).
// Ignored mutants (ignoreStatic: they only run while a module loads) are counted apart, as are
// compile/runtime errors, which Stryker leaves out of the score too.
// A file is counted once. A report is "current" for a file when the source it holds for it is
// byte for byte the file on disk; a current report wins over a stale one, and among reports of
// the same kind the newer (file mtime) wins, on a tie the later on the command line. Reports
// holding the very same source of a file (batches over line ranges of one file, or a batch run
// again) are merged mutant by mutant, each mutant counted once, from the newest of them. Stale files (measured on code that has changed since) are marked `stale` and listed, and
// with --under, the .ts files there that no report holds are listed as not measured (files whose
// mutants are all type-only never reach a report; they are listed too, so check them by hand).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const listSurvivors = args.includes('--survivors');
const underAt = args.indexOf('--under');
const under = underAt >= 0 ? args[underAt + 1] : undefined;
const reports = args.filter((a, i) => !a.startsWith('--') && (underAt < 0 || i !== underAt + 1));
if (!reports.length) {
  console.error('usage: node scripts/mutation-score.mjs <mutation.json>... [--survivors] [--under <dir>]');
  process.exit(2);
}

/** Source file -> the reports that hold it: { mutants, mtime, source, report, current }. */
const seen = new Map();
for (const r of reports) {
  const mtime = statSync(r).mtimeMs;
  const doc = JSON.parse(readFileSync(r, 'utf8'));
  for (const [name, f] of Object.entries(doc.files ?? {})) {
    const rel = path.isAbsolute(name) ? path.relative(process.cwd(), name) : name;
    if (under && !rel.startsWith(under)) continue;
    const current = existsSync(rel) && readFileSync(rel, 'utf8') === f.source;
    const list = seen.get(rel) ?? [];
    list.push({ mutants: f.mutants, mtime, source: f.source, report: r, current });
    seen.set(rel, list);
  }
}
// One source per file: the current one if a report has it, else the newest report's. Reports of
// that same source are merged mutant by mutant (a batch over a line range of a file holds only
// the mutants of its lines); a mutant in two of them counts once, from the newer report.
const files = new Map();
const mutantKey = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;
for (const [rel, list] of seen) {
  list.sort((a, b) => a.mtime - b.mtime); // oldest first; on a tie, command-line order
  const pick = list.filter((x) => x.current).at(-1) ?? list.at(-1);
  const same = list.filter((x) => x.source === pick.source);
  const byKey = new Map();
  for (const x of same) for (const m of x.mutants) byKey.set(mutantKey(m), m);
  files.set(rel, { mutants: [...byKey.values()], mtime: pick.mtime, source: pick.source, report: same.map((x) => x.report).join(' + '), current: pick.current });
}

const empty = () => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0, zeroRun: 0 });
const KEY = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored', CompileError: 'errors', RuntimeError: 'errors' };
const add = (to, m) => {
  const k = KEY[m.status];
  if (k) to[k]++;
  // A survivor whose run completed no test proves nothing (a known vitest-runner fault): flagged.
  if (m.status === 'Survived' && m.testsCompleted === 0) to.zeroRun++;
};
const score = (c) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid ? ((100 * (c.killed + c.timeout)) / valid).toFixed(1) : '-';
};

const perFile = new Map();
const perDir = new Map();
const perTop = new Map();
for (const [name, f] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const c = empty();
  for (const m of f.mutants) add(c, m);
  perFile.set(name, c);
  const dir = path.dirname(name);
  const top = name.split('/').slice(0, 2).join('/');
  for (const [map, key] of [[perDir, dir], [perTop, top]]) {
    const t = map.get(key) ?? empty();
    for (const k of Object.keys(t)) t[k] += c[k];
    map.set(key, t);
  }
}

const row = (name, c) =>
  `${name.padEnd(44)} ${score(c).padStart(6)}  ${String(c.killed).padStart(6)} ${String(c.timeout).padStart(4)} ${String(c.survived).padStart(5)} ${String(c.noCoverage).padStart(5)} ${String(c.ignored).padStart(6)} ${String(c.errors).padStart(4)}${c.zeroRun ? `  (${c.zeroRun} survived with no test run)` : ''}`;
const header = `${'file / directory'.padEnd(44)} ${'score'.padStart(6)}  ${'killed'.padStart(6)} ${'tout'.padStart(4)} ${'surv'.padStart(5)} ${'nocov'.padStart(5)} ${'static'.padStart(6)} ${'err'.padStart(4)}`;
console.log(header);
for (const [n, c] of perFile) console.log(`${row(n, c)}${files.get(n).current ? '' : '  stale'}`);
console.log('');
for (const [n, c] of [...perDir].sort(([a], [b]) => a.localeCompare(b))) console.log(row(`${n}/`, c));
console.log('');
for (const [n, c] of perTop) console.log(row(`${n} (all measured files)`, c));

const stale = [...files].filter(([, f]) => !f.current).map(([n]) => n);
if (stale.length) console.log(`\nStale (the file changed after its report; its score is of the old code): ${stale.join(', ')}`);
if (under) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  const missing = existsSync(under) && statSync(under).isDirectory() ? walk(under).filter((n) => n.endsWith('.ts') && !files.has(n)).sort() : [];
  if (missing.length) console.log(`\nIn no report (not measured, or holding no mutant): ${missing.join(', ')}`);
}
if (args.includes('--reports')) {
  console.log('\nReport counted per file:');
  for (const [n, f] of [...files].sort(([a], [b]) => a.localeCompare(b))) console.log(`${n}  ${f.report}${f.current ? '' : '  (stale)'}`);
}

if (listSurvivors) {
  console.log('\nSurvived and no-coverage mutants:');
  for (const [name, f] of files) {
    const lines = f.source?.split('\n') ?? [];
    for (const m of f.mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const { line, column } = m.location.start;
      const orig = (lines[line - 1] ?? '').trim();
      console.log(`${name}:${line}:${column} ${m.status} ${m.mutatorName} -> ${JSON.stringify(m.replacement ?? '')}\n    ${orig.slice(0, 160)}`);
    }
  }
}
