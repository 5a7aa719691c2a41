import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { causesValidatorSource, TARGET } from '../../scripts/causes-validator.mjs';

describe('the precompiled root-causes schema validator', () => {
  it('is what ajv makes of schema/root-causes.schema.json now (run `node scripts/causes-validator.mjs` after editing the schema)', () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(causesValidatorSource());
  });
});
