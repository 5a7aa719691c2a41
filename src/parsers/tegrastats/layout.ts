/**
 * Where the tegrastats fast path stores each item of a line: a layout per sequence of items
 * (ops and names), made once with the same column lookups, in the same order, as the grammar
 * path's handlers, then reused. A log's lines share one or two layouts; the scan checks a
 * line against the expected one while it reads the names, so a line costs no map lookups.
 */
import { ColumnBuilder, type ColumnSet } from '../common/columns.js';
import { O_CORE, O_CORES, O_ENGINE, O_FREQ, O_IRAM, O_LOAD, O_LOAD_FREQ, O_MTS, O_RAIL, O_RAM, O_RAM_LFB, O_SWAP, O_SWAP_CACHED, O_TEMP, O_TS, VALS, items } from './fast.js';

/** The parser's columns a layout stores into. */
export interface Targets {
  c: Record<'ramUsed' | 'ramTotal' | 'lfbCount' | 'lfbKB' | 'swapUsed' | 'swapTotal' | 'swapCached' | 'iramUsed' | 'iramTotal' | 'emcLoad' | 'emcFreq' | 'gr3dLoad' | 'gr3dFreq', ColumnBuilder>;
  cpuLoad: ColumnBuilder[];
  cpuFreq: ColumnBuilder[];
  engineLoad: ColumnSet;
  engineFreq: ColumnSet;
  temps: ColumnSet;
  railCur: ColumnSet;
  railAvg: ColumnSet;
}

/** `NAME_FREQ` or `NAME_LOAD` at `s[from..to)`: the name carries a suffix engineName strips. */
export function hasEngineSuffix(s: string, from: number, to: number): boolean {
  return to - from > 5 && (s.startsWith('_FREQ', to - 5) || s.startsWith('_LOAD', to - 5));
}

const engineNames = new Map<string, string>();
/** `NVENC_LOAD`, `PVA0_FREQ` -> `NVENC`, `PVA0` (memoised: the same few names every line). */
export function engineName(raw: string): string {
  let n = engineNames.get(raw);
  if (n === undefined) {
    n = raw.replace(/_(FREQ|LOAD)$/, '');
    engineNames.set(raw, n);
  }
  return n;
}

/** Where each item of a line is stored (see the file's header). */
export interface Layout {
  count: number;
  op: Int32Array;
  /** Name of each item ('' when it has none). */
  name: string[];
  /** The core's index for a CPU core, the number of cores for the CPU field. */
  index: Int32Array;
  /** VALS targets per item (null: that value is not stored) and whether NaN is stored too. */
  cols: (ColumnBuilder | null)[];
  always: Uint8Array;
  /** Rail names of the sample (for a wrapped sample's later lines). */
  rails: string[];
  /** The stores, flat and in the line's order: value index, column, mode (M_*), a temperature's name. */
  slotVal: Int32Array;
  slotCol: ColumnBuilder[];
  slotMode: Uint8Array;
  slotName: string[];
  /** Value index of the timestamp (-1: none); cores listed (-1: no CPU field). */
  ts: number;
  cores: number;
}
/** A slot stores its value when it is a number, always (NaN too), or as a temperature (-256: offline). */
export const M_NUMBER = 0;
export const M_ALWAYS = 1;
export const M_TEMP = 2;

function layoutOf(s: string, t: Targets): Layout {
  const { c, cpuLoad, cpuFreq, engineLoad, engineFreq, temps, railCur, railAvg } = t;
  const count = items.count;
  const L: Layout = {
    count,
    op: items.op.slice(0, count),
    name: [],
    index: items.from.slice(0, count),
    cols: new Array<ColumnBuilder | null>(count * VALS).fill(null),
    always: new Uint8Array(count * VALS),
    rails: [],
    slotVal: new Int32Array(0),
    slotCol: [],
    slotMode: new Uint8Array(0),
    slotName: [],
    ts: -1,
    cores: -1,
  };
  const seen = new Set<string>();
  const put = (k: number, j: number, col: ColumnBuilder | null, always: boolean) => {
    L.cols[k * VALS + j] = col;
    L.always[k * VALS + j] = always ? 1 : 0;
  };
  // The same columns, made in the same order, as the grammar path's handlers make them.
  for (let k = 0; k < count; k++) {
    const op = items.op[k]!;
    const raw = s.slice(items.from[k]!, items.to[k]!);
    L.name.push(op >= O_LOAD ? raw : '');
    switch (op) {
      case O_RAM:
      case O_RAM_LFB:
        put(k, 0, c.ramUsed, true);
        put(k, 1, c.ramTotal, true);
        if (op === O_RAM_LFB) {
          put(k, 2, c.lfbCount, true);
          put(k, 3, c.lfbKB, true);
        }
        break;
      case O_SWAP:
      case O_SWAP_CACHED:
        put(k, 0, c.swapUsed, true);
        put(k, 1, c.swapTotal, true);
        if (op === O_SWAP_CACHED) put(k, 2, c.swapCached, true);
        break;
      case O_IRAM:
        put(k, 0, c.iramUsed, true);
        put(k, 1, c.iramTotal, true);
        break;
      case O_MTS:
        put(k, 0, engineLoad.column('MTS_FG'), true);
        put(k, 1, engineLoad.column('MTS_BG'), true);
        break;
      case O_CORE: {
        const core = items.from[k]!;
        while (cpuLoad.length <= core) {
          cpuLoad.push(new ColumnBuilder());
          cpuFreq.push(new ColumnBuilder());
        }
        put(k, 0, cpuLoad[core]!, true);
        put(k, 1, cpuFreq[core]!, false);
        break;
      }
      case O_LOAD:
      case O_LOAD_FREQ:
      case O_FREQ:
        if (raw === 'EMC_FREQ' || raw === 'EMC') {
          put(k, 0, c.emcLoad, true);
          put(k, 1, c.emcFreq, true);
        } else if (raw === 'GR3D_FREQ' || raw === 'GR3D') {
          put(k, 0, c.gr3dLoad, true);
          put(k, 1, c.gr3dFreq, true);
        } else {
          const e = engineName(raw);
          if (op !== O_FREQ) put(k, 0, engineLoad.column(e), false);
          if (op !== O_LOAD) put(k, 1, engineFreq.column(e), false);
        }
        break;
      case O_TEMP:
        put(k, 0, temps.column(raw), true);
        break;
      case O_RAIL: {
        let name = raw;
        for (let q = 2; seen.has(name); q++) name = `${raw}#${q}`;
        seen.add(name);
        L.rails.push(name);
        railCur.column(raw);
        put(k, 0, railCur.column(name), true);
        put(k, 1, railAvg.column(name), true);
        break;
      }
      case O_ENGINE:
        put(k, 0, engineFreq.column(hasEngineSuffix(raw, 0, raw.length) ? engineName(raw) : raw), true);
        break;
    }
  }
  const vals: number[] = [];
  for (let k = 0; k < count; k++) {
    const op = L.op[k]!;
    if (op === O_TS) L.ts = k * VALS;
    if (op === O_CORES) L.cores = Math.max(L.cores, L.index[k]!);
    for (let j = k * VALS; j < (k + 1) * VALS; j++) {
      const col = L.cols[j];
      if (!col) continue;
      vals.push(j);
      L.slotCol.push(col);
      L.slotName.push(L.name[k]!);
    }
  }
  L.slotVal = Int32Array.from(vals);
  L.slotMode = Uint8Array.from(vals, (j) => (L.op[(j / VALS) | 0] === O_TEMP ? M_TEMP : L.always[j] ? M_ALWAYS : M_NUMBER));
  return L;
}

/** One parser's recent layouts, most recent first. */
export class Layouts {
  private readonly recent: Layout[] = [];

  constructor(private readonly targets: Targets) {}

  /** The layout of the line just scanned (in `items`): a recent one when every op and name matches. */
  find(s: string): Layout {
    const layouts = this.recent;
    // The scan checked the line against the layout it expected (this parser's last one: `items` is shared).
    if (items.same && items.expect === layouts[0]) return layouts[0];
    const L = this.search(s);
    items.expect = L;
    return L;
  }

  private search(s: string): Layout {
    const layouts = this.recent;
    const count = items.count;
    for (let li = 0; li < layouts.length; li++) {
      const L = layouts[li]!;
      if (L.count !== count) continue;
      let k = 0;
      for (; k < count; k++) {
        const op = items.op[k]!;
        if (op !== L.op[k]) break;
        if (op >= O_LOAD) {
          const name = L.name[k]!;
          const from = items.from[k]!;
          if (items.to[k]! - from !== name.length || !s.startsWith(name, from)) break;
        } else if (op === O_CORE && items.from[k] !== L.index[k]) break;
      }
      if (k === count) {
        if (li > 0) {
          layouts.splice(li, 1);
          layouts.unshift(L);
        }
        return L;
      }
    }
    const L = layoutOf(s, this.targets);
    layouts.unshift(L);
    if (layouts.length > 4) layouts.pop();
    return L;
  }
}
