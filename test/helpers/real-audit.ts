/**
 * The real-audit cases (test/fixtures/real-audit/<case>/): each case analysed once per test
 * file, and the small readers the real-audit tests assert with.
 */
import path from 'node:path';
import { analyze, type Analysis } from '../../src/analyze.js';
import { assessCompleteness } from '../../src/verdict/completeness.js';
import { decideStatus } from '../../src/verdict/status.js';
import { FIXTURES } from './fixtures.js';

const cache = new Map<string, Promise<Analysis>>();

/** The analysis of one real-audit case (analysed once, then shared by the tests of a file). */
export function run(name: string): Promise<Analysis> {
  if (!cache.has(name)) cache.set(name, analyze(path.join(FIXTURES, 'real-audit', name)));
  return cache.get(name)!;
}

export const status = (a: Analysis) => decideStatus(a.findings, assessCompleteness(a.snapshot, a.outcomes));
export const finding = (a: Analysis, ruleId: string, messageId?: string) =>
  a.findings.find((f) => f.ruleId === ruleId && (messageId === undefined || f.messageId === messageId));
/** A finding's evidence as `file:line`. */
export const lines = (a: Analysis, ruleId: string) => finding(a, ruleId)?.evidence.map((e) => `${e.file}:${e.line}`);
