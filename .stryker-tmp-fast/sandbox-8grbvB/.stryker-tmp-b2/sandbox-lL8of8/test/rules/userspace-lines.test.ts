// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { compilePack, loadSignatures } from '../../src/rules/signatures/pack.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { realLog } from '../helpers/fixtures.js';

const SIGNATURES = loadSignatures();

describe('user-space lines of a syslog / journal capture', () => {
  const nano = snapshotFromFiles({ 'var/log/syslog': realLog('syslog-nano-nvargus-visiond-6.log') });

  it('are kept apart from the kernel records, with their identifier and line', () => {
    expect(nano.dmesg!.records).toEqual([]);
    expect(nano.dmesg!.userspace!.length).toBe(13);
    expect(nano.dmesg!.userspace![4]).toMatchObject({ line: 5, ident: 'nvargus-daemon', message: 'Error: waitCsiFrameStart Something went wrong with waiting on frame start' });
  });

  it('nvargus-daemon errors are found under argus-scf-error (real Nano syslog, goodrobots/visiond#6)', () => {
    const a = analyzeSnapshot(nano, { signatures: SIGNATURES });
    const argus = a.findings.filter((f) => f.signatures.includes('argus-scf-error'));
    expect(argus.length).toBe(1);
    expect(argus[0]!.verdict).toMatch(/^3 Argus capture error/);
    expect(argus[0]!.evidence.map((e) => e.line)).toEqual([5, 7, 8]);
  });

  it('journal lines of nvargus-daemon.service too (real, ArduCAM/MIPI_Camera#73)', () => {
    const s = snapshotFromFiles({ 'journalctl.txt': realLog('journal-arducam-73-nvargus.log') });
    const hits = matchSignatures(s.dmesg, SIGNATURES).events('argus-scf-error');
    expect(hits.map((h) => h.groups.code)).toEqual(['Timeout', 'InvalidState']);
    expect(hits.every((h) => h.userspace)).toBe(true);
  });

  it('a kernel-only signature never sees a user-space line; one declaring user space does', () => {
    const pack = (sources?: string[]) =>
      compilePack({ pack: 't', signatures: [{ id: 'csi-wait', title: 't', category: 'camera', severity: 'error', patterns: ['waitCsiFrameStart'], verdict: 'x', ...(sources ? { sources } : {}) }] }, 'test.json');
    expect(matchSignatures(nano.dmesg, pack()).events('csi-wait')).toEqual([]);
    expect(matchSignatures(nano.dmesg, pack(['userspace'])).events('csi-wait').length).toBe(2);
  });

  it('a pack naming an unknown source is refused with the field named', () => {
    expect(() => compilePack({ pack: 't', signatures: [{ id: 'x', title: 't', category: 'camera', severity: 'error', patterns: ['a'], verdict: 'x', sources: ['daemon'] }] }, 'p.json')).toThrow(/p\.json: signatures\[0\]\.sources: expected a non-empty list of kernel, userspace/);
  });
});
