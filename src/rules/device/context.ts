/**
 * The device a bundle came from, so rules judge figures against that board: SoC and board
 * from /proc/device-tree/compatible and model (never from nv_tegra_release's BOARD, which
 * is `t186ref` on TX2, Xavier and Orin alike), release, expected RAM and trip points. A bundle
 * without the device-tree files falls back to the model the kernel log prints.
 */
import type { Snapshot, Tegrastats } from '../../snapshot/types.js';
import { dmesgEvidence, tegrastatsEvidence } from '../evidence.js';
import { BOARDS, defaultCmaMB, L4T_TO_JETPACK, TRIP_POINTS, type BoardInfo, type Soc, type TripPoints } from './boards.js';

export interface DeviceContext {
  soc?: Soc;
  board?: BoardInfo;
  /** How the board was decided, for the report. */
  boardEvidence?: string;
  /** When the SoC comes from the boot CPU or tegrastats alone: the line and what in it tells the family. */
  socEvidence?: string;
  l4t?: string;
  jetpack?: string;
  kernel?: string;
  ramTotalMB?: number;
  trips?: TripPoints;
  defaultCma?: { mb: number; verified: boolean };
  totalPowerRail?: string;
  /** Human-readable one-liner: "Jetson Orin Nano 8GB (tegra234), L4T 36.4.3 / JetPack 6.2". */
  summary: string;
}

const SOC_FROM_MODEL: [RegExp, Soc][] = [
  [/orin/i, 'tegra234'],
  [/xavier/i, 'tegra194'],
  [/tx2|quill|lanai/i, 'tegra186'],
  [/nano|tx1/i, 'tegra210'],
  [/thor/i, 'tegra264'],
];

/**
 * The device tree's model as the kernel prints it: `Machine model: …` once at boot
 * (drivers/of/fdt.c), `Hardware name: … (DT)` in every oops, warning and stack dump.
 */
const KERNEL_MODEL_RE = /^(?:Machine model|Hardware name): (.+?)(?: \(DT\))?$/;

/** The model a kernel log names, from its newest boot that names one, with the line that says so. */
function kernelLogModel(s: Snapshot): { value: string; evidence: string } | undefined {
  const records = s.dmesg?.records ?? [];
  // From the end: the newest boot's line, and only one line's evidence built.
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    if (r.message.charCodeAt(0) !== 77 /* M */ && r.message.charCodeAt(0) !== 72 /* H */) continue;
    const m = KERNEL_MODEL_RE.exec(r.message);
    if (!m) continue;
    const e = dmesgEvidence(s, r);
    return { value: m[1]!.trim(), evidence: `${e.file}:${e.line}` };
  }
  return undefined;
}

export function jetpackFor(l4t: string): string {
  const [maj, min, patch] = l4t.split('.');
  return (
    L4T_TO_JETPACK[l4t] ??
    L4T_TO_JETPACK[`${maj}.${min}.${patch ?? 0}`] ??
    L4T_TO_JETPACK[`${maj}.${min}`] ??
    `unknown (L4T ${l4t} is not in jetdiag's table)`
  );
}

export function deviceContext(s: Snapshot): DeviceContext {
  const id = s.identity;
  const ctx: DeviceContext = { summary: '' };
  const compat = id?.compatible?.value ?? [];
  for (const c of compat) {
    const m = /tegra(210|186|194|234|23x|264)/.exec(c);
    if (m) ctx.soc = m[1] === '23x' ? 'tegra234' : (`tegra${m[1]}` as Soc);
  }
  const parts = compat.join(' ');
  ctx.board = BOARDS.find((b) => b.parts.some((p) => new RegExp(`${p}(\\b|$|-super)`).test(parts)));
  if (ctx.board) ctx.boardEvidence = `${id!.compatible!.source.file}:${id!.compatible!.source.line}`;
  // No compatible: the DTS file name carries the SoC and the part numbers too.
  const dts = id?.dtsFilename;
  if (dts && !ctx.board) {
    const name = dts.value;
    ctx.board = BOARDS.find((b) => b.parts.some((p) => name.includes(p)));
    if (ctx.board) ctx.boardEvidence = `${dts.source.file}:${dts.source.line}`;
    const m = /tegra(210|186|194|234|264)/.exec(name);
    if (!ctx.soc && m) ctx.soc = `tegra${m[1]}` as Soc;
  }
  const kernelModel = id?.model || ctx.board ? undefined : kernelLogModel(s);
  const model = id?.model?.value ?? kernelModel?.value;
  const modelEvidence = id?.model ? `${id.model.source.file}:${id.model.source.line}` : kernelModel?.evidence;
  if (!ctx.soc && model) ctx.soc = SOC_FROM_MODEL.find(([re]) => re.test(model))?.[1];
  if (ctx.board && !ctx.soc) ctx.soc = ctx.board.soc;
  if (!ctx.soc) {
    const cpu = bootCpuSoc(s);
    if (cpu) {
      ctx.soc = cpu.soc;
      ctx.socEvidence = `${cpu.evidence}, ${cpu.why}`;
    }
  }
  if (!ctx.soc && s.tegrastats) {
    const t = tegrastatsSoc(s.tegrastats);
    if (t) {
      ctx.soc = t.soc;
      ctx.socEvidence = `${t.evidence}, ${t.why}`;
    }
  }
  const ramMB = ramTotalMB(s);
  if (ramMB) ctx.ramTotalMB = ramMB;
  if (!ctx.board && model && ctx.soc) {
    // Model strings do not carry the RAM size: choose among the SoC's boards by visible RAM.
    const named = BOARDS.filter((b) => b.soc === ctx.soc && modelMatches(model, b.name));
    ctx.board = pickByRam(named, ramMB);
    if (ctx.board) ctx.boardEvidence = modelEvidence;
  }
  if (id?.l4t) {
    ctx.l4t = id.l4t.value.version;
    ctx.jetpack = jetpackFor(ctx.l4t);
  }
  ctx.kernel = id?.kernelRelease?.value;
  if (ctx.soc) ctx.trips = TRIP_POINTS[ctx.soc];
  ctx.defaultCma = defaultCmaMB(id?.l4t?.value.major, ctx.soc);
  ctx.totalPowerRail = ctx.board?.totalPowerRail;
  ctx.summary = [
    ctx.board?.name ?? model ?? 'unknown board',
    ctx.soc ? (ctx.socEvidence ? `(${ctx.soc}, inferred from ${ctx.socEvidence})` : `(${ctx.soc})`) : '',
    ctx.l4t ? `, L4T ${ctx.l4t} / JetPack ${ctx.jetpack}` : '',
    ctx.kernel ? `, kernel ${ctx.kernel}` : '',
  ].join(' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
  return ctx;
}

function modelMatches(model: string, boardName: string): boolean {
  const m = model.toLowerCase();
  const family = boardName.toLowerCase().replace(/^jetson /, '').replace(/ \d+gb$/, '').replace(/ industrial$/, '');
  return family.split(' ').every((w) => m.includes(w));
}

function pickByRam(boards: BoardInfo[], ramMB: number | undefined): BoardInfo | undefined {
  if (boards.length <= 1 || !ramMB) return boards.length === 1 ? boards[0] : undefined;
  // Visible RAM is nominal minus carveouts: the smallest nominal size above it.
  return boards.filter((b) => b.nominalRamMB >= ramMB).sort((a, b) => a.nominalRamMB - b.nominalRamMB)[0];
}

function ramTotalMB(s: Snapshot): number | undefined {
  const mem = s.meminfo?.captures.at(-1)?.values.MemTotal;
  if (mem) return Math.round(mem / 1024 / 1024);
  const t = s.tegrastats;
  if (t && t.samples > 0) {
    const v = t.ramTotalMB[t.samples - 1]!;
    if (Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * tegrastats fields that only one SoC family prints (jetson-reference §3.1, §4.1, §6): the
 * IRAM field (memory of the T210 video engine), the Nano's POM_5V_* rails, TX2's BCPU/MCPU
 * cluster sensors, Xavier's AUX sensor, Orin's CV0/SOC0 sensors (upper case on JetPack 5,
 * lower case on 6; Thor prints soc012/soc345 instead). Sensors and rails shared across
 * families (CPU, GPU, AO, PMIC, tj, VDD_IN, VDD_CPU_GPU_CV) say nothing. Markers of two
 * families in one log (a mixed or edited file) decide nothing.
 */
const TEGRASTATS_MARKERS: { soc: Soc; why: string; first: (t: Tegrastats) => number; field: string }[] = [
  { soc: 'tegra210', why: 'the IRAM field, printed only by the T210 (Jetson Nano, TX1)', field: 'IRAM', first: (t) => t.iramTotalKB.findIndex((v) => Number.isFinite(v)) },
  { soc: 'tegra210', why: 'the POM_5V_IN rail of the Jetson Nano module', field: 'POM_5V_IN', first: (t) => firstFinite(t.railCurrentMW.POM_5V_IN) },
  { soc: 'tegra186', why: 'the BCPU/MCPU cluster sensors of the TX2 (T186)', field: 'CPU@', first: (t) => Math.max(firstFinite(t.tempC.BCPU), firstFinite(t.tempC.MCPU)) },
  { soc: 'tegra194', why: 'the AUX sensor of the Xavier (T194)', field: 'AUX@', first: (t) => firstFinite(t.tempC.AUX) },
  { soc: 'tegra234', why: 'the CV0/SOC0 sensors of the Orin (T234)', field: '0@', first: (t) => Math.max(...['CV0', 'cv0', 'SOC0', 'soc0'].map((k) => firstFinite(t.tempC[k]))) },
];

function firstFinite(col: ArrayLike<number> | undefined): number {
  if (!col) return -1;
  for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i]!)) return i;
  return -1;
}

function tegrastatsSoc(t: Tegrastats): { soc: Soc; why: string; evidence: string } | undefined {
  const hits = TEGRASTATS_MARKERS.map((m) => ({ m, i: m.first(t) })).filter((h) => h.i >= 0);
  if (!hits.length || new Set(hits.map((h) => h.m.soc)).size > 1) return undefined;
  const { m, i } = hits[0]!;
  const e = tegrastatsEvidence(t, i, m.field);
  return { soc: m.soc, why: m.why, evidence: e ? `${e.file}:${e.line}` : `${t.file}:${t.line[i]}` };
}

/**
 * The boot CPU's MIDR (`Boot CPU: AArch64 Processor [4e0f0040]` on 4.9, `Booting Linux on physical
 * CPU 0x0 [0x410fd421]` on 5.x): NVIDIA Carmel (implementer 0x4e, part 0x004) is the T194's core
 * only and Cortex-A78AE (0x41, part 0xd42) the only Jetson with it is the T234. Cortex-A57 boots
 * both the T210 and the T186, so it decides nothing.
 */
const BOOT_CPU_RE = /^(?:Boot CPU: AArch64 Processor \[([0-9a-f]{8})\]|Booting Linux on physical CPU 0x[0-9a-f]+ \[0x([0-9a-f]{8})\])/;
const CPU_SOC: { implementer: number; part: number; soc: Soc; why: string }[] = [
  { implementer: 0x4e, part: 0x004, soc: 'tegra194', why: 'the boot CPU is NVIDIA Carmel, the Xavier\'s (T194) core' },
  { implementer: 0x41, part: 0xd42, soc: 'tegra234', why: 'the boot CPU is a Cortex-A78AE, the Orin\'s (T234) core' },
];

function bootCpuSoc(s: Snapshot): { soc: Soc; why: string; evidence: string } | undefined {
  const records = s.dmesg?.records ?? [];
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]!;
    const c = r.message.charCodeAt(0);
    if (c !== 66 /* B */) continue;
    const m = BOOT_CPU_RE.exec(r.message);
    if (!m) continue;
    const midr = parseInt(m[1] ?? m[2]!, 16);
    const hit = CPU_SOC.find((x) => x.implementer === midr >>> 24 && x.part === ((midr >>> 4) & 0xfff));
    if (!hit) return undefined;
    const e = dmesgEvidence(s, r);
    return { soc: hit.soc, why: hit.why, evidence: `${e.file}:${e.line}` };
  }
  return undefined;
}
