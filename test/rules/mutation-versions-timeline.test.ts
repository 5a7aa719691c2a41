/**
 * The rule-set version (src/rules/ruleset-version.ts) and the placing of kernel events on the
 * tegrastats segments (src/rules/timeline.ts), case by case where a changed comparison or a
 * dropped field would give another answer (issue #14, mutation testing). The provenance tests
 * in test/verdict cover the version end to end; these run under Stryker (test/rules).
 */
import { describe, expect, it } from 'vitest';
import { packsUsed, ruleSetVersion } from '../../src/rules/ruleset-version.js';
import { allRules, BUILTIN_RULES } from '../../src/rules/registry.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { loadCauses } from '../../src/rules/causes/pack.js';
import { clockTime, kernelTimeline, placeOnSegments } from '../../src/rules/timeline.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { tegrastats } from '../helpers/bundles.js';
import type { Rule } from '../../src/rules/types.js';
import type { CompiledSignature } from '../../src/rules/signatures/pack.js';
import type { SeriesSegment, Tegrastats } from '../../src/snapshot/types.js';

describe('rule-set version', () => {
  // Versions are computed inside each test: Stryker activates a mutant only while tests run.
  const sigs = loadSignatures();
  const rules = allRules(sigs);
  const withMeta = (i: number, meta: Partial<Rule['meta']>) => rules.map((r, k) => (k === i ? { ...r, meta: { ...r.meta, ...meta } } : r));

  it('is 16 hex digits, the same for equal rule sets whatever their order', () => {
    const v = ruleSetVersion(rules, sigs);
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(ruleSetVersion([...rules].reverse(), [...sigs].reverse())).toBe(v);
    // Cached per rule list: asked again it is the same.
    expect(ruleSetVersion(rules, sigs)).toBe(v);
    expect(ruleSetVersion(rules, sigs, {})).toBe(v);
  });

  it('no signatures is another rule set, and a missing rule too', () => {
    const v = ruleSetVersion(rules, sigs);
    expect(ruleSetVersion(rules)).not.toBe(v);
    expect(ruleSetVersion(rules.slice(1), sigs)).not.toBe(v);
    expect(ruleSetVersion(rules, sigs.slice(1))).not.toBe(v);
  });

  it('follows every part of a rule meta, not where a pack file lives', () => {
    const v = ruleSetVersion(rules, sigs);
    expect(ruleSetVersion(withMeta(0, { messages: { ...rules[0]!.meta.messages, extra: 'x' } }), sigs)).not.toBe(v);
    expect(ruleSetVersion(withMeta(0, { requires: [] }), sigs)).not.toBe(v);
    expect(ruleSetVersion(withMeta(0, { title: `${rules[0]!.meta.title} ` }), sigs)).not.toBe(v);
    // `file` says where a pack lives on this machine: the same rules elsewhere are the same set.
    expect(ruleSetVersion(withMeta(0, { file: '/somewhere/else.json' } as Partial<Rule['meta']>), sigs)).toBe(v);
  });

  it('follows a signature regex source and flags, not its compiled object', () => {
    const v = ruleSetVersion(rules, sigs);
    const [first, ...rest] = sigs;
    const same: CompiledSignature[] = [{ ...first!, patterns: first!.patterns.map((p) => ({ ...p, re: new RegExp(p.re.source, p.re.flags) })) }, ...rest];
    expect(ruleSetVersion(rules, same)).toBe(v);
    const p0 = first!.patterns[0]!;
    const extra = [...'dmsy'].find((f) => !p0.re.flags.includes(f))!;
    const flagged: CompiledSignature[] = [{ ...first!, patterns: [{ ...p0, re: new RegExp(p0.re.source, p0.re.flags + extra) }, ...first!.patterns.slice(1)] }, ...rest];
    expect(ruleSetVersion(rules, flagged)).not.toBe(v);
  });

  it('follows causes (any order) and engine settings; the defaults are settings too', () => {
    const v = ruleSetVersion(rules, sigs);
    const causes = loadCauses();
    const c = ruleSetVersion(rules, sigs, { causes });
    expect(c).toMatch(/^[0-9a-f]{16}$/);
    expect(c).not.toBe(v);
    expect(ruleSetVersion(rules, sigs, { causes: [...causes].reverse() })).toBe(c);
    expect(ruleSetVersion(rules, sigs, { causes })).toBe(c);
    // Other causes, another version; the same causes in a new list, the same version.
    expect(ruleSetVersion(rules, sigs, { causes: causes.slice(1) })).not.toBe(c);
    expect(ruleSetVersion(rules, sigs, { causes: [...causes] })).toBe(c);
    const e0 = ruleSetVersion(rules, sigs, { engine: {} });
    expect(e0).not.toBe(v);
    expect(ruleSetVersion(rules, sigs, { engine: { thresholds: {}, disabled: [] } })).toBe(e0);
    expect(ruleSetVersion(rules, sigs, { engine: { maxEvidence: 50 } })).not.toBe(e0);
    expect(ruleSetVersion(rules, sigs, { engine: { maxEvidence: 0 } })).not.toBe(ruleSetVersion(rules, sigs, { engine: { maxEvidence: 50 } }));
    expect(ruleSetVersion(rules, sigs, { engine: { thresholds: { thermal: { marginC: 4 } } } })).not.toBe(e0);
    expect(ruleSetVersion(rules, sigs, { engine: { disabled: ['thermal'] } })).not.toBe(e0);
    expect(ruleSetVersion(rules, sigs, { engine: { disabled: ['cma', 'thermal'] } })).toBe(ruleSetVersion(rules, sigs, { engine: { disabled: ['thermal', 'cma'] } }));
    const both = ruleSetVersion(rules, sigs, { causes, engine: {} });
    expect(new Set([v, c, e0, both]).size).toBe(4);
  });

  it('packsUsed counts the pack rules by pack, sorted by name', () => {
    const v = ruleSetVersion(rules, sigs);
    expect(packsUsed(BUILTIN_RULES)).toEqual([]);
    const fake = (id: string, pack?: string) => ({ ...BUILTIN_RULES[0]!, meta: { ...BUILTIN_RULES[0]!.meta, id, pack } }) as Rule;
    expect(packsUsed([fake('a', 'site'), fake('b', 'builtin'), fake('c', 'site'), fake('d')])).toEqual([
      { pack: 'builtin', rules: 1 },
      { pack: 'site', rules: 2 },
    ]);
    const packs = packsUsed(rules);
    expect(packs.length).toBeGreaterThan(0);
    expect(packs.reduce((n, p) => n + p.rules, 0)).toBe(rules.length - BUILTIN_RULES.length);
  });
});

describe('placing an epoch on the tegrastats segments', () => {
  // Three stretches of a log starting at epoch 1_000_000, sampled every 2 s:
  // 0-100 s, a gap, 200-300 s, then a clock that went back: 250-400 s.
  const seg = (startS: number, endS: number): SeriesSegment => ({ from: 0, to: 0, startS, endS, startLine: 1, endLine: 1 });
  const t = (segments: SeriesSegment[], intervalSeconds = 2, startEpoch: number | undefined = 1_000_000) => ({ startEpoch, segments, intervalSeconds }) as unknown as Tegrastats;
  const T = t([seg(0, 100), seg(200, 300), seg(250, 400)]);
  const at = (x: number) => placeOnSegments(T, 1_000_000 + x);

  it('before the first sample, with one interval of slack', () => {
    expect(at(-2.5)).toEqual({ kind: 'before' });
    // Inside the slack but before the first sample: not placed.
    expect(at(-2)).toBeUndefined();
  });

  it('inside a segment, both ends included', () => {
    expect(at(0)).toEqual({ kind: 'within', segment: 0 });
    expect(at(100)).toEqual({ kind: 'within', segment: 0 });
    expect(at(200)).toEqual({ kind: 'within', segment: 1 });
    expect(at(300)).toEqual({ kind: 'within', segment: 1 });
  });

  it('in a gap: the break before the next segment', () => {
    expect(at(100.5)).toEqual({ kind: 'break', segment: 1 });
    expect(at(199.5)).toEqual({ kind: 'break', segment: 1 });
  });

  it('after a clock went back: just past the earlier end is the break, the overlap is the next segment', () => {
    // 300..302 s: past segment 1's end, before segment 2's end: the break before segment 2 (slack 2 s).
    expect(at(301)).toEqual({ kind: 'break', segment: 2 });
    expect(at(302)).toEqual({ kind: 'break', segment: 2 });
    expect(at(303)).toEqual({ kind: 'within', segment: 2 });
    expect(at(400)).toEqual({ kind: 'within', segment: 2 });
  });

  it('just after the last sample is still within it (one interval of slack), then after', () => {
    expect(at(401)).toEqual({ kind: 'within', segment: 2 });
    expect(at(402)).toEqual({ kind: 'within', segment: 2 });
    expect(at(402.5)).toEqual({ kind: 'after' });
  });

  it('the slack is at least one second', () => {
    const fast = t([seg(0, 10)], 0.5);
    expect(placeOnSegments(fast, 1_000_000 + 11)).toEqual({ kind: 'within', segment: 0 });
    expect(placeOnSegments(fast, 1_000_000 + 11.2)).toEqual({ kind: 'after' });
    expect(placeOnSegments(fast, 1_000_000 - 1)).toBeUndefined();
    expect(placeOnSegments(fast, 1_000_000 - 1.2)).toEqual({ kind: 'before' });
  });

  it('no clock or no segments: no place', () => {
    expect(placeOnSegments({ segments: [seg(0, 10)], intervalSeconds: 1 } as unknown as Tegrastats, 1_000_000)).toBeUndefined();
    expect(placeOnSegments(t([]), 1_000_000)).toBeUndefined();
  });

  it('a real log split by a RAM drop', () => {
    const s = snapshotFromFiles({ 'tegrastats.log': tegrastats(120, (i) => ({ ramMB: i < 60 ? 3000 + i * 7 : 2100 })) });
    const ts = s.tegrastats!;
    expect(ts.segments.length).toBe(2);
    const start = ts.startEpoch!;
    expect(placeOnSegments(ts, start + 59)).toEqual({ kind: 'within', segment: 0 });
    expect(placeOnSegments(ts, start + 59.5)).toEqual({ kind: 'break', segment: 1 });
    expect(placeOnSegments(ts, start + 60)).toEqual({ kind: 'within', segment: 1 });
  });
});

describe('clock time and kernel timeline details', () => {
  it('clockTime: HH:MM:SS, with the date when asked, rounded to the second', () => {
    const e = Date.UTC(2026, 10, 24, 8, 9, 59) / 1000;
    expect(clockTime(e)).toBe('08:09:59');
    expect(clockTime(e + 0.6)).toBe('08:10:00');
    expect(clockTime(e, true)).toBe('2026-11-24 08:09:59');
  });

  const KILL = 'Out of memory: Killed process 2210 (python3) total-vm:9382712kB, anon-rss:5618268kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:9645kB oom_score_adj:0';
  const epoch = (files: Record<string, string>) => {
    const s = snapshotFromFiles(files);
    const r = s.dmesg!.records.find((x) => x.message.includes('Killed process'))!;
    return kernelTimeline(s).epochOf(r);
  };

  it('a syslog stamp without a year and no tegrastats log cannot be placed', () => {
    expect(epoch({ 'var/log/kern.log': `Nov 24 08:10:00 orin kernel: [ 4200.250000] ${KILL}\n` })).toBeUndefined();
  });
});
