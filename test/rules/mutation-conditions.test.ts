/**
 * Cause conditions (src/rules/causes/conditions.ts), three-valued, each operator at its
 * boundary: just under, at and just over (issue #14, mutation testing).
 */
import { describe, expect, it } from 'vitest';
import { factsOf, holds, type ConditionInput } from '../../src/rules/causes/conditions.js';
import type { Condition } from '../../src/rules/causes/types.js';
import type { Finding } from '../../src/rules/types.js';
import type { Facts } from '../../src/facts/facts.js';

const finding = (id: string, ...tags: string[]) => ({ id, tags }) as unknown as Finding;
const cmaFail = finding('cma/fail', 'cma-failure', 'fragmentation');
const cmaFail2 = finding('cma/fail#2', 'cma-failure');
const oom = finding('oom-kills/kill/python3', 'oom', 'process:python3');
const input = (facts: Facts = {}, findings = [cmaFail, cmaFail2, oom]): ConditionInput => ({ findings, facts });
const on = (c: Condition, facts: Facts = {}, findings?: Finding[]) => holds(c, input(facts, findings));

describe('fact conditions at their boundaries', () => {
  const f = { uptimeHours: 14 };
  it.each([
    [{ fact: 'uptimeHours', lt: 14 }, false],
    [{ fact: 'uptimeHours', lt: 14.1 }, true],
    [{ fact: 'uptimeHours', le: 14 }, true],
    [{ fact: 'uptimeHours', le: 13.9 }, false],
    [{ fact: 'uptimeHours', gt: 14 }, false],
    [{ fact: 'uptimeHours', gt: 13.9 }, true],
    [{ fact: 'uptimeHours', ge: 14 }, true],
    [{ fact: 'uptimeHours', ge: 14.1 }, false],
    [{ fact: 'uptimeHours', eq: 14 }, true],
    [{ fact: 'uptimeHours', eq: 15 }, false],
    [{ fact: 'uptimeHours', ne: 14 }, false],
    [{ fact: 'uptimeHours', ne: 15 }, true],
    [{ fact: 'uptimeHours', in: [12, 14] }, true],
    [{ fact: 'uptimeHours', in: [12, 13] }, false],
    // No operator: nothing is asserted.
    [{ fact: 'uptimeHours' }, undefined],
  ] as [Condition, boolean | undefined][])('%j on 14 h is %s', (c, want) => {
    expect(on(c, f)).toBe(want);
  });

  it('a fact the bundle lacks is unknown, whatever the operator', () => {
    for (const c of [{ fact: 'uptimeHours', lt: 1 }, { fact: 'uptimeHours', ne: 3 }, { fact: 'soc', eq: 'tegra234' }] as Condition[]) expect(on(c, {})).toBeUndefined();
  });

  it('a comparison on a text fact is false, equality works on text and booleans', () => {
    const facts: Facts = { soc: 'tegra234', cmaIsReleaseDefault: false };
    expect(on({ fact: 'soc', lt: 1 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'soc', le: 1 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'soc', gt: 1 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'soc', ge: 1 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'soc', eq: 'tegra234' }, facts)).toBe(true);
    expect(on({ fact: 'soc', in: ['tegra194', 'tegra234'] }, facts)).toBe(true);
    expect(on({ fact: 'cmaIsReleaseDefault', eq: false }, facts)).toBe(true);
    expect(on({ fact: 'cmaIsReleaseDefault', ne: false }, facts)).toBe(false);
  });

  it('a numeric comparison on a true/false fact is false, never a number comparison', () => {
    const facts: Facts = { cmaIsReleaseDefault: true };
    expect(on({ fact: 'cmaIsReleaseDefault', ge: 1 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'cmaIsReleaseDefault', gt: 0 } as Condition, facts)).toBe(false);
    expect(on({ fact: 'cmaIsReleaseDefault', le: 1 } as Condition, { cmaIsReleaseDefault: false })).toBe(false);
    expect(on({ fact: 'cmaIsReleaseDefault', lt: 1 } as Condition, { cmaIsReleaseDefault: false })).toBe(false);
  });

  it('the first operator given decides (lt before le before gt before ge before eq)', () => {
    expect(on({ fact: 'uptimeHours', lt: 10, gt: 10 } as Condition, f)).toBe(false);
    expect(on({ fact: 'uptimeHours', le: 10, ge: 10 } as Condition, f)).toBe(false);
    expect(on({ fact: 'uptimeHours', gt: 20, eq: 14 } as Condition, f)).toBe(false);
    expect(on({ fact: 'uptimeHours', ge: 20, eq: 14 } as Condition, f)).toBe(false);
    expect(on({ fact: 'uptimeHours', eq: 13, ne: 13 } as Condition, f)).toBe(false);
    expect(on({ fact: 'uptimeHours', ne: 14, in: [14] } as Condition, f)).toBe(false);
  });
});

describe('tag conditions', () => {
  it('a tag holds when a finding carries it, atLeast counts findings', () => {
    expect(on('cma-failure')).toBe(true);
    expect(on('thermal')).toBe(false);
    expect(on({ tag: 'cma-failure', atLeast: 2 })).toBe(true);
    expect(on({ tag: 'cma-failure', atLeast: 3 })).toBe(false);
    expect(on({ tag: 'oom', atLeast: 1 })).toBe(true);
  });

  it('except drops findings that also carry another tag', () => {
    expect(on({ tag: 'cma-failure', except: ['fragmentation'] })).toBe(true);
    expect(on({ tag: 'cma-failure', except: ['fragmentation'], atLeast: 2 })).toBe(false);
    expect(on({ tag: 'fragmentation', except: ['cma-failure'] })).toBe(false);
  });

  it('only the findings that made a tag hold are cited', () => {
    const m = new Set<Finding>();
    expect(holds({ tag: 'cma-failure', except: ['fragmentation'] }, input(), m)).toBe(true);
    expect([...m]).toEqual([cmaFail2]);
    const none = new Set<Finding>();
    expect(holds({ tag: 'cma-failure', atLeast: 3 }, input(), none)).toBe(false);
    expect(none.size).toBe(0);
  });
});

describe('not, all, any', () => {
  const F: Facts = { uptimeHours: 14 };
  const T: Condition = { fact: 'uptimeHours', ge: 14 };
  const Fa: Condition = { fact: 'uptimeHours', lt: 14 };
  const U: Condition = { fact: 'memTotalMiB', lt: 1 };

  it('not flips true and false, keeps unknown, and cites nothing', () => {
    expect(on({ not: T }, F)).toBe(false);
    expect(on({ not: Fa }, F)).toBe(true);
    expect(on({ not: U }, F)).toBeUndefined();
    const m = new Set<Finding>();
    expect(holds({ not: 'thermal' }, input(F), m)).toBe(true);
    expect(holds({ not: { not: 'oom' } }, input(F), m)).toBe(true);
    expect(m.size).toBe(0);
  });

  it('all under not: nothing to cite, no failure', () => {
    expect(on({ not: { all: ['oom', 'cma-failure'] } }, F)).toBe(false);
  });

  it('all: false wins over unknown, unknown over true', () => {
    expect(on({ all: [T, T] }, F)).toBe(true);
    expect(on({ all: [T, Fa] }, F)).toBe(false);
    expect(on({ all: [U, Fa] }, F)).toBe(false);
    expect(on({ all: [T, U] }, F)).toBeUndefined();
    expect(on({ all: [] }, F)).toBe(true);
  });

  it('all cites its findings only when it holds', () => {
    const yes = new Set<Finding>();
    expect(holds({ all: ['oom', 'cma-failure'] }, input(F), yes)).toBe(true);
    expect(new Set(yes)).toEqual(new Set([oom, cmaFail, cmaFail2]));
    const no = new Set<Finding>();
    expect(holds({ all: ['oom', 'thermal'] }, input(F), no)).toBe(false);
    expect(no.size).toBe(0);
    const unknown = new Set<Finding>();
    expect(holds({ all: ['oom', U] }, input(F), unknown)).toBeUndefined();
    expect(unknown.size).toBe(0);
  });

  it('any: true wins over unknown, unknown over false', () => {
    expect(on({ any: [Fa, T] }, F)).toBe(true);
    expect(on({ any: [U, T] }, F)).toBe(true);
    expect(on({ any: [Fa, U] }, F)).toBeUndefined();
    expect(on({ any: [Fa, Fa] }, F)).toBe(false);
    expect(on({ any: [] }, F)).toBe(false);
  });

  it('any cites the findings of every branch that held', () => {
    const m = new Set<Finding>();
    expect(holds({ any: ['oom', 'thermal', { tag: 'cma-failure', except: ['fragmentation'] }] }, input(F), m)).toBe(true);
    expect(new Set(m)).toEqual(new Set([oom, cmaFail2]));
  });

  it('factsOf lists every fact condition, through not, all and any', () => {
    const a: Condition = { fact: 'uptimeHours', ge: 14 };
    const b: Condition = { fact: 'soc', eq: 'tegra234' };
    const c: Condition = { fact: 'memTotalMiB', lt: 4096 };
    expect(factsOf({ all: ['oom', a, { any: [{ tag: 'cma-failure' }, { not: b }] }, c] })).toEqual([a, b, c]);
    expect(factsOf('oom')).toEqual([]);
    expect(factsOf({ tag: 'oom' })).toEqual([]);
    expect(factsOf(a)).toEqual([a]);
  });
});
