#!/usr/bin/env node
// Merge Stryker incremental files from several batches into one seed (test ids renumbered by
// test file + name). Where a test file is in several inputs, the OLDEST version is kept
// (conservative: Stryker then sees any later change to a test and re-runs what it covered).
// usage: node scripts/mutation-merge-incremental.mjs out.json in1.json:fileA,fileB in2.json:fileC ...
import { readFileSync, writeFileSync, statSync } from 'node:fs';
const [outPath, ...specs] = process.argv.slice(2);
const inputs = specs.map((s) => { const [p, fl] = s.split(':'); return { p, keep: fl.split(','), mtime: statSync(p).mtimeMs, d: JSON.parse(readFileSync(p, 'utf8')) }; });
inputs.sort((a, b) => a.mtime - b.mtime);
const out = { ...inputs.at(-1).d, files: {}, testFiles: {} };
const idOf = new Map(); let next = 0;
const keyOf = (f, n) => `${f}\0${n}`;
for (const inp of inputs) {
  for (const [tf, t] of Object.entries(inp.d.testFiles ?? {})) {
    if (out.testFiles[tf]) continue; // oldest kept
    out.testFiles[tf] = { ...t, tests: t.tests.map((x) => { const k = keyOf(tf, x.name); if (!idOf.has(k)) idOf.set(k, String(next++)); return { ...x, id: idOf.get(k) }; }) };
  }
}
for (const inp of inputs) {
  const local = new Map();
  for (const [tf, t] of Object.entries(inp.d.testFiles ?? {})) for (const x of t.tests) local.set(x.id, keyOf(tf, x.name));
  const map = (ids) => ids?.map((i) => idOf.get(local.get(i))).filter((i) => i !== undefined);
  for (const f of inp.keep) {
    const src = inp.d.files[f];
    if (!src) throw new Error(`${f} not in ${inp.p}`);
    out.files[f] = { ...src, mutants: src.mutants.map((m) => ({ ...m, coveredBy: map(m.coveredBy), killedBy: map(m.killedBy) })) };
  }
}
writeFileSync(outPath, JSON.stringify(out));
console.log(Object.keys(out.files), Object.keys(out.testFiles).length, 'test files', next, 'tests');
