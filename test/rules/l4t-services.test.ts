/**
 * L4T user-space services in a syslog / journal capture (pack rules/l4t-services.json): nvpmodel
 * failing to set the power mode and systemd reporting an L4T unit failed. Both are jetdiag's own
 * signature ids, marked `"catalogue": false` and listed apart from the catalogue's ids.
 * Real lines: test/rules/data/journal-jetpack-nixos-202-nvpmodel.log (anduril/jetpack-nixos#202,
 * Xavier NX, JetPack 5) and journal-meta-tegra-1864-nvpmodel.log (OE4T/meta-tegra#1864, AGX Orin,
 * L4T 36.4.0), journal-meta-tegra-964-nvargus-failed.log (OE4T/meta-tegra#964, AGX Orin); each file's
 * header says where its lines came from.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { compilePack, loadSignatures, PackError } from '../../src/rules/signatures/pack.js';
import { matchSignatures } from '../../src/rules/signatures/match.js';
import { isCatalogueId } from '../../src/rules/catalogue.js';
import { realLog } from '../helpers/fixtures.js';

const SIGNATURES = loadSignatures();
const OWN = ['nvpmodel-set-failed', 'l4t-service-failed'];

describe('nvpmodel and L4T service failures (user-space lines)', () => {
  const nx = snapshotFromFiles({ 'journal.txt': realLog('journal-jetpack-nixos-202-nvpmodel.log') });
  const orin = snapshotFromFiles({ 'journal.txt': realLog('journal-meta-tegra-1864-nvpmodel.log') });

  it('nvpmodel failing to set the mode is one event; the lines naming the parameter enrich it (Xavier NX)', () => {
    const idx = matchSignatures(nx.dmesg, SIGNATURES);
    expect(idx.events('nvpmodel-set-failed').map((h) => h.line)).toEqual([4]);
    const details = idx.hits('nvpmodel-set-failed').filter((h) => h.role === 'detail');
    expect(details.map((h) => h.line)).toEqual([2, 3]);
    expect(details[1]!.groups).toMatchObject({ param: 'VDDIN_OC_LIMIT', arg: 'WARN', value: '4000' });
    expect(details[0]!.groups).toMatchObject({ op: 'opening', errno: '2' });
    expect(idx.events('l4t-service-failed').map((h) => [h.line, h.groups.unit, h.groups.result])).toEqual([[7, 'nvpmodel', 'exit-code']]);
  });

  it('findings carry their own ids, the verbatim lines and the unit (AGX Orin, L4T 36.4.0)', () => {
    const a = analyzeSnapshot(orin, { signatures: SIGNATURES });
    const nvpm = a.findings.find((f) => f.ruleId === 'nvpmodel-set-failed')!;
    expect(nvpm.signatures).toEqual(['nvpmodel-set-failed']);
    expect(nvpm.verdict).toMatch(/^nvpmodel failed to set the power mode 1 time\(s\)/);
    expect(nvpm.evidence.map((e) => e.text)).toContainEqual(expect.stringMatching(/ nvpmodel\[\d+\]: NVPM ERROR: failed to write PARAM TPC_POWER_GATING: ARG TPC_PG_MASK: PATH: \/sys\/devices\/platform\/gpu\.0\/tpc_pg_mask VAL: 128$/));
    const svc = a.findings.find((f) => f.ruleId === 'l4t-service-failed')!;
    expect(svc.verdict).toBe("systemd reported 1 failure(s) of an L4T service, first nvpmodel.service (result: exit-code); what that service sets up (power mode, camera daemon, fan control, USB device mode) did not run as configured.");
    expect(svc.evidence.map((e) => e.text)).toEqual(['Feb 27 17:26:04 agx-orin systemd[1]: nvpmodel.service: Main process exited, code=exited, status=255/EXCEPTION', "Feb 27 17:26:04 agx-orin systemd[1]: nvpmodel.service: Failed with result 'exit-code'."]);
  });

  it('the Argus daemon failing at start is an L4T service failure, and not a kernel camera error (AGX Orin, OE4T/meta-tegra#964)', () => {
    const s = snapshotFromFiles({ 'journal.txt': realLog('journal-meta-tegra-964-nvargus-failed.log') });
    const a = analyzeSnapshot(s, { signatures: SIGNATURES });
    const svc = a.findings.find((f) => f.ruleId === 'l4t-service-failed')!;
    expect(svc.verdict).toMatch(/^systemd reported 1 failure\(s\) of an L4T service, first nvargus-daemon\.service \(result: exit-code\)/);
    expect(svc.evidence.map((e) => e.line)).toEqual([5, 6]);
    expect(a.findings.filter((f) => f.category === 'camera' && f.signatures.some((id) => id.startsWith('camrtc') || id.startsWith('vi-')))).toEqual([]);
  });

  it('a kernel-only signature never reads these lines; an nvpmodel failure raises no power-supply cause', () => {
    expect(nx.dmesg!.records).toEqual([]);
    const a = analyzeSnapshot(nx, { signatures: SIGNATURES });
    expect(a.findings.map((f) => f.ruleId).sort()).toEqual(['l4t-service-failed', 'nvpmodel-set-failed']);
    expect(a.hypotheses.map((h) => h.id)).not.toContain('power-supply');
  });

  it('the same messages in a kernel log (no syslog identifier) are not read by them', () => {
    const kernelOnly = snapshotFromFiles({ 'dmesg.txt': '[   12.000000] NVPM ERROR: failed to set power mode!\n' });
    expect(matchSignatures(kernelOnly.dmesg, SIGNATURES).events('nvpmodel-set-failed')).toEqual([]);
  });
});

describe('own signature ids', () => {
  it('the shipped own ids are marked, are not catalogue ids, and every other shipped id is a catalogue id', () => {
    const own = SIGNATURES.filter((s) => !s.catalogue).map((s) => s.id);
    // The kernel pack's own ids (not in the catalogue): host1x job timeouts, capture IVC read failures,
    // SD/eMMC controller errors (ADMA, card initialisation), register dumps cut from their first line,
    // user space that cannot open /dev/nvmap, SDIO modules that do not initialise, xHCI host controllers
    // that die, USB devices re-enumerating in a loop.
    expect(own.sort()).toEqual([...OWN, 'host1x-syncpt-timeout', 'camrtc-ivc-read-failed', 'mmc-controller-error', 'kernel-register-dump', 'nvrm-mem-init-failed', 'sdio-init-failed', 'xhci-host-died', 'usb-reconnect-loop'].sort());
    for (const id of own) expect(isCatalogueId(id)).toBe(false);
    for (const s of SIGNATURES.filter((x) => x.catalogue)) expect(isCatalogueId(s.id)).toBe(true);
  });

  const sig = (extra: Record<string, unknown>) => ({ pack: 'p', signatures: [{ title: 't', category: 'other', severity: 'warning', patterns: ['x'], verdict: 'v', ...extra }] });
  it('a pack cannot mark a catalogue id as its own, nor claim an unknown id is a catalogue id', () => {
    expect(() => compilePack(sig({ id: 'oom-invoked', catalogue: false }), 'p.json')).toThrow(PackError);
    expect(() => compilePack(sig({ id: 'oom-invoked', catalogue: false }), 'p.json')).toThrow(/p\.json: signatures\[0\]\.catalogue: "oom-invoked" is a catalogue id/);
    expect(() => compilePack(sig({ id: 'my-daemon-error', catalogue: true }), 'p.json')).toThrow(/"my-daemon-error" is not a catalogue id; mark it "catalogue": false/);
    expect(compilePack(sig({ id: 'my-daemon-error' }), 'p.json')[0]!.catalogue).toBe(false);
    expect(compilePack(sig({ id: 'oom-invoked' }), 'p.json')[0]!.catalogue).toBe(true);
  });

});
