/** The built-in rules, in report order. A new rule is one file in builtin/ plus a line here. */
import type { Rule } from './types.js';
import type { CompiledSignature } from './signatures/pack.js';
import { packRule } from './signatures/pack-rule.js';
import { memoryPressure } from './builtin/memory-pressure.js';
import { zoneWatermarks } from './builtin/zone-watermarks.js';
import { ramSize } from './builtin/ram-size.js';
import { buddyFragmentation } from './builtin/buddy-fragmentation.js';
import { buddyTrend } from './builtin/buddy-trend.js';
import { lfbFragmentation } from './builtin/lfb-fragmentation.js';
import { cma } from './builtin/cma.js';
import { smmuFaults } from './builtin/smmu-faults.js';
import { oomKills } from './builtin/oom-kills.js';
import { thermal } from './builtin/thermal.js';
import { overCurrent } from './builtin/over-current.js';
import { memoryLeak } from './builtin/memory-leak.js';
import { emcBandwidth } from './builtin/emc-bandwidth.js';
import { vmstatCompaction } from './builtin/vmstat-compaction.js';
import { dmabufBuffers } from './builtin/dmabuf-buffers.js';
import { nvmapClients } from './builtin/nvmap-clients.js';
import { smmuStreamDevice } from './builtin/smmu-stream-device.js';
import { previousBootEnd } from './builtin/previous-boot-end.js';
import { cbbFabricError } from './builtin/cbb-fabric-error.js';
import { kernelOops } from './builtin/kernel-oops.js';
import { kernelPanic } from './builtin/kernel-panic.js';
import { usbReconnectLoop } from './builtin/usb-reconnect-loop.js';
import { kernelRegisterDump } from './builtin/kernel-register-dump.js';

export const BUILTIN_RULES: Rule[] = [
  memoryPressure,
  zoneWatermarks,
  ramSize,
  buddyFragmentation,
  buddyTrend,
  lfbFragmentation,
  cma,
  smmuFaults,
  oomKills,
  thermal,
  overCurrent,
  memoryLeak,
  emcBandwidth,
  vmstatCompaction,
  dmabufBuffers,
  nvmapClients,
  smmuStreamDevice,
  previousBootEnd,
  cbbFabricError,
  kernelOops,
  kernelPanic,
  usbReconnectLoop,
  kernelRegisterDump,
];

/**
 * Every rule of a run: the built-in ones, then one per pack signature that reports on its
 * own (signatures with `reportedBy` feed a built-in rule; `report: false` are context).
 */
export function allRules(signatures: CompiledSignature[]): Rule[] {
  const builtinIds = new Set(BUILTIN_RULES.map((r) => r.meta.id));
  const standalone = signatures.filter((s) => s.report !== false && !s.reportedBy && !builtinIds.has(s.id));
  return [...BUILTIN_RULES, ...standalone.map(packRule)];
}
