import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../../src/rules/registry.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

describe('every built-in rule has its own test file', () => {
  it.each(BUILTIN_RULES.map((r) => r.meta.id))('test/rules/%s.test.ts', (id) => {
    expect(existsSync(path.join(HERE, `${id}.test.ts`))).toBe(true);
  });
});
