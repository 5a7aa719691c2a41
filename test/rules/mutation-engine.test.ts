/**
 * The rule engine (src/rules/engine.ts) where a changed check would change what the report
 * says: inputs present but empty, "either input" rules, signature ids a rule does not declare,
 * the confidence range, the evidence cap, default remedy/references/tags, the disabled note and
 * the report order (issue #14, mutation testing). Rules here are small stand-ins built like
 * engine.test.ts's; the inputs are real-format files parsed by the bundle reader.
 */
import { describe, expect, it } from 'vitest';
import { compareFindings, DEFAULT_MAX_EVIDENCE, hasPart, runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import type { Finding, Rule } from '../../src/rules/types.js';
import { BOOT_DMESG, dmesg, HEALTHY_MEMINFO, tegrastats } from '../helpers/bundles.js';

const rule = (id: string, check: Rule['check'], meta: Partial<Rule['meta']> = {}): Rule => ({
  meta: { id, title: `title ${id}`, category: 'memory', docs: { description: 'd', why: 'w', seed: 's' }, requires: [], thresholds: {}, messages: { m: 'value {{v}}' }, ...meta },
  check,
});
const ev = (n: number) => Array.from({ length: n }, (_, k) => ({ file: 'proc/meminfo', line: k + 1, text: `line ${k + 1}` }));
const MEM = snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO });

describe('engine: inputs present but empty', () => {
  it('a file of each kind with nothing usable in it counts as missing', () => {
    const empty = {
      meminfo: snapshotFromFiles({ 'proc/meminfo': 'garbage line\n' }),
      tegrastats: snapshotFromFiles({ 'tegrastats.log': 'hello world\n' }),
      dmesg: snapshotFromFiles({ dmesg: '\n' }),
      buddyinfo: snapshotFromFiles({ 'proc/buddyinfo': 'nothing here\n' }),
    } as const;
    for (const [part, s] of Object.entries(empty)) {
      expect(s[part as keyof typeof empty]).toBeDefined();
      expect(hasPart(s, part as keyof typeof empty)).toBe(false);
      const r = runRules([rule('needs', () => {}, { requires: [part as keyof typeof empty] })], s);
      expect(r.outcomes[0]).toMatchObject({ status: 'not-evaluated' });
      expect(r.outcomes[0]!.detail).toMatch(/^no .+ in bundle$/);
    }
    const full = {
      meminfo: MEM,
      tegrastats: snapshotFromFiles({ 'tegrastats.log': tegrastats(2, () => ({})) }),
      dmesg: snapshotFromFiles({ dmesg: dmesg(BOOT_DMESG) }),
      buddyinfo: snapshotFromFiles({ 'proc/buddyinfo': 'Node 0, zone      DMA      1      1      1      1      1      1      1      1      1      1      1\n' }),
    } as const;
    for (const [part, s] of Object.entries(full)) expect(hasPart(s, part as keyof typeof full)).toBe(true);
  });

  it('a rule that needs either of two inputs names both when neither is there, and runs with one', () => {
    const either = rule('either', () => {}, { requiresAny: ['tegrastats', 'meminfo'] });
    const none = runRules([either], snapshotFromFiles({ dmesg: dmesg(BOOT_DMESG) }));
    expect(none.outcomes[0]).toMatchObject({ status: 'not-evaluated', detail: 'no tegrastats log or /proc/meminfo in bundle' });
    expect(runRules([either], MEM).outcomes[0]!.status).toBe('passed');
  });

  it('a switched-off rule says so', () => {
    const r = runRules([rule('off', () => {})], MEM, { disabled: ['off'] });
    expect(r.outcomes).toEqual([{ ruleId: 'off', title: 'title off', status: 'disabled', detail: 'switched off in the configuration' }]);
  });
});

describe('engine: what a finding carries', () => {
  it('a signature id the rule does not declare is a rule error that names it', () => {
    const undeclared = rule('u', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, signatures: ['oom-kill-victim'] }), { signatures: ['oom-invoked'] });
    const none = rule('n', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, signatures: ['oom-kill-victim'] }));
    const ok = rule('k', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, signatures: ['oom-invoked', 'oom-invoked'] }), { signatures: ['oom-invoked'] });
    const r = runRules([undeclared, none, ok], MEM);
    expect(r.outcomes.map((o) => [o.status, o.detail])).toEqual([
      ['rule-error', 'rule u cited signature id(s) it does not declare: oom-kill-victim'],
      ['rule-error', 'rule n cited signature id(s) it does not declare: oom-kill-victim'],
      ['fired', undefined],
    ]);
    expect(r.findings[0]!.signatures).toEqual(['oom-invoked']);
  });

  it('confidence is kept between 0 and 1', () => {
    const at = (c: number) => runRules([rule('c', ({ report }) => report({ messageId: 'm', data: { v: c }, severity: 'info', confidence: c, evidence: ev(1) }))], MEM).findings[0]!.confidence;
    expect(at(1.4)).toBe(1);
    expect(at(-0.2)).toBe(0);
    expect(at(0.42)).toBe(0.42);
  });

  it('evidence is cut at the default cap or the asked one, never with maxEvidence 0; the full count is kept', () => {
    const many = rule('e', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, evidence: ev(DEFAULT_MAX_EVIDENCE + 5) }));
    const dflt = runRules([many], MEM).findings[0]!;
    expect(DEFAULT_MAX_EVIDENCE).toBe(50);
    expect(dflt.evidence.length).toBe(50);
    expect(dflt.evidenceCount).toBe(55);
    expect(runRules([many], MEM, { maxEvidence: 3 }).findings[0]!.evidence.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(runRules([many], MEM, { maxEvidence: 0 }).findings[0]!.evidence.length).toBe(55);
  });

  it('remedy: the finding\'s own, else the rule\'s, else none; references and tags default to none', () => {
    const plain = runRules([rule('p', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1 }))], MEM).findings[0]!;
    expect(plain.remedy).toEqual([]);
    expect(plain.references).toEqual([]);
    expect(plain.tags).toEqual([]);
    expect(plain.evidence).toEqual([]);
    expect(plain.evidenceCount).toBe(0);
    expect(plain.figures).toEqual([]);
    const withMeta = { remedy: ['rule remedy'], references: ['a reference'] };
    const fromRule = runRules([rule('r', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1 }), withMeta)], MEM).findings[0]!;
    expect(fromRule.remedy).toEqual(['rule remedy']);
    expect(fromRule.references).toEqual(['a reference']);
    const own = runRules([rule('o', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, remedy: ['own remedy'], tags: ['leak'] }), withMeta)], MEM).findings[0]!;
    expect(own.remedy).toEqual(['own remedy']);
    expect(own.tags).toEqual(['leak']);
  });
});

describe('engine: report order', () => {
  it('findings come most severe first, whatever order the rules ran in', () => {
    const r = (id: string, severity: Finding['severity'], confidence: number) => rule(id, ({ report }) => report({ messageId: 'm', data: { v: id }, severity, confidence, evidence: ev(1) }));
    const out = runRules([r('a', 'info', 0.9), r('b', 'critical', 0.5), r('c', 'warning', 0.99)], MEM);
    expect(out.findings.map((f) => f.ruleId)).toEqual(['b', 'c', 'a']);
  });

  it('severity before confidence; at equal everything, rule id, then message id, then verdict', () => {
    const f = (over: Partial<Finding>): Finding => ({ id: 'x', ruleId: 'r', messageId: 'm', title: 't', category: 'c', severity: 'error', confidence: 0.5, verdict: 'v', figures: [], evidence: [], remedy: [], references: [], tags: [], signatures: [], ...over });
    // A more severe finding with less confidence still comes first.
    expect(compareFindings(f({ severity: 'critical', confidence: 0.1 }), f({ severity: 'error', confidence: 0.9 }))).toBeLessThan(0);
    expect(compareFindings(f({ confidence: 0.9 }), f({ confidence: 0.1 }))).toBeLessThan(0);
    expect(compareFindings(f({ ruleId: 'a' }), f({ ruleId: 'b' }))).toBeLessThan(0);
    expect(compareFindings(f({ ruleId: 'b' }), f({ ruleId: 'a' }))).toBeGreaterThan(0);
    // Same rule: the message id decides, then the verdict.
    expect(compareFindings(f({ messageId: 'b' }), f({ messageId: 'a' }))).toBeGreaterThan(0);
    expect(compareFindings(f({ messageId: 'a' }), f({ messageId: 'b' }))).toBeLessThan(0);
    expect(compareFindings(f({ verdict: 'w' }), f({ verdict: 'v' }))).toBeGreaterThan(0);
    expect(compareFindings(f({}), f({}))).toBe(0);
  });
});
