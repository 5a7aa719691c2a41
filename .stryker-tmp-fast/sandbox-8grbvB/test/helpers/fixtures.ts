// @ts-nocheck
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixture(rel: string): string {
  return readFileSync(path.join(FIXTURES, rel), 'utf8');
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'jetdiag-test-'));
}

/** Writes files (relative path -> content) into a new temp directory. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export function writeTemp(name: string, content: string | Buffer): string {
  const p = path.join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

/**
 * A real log kept under test/rules/data/ whose `# ` header lines say where it came from;
 * the header is removed so the parser sees only the captured lines.
 */
export function realLog(name: string): string {
  const text = readFileSync(path.join(FIXTURES, '..', 'rules', 'data', name), 'utf8');
  return text.split('\n').filter((l) => !l.startsWith('# ')).join('\n');
}
