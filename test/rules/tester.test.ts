/**
 * The RuleTester checks what it is told to check: every wrong expectation below must make it
 * throw, naming what differed. A tester that ignored the verdict, the severity, the evidence
 * line, the tags, the catalogue ids or a figure would let these cases through.
 */
import { describe, expect, it } from 'vitest';
import { assertRuleDocumented, checkInvalid, checkValid, evidenceMismatch, type ExpectedFinding, type InvalidCase } from '../../src/rules/tester.js';
import type { Rule } from '../../src/rules/types.js';
import { at, ruleById, SIGNATURES } from '../helpers/rule-cases.js';
import { dmesg, HEALTHY_MEMINFO, meminfo } from '../helpers/bundles.js';

const pressure = ruleById('memory-pressure');
const files = { 'proc/meminfo': meminfo({ MemAvailable: 610000, SwapFree: 3816752 }) };
// What memory-pressure really reports on this meminfo (MemAvailable 8 %).
const right: ExpectedFinding = {
  messageId: 'warning',
  severity: 'warning',
  verdict: /^MemAvailable is 595\.7 MiB \(8% of 7454\.6 MiB\)/,
  evidence: [...at('proc/meminfo', 3, 1, 2)],
  tags: ['memory-pressure'],
  signatures: ['meminfo-memavailable-low'],
  figures: { MemAvailable: 595.7 },
};
const run = (f: Partial<ExpectedFinding>, extra: Partial<InvalidCase> = {}) => () =>
  checkInvalid(pressure, { name: 'c', files, findings: [{ ...right, ...f }], ...extra }, SIGNATURES);

describe('RuleTester', () => {
  it('passes the right expectation', () => {
    expect(run({})).not.toThrow();
  });

  it.each([
    ['message id', { messageId: 'critical' }, /expected findings \["critical"\], got \["warning"\]/],
    ['severity', { severity: 'critical' as const }, /has severity warning, expected critical/],
    ['verdict', { verdict: /9\.0%/ }, /does not match/],
    ['evidence line off by one', { evidence: at('proc/meminfo', 4, 1, 2) }, /evidence at \["proc\/meminfo:3","proc\/meminfo:1","proc\/meminfo:2"\], expected/],
    ['evidence file', { evidence: at('meminfo.log', 3, 1, 2) }, /evidence at/],
    ['evidence missing a line', { evidence: at('proc/meminfo', 3, 1) }, /evidence at/],
    ['a tag too many', { tags: ['memory-pressure', 'oom'] }, /tags \["memory-pressure"\], expected/],
    ['a tag too few', { tags: [] }, /tags/],
    ['catalogue id', { signatures: ['oom-invoked'] }, /catalogue ids \["meminfo-memavailable-low"\]/],
    ['figure value', { figures: { MemAvailable: 597 } }, /figure "MemAvailable" is 595.7, expected 597/],
    ['figure missing', { figures: { 'swap used': 1 } }, /no figure "swap used"/],
  ])('fails a wrong %s', (_what, wrong, message) => {
    expect(run(wrong)).toThrow(message);
  });

  it('fails an expected finding that is not produced, and a finding not expected', () => {
    expect(() => checkInvalid(pressure, { name: 'c', files, findings: [right, { messageId: 'swap' }] }, SIGNATURES)).toThrow(/expected findings/);
    expect(() => checkInvalid(pressure, { name: 'c', files, findings: [] }, SIGNATURES)).toThrow(/expected findings \[\], got \["warning"\]/);
  });

  it('fails a valid case that produces a finding, passes one that does not', () => {
    expect(() => checkValid(pressure, { name: 'v', files }, SIGNATURES)).toThrow(/valid case "v" produced 1 finding/);
    expect(() => checkValid(pressure, { name: 'v', files: { 'proc/meminfo': HEALTHY_MEMINFO } }, SIGNATURES)).not.toThrow();
  });

  it('fails a case the rule cannot evaluate instead of passing it', () => {
    expect(() => checkValid(pressure, { name: 'v', files: { dmesg: dmesg([[1, 'x']]) } }, SIGNATURES)).toThrow(/would not be evaluated \(\/proc\/meminfo\)/);
  });

  // A rule that quotes the line after the one it means (the off-by-one the product must never ship).
  const offByOne: Rule = {
    meta: { id: 'off-by-one', title: 't', category: 'memory', docs: { description: 'd', why: 'w', seed: 's' }, requires: ['meminfo'], thresholds: {}, messages: { m: 'MemAvailable {{v}}' } },
    check: ({ snapshot, report }) => {
      const m = snapshot.meminfo!;
      const c = m.captures[0]!;
      report({ messageId: 'm', data: { v: 1 }, severity: 'warning', confidence: 1, evidence: [{ file: m.file, line: c.lines.MemAvailable! + 1, text: `MemAvailable: ${c.values.MemAvailable! / 1024} kB` }] });
    },
  };

  it('fails evidence whose quote is not on the cited line, even when no line is pinned', () => {
    expect(() => checkInvalid(offByOne, { name: 'c', files, findings: [{ messageId: 'm' }] }, SIGNATURES)).toThrow(/evidence proc\/meminfo:4 quotes "MemAvailable: 610000 kB" but that line is "Buffers:/);
  });

  it('fails a finding with no evidence or with an unfilled value', () => {
    const bare: Rule = { ...offByOne, check: ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'warning', confidence: 1 }) };
    expect(() => checkInvalid(bare, { name: 'c', files, findings: [{ messageId: 'm' }] }, SIGNATURES)).toThrow(/quotes no evidence/);
    const nan: Rule = { ...offByOne, check: ({ report }) => report({ messageId: 'm', data: { v: Number.NaN }, severity: 'warning', confidence: 1, evidence: [{ file: 'proc/meminfo', line: 3, text: 'MemAvailable: 1 kB' }] }) };
    expect(() => checkInvalid(nan, { name: 'c', files, findings: [{ messageId: 'm' }] }, SIGNATURES)).toThrow(/unfilled value/);
  });

  it.each([
    ['a NaN value', { label: 'available', value: Number.NaN, unit: '%' }, /has no real value/],
    ['an unknown trip (Infinity)', { label: 'shutdown trip', value: Number.POSITIVE_INFINITY, unit: '°C' }, /has no real value/],
    ['"undefined" in a text value', { label: 'channels', value: 'OC1, undefined' }, /has no real value/],
    ['an empty text value', { label: 'channels', value: '' }, /has no real value/],
    ['no label', { label: '', value: 3 }, /has no label/],
    ['an empty unit', { label: 'alarms', value: 3, unit: '' }, /has an empty unit/],
    ['not a figure at all', 'x', /is not a labelled figure/],
  ])('fails a figure a report could not print: %s', (_n, figure, msg) => {
    const ev = [{ file: 'proc/meminfo', line: 3, text: 'MemAvailable: 610000 kB' }];
    const bad: Rule = { ...offByOne, check: ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'warning', confidence: 1, evidence: ev, figures: [figure as never] }) };
    expect(() => checkInvalid(bad, { name: 'c', files, findings: [{ messageId: 'm' }] }, SIGNATURES)).toThrow(msg);
    const good: Rule = { ...offByOne, check: ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'warning', confidence: 1, evidence: ev, figures: [{ label: 'alarms', value: 0 }, { label: 'channels', value: 'OC1, OC3', unit: 'ch' }] }) };
    expect(() => checkInvalid(good, { name: 'c', files, findings: [{ messageId: 'm' }] }, SIGNATURES)).not.toThrow();
  });

  it('fails a rule without docs before any case', () => {
    expect(() => assertRuleDocumented({ ...offByOne, meta: { ...offByOne.meta, docs: { description: 'd', why: '', seed: 's' } } })).toThrow(/has no docs\.why/);
  });
});

describe('evidenceMismatch', () => {
  const f = { dmesg: dmesg([[1, 'soctherm: OC ALARM 0x00000001'], [2, 'soctherm: OC ALARM 0x00000005']]), 'tegrastats.log': 'RAM 1/2MB cpu@97.500C\nRAM 1/2MB cpu@70.000C\n' };
  it.each([
    ['a kernel line quoted verbatim with its stamp', { file: 'dmesg', line: 2, text: '[    2.000000] soctherm: OC ALARM 0x00000005' }, null],
    ['the neighbouring kernel line', { file: 'dmesg', line: 1, text: '[    2.000000] soctherm: OC ALARM 0x00000005' }, /but that line is/],
    ['a reading quoted with fewer decimals', { file: 'tegrastats.log', line: 1, text: 'cpu@97.5C' }, null],
    ['a reading from the other sample', { file: 'tegrastats.log', line: 2, text: 'cpu@97.5C' }, /but that line is/],
    ['a line beyond the end', { file: 'dmesg', line: 4, text: 'x' }, /beyond the file's 3 line/],
    ['a file the case does not have', { file: 'proc/meminfo', line: 1, text: 'MemTotal: 1 kB' }, /not a file of the case/],
  ])('%s', (_n, e, want) => {
    const got = evidenceMismatch(f, e);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});
