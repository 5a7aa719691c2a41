// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../../src/rules/registry.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

describe('every built-in rule has its own test file', () => {
  it.each(BUILTIN_RULES.map((r) => r.meta.id))('test/rules/%s.test.ts', (id) => {
    expect(existsSync(path.join(HERE, `${id}.test.ts`))).toBe(true);
  });
});

/** The rule-case sources (describeRule calls, and the shared collector-input cases) that name a rule. */
function caseSources(id: string): string {
  return readdirSync(HERE)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(HERE, f), 'utf8'))
    .filter((text) => text.includes(`describeRule('${id}'`) || text.includes(`describeRule(\n  '${id}'`) || text.includes(`'${id}': {`))
    .join('\n');
}

describe('every message of every built-in rule is produced by an invalid case', () => {
  it.each(BUILTIN_RULES.map((r) => [r.meta.id, Object.keys(r.meta.messages)] as const))('%s', (id, messages) => {
    const text = caseSources(id);
    expect(text, `no rule cases for ${id}`).not.toBe('');
    expect(messages.filter((m) => !text.includes(`messageId: '${m}'`))).toEqual([]);
  });
});
