#!/usr/bin/env node
// Combines Stryker JSON reports (batches run with their own MUTATION_OUT) into one score per
// directory: (killed + timeout) / (killed + timeout + survived + no coverage), the way Stryker
// counts it. A file found in several reports is taken from the newest one.
//   node scripts/mutation-score.mjs out/m            (every mutation.json under out/m)
//   node scripts/mutation-score.mjs a.json b.json --survivors [--under src/parsers/meminfo]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const underAt = args.indexOf('--under');
const under = underAt >= 0 ? args[underAt + 1] : undefined;
const inputs = args.filter((a, i) => !a.startsWith('--') && (underAt < 0 || i !== underAt + 1));

function reports(p) {
  if (statSync(p).isFile()) return [p];
  return readdirSync(p, { recursive: true })
    .map((f) => path.join(p, String(f)))
    .filter((f) => path.basename(f) === 'mutation.json');
}

const files = new Map(); // source path -> { mtime, mutants }
for (const report of (inputs.length ? inputs : ['out']).flatMap(reports)) {
  const mtime = statSync(report).mtimeMs;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  for (const [file, data] of Object.entries(json.files)) {
    const rel = path.relative(process.cwd(), path.resolve(json.projectRoot ?? '.', file));
    const seen = files.get(rel);
    if (!seen || seen.mtime < mtime) files.set(rel, { mtime, mutants: data.mutants, source: data.source });
  }
}

const KINDS = ['Killed', 'Timeout', 'Survived', 'NoCoverage'];
const dirs = new Map();
const add = (key, status) => {
  const c = dirs.get(key) ?? Object.fromEntries([...KINDS, 'other'].map((k) => [k, 0]));
  c[KINDS.includes(status) ? status : 'other']++;
  dirs.set(key, c);
};
const left = [];
for (const [file, { mutants, source }] of [...files].sort()) {
  if (under && !file.startsWith(under)) continue;
  for (const m of mutants) {
    add(path.dirname(file), m.status);
    add('TOTAL', m.status);
    if (m.status === 'Survived' || m.status === 'NoCoverage') left.push({ file, m, source });
  }
}

const score = (c) => {
  const det = c.Killed + c.Timeout;
  const all = det + c.Survived + c.NoCoverage;
  return all === 0 ? '-' : `${((100 * det) / all).toFixed(1)} %`;
};
const rows = [...dirs].sort(([a], [b]) => (a === 'TOTAL' ? 1 : b === 'TOTAL' ? -1 : a.localeCompare(b)));
console.log(['directory'.padEnd(36), 'killed', 'timeout', 'survived', 'no-cov', 'other', 'score'].join('\t'));
for (const [dir, c] of rows) console.log([dir.padEnd(36), c.Killed, c.Timeout, c.Survived, c.NoCoverage, c.other, score(c)].join('\t'));
console.log(`${files.size} file(s)`);

if (survivors) {
  for (const { file, m, source } of left) {
    const { start, end } = m.location;
    const lines = source.split('\n');
    const orig = start.line === end.line ? lines[start.line - 1].slice(start.column - 1, end.column - 1) : `${lines[start.line - 1].slice(start.column - 1)}…`;
    console.log(`${file}:${start.line}:${start.column} ${m.status} ${m.mutatorName}: ${JSON.stringify(orig.slice(0, 80))} -> ${JSON.stringify((m.replacement ?? '').slice(0, 80))}`);
  }
}
