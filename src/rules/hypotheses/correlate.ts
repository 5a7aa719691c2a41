/** Runs every hypothesis over the findings and ranks the ones that apply. */
import type { Snapshot } from '../../snapshot/types.js';
import type { EngineResult } from '../engine.js';
import type { Hypothesis, HypothesisRule } from './types.js';
import type { Tag } from '../tags.js';
import { cmaFragmentation } from './cma-fragmentation.js';
import { cmaTooSmall } from './cma-too-small.js';
import { dmabufUseAfterFree } from './dmabuf-use-after-free.js';
import { leakToOom } from './leak-to-oom.js';
import { memoryOvercommit } from './memory-overcommit.js';
import { thermalThrottling } from './thermal-throttling.js';
import { powerSupply } from './power-supply.js';
import { gpuFault } from './gpu-fault.js';
import { systemCrash } from './system-crash.js';
import { storageFailure } from './storage-failure.js';

export type { Hypothesis } from './types.js';

/** A new hypothesis is one file here plus a line in this list. */
export const HYPOTHESES: HypothesisRule[] = [
  cmaFragmentation,
  cmaTooSmall,
  dmabufUseAfterFree,
  leakToOom,
  memoryOvercommit,
  thermalThrottling,
  powerSupply,
  gpuFault,
  systemCrash,
  storageFailure,
];

export function uptimeOf(snapshot: Snapshot): number | undefined {
  const up = snapshot.identity?.uptimeSeconds?.value;
  if (up !== undefined) return up;
  const d = snapshot.dmesg;
  if (!d || d.startsMidBoot) return undefined;
  const last = d.records.findLast((r) => r.monotonic !== undefined && r.boot === d.boots.length - 1);
  return last?.monotonic;
}

export function correlate(result: Pick<EngineResult, 'findings' | 'device'>, snapshot: Snapshot): Hypothesis[] {
  const findings = result.findings.filter((f) => f.severity !== 'info');
  const ctx = {
    findings,
    snapshot,
    device: result.device,
    tagged: (tag: Tag) => findings.filter((f) => f.tags.includes(tag)),
    uptimeSeconds: uptimeOf(snapshot),
  };
  const out: Hypothesis[] = [];
  for (const h of HYPOTHESES) {
    const r = h.evaluate(ctx);
    if (r) out.push({ id: h.id, cause: h.cause, ...r, confidence: Math.round(r.confidence * 100) / 100 });
  }
  return out.sort((a, b) => b.confidence - a.confidence);
}
