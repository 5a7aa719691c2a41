/**
 * The fleet groups a bundle under its top cause only when the report would lead with it: a
 * likeliest cause the bundle argues against (under WEAK_CAUSE_CONFIDENCE) is not the bundle's
 * issue, and its findings are grouped on their own. Real logs from public reports
 * (test/fixtures/real-audit/<case>/SOURCE.md).
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { analyze } from '../../src/analyze.js';
import { causesAndFingerprints, findingRecord } from '../../src/fleet/verdict-bridge.js';
import { WEAK_CAUSE_CONFIDENCE } from '../../src/report/model.js';
import { FIXTURES } from '../helpers/fixtures.js';

const prints = async (name: string) => {
  const a = await analyze(name.includes('/') ? name : path.join(FIXTURES, 'real-audit', name));
  return { a, ...causesAndFingerprints(a, a.findings.map(findingRecord)) };
};

describe('fleet fingerprints and weak causes', () => {
  it('TX2 PCIe SMMU fault: grouped as the SMMU finding, not as the contradicted DMA-BUF cause', async () => {
    const { a, causes, fingerprints } = await prints('tx2-smmu-afi-pcie');
    expect(a.hypotheses[0]!.confidence).toBeLessThan(WEAK_CAUSE_CONFIDENCE);
    // The cause is still recorded with its rank and confidence, for the fleet's tables.
    expect(causes[0]!.causeId).toBe(a.hypotheses[0]!.id);
    expect(fingerprints.some((p) => p.startsWith(`${causes[0]!.causeId}`))).toBe(false);
    expect(fingerprints.some((p) => p.startsWith('smmu-faults/context'))).toBe(true);
  });

  it('a confident top cause is the fingerprint, and the findings it explains are not repeated', async () => {
    const { a, causes, fingerprints } = await prints(path.resolve(FIXTURES, '../../samples/orin-nano-leak-oom'));
    expect(a.hypotheses[0]!.confidence).toBeGreaterThanOrEqual(WEAK_CAUSE_CONFIDENCE);
    expect(fingerprints[0]).toBe(causes[0]!.fingerprint);
    for (const r of causes[0]!.supportingRules) expect(fingerprints.some((p) => p.startsWith(`${r}/`))).toBe(false);
  });
});
