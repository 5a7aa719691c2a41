// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { checkInvalid, snapshotFromFiles } from '../../src/rules/tester.js';
import type { Rule } from '../../src/rules/types.js';
import { analyzeSnapshot } from '../../src/analyze.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { BOOT_DMESG, dmesg, HEALTHY_MEMINFO, meminfo, ORIN_NANO_IDENTITY } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

const base = (id: string, check: Rule['check'], messages: Record<string, string> = { m: 'value {{v}}' }): Rule => ({
  meta: { id, title: id, category: 'memory', docs: { description: 'd', why: 'w', seed: 's' }, requires: ['meminfo'], thresholds: {}, messages },
  check,
});

describe('rule engine', () => {
  const snapshot = snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO });

  it('reports a rule that throws as a rule error and still runs the others', () => {
    const boom = base('boom', () => {
      throw new Error('kaboom');
    });
    const ok = base('ok', ({ report }) => report({ messageId: 'm', data: { v: 1 }, severity: 'info', confidence: 1, evidence: [{ file: 'f', line: 1, text: 't' }] }));
    const r = runRules([boom, ok], snapshot);
    expect(r.outcomes).toEqual([
      { ruleId: 'boom', title: 'boom', status: 'rule-error', detail: 'kaboom' },
      { ruleId: 'ok', title: 'ok', status: 'fired' },
    ]);
    expect(r.findings.map((f) => f.verdict)).toEqual(['value 1']);
  });

  it('rejects unknown message ids and unfilled placeholders', () => {
    const unknown = base('u', ({ report }) => report({ messageId: 'nope', severity: 'info', confidence: 1 }));
    const unfilled = base('p', ({ report }) => report({ messageId: 'm', data: {}, severity: 'info', confidence: 1 }));
    const r = runRules([unknown, unfilled], snapshot);
    expect(r.outcomes.map((o) => o.detail)).toEqual(['rule u reported unknown message id "nope"', 'placeholder {{v}} has no value']);
    expect(() => checkInvalid(unknown, { name: 'x', files: { 'proc/meminfo': HEALTHY_MEMINFO }, findings: [{ messageId: 'nope' }] }, [])).toThrow(/unknown message id/);
  });

  it('marks rules whose inputs are missing as not evaluated, never as passed', () => {
    const r = runRules([base('needs-meminfo', () => {})], snapshotFromFiles({ dmesg: dmesg(BOOT_DMESG) }));
    expect(r.outcomes[0]).toMatchObject({ status: 'not-evaluated', detail: 'no /proc/meminfo in bundle' });
  });

  it('names every missing input in plain words (the file to add), never an internal part name', () => {
    const parts = ['identity', 'meminfo', 'buddyinfo', 'zoneinfo', 'iomem', 'pagetypeinfo', 'dmesg', 'tegrastats', 'vmstat', 'dmaBuf', 'iommuGroups', 'nvmapClients', 'thermalTrips'] as const;
    const empty = snapshotFromFiles({});
    for (const p of parts) {
      const r = runRules([{ ...base(`needs-${p}`, () => {}), meta: { ...base(`needs-${p}`, () => {}).meta, requires: [p] } }], empty);
      const detail = r.outcomes[0]!.detail!;
      expect(detail).toMatch(/^no .+ in bundle$/);
      // Internal camelCase part names never reach the user.
      expect(detail).not.toMatch(/\b(dmaBuf|nvmapClients|iommuGroups|thermalTrips)\b/);
    }
    const r = runRules([{ ...base('dma', () => {}), meta: { ...base('dma', () => {}).meta, requires: ['dmaBuf'] } }], empty);
    expect(r.outcomes[0]!.detail).toBe('no /sys/kernel/debug/dma_buf/bufinfo in bundle');
    const two = runRules([{ ...base('two', () => {}), meta: { ...base('two', () => {}).meta, requires: ['meminfo', 'tegrastats'] } }], empty);
    expect(two.outcomes[0]!.detail).toBe('no /proc/meminfo and no tegrastats log in bundle');
  });

  it('a rule can name a finer missing input than a whole part', () => {
    const r = runRules([{ ...base('x', () => {}), meta: { ...base('x', () => {}).meta, requires: [], unavailable: () => 'thermal zone readings' } }], snapshot);
    expect(r.outcomes[0]).toMatchObject({ status: 'not-evaluated', detail: 'no thermal zone readings in bundle' });
    const thermal = runRules([{ ...base('y', () => {}), meta: { ...base('y', () => {}).meta, requires: [], unavailable: () => null } }], snapshot);
    expect(thermal.outcomes[0]!.status).toBe('passed');
  });

  it('applies threshold overrides and switches rules off', () => {
    let seen = 0;
    const t: Rule = { ...base('t', ({ thresholds }) => (seen = thresholds.limit!)), meta: { ...base('t', () => {}).meta, thresholds: { limit: 5 } } };
    runRules([t], snapshot, { thresholds: { t: { limit: 9 } } });
    expect(seen).toBe(9);
    const r = runRules([t], snapshot, { disabled: ['t'] });
    expect(r.outcomes[0]!.status).toBe('disabled');
  });
});

describe('root-cause hypotheses', () => {
  const signatures = loadSignatures();

  it('CMA fragmentation has support and the argument against when the pool is simply too small', () => {
    const frag = analyzeSnapshot(
      snapshotFromFiles({
        ...ORIN_NANO_IDENTITY,
        'proc/uptime': '72000.5 1.0\n',
        'proc/meminfo': meminfo({ CmaFree: 301204, MemAvailable: 3500000 }),
        dmesg: dmesg([...BOOT_DMESG, [70000, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
      }),
      { signatures },
    );
    const h = frag.hypotheses.find((x) => x.id === 'cma-fragmentation')!;
    expect(h.against).toEqual([]);
    expect(h.summary).toMatch(/after 20 h of uptime/);
    const small = analyzeSnapshot(
      snapshotFromFiles({
        ...ORIN_NANO_IDENTITY,
        'proc/uptime': '600.5 1.0\n',
        'proc/meminfo': meminfo({ CmaFree: 8204, MemAvailable: 3500000 }),
        dmesg: dmesg([...BOOT_DMESG, [500, 'cma: cma_alloc: linux,cma: alloc failed, req-size: 6144 pages, ret: -12']]),
      }),
      { signatures },
    );
    expect(small.hypotheses[0]!.id).toBe('cma-too-small');
    const fragThere = small.hypotheses.find((x) => x.id === 'cma-fragmentation')!;
    expect(fragThere.against.join(' ')).toMatch(/pool is too small.*up only 10 min/);
    expect(fragThere.confidence).toBeLessThan(small.hypotheses[0]!.confidence);
  });

  it('a healthy bundle has no hypothesis', () => {
    const a = analyzeSnapshot(snapshotFromFiles({ 'proc/meminfo': HEALTHY_MEMINFO, 'proc/zoneinfo': fixture('zoneinfo/generic-ubuntu2004-k5.4-x86-02.txt') }), { signatures });
    expect(a.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(a.hypotheses).toEqual([]);
  });
});

describe('capture problems recorded for the report', () => {
  it('a dmesg that starts mid-boot and an iomem read without root', () => {
    const s = snapshotFromFiles({ dmesg: fixture('dmesg/jetson-xavier-nx-l4t32-audio-01.txt'), 'proc/iomem': fixture('iomem/generic-ubuntu2004-k5.4-x86-02.txt') });
    expect(s.bundle.problems.map((p) => p.code)).toEqual(['dmesg.boot-lines-missing', 'iomem.captured-without-root']);
    const serial = snapshotFromFiles({ dmesg: fixture('dmesg/jetson-tx2-l4t32-antmicro-serial-01.txt'), 'tegrastats.log': 'RAM 1/2MB (lfb 1x4MB) FOO_BAR 12 weird=1\n' });
    expect(serial.bundle.problems.find((p) => p.code === 'dmesg.lines-skipped')!.message).toMatch(/^359 line\(s\) were not kernel messages/);
    expect(serial.bundle.problems.find((p) => p.code === 'tegrastats.unknown-fields')!.message).toMatch(/weird \(1x, e\.g\. "weird=1" at line 1\)/);
    expect(s.bundle.problems[0]!.message).toMatch(/starts at 0:08:54 after boot/);
  });
});

describe('finding order', () => {
  it('breaks ties by evidence strength, then ids, the same whatever order the rules ran in', async () => {
    const { compareFindings } = await import('../../src/rules/engine.js');
    const base = { title: 't', category: 'c', severity: 'error' as const, confidence: 0.8, figures: [], remedy: [], references: [], tags: [], signatures: ['oom-kill-victim'] };
    const f = (ruleId: string, n: number, sigs = 1) => ({ ...base, ruleId, messageId: 'm', verdict: ruleId, evidence: [], evidenceCount: n, signatures: base.signatures.concat(Array(sigs - 1).fill('oom-invoked')) });
    const list = [f('b', 2), f('a', 2), f('c', 9), f('d', 2, 3)];
    const sorted = [...list].sort(compareFindings).map((x) => x.ruleId);
    expect(sorted).toEqual(['c', 'd', 'a', 'b']);
    expect([...list].reverse().sort(compareFindings).map((x) => x.ruleId)).toEqual(sorted);
  });
});
