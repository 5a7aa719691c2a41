// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSnapshot } from '../../src/analyze.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { XAVIER_R32_IDENTITY } from '../helpers/bundles.js';
import { realLog } from '../helpers/fixtures.js';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
const SIGNATURES = loadSignatures();

describe('wording fits the release', () => {
  // Real 4.9 soft lockup (Jetson Nano, OE4T/meta-tegra#390) and every real log kept for the rule tests.
  const logs = ['[   80.221608] NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:4:4202]\n', ...readdirSync(DATA).filter((n) => n.endsWith('.log')).map(realLog)];
  it.each(logs.map((l, i) => [i, l] as const))('an L4T 32 device is told nothing about R35/R36 behaviour (log %i)', (_i, log) => {
    const a = analyzeSnapshot(snapshotFromFiles({ ...XAVIER_R32_IDENTITY, dmesg: log }), { signatures: SIGNATURES });
    for (const f of a.findings) expect(`${f.verdict} ${f.remedy.join(' ')}`).not.toMatch(/\bR3[56]\b|JetPack [56]|L4T r3[56]/i);
    // and neither do the causes they rank into (summary, reasons, ranking, remedy)
    for (const h of a.hypotheses) expect(`${h.summary} ${h.reasons.map((r) => r.text).join(' ')} ${h.ranking} ${h.remedy.join(' ')}`).not.toMatch(/\bR3[56]\b|JetPack [56]|L4T r3[56]/i);
  });
});

describe('kernel camera lines are not Argus', () => {
  // Real kernel lines of the RCE / VI capture path, from the signature catalogue: Xavier NX VI5 timeout and its NVCSI
  // follow-ups, a TX2 VI4 timeout, a VI5 discarded frame. None of them comes from libargus / nvargus-daemon.
  const kernel = [
    '[  145.644952] tegra-camrtc-capture-vi tegra-capture-vi: uncorr_err: request timed out after 2500 ms',
    '[  145.645120] t194-nvcsi 13e40000.host1x:nvcsi@15a00000: csi5_stream_close: Error in closing stream_id=0, csi_port=0',
    '[  149.104182] tegra-vi4 15700000.vi: PXL_SOF syncpt timeout! err = -11',
    '[  150.000000] tegra-camrtc-capture-vi tegra-capture-vi: corr_err: discarding frame 0, flags: 0, err_data 131072',
  ].join('\n');
  const text = (a: ReturnType<typeof analyzeSnapshot>) =>
    [...a.findings.map((f) => `${f.title} ${f.verdict} ${f.remedy.join(' ')}`), ...a.hypotheses.map((h) => `${h.cause} ${h.summary} ${h.reasons.map((r) => r.text).join(' ')} ${h.remedy.join(' ')}`)].join('\n');

  it('findings and causes from kernel capture lines never say Argus', () => {
    const a = analyzeSnapshot(snapshotFromFiles({ dmesg: kernel + '\n' }), { signatures: SIGNATURES });
    expect(a.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['camrtc-capture-timeout', 'vi-syncpt-timeout']));
    expect(text(a)).not.toMatch(/argus/i);
  });

  it('the nvargus-daemon lines of a real Nano syslog (goodrobots/visiond#6) are the ones called Argus', () => {
    const a = analyzeSnapshot(snapshotFromFiles({ 'var/log/syslog': realLog('syslog-nano-nvargus-visiond-6.log') }), { signatures: SIGNATURES });
    expect(a.findings.find((f) => f.ruleId === 'argus-scf-error')!.verdict).toMatch(/Argus capture error/);
  });
});
