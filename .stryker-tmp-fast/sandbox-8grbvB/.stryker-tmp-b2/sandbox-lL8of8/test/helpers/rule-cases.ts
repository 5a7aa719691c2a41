/** Runs one built-in rule's valid and invalid cases (one test file per rule, test/rules/<id>.test.ts). */
// @ts-nocheck

// 

import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/registry.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { assertRuleDocumented, checkInvalid, checkValid, type ExpectedEvidence, type RuleCases } from '../../src/rules/tester.js';
import type { Finding } from '../../src/rules/types.js';

export const SIGNATURES = loadSignatures();

export function ruleById(id: string) {
  const rule = BUILTIN_RULES.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no built-in rule ${id}`);
  return rule;
}

/** Evidence lines of one file, for an expected finding: `at('dmesg', 3, 4)`. */
export const at = (file: string, ...lines: number[]): ExpectedEvidence[] => lines.map((line) => ({ file, line }));

/** `inspect` sees each invalid case's findings, for assertions beyond the message ids. */
export function describeRule(id: string, cases: RuleCases, inspect?: (name: string, findings: Finding[]) => void): void {
  const rule = ruleById(id);
  describe(`rule ${id}`, () => {
    it('is documented and has valid and invalid cases', () => {
      assertRuleDocumented(rule);
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    it('pins evidence file:line, tags and catalogue ids for every expected finding', () => {
      const loose = cases.invalid.flatMap((c) => c.findings.filter((f) => !f.evidence || !f.tags || !f.signatures).map((f) => `${c.name} / ${f.messageId}`));
      expect(loose).toEqual([]);
    });
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => checkValid(rule, c, SIGNATURES));
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const found = checkInvalid(rule, c, SIGNATURES);
      inspect?.(c.name, found);
    });
  });
}
