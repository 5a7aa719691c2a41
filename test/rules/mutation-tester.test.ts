/**
 * The RuleTester's own checks (src/rules/tester.ts) that tester.test.ts does not reach: every
 * documentation field, info findings in a valid case, threshold overrides, evidence files found
 * by their last path segment, Buffers and CRLF captures, sets compared without order or repeats
 * (issue #14, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { assertRuleDocumented, checkInvalid, checkValid, evidenceMismatch, runCase } from '../../src/rules/tester.js';
import type { Rule } from '../../src/rules/types.js';
import { ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { meminfo } from '../helpers/bundles.js';

const pressure = ruleById('memory-pressure');
const base: Rule = {
  meta: { id: 'r', title: 't', category: 'memory', docs: { description: 'd', why: 'w', seed: 's' }, requires: ['meminfo'], thresholds: {}, messages: { m: 'MemTotal {{v}}' } },
  check: ({ snapshot, report }) => {
    const m = snapshot.meminfo!;
    const c = m.captures[0]!;
    report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, tags: ['oom', 'oom', 'memory-pressure'], evidence: [{ file: m.file, line: c.lines.MemTotal!, text: c.text!.MemTotal! }] });
  },
};
const files = { 'proc/meminfo': meminfo() };

describe('assertRuleDocumented', () => {
  it.each([
    ['description', { docs: { description: ' ', why: 'w', seed: 's' } }, /has no docs\.description$/],
    ['seed', { docs: { description: 'd', why: 'w', seed: '' } }, /has no docs\.seed$/],
    ['all three', { docs: undefined }, /^rule r has no docs\.description, docs\.why, docs\.seed$/],
    ['messages', { messages: {} }, /^rule r has no messages$/],
    ['title', { title: '' }, /^rule r needs a title and a category$/],
    ['category', { category: '' }, /^rule r needs a title and a category$/],
  ])('refuses a rule without %s', (_n, meta, msg) => {
    expect(() => assertRuleDocumented({ ...base, meta: { ...base.meta, ...meta } as Rule['meta'] })).toThrow(msg);
  });
  it('accepts a documented rule', () => {
    expect(() => assertRuleDocumented(base)).not.toThrow();
  });
});

describe('cases', () => {
  it('a valid case may hold info findings', () => {
    expect(() => checkValid(base, { name: 'v', files }, SIGNATURES)).not.toThrow();
  });

  it('a threshold override reaches the rule', () => {
    const f = runCase(pressure, { name: 'c', files: { 'proc/meminfo': meminfo({ MemAvailable: 5_000_000, SwapFree: 3_000_000 }) }, thresholds: { availablePctWarning: 90 } }, SIGNATURES);
    expect(f.map((x) => x.messageId)).toEqual(['warning']);
    expect(runCase(pressure, { name: 'c', files: { 'proc/meminfo': meminfo({ MemAvailable: 5_000_000, SwapFree: 3_000_000 }) } }, SIGNATURES)).toEqual([]);
  });

  it('tags and catalogue ids compare as sets: order and repeats do not matter, a missing one does', () => {
    expect(() => checkInvalid(base, { name: 'c', files, findings: [{ messageId: 'm', tags: ['memory-pressure', 'oom'] }] }, SIGNATURES)).not.toThrow();
    expect(() => checkInvalid(base, { name: 'c', files, findings: [{ messageId: 'm', tags: ['oom'] }] }, SIGNATURES)).toThrow(/tags \["oom","oom","memory-pressure"\], expected \["oom"\]/);
  });

  it('a missing figure lists the figures there are, or none', () => {
    expect(() => checkInvalid(base, { name: 'c', files, findings: [{ messageId: 'm', figures: { x: 1 } }] }, SIGNATURES)).toThrow(/no figure "x" \(has none\)$/);
  });
});

describe('evidenceMismatch finds the case file', () => {
  const lines = 'MemTotal:        7633536 kB\r\nMemFree:          112340 kB\r\n';
  it('by its last path segment, in a Buffer, with CRLF line ends', () => {
    const f = { 'bundle/proc/meminfo': Buffer.from(lines) };
    expect(evidenceMismatch(f, { file: 'meminfo', line: 2, text: 'MemFree: 112340 kB' })).toBeNull();
    expect(evidenceMismatch(f, { file: 'x/bundle/proc/meminfo', line: 1, text: 'MemTotal: 7633536 kB' })).toBeNull();
    expect(evidenceMismatch(f, { file: 'meminfo', line: 3, text: 'x' })).toMatch(/quotes "x" but that line is ""/);
    expect(evidenceMismatch(f, { file: 'meminfo', line: 4, text: 'x' })).toMatch(/beyond the file's 3 line/);
  });
  it('not when two files end the same way', () => {
    expect(evidenceMismatch({ 'a/meminfo': 'MemTotal: 1 kB\n', 'b/meminfo': 'MemTotal: 1 kB\n' }, { file: 'meminfo', line: 1, text: 'MemTotal: 1 kB' })).toMatch(/not a file of the case/);
  });
  it('a line number that is not a whole number', () => {
    expect(evidenceMismatch({ meminfo: lines }, { file: 'meminfo', line: 1.5, text: 'x' })).toMatch(/beyond the file/);
    expect(evidenceMismatch({ meminfo: lines }, { file: 'meminfo', line: 0, text: 'x' })).toMatch(/beyond the file/);
  });
});
