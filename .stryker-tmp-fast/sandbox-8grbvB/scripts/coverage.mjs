// @ts-nocheck
// `npm run coverage [-- <test files or vitest options>]`: line, branch and function coverage of
// src/, counting both the code the tests run in-process and the code the CLI runs when tests
// spawn bin/jetdiag.js as a child process.
//
// - In-process: vitest with @vitest/coverage-v8 (V8's own counters, remapped to the TypeScript).
// - Children: the run sets NODE_V8_COVERAGE, so every node child writes its V8 counters on exit;
//   the scripts under dist/src/ (the compiled CLI) are converted to Istanbul with
//   ast-v8-to-istanbul through tsc's source maps, so they count against the same src/*.ts files.
// - The children's counts are added to the in-process maps line by line, and the whole is
//   reported to out/coverage/ (HTML, JSON summary, text).
//
// Needs a fresh build (the npm script runs tsc first): a child runs dist/, not src/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import convert from 'ast-v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { parseAstAsync } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out/coverage');
const RAW = path.join(OUT, 'child-v8');
const DIST_SRC = pathToFileURL(path.join(ROOT, 'dist/src')).href + '/';

rmSync(OUT, { recursive: true, force: true });
mkdirSync(RAW, { recursive: true });

const vitest = path.join(ROOT, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(
  process.execPath,
  [
    vitest, 'run',
    '--coverage.enabled=true', '--coverage.provider=v8', '--coverage.reporter=json',
    `--coverage.reportsDirectory=${path.join(OUT, 'in-process')}`,
    '--coverage.include=src/**/*.ts',
    '--coverage.reportOnFailure=true',
    // The same Istanbul conversion as for the children, so statement and branch maps line up.
    '--coverage.experimentalAstAwareRemapping=true',
    ...process.argv.slice(2),
  ],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_V8_COVERAGE: RAW } },
);

const map = libCoverage.createCoverageMap({});
const inProcess = path.join(OUT, 'in-process/coverage-final.json');
if (existsSync(inProcess)) map.merge(JSON.parse(readFileSync(inProcess, 'utf8')));

/**
 * Adds a child's counts to the in-process file's own statements, functions and branches, matched
 * by line (the two conversions run on different generated code, so their spans differ slightly:
 * merging them as they are would count a statement twice). A file only children ran is added whole.
 */
function addChild(abs, data) {
  if (!map.files().includes(abs)) return map.merge({ [abs]: data });
  const own = map.fileCoverageFor(abs).data;
  const child = libCoverage.createFileCoverage(data);
  const lines = child.getLineCoverage();
  for (const [id, loc] of Object.entries(own.statementMap)) own.s[id] += lines[loc.start.line] ?? 0;
  const childFns = Object.entries(child.data.fnMap);
  for (const [id, fn] of Object.entries(own.fnMap)) {
    const hit = childFns.find(([, f]) => f.decl.start.line === fn.decl.start.line);
    if (hit) own.f[id] += child.data.f[hit[0]];
  }
  const childBranches = Object.entries(child.data.branchMap);
  for (const [id, br] of Object.entries(own.branchMap)) {
    const hit = childBranches.find(([, b]) => b.loc.start.line === br.loc.start.line && b.type === br.type && b.locations.length === br.locations.length);
    if (hit) own.b[id] = own.b[id].map((n, k) => n + child.data.b[hit[0]][k]);
  }
}

// Child processes: one raw file per process; only the compiled CLI's own scripts matter.
let children = 0;
for (const f of readdirSync(RAW)) {
  const raw = JSON.parse(readFileSync(path.join(RAW, f), 'utf8'));
  const scripts = raw.result.filter((s) => s.url.startsWith(DIST_SRC) && s.url.endsWith('.js'));
  if (scripts.length) children++;
  for (const s of scripts) {
    const file = fileURLToPath(s.url);
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) continue;
    const code = readFileSync(file, 'utf8');
    const sourceMap = JSON.parse(readFileSync(mapFile, 'utf8'));
    const data = await convert({ code, coverage: s, sourceMap, ast: parseAstAsync(code) });
    // Keys are the mapped sources: make them the absolute src/*.ts paths vitest uses.
    const fixed = {};
    for (const [k, v] of Object.entries(data)) {
      const abs = path.resolve(path.dirname(file), k.startsWith('file://') ? fileURLToPath(k) : k);
      fixed[abs] = { ...v, path: abs };
    }
    for (const [abs, data] of Object.entries(fixed)) addChild(abs, data);
  }
  rmSync(path.join(RAW, f));
}
rmSync(RAW, { recursive: true, force: true });
map.filter((file) => file.startsWith(path.join(ROOT, 'src') + path.sep));

const context = libReport.createContext({ dir: OUT, coverageMap: map, defaultSummarizer: 'nested' });
for (const r of ['html', 'json-summary', 'text-summary']) reports.create(r).execute(context);
writeFileSync(path.join(OUT, 'children.txt'), `${children} child process(es) ran the compiled CLI\n`);
console.log(`coverage: in-process (vitest) + ${children} CLI child process(es); report in out/coverage/index.html`);
process.exit(run.status ?? 1);
