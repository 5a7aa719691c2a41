// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('jetdiag rules', { timeout: 120_000 }, () => {
  it('lists every rule with its thresholds under it', () => {
    const r = run(['rules']);
    expect(r.out).toMatch(/^cma\s+cma\s+Compares CmaFree.*\n\s+thresholds: largestAllocationMiB=24, lowFreePct=10/m);
  });

  it('rules <id> shows one rule: docs, needs, thresholds with the override syntax, remedy; no internal notes', () => {
    const r = run(['rules', 'memory-leak']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^memory-leak: /);
    expect(r.out).toMatch(/^Why: /m);
    expect(r.out).toMatch(/^ {2}memory-leak\.minR2 +\= 0\.8$/m);
    expect(r.out).toMatch(/--threshold <rule>\.<name>=<value>/);
    expect(r.out).not.toMatch(/seed|§|shared\/|signatures\.md/);
    const j = JSON.parse(run(['rules', 'cma', '--json']).out);
    expect(j.thresholds.largestAllocationMiB).toBe(24);
  });

  it('an unknown id is a usage error that suggests near ids', () => {
    const r = run(['rules', 'smmu']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^jetdiag: no rule "smmu"\njetdiag: hint: did you mean smmu-faults/);
  });
});

describe('jetdiag completion', { timeout: 120_000 }, () => {
  it('bash: completes commands, options and option values of the real program', () => {
    const script = run(['completion', 'bash']).out;
    const file = path.join(tempDir(), 'jetdiag.bash');
    writeFileSync(file, script);
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _jetdiag; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(complete(['jetdiag', 'an'])).toBe('analyze');
    expect(complete(['jetdiag', 'analyze', '--fo'])).toBe('--format');
    expect(complete(['jetdiag', 'analyze', 'b.tgz', '--format', 'm'])).toBe('md');
    expect(complete(['jetdiag', 'analyze', 'b.tgz', '--fail-on', 'w'])).toBe('warning');
    expect(complete(['jetdiag', 'rules', '--j'])).toBe('--json');
  });

  it('zsh and fish scripts name every command; an unknown shell is refused', () => {
    expect(run(['completion', 'zsh']).out).toMatch(/bashcompinit[\s\S]*complete -o filenames -F _jetdiag jetdiag/);
    const fish = run(['completion', 'fish']).out;
    for (const c of ['analyze', 'parse', 'rules', 'completion']) expect(fish).toContain(`-a ${c} `);
    const bad = run(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^jetdiag: .*unknown shell "tcsh"/);
  });
});
