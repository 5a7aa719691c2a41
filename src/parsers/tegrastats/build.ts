/**
 * tegrastats logs into a compact columnar series (typed arrays per field, the line of each
 * sample). Handles L4T 28 to JetPack 7: leading timestamps or none, every GR3D/EMC form,
 * engines as off/MHz/%/%@MHz, rails with or without units and with two or three values,
 * -256C placeholders, prompts and `date` lines between samples, and a sample wrapped over
 * several lines.
 */
import type { TextSource } from '../../bundle/text.js';
import { tokenLineStream } from '../common/chunked-lines.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Tegrastats } from '../../snapshot/types.js';
import { ColumnBuilder, ColumnSet } from '../common/columns.js';
import { parseTokens, parseWhole, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { looksLikeTimestampLine } from '../common/timestamps.js';
import { lineLimits, type ParserOptions } from '../options.js';
import { readNumber } from '../common/numbers.js';
import { wallSeconds } from '../../util/wallclock.js';
import { tegrastatsParser } from './grammar.js';
import { tegrastatsChunkLexer, tegrastatsLexer } from './tokens.js';
import type { IToken } from 'chevrotain';
import { splitSeries } from '../common/series-segments.js';
import { SampleQuotes, type SampleLine } from './quotes.js';

const BLANK = /^\s*$/;

const lineParser: LineParser<IToken[]> = {
  lexer: tegrastatsLexer,
  parser: tegrastatsParser,
  rule: () => tegrastatsParser.line(),
  expected: 'tegrastats fields ("RAM used/totalMB ...")',
};


/** Sensor value tegrastats prints for a powered-off or unreadable zone. */
const OFFLINE_C = -256;

function payload(t: IToken): string[] {
  return t.payload as string[];
}

/** `1300`, `[305,0]` -> highest frequency. */
function freqOf(s: string | undefined): number {
  if (s === undefined) return NaN;
  if (s.startsWith('[')) {
    let max = NaN;
    for (const part of s.slice(1, -1).split(',')) {
      const v = Number(part);
      if (Number.isFinite(v) && !(v <= max)) max = v;
    }
    return max;
  }
  return Number(s);
}

const engineNames = new Map<string, string>();
/** `NVENC_LOAD`, `PVA0_FREQ` -> `NVENC`, `PVA0` (memoised: the same few names every line). */
function engineName(raw: string): string {
  let n = engineNames.get(raw);
  if (n === undefined) {
    n = raw.replace(/_(FREQ|LOAD)$/, '');
    engineNames.set(raw, n);
  }
  return n;
}

export function parseTegrastats(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Tegrastats {
  return parseWhole(tegrastatsStream(src, sink, options), src.text);
}

export function tegrastatsStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<Tegrastats> {
  const interval = options?.tegrastatsIntervalSeconds ?? 1;
  const epoch = new ColumnBuilder();
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
  let railsThisSample = new Set<string>();
  // Verbatim lines kept for evidence, and what the segmentation needs besides the columns.
  const quotes = new SampleQuotes();
  let curLines: SampleLine[] = [];
  let prevLines: SampleLine[] = [];
  let prevEpoch = NaN;
  let prevRam = NaN;
  let minDt = Infinity;
  /** A non-sample line (banner, prompt, `date`) seen since the last sample, once samples began. */
  let pendingHeader: number | undefined;
  let headerBefore = false;
  const headers: { before: number; line: number }[] = [];

  /** Sample i is complete: keep its lines if it may border a break or holds an extreme. */
  const closeSample = (i: number, lines: SampleLine[], header: boolean) => {
    const e = epoch.get(i);
    const ram = c.ramUsed.get(i);
    if (i === 0) quotes.keep(lines);
    else {
      // Looser than the segmentation's own thresholds, so every real break is among these.
      let possible = header || prevRam - ram > 200;
      if (Number.isFinite(e) && Number.isFinite(prevEpoch)) {
        const dt = e - prevEpoch;
        if (dt < 0 || dt > Math.max(30, 3 * (Number.isFinite(minDt) ? minDt : 0))) possible = true;
        if (dt > 0 && dt < minDt) minDt = dt;
      }
      if (possible) quotes.breakBefore(prevLines, lines);
    }
    quotes.offer('ram+', ram, true, lines);
    quotes.offer('ram-', ram, false, lines);
    const kb = c.lfbKB.get(i);
    if (ram < 0.9 * c.ramTotal.get(i)) quotes.offer('lfb-', kb * 1e6 + c.lfbCount.get(i), false, lines);
    quotes.offer('emc+', c.emcLoad.get(i), true, lines);
    quotes.offer('gpu-', c.gr3dFreq.get(i), false, lines);
    let cpuMax = NaN;
    for (const col of cpuFreq) {
      const f = col.get(i);
      if (Number.isFinite(f) && !(f <= cpuMax)) cpuMax = f;
    }
    quotes.offer('cpu-', cpuMax, false, lines);
    for (const [name, col] of temps.columns) quotes.offer(`temp:${name}`, col.get(i), true, lines);
    prevLines = lines;
    if (Number.isFinite(e)) prevEpoch = e;
    if (Number.isFinite(ram)) prevRam = ram;
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

  const lines = tokenLineStream(
    src,
    sink,
    lineParser,
    tegrastatsChunkLexer,
    'tegrastats.unexpected-line',
    (tokens, line, lineNo) => {
      if (!tokens || BLANK.test(line)) return;
      // `date` output between samples anchors the clock (checked first: `UTC 2021` would
      // otherwise read as an engine field).
      if (!line.includes('RAM ') && looksLikeTimestampLine(line)) {
        firstTs ??= line.trim();
        if (n > 0) pendingHeader ??= lineNo;
        return;
      }
      const fields = parseTokens(lineParser, tokens, line, lineNo, sink, 'tegrastats.unexpected-line');
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
      if (startsSample || n === 0) {
        if (n > 0) closeSample(n - 1, curLines, headerBefore);
        headerBefore = pendingHeader !== undefined;
        if (pendingHeader !== undefined) headers.push({ before: n, line: pendingHeader });
        pendingHeader = undefined;
        curLines = [];
        n++;
        lineCol.push(lineNo);
        railsThisSample = new Set();
        for (const set of [temps, railCur, railAvg, engineFreq, engineLoad]) set.restart();
      }
      const i = n - 1;
      SampleQuotes.add(curLines, lineNo, line);
      for (const f of fields) {
        const p = payload(f);
        switch (f.tokenType.name) {
          case 'Timestamp': {
            const [, mo, d, y, h, mi, s] = p;
            const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000;
            epoch.set(i, t);
            sawTimestamps = true;
            const text = f.image;
            firstTs ??= text;
            lastTs = text;
            break;
          }
          case 'WallStamp': {
            const t = wallSeconds(f.image);
            if (t !== undefined) {
              epoch.set(i, t);
              sawTimestamps = true;
            }
            firstTs ??= f.image;
            lastTs = f.image;
            break;
          }
          case 'Ram':
            c.ramUsed.set(i, Number(p[1]));
            c.ramTotal.set(i, Number(p[2]));
            if (p[3] !== undefined) {
              c.lfbCount.set(i, Number(p[3]));
              c.lfbKB.set(i, Number(p[4]) * (p[5] === 'M' ? 1024 : 1));
            }
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
          case 'Cpu': {
            const shared = p[2] !== undefined ? Number(p[2]) : NaN;
            const list = p[1]!;
            // Hand-scanned: `48%@2034,off,53%@2034` (or `0%,4%` with a shared @freq).
            let k = 0;
            let pos = 0;
            while (pos <= list.length) {
              let end = list.indexOf(',', pos);
              if (end < 0) end = list.length;
              const pc = list.indexOf('%', pos);
              if (pc >= 0 && pc < end) {
                while (cpuLoad.length <= k) {
                  cpuLoad.push(new ColumnBuilder());
                  cpuFreq.push(new ColumnBuilder());
                }
                cpuLoad[k]!.set(i, readNumber(list, pos, pc));
                const freq = list.charCodeAt(pc + 1) === 64 /* @ */ ? readNumber(list, pc + 2, end) : shared;
                if (!Number.isNaN(freq)) cpuFreq[k]!.set(i, freq);
              }
              k++;
              pos = end + 1;
            }
            if (k > cores) cores = k;
            break;
          }
          case 'Mts':
            engineLoad.set('MTS_FG', i, Number(p[1]));
            engineLoad.set('MTS_BG', i, Number(p[2]));
            break;
          case 'Temps': {
            // `name@valueC` items, optionally `/valueC` again (JP7): the first value is the reading.
            const img = f.image;
            let pos = 0;
            while (pos < img.length) {
              let end = img.indexOf(' ', pos);
              if (end < 0) end = img.length;
              const at = img.lastIndexOf('@', end);
              if (at > pos) {
                const name = img.slice(pos, at);
                const v = readNumber(img, at + 1, end);
                if (v === OFFLINE_C) offline[name] = (offline[name] ?? 0) + 1;
                temps.set(name, i, v === OFFLINE_C ? NaN : v);
              }
              pos = end + 1;
            }
            break;
          }
          case 'Rails': {
            // `NAME cur[mW]/avg[mW][/max[mW]]` items separated by blanks.
            const img = f.image;
            let pos = 0;
            while (pos < img.length) {
              const sp = img.indexOf(' ', pos);
              if (sp < 0) break;
              let end = img.indexOf(' ', sp + 1);
              if (end < 0) end = img.length;
              const raw = img.slice(pos, sp);
              const slash = img.indexOf('/', sp + 1);
              let name = raw;
              // Two rails with one name (seen: `NC`): number the second so neither is lost.
              for (let k = 2; railsThisSample.has(name); k++) name = `${raw}#${k}`;
              railsThisSample.add(name);
              railCur.set(name, i, readNumber(img, sp + 1, slash));
              railAvg.set(name, i, readNumber(img, slash + 1, end));
              pos = end;
              while (pos < img.length && (img.charCodeAt(pos) === 32 || img.charCodeAt(pos) === 9)) pos++;
            }
            break;
          }
          case 'LoadField':
            setLoadFreq(p[1]!, Number(p[2]), freqOf(p[3]), i);
            break;
          case 'FreqOnly':
            setLoadFreq(p[1]!, NaN, freqOf(p[2]), i);
            break;
          case 'Engines': {
            // `NAME off|MHz` pairs separated by blanks.
            const words = f.image.trim().split(/[ \t]+/);
            for (let k = 0; k + 1 < words.length; k += 2) {
              const val = words[k + 1]!;
              engineFreq.set(engineName(words[k]!), i, val === 'off' ? NaN : Number(val));
            }
            break;
          }
          default: {
            const key = /^[A-Za-z_][\w]*/.exec(f.image)?.[0] ?? f.image.slice(0, 20);
            const u = (unknown[key] ??= { count: 0, example: f.image.slice(0, 80), line: lineNo });
            u.count++;
          }
        }
      }
    },
    lineLimits(options),
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
    const perCore = (cols: ColumnBuilder[]) => Array.from({ length: cores }, (_, k) => cols[k]?.finish(n) ?? new Float64Array(n).fill(NaN));
    return {
      file: src.path,
      samples: n,
      t,
      line,
      timeSource: sawTimestamps ? 'timestamps' : 'interval',
      intervalSeconds,
      firstTimestamp: firstTs,
      lastTimestamp: lastTs,
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

function lastFinite(xs: Float64Array): number {
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
