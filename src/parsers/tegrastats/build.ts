/**
 * tegrastats logs into a compact columnar series (typed arrays per field, the line of each
 * sample). Handles L4T 28 to JetPack 7: leading timestamps or none, every GR3D/EMC form,
 * engines as off/MHz/%/%@MHz, rails with or without units and with two or three values,
 * -256C placeholders, prompts and `date` lines between samples, and a sample wrapped over
 * several lines.
 */
import type { TextSource } from '../../bundle/text.js';
import { tokenLineStream, type FastPath } from '../common/chunked-lines.js';
import { items, scanLine } from './fast.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Tegrastats } from './types.js';
import { ColumnBuilder, ColumnSet, type Column } from '../common/columns.js';
import { parseTokens, parseWhole, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { looksLikeTimestampLine } from '../common/timestamps.js';
import { lineLimits, type ParserOptions } from '../options.js';
import { readNumber } from '../common/numbers.js';
import { wallSeconds } from '../../util/wallclock.js';
import { tegrastatsParser } from './grammar.js';
import { tegrastatsChunkLexer, tegrastatsLexer } from './tokens.js';
import type { IToken } from '../common/chevrotain.js';
import { splitSeries } from '../common/series-segments.js';
import { SampleQuotes, type SampleLine } from './quotes.js';
import { engineName, hasEngineSuffix, Layouts, M_NUMBER, M_TEMP } from './layout.js';

const BLANK = /^\s*$/;

/** A sample's lines before its first is added (never added to: each sample gets an array of its own). */
const NO_LINES: SampleLine[] = [];

const lineParser: LineParser<IToken[]> = {
  get lexer() {
    return tegrastatsLexer();
  },
  get parser() {
    return tegrastatsParser();
  },
  rule: () => tegrastatsParser().line(),
  expected: 'tegrastats fields ("RAM used/totalMB ...")',
};


/** Sensor value tegrastats prints for a powered-off or unreadable zone. */
const OFFLINE_C = -256;

function payload(t: IToken): string[] {
  return t.payload as string[];
}

/** `1300`, `[305,0]` at `s[from..to)` -> highest frequency (an empty item of a list reads 0). */
function freqAt(s: string, from: number, to: number): number {
  if (s.charCodeAt(from) !== 91 /* [ */) return readNumber(s, from, to);
  const close = to - 1;
  let max = NaN;
  for (let pos = from + 1; ; ) {
    let comma = s.indexOf(',', pos);
    if (comma < 0 || comma > close) comma = close;
    const v = comma === pos ? 0 : readNumber(s, pos, comma);
    if (Number.isFinite(v) && !(v <= max)) max = v;
    if (comma === close) return max;
    pos = comma + 1;
  }
}

function freqOf(s: string | undefined): number {
  return s === undefined ? NaN : freqAt(s, 0, s.length);
}

export function parseTegrastats(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Tegrastats {
  return parseWhole(tegrastatsStream(src, sink, options), src.text);
}

/**
 * `internal.grammarOnly` turns the fast path off so tests can hold it to the grammar's
 * results; nothing else sets it.
 */
export function tegrastatsStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions, internal?: { grammarOnly?: boolean }): StreamingParser<Tegrastats> {
  const interval = options?.tegrastatsIntervalSeconds ?? 1;
  const epoch = new ColumnBuilder(true);
  const lineCol: number[] = [];
  const c = {
    ramUsed: new ColumnBuilder(), ramTotal: new ColumnBuilder(), lfbCount: new ColumnBuilder(), lfbKB: new ColumnBuilder(),
    swapUsed: new ColumnBuilder(), swapTotal: new ColumnBuilder(), swapCached: new ColumnBuilder(),
    iramUsed: new ColumnBuilder(), iramTotal: new ColumnBuilder(),
    emcLoad: new ColumnBuilder(), emcFreq: new ColumnBuilder(), gr3dLoad: new ColumnBuilder(), gr3dFreq: new ColumnBuilder(),
  };
  const cpuLoad: ColumnBuilder[] = [];
  const cpuFreq: ColumnBuilder[] = [];
  const engineFreq = new ColumnSet();
  const engineLoad = new ColumnSet();
  const temps = new ColumnSet();
  const railCur = new ColumnSet();
  const railAvg = new ColumnSet();
  const offline: Record<string, number> = {};
  const unknown: Tegrastats['unknownFields'] = {};
  let n = 0; // samples so far; the current sample is n - 1
  let cores = 0;
  let firstTs: string | undefined;
  let lastTs: string | undefined;
  let sawTimestamps = false;
  const railsThisSample = new Set<string>();
  /** Rails of the current sample's first line when the fast path read it (added to the set above only if the sample wraps). */
  let fastRails: string[] | null = null;
  /** The last timestamp when a fast-path line had it: its text is sliced at the end. */
  let lastTsText: string | null = null;
  let lastTsAt = 0;
  // Verbatim lines kept for evidence, and what the segmentation needs besides the columns.
  const quotes = new SampleQuotes();
  let curLines: SampleLine[] = NO_LINES;
  let prevLines: SampleLine[] = NO_LINES;
  // The previous sample's epoch and used RAM, and the smallest step so far: doubles kept in
  // a typed array, not in variables a closure shares (each store there boxed a number).
  const prev = new Float64Array([NaN, NaN, Infinity]);
  const P_EPOCH = 0;
  const P_RAM = 1;
  const P_MIN_DT = 2;
  /** A non-sample line (banner, prompt, `date`) seen since the last sample, once samples began. */
  let pendingHeader: number | undefined;
  let headerBefore = false;
  const headers: { before: number; line: number }[] = [];

  const [Q_RAM_HIGH, Q_RAM_LOW, Q_LFB_LOW, Q_EMC_HIGH, Q_GPU_LOW, Q_CPU_LOW] = ['ram+', 'ram-', 'lfb-', 'emc+', 'gpu-', 'cpu-'].map((k) => quotes.slot(k)) as [number, number, number, number, number, number];
  /** The extreme's slot of each temperature column, in the columns' order. */
  // A plain array: objectArray() (util/object-array.ts) here made the 7-day parse 11-24 % slower in paired runs (3 Dec).
  const tempSlots: { slot: number; col: ColumnBuilder }[] = [];
  /** Sample i is complete: keep its lines if it may border a break or holds an extreme. */
  const closeSample = (i: number, lines: SampleLine[], header: boolean) => {
    const e = epoch.get(i);
    const ram = c.ramUsed.get(i);
    if (i === 0) quotes.keep(lines);
    else {
      // Looser than the segmentation's own thresholds, so every real break is among these.
      let possible = header || prev[P_RAM]! - ram > 200;
      const prevEpoch = prev[P_EPOCH]!;
      if (Number.isFinite(e) && Number.isFinite(prevEpoch)) {
        const dt = e - prevEpoch;
        const minDt = prev[P_MIN_DT]!;
        if (dt < 0 || dt > Math.max(30, 3 * (Number.isFinite(minDt) ? minDt : 0))) possible = true;
        if (dt > 0 && dt < minDt) prev[P_MIN_DT] = dt;
      }
      if (possible) quotes.breakBefore(prevLines, lines);
    }
    quotes.offer(Q_RAM_HIGH, ram, true, lines);
    quotes.offer(Q_RAM_LOW, ram, false, lines);
    const kb = c.lfbKB.get(i);
    if (ram < 0.9 * c.ramTotal.get(i)) quotes.offer(Q_LFB_LOW, kb * 1e6 + c.lfbCount.get(i), false, lines);
    quotes.offer(Q_EMC_HIGH, c.emcLoad.get(i), true, lines);
    quotes.offer(Q_GPU_LOW, c.gr3dFreq.get(i), false, lines);
    let cpuMax = NaN;
    for (let k = 0; k < cpuFreq.length; k++) {
      const f = cpuFreq[k]!.get(i);
      if (Number.isFinite(f) && !(f <= cpuMax)) cpuMax = f;
    }
    quotes.offer(Q_CPU_LOW, cpuMax, false, lines);
    if (tempSlots.length !== temps.columns.size) for (const [name, col] of [...temps.columns].slice(tempSlots.length)) tempSlots.push({ slot: quotes.slot(`temp:${name}`), col });
    for (let k = 0; k < tempSlots.length; k++) quotes.offerAt(tempSlots[k]!.slot, tempSlots[k]!.col, i, true, lines);
    prevLines = lines;
    if (Number.isFinite(e)) prev[P_EPOCH] = e;
    if (Number.isFinite(ram)) prev[P_RAM] = ram;
  };

  const setLoadFreq = (name: string, load: number, freq: number, i: number) => {
    if (name === 'EMC_FREQ' || name === 'EMC') {
      c.emcLoad.set(i, load);
      c.emcFreq.set(i, freq);
    } else if (name === 'GR3D_FREQ' || name === 'GR3D') {
      c.gr3dLoad.set(i, load);
      c.gr3dFreq.set(i, freq);
    } else {
      const e = engineName(name);
      if (!Number.isNaN(load)) engineLoad.set(e, i, load);
      if (!Number.isNaN(freq)) engineFreq.set(e, i, freq);
    }
  };

  const restartable = [temps, railCur, railAvg, engineFreq, engineLoad];
  /**
   * Every line of a sample, from either path, before its fields are stored: starts a new
   * sample when the line does. What must see each sample or each sample line goes here
   * (or in startSample), never in one path only.
   */
  const sampleLine = (lineNo: number, _line: string, starts: boolean) => {
    if (starts || n === 0) startSample(lineNo);
  };
  const startSample = (lineNo: number) => {
    if (n > 0) closeSample(n - 1, curLines, headerBefore);
    headerBefore = pendingHeader !== undefined;
    if (pendingHeader !== undefined) headers.push({ before: n, line: pendingHeader });
    pendingHeader = undefined;
    curLines = NO_LINES;
    n++;
    lineCol.push(lineNo);
    if (railsThisSample.size > 0) railsThisSample.clear();
    fastRails = null;
    for (let k = 0; k < restartable.length; k++) restartable[k]!.restart();
  };

  // Field handlers, shared by the grammar path and the fast path so both store alike.
  const timestamp = (i: number, y: number, mo: number, d: number, h: number, mi: number, sec: number, text: string) => {
    epoch.set(i, Date.UTC(y, mo - 1, d, h, mi, sec) / 1000);
    sawTimestamps = true;
    firstTs ??= text;
    lastTs = text;
    lastTsText = null;
  };
  const ram = (i: number, used: number, total: number, lfb: boolean, count: number, size: number, unit: string | undefined) => {
    c.ramUsed.set(i, used);
    c.ramTotal.set(i, total);
    if (lfb) {
      c.lfbCount.set(i, count);
      c.lfbKB.set(i, size * (unit === 'M' ? 1024 : 1));
    }
  };
  const cpu = (i: number, s: string, from: number, to: number, shared: number) => {
    // Hand-scanned: `48%@2034,off,53%@2034` (or `0%,4%` with a shared @freq) at s[from..to).
    let k = 0;
    let pos = from;
    while (pos <= to) {
      let end = s.indexOf(',', pos);
      if (end < 0 || end > to) end = to;
      const pc = s.indexOf('%', pos);
      if (pc >= 0 && pc < end) {
        while (cpuLoad.length <= k) {
          cpuLoad.push(new ColumnBuilder());
          cpuFreq.push(new ColumnBuilder());
        }
        cpuLoad[k]!.set(i, readNumber(s, pos, pc));
        const freq = pc + 1 < to && s.charCodeAt(pc + 1) === 64 /* @ */ ? readNumber(s, pc + 2, end) : shared;
        if (!Number.isNaN(freq)) cpuFreq[k]!.set(i, freq);
      }
      k++;
      pos = end + 1;
    }
    if (k > cores) cores = k;
  };
  const tempsRun = (i: number, s: string, from: number, to: number) => {
    // `name@valueC` items, optionally `/valueC` again (JP7): the first value is the reading.
    let pos = from;
    while (pos < to) {
      let end = s.indexOf(' ', pos);
      if (end < 0 || end > to) end = to;
      const at = s.lastIndexOf('@', end - 1);
      if (at > pos) {
        const v = readNumber(s, at + 1, end);
        const col = temps.at(s, pos, at);
        if (v === OFFLINE_C) offline[col.name] = (offline[col.name] ?? 0) + 1;
        col.col.set(i, v === OFFLINE_C ? NaN : v);
      }
      pos = end + 1;
    }
  };
  const railsRun = (i: number, s: string, from: number, to: number) => {
    // `NAME cur[mW]/avg[mW][/max[mW]]` items separated by blanks.
    if (fastRails !== null) {
      // A wrapped sample whose first line took the fast path.
      for (const name of fastRails) railsThisSample.add(name);
      fastRails = null;
    }
    let pos = from;
    while (pos < to) {
      const sp = s.indexOf(' ', pos);
      if (sp < 0 || sp >= to) break;
      let end = s.indexOf(' ', sp + 1);
      if (end < 0 || end > to) end = to;
      const slash = s.indexOf('/', sp + 1);
      const cur = readNumber(s, sp + 1, slash);
      const avg = readNumber(s, slash + 1, end);
      const col = railCur.at(s, pos, sp);
      if (!railsThisSample.has(col.name)) {
        railsThisSample.add(col.name);
        col.col.set(i, cur);
        railAvg.setAt(s, pos, sp, i, avg);
      } else {
        // Two rails with one name (seen: `NC`): number the second so neither is lost.
        let name = col.name;
        for (let k = 2; railsThisSample.has(name); k++) name = `${col.name}#${k}`;
        railsThisSample.add(name);
        railCur.set(name, i, cur);
        railAvg.set(name, i, avg);
      }
      pos = end;
      while (pos < to && (s.charCodeAt(pos) === 32 || s.charCodeAt(pos) === 9)) pos++;
    }
  };
  const isBlankAt = (s: string, k: number) => s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9;
  const enginesRun = (i: number, s: string, from: number, to: number) => {
    // `NAME off|MHz` pairs separated by blanks.
    let pos = from;
    for (;;) {
      while (pos < to && isBlankAt(s, pos)) pos++;
      const name = pos;
      while (pos < to && !isBlankAt(s, pos)) pos++;
      const nameEnd = pos;
      while (pos < to && isBlankAt(s, pos)) pos++;
      if (pos >= to) return;
      const val = pos;
      while (pos < to && !isBlankAt(s, pos)) pos++;
      const v = pos - val === 3 && s.startsWith('off', val) ? NaN : readNumber(s, val, pos);
      if (hasEngineSuffix(s, name, nameEnd)) engineFreq.set(engineName(s.slice(name, nameEnd)), i, v);
      else engineFreq.setAt(s, name, nameEnd, i, v);
    }
  };
  /** `EMC_FREQ 2%@408`, `GR3D_FREQ @0`, `NVENC_LOAD 7%` read from a line without substrings. */
  const loadFreqAt = (s: string, from: number, to: number, load: number, freq: number, i: number) => {
    const len = to - from;
    if ((len === 8 && s.startsWith('EMC_FREQ', from)) || (len === 3 && s.startsWith('EMC', from))) {
      c.emcLoad.set(i, load);
      c.emcFreq.set(i, freq);
    } else if ((len === 9 && s.startsWith('GR3D_FREQ', from)) || (len === 4 && s.startsWith('GR3D', from))) {
      c.gr3dLoad.set(i, load);
      c.gr3dFreq.set(i, freq);
    } else setLoadFreq(s.slice(from, to), load, freq, i);
  };

  const layouts = new Layouts({ c, cpuLoad, cpuFreq, engineLoad, engineFreq, temps, railCur, railAvg });

  /** Stores a line the fast path scanned (its items in `items`). */
  const store = (s: string, start: number, end: number, lineNo: number) => {
    const L = layouts.find(s);
    sampleLine(lineNo, s, true); // every regular line starts with RAM (after its timestamp)
    const i = n - 1;
    curLines = [{ line: lineNo, text: s, from: start, to: end }];
    fastRails = L.rails.length > 0 ? L.rails : null;
    const v = items.v;
    if (L.ts >= 0) {
      epoch.setFrom(i, v, L.ts);
      sawTimestamps = true;
      firstTs ??= s.slice(start, start + 19);
      lastTsText = s;
      lastTsAt = start;
      lastTs = undefined;
    }
    if (L.cores > cores) cores = L.cores;
    const { slotVal, slotCol, slotMode } = L;
    for (let q = 0; q < slotVal.length; q++) {
      const at = slotVal[q]!;
      const x = v[at]!;
      const mode = slotMode[q]!;
      if (mode === M_TEMP && x === OFFLINE_C) {
        const name = L.slotName[q]!;
        offline[name] = (offline[name] ?? 0) + 1;
        slotCol[q]!.set(i, NaN);
      } else if (x === x || mode !== M_NUMBER) slotCol[q]!.setFrom(i, v, at);
    }
  };

  const fast: FastPath = {
    accept: (line) => scanLine(line, 0, line.length) > 0,
    apply: (line, lineNo) => store(line, 0, line.length, lineNo),
    acceptAt: (text, start, end) => scanLine(text, start, end) > 0,
    applyAt: store,
  };

  const lines = tokenLineStream(
    src,
    sink,
    lineParser,
    tegrastatsChunkLexer,
    'tegrastats.unexpected-line',
    (tokens, line, lineNo, base) => {
      if (!tokens || BLANK.test(line)) return;
      // `date` output between samples anchors the clock (checked first: `UTC 2021` would
      // otherwise read as an engine field).
      if (!line.includes('RAM ') && looksLikeTimestampLine(line)) {
        firstTs ??= line.trim();
        if (n > 0) pendingHeader ??= lineNo;
        return;
      }
      const fields = parseTokens(lineParser, tokens, line, lineNo, sink, 'tegrastats.unexpected-line', base);
      if (!fields || fields.length === 0) return;
      const first = fields[0]!;
      // A sample starts at its timestamp or its RAM field; a RAM field after a prefix of
      // another tool (`ts`, `date` in a loop) still starts one. Lines without either continue
      // the previous sample (a line wrapped by whoever pasted it).
      const startsSample = first.tokenType.name === 'Timestamp' || first.tokenType.name === 'WallStamp' || fields.some((f) => f.tokenType.name === 'Ram');
      let known = false;
      for (const f of fields) if (f.tokenType.name !== 'Unknown') known = true;
      if (!known) {
        sink.add('info', 'tegrastats.not-a-sample', `not a tegrastats line, skipped: "${line.slice(0, 60)}"`, lineNo);
        if (n > 0) pendingHeader ??= lineNo;
        return;
      }
      sampleLine(lineNo, line, startsSample);
      const i = n - 1;
      if (curLines === NO_LINES) curLines = [];
      SampleQuotes.add(curLines, lineNo, line);
      for (const f of fields) {
        const p = payload(f);
        switch (f.tokenType.name) {
          case 'Timestamp':
            timestamp(i, Number(p[3]), Number(p[1]), Number(p[2]), Number(p[4]), Number(p[5]), Number(p[6]), f.image);
            break;
          case 'WallStamp': {
            const t = wallSeconds(f.image);
            if (t !== undefined) {
              epoch.set(i, t);
              sawTimestamps = true;
            }
            firstTs ??= f.image;
            lastTs = f.image;
            lastTsText = null;
            break;
          }
          case 'Ram':
            ram(i, Number(p[1]), Number(p[2]), p[3] !== undefined, Number(p[3]), Number(p[4]), p[5]);
            break;
          case 'Swap':
            c.swapUsed.set(i, Number(p[1]));
            c.swapTotal.set(i, Number(p[2]));
            if (p[3] !== undefined) c.swapCached.set(i, Number(p[3]));
            break;
          case 'Iram':
            c.iramUsed.set(i, Number(p[1]));
            c.iramTotal.set(i, Number(p[2]));
            break;
          case 'Cpu':
            cpu(i, p[1]!, 0, p[1]!.length, p[2] !== undefined ? Number(p[2]) : NaN);
            break;
          case 'Mts':
            engineLoad.set('MTS_FG', i, Number(p[1]));
            engineLoad.set('MTS_BG', i, Number(p[2]));
            break;
          case 'Temps':
            tempsRun(i, f.image, 0, f.image.length);
            break;
          case 'Rails':
            railsRun(i, f.image, 0, f.image.length);
            break;
          case 'LoadField':
            setLoadFreq(p[1]!, Number(p[2]), freqOf(p[3]), i);
            break;
          case 'FreqOnly':
            setLoadFreq(p[1]!, NaN, freqOf(p[2]), i);
            break;
          case 'Engines':
            enginesRun(i, f.image, 0, f.image.length);
            break;
          default: {
            const key = /^[A-Za-z_][\w]*/.exec(f.image)?.[0] ?? f.image.slice(0, 20);
            const u = (unknown[key] ??= { count: 0, example: f.image.slice(0, 80), line: lineNo });
            u.count++;
          }
        }
      }
    },
    lineLimits(options),
    internal?.grammarOnly ? undefined : fast,
  );
  return {
    write: (text) => lines.write(text),
    end: () => {
      lines.end();
      return finish();
    },
  };

  function finish(): Tegrastats {
    if (n > 0) {
      closeSample(n - 1, curLines, headerBefore);
      quotes.keep(curLines);
    }
    // Sample times: from timestamps (repeats inside one second spread evenly), else the interval.
    const t = new Float64Array(n);
    if (sawTimestamps) {
      const base = firstFinite(epoch, n);
      let runStart = 0;
      for (let i = 0; i <= n; i++) {
        const cur = i < n ? epoch.get(i) : NaN;
        if (i === n || i === 0 || cur !== epoch.get(runStart)) {
          const runLen = i - runStart;
          for (let k = runStart; k < i; k++) {
            const e = epoch.get(k);
            t[k] = Number.isFinite(e) ? e - base + (k - runStart) / runLen : k > 0 ? t[k - 1]! + interval : 0;
          }
          runStart = i;
        }
      }
    } else {
      for (let i = 0; i < n; i++) t[i] = i * interval;
    }
    if (n === 0) sink.add('error', 'tegrastats.empty', 'no tegrastats samples found');
    // The usual step (median), not the mean: a gap or a reboot in the log must not stretch it.
    const intervalSeconds = sawTimestamps && n > 1 ? Math.round(medianStep(t, interval) * 1000) / 1000 : interval;
    const ramUsedMB = c.ramUsed.finish(n);
    const ramTotalMB = c.ramTotal.finish(n);
    const startEpoch = sawTimestamps ? firstFinite(epoch, n) : undefined;
    epoch.release();
    const line = Uint32Array.from(lineCol);
    const segments = splitSeries({
      t,
      usedMB: ramUsedMB,
      totalMB: lastFinite(ramTotalMB),
      intervalSeconds,
      line,
      timed: sawTimestamps,
      startEpoch,
      headers,
    });
    const perCore = (cols: ColumnBuilder[]) => Array.from({ length: cores }, (_, k): Column => cols[k]?.finish(n) ?? new Float32Array(n).fill(NaN));
    return {
      file: src.path,
      samples: n,
      t,
      line,
      timeSource: sawTimestamps ? 'timestamps' : 'interval',
      intervalSeconds,
      firstTimestamp: firstTs,
      lastTimestamp: lastTsText !== null ? lastTsText.slice(lastTsAt, lastTsAt + 19) : lastTs,
      ...(startEpoch !== undefined ? { startEpoch } : {}),
      segments,
      quoted: quotes.finish(),
      ramUsedMB,
      ramTotalMB,
      lfbCount: c.lfbCount.finish(n),
      lfbBlockKB: c.lfbKB.finish(n),
      swapUsedMB: c.swapUsed.finish(n),
      swapTotalMB: c.swapTotal.finish(n),
      swapCachedMB: c.swapCached.finish(n),
      iramUsedKB: c.iramUsed.finish(n),
      iramTotalKB: c.iramTotal.finish(n),
      cpuCores: cores,
      cpuLoad: perCore(cpuLoad),
      cpuFreqMHz: perCore(cpuFreq),
      emcLoad: c.emcLoad.finish(n),
      emcFreqMHz: c.emcFreq.finish(n),
      gr3dLoad: c.gr3dLoad.finish(n),
      gr3dFreqMHz: c.gr3dFreq.finish(n),
      engineFreqMHz: engineFreq.finish(n),
      engineLoad: engineLoad.finish(n),
      tempC: temps.finish(n),
      offlineSensorSamples: offline,
      railCurrentMW: railCur.finish(n),
      railAverageMW: railAvg.finish(n),
      unknownFields: unknown,
    };
  }
}

function lastFinite(xs: Column): number {
  for (let i = xs.length - 1; i >= 0; i--) if (Number.isFinite(xs[i]!)) return xs[i]!;
  return NaN;
}

/** The usual step between samples (the median of positive steps): a gap must not stretch it. */
function medianStep(t: Float64Array, fallback: number): number {
  const steps: number[] = [];
  const stride = Math.max(1, Math.floor(t.length / 4096));
  for (let i = stride; i < t.length; i += stride) {
    const d = (t[i]! - t[i - stride]!) / stride;
    if (d > 0) steps.push(d);
  }
  if (!steps.length) return fallback;
  steps.sort((a, b) => a - b);
  return steps[steps.length >> 1]!;
}

function firstFinite(col: ColumnBuilder, n: number): number {
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    if (Number.isFinite(v)) return v;
  }
  return 0;
}
