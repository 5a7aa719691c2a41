/**
 * Kernel logs into records: every timestamp style real captures use (dmesg, -T, -x, raw
 * <N>, syslog/kern.log, journalctl short and ISO, none), the driver prefix, the level, the
 * boot segment, and multi-line reports (OOM, oops, warnings, hung tasks) grouped with their
 * head line. Non-kernel lines (bootloader serial output, journal banners, user-space
 * journal entries) are counted and skipped.
 */
import type { TextSource } from '../../bundle/text.js';
import { tokenLineStream, type FastPath } from '../common/chunked-lines.js';
import { driverPrefix, monoPrefixAt, prefix, startsWithSpace } from './fast.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Dmesg, DmesgBoot, DmesgFormat, DmesgGroup, DmesgRecord } from './types.js';
import { parseTokens, parseWhole, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import { lineLimits, type ParserOptions } from '../options.js';
import { readNumber } from '../common/numbers.js';
import { dmesgParser, type DmesgLineParts } from './grammar.js';
import { dmesgChunkLexer, dmesgLexer, MonoTs } from './tokens.js';
import { extractShowMem } from './show-mem.js';
import { objectArray } from '../../util/object-array.js';

const BLANK = /^\s*$/;
const BANNER_RE = /^(Booting Linux on physical CPU|Linux version \d)/;
const BANNER_LOOSE_RE = /^(Booting Linux|Linux version)/;
const JOURNAL_MONO_RE = /^[\w.\-]+ kernel: /;
/** The header pstore writes above each dmesg-ramoops record (`Panic#1 Part1`). */
const PSTORE_HEADER_RE = /^(Panic|Oops|Emergency|Restart|Halt|Poweroff|Shutdown|Unknown)#\d+ Part\d+\s*$/;

const lineParser: LineParser<DmesgLineParts> = {
  get lexer() {
    return dmesgLexer();
  },
  get parser() {
    return dmesgParser();
  },
  rule: () => dmesgParser().line(),
  expected: 'a kernel log line',
};

const LEVELS: Record<string, number> = { emerg: 0, alert: 1, crit: 2, err: 3, warn: 4, notice: 5, info: 6, debug: 7 };

/**
 * Driver, subsystem and device names, one string each however many records carry them (a
 * log of 100k lines names a few hundred): records keep no copy of their own.
 */
class Names {
  private readonly byName = new Map<string, string>();

  /** The name at `s[from..to)`. */
  of(s: string, from: number, to: number): string {
    return this.own(s.slice(from, to));
  }

  own(name: string): string {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    // A string that does not pin the text it was cut from (a flat copy); bounded on a log of unique names.
    const copy = name.length < 13 ? name : Buffer.from(name, 'utf8').toString('utf8');
    if (this.byName.size < 8192) this.byName.set(copy, copy);
    return copy;
  }
}
const NOT_SUBSYSTEMS = new Set(['INFO', 'WARNING', 'BUG', 'Kernel', 'CPU', 'Hardware', 'Call', 'Modules', 'Code', 'Workqueue', 'Memory', 'Out', 'Killed', 'Free', 'Total', 'Swap', 'Tasks', 'Mem', 'Node', 'Normal', 'DMA', 'DMA32', 'Movable', 'HighMem', 'IP', 'PGD', 'Oops', 'task', 'Comm', 'Process', 'Stack', 'Backtrace', 'Internal', 'Unable']);

const GROUP_HEADS: [RegExp, DmesgGroup['kind']][] = [
  [/ invoked oom-killer: /, 'oom'],
  [/: page allocation failure: order:/, 'page-alloc-failure'],
  [/^(Unable to handle kernel|Internal error: |BUG: unable to handle|BUG: kernel NULL pointer)/, 'oops'],
  [/^(------------\[ cut here \]------------|WARNING: CPU: \d+ PID: )/, 'warning'],
  [/^INFO: task .+:\d+ blocked for more than \d+ seconds\./, 'hung-task'],
];

/** Cheap gate before the head patterns: most lines start no report. */
const GROUP_GATE = /invoked oom-killer|page allocation failure|Unable to handle|Internal error|BUG: |cut here|WARNING: CPU|INFO: task /;

/** Lines that belong to the report above them even without indentation. */
const CONTINUATION_RE =
  /^(\s|CPU: \d|Hardware name:|Call [Tt]race:|Mem-Info:|Node \d|(Node \d+ )?(DMA32|DMA|Normal|HighMem|Movable)(: | free:)|IP: |PGD |PUD |PMD |PTE |Oops: |task: |\[<[0-9a-f]+>\]|CR2: |active_anon:|\d+ total pagecache pages|\d+ pages |Swap cache stats|Free swap|Total swap|Tasks state|\[\s*\d+\]|\[\s*pid\s*\]|oom-kill:|(Out of memory|Memory cgroup out of memory): Kill|Killed process|pc : |lr : |sp : |x\d+\s*: |Modules linked in:|Code: |---\[ end |Workqueue:|Process |Stack:|Backtrace:|RIP: |RSP: |R[A-Z0-9]{2}: |Comm: |pstate: |Mem abort info:|Data abort info:|ESR = |\s*(EC|IL|SET|FnV|EA|S1PTW|ISV|CM|WnR) = |user pgtable:|\[[0-9a-f]{16}\] pgd=|\"echo 0 > \/proc\/sys\/kernel\/hung_task_timeout_secs\"|task:\S+\s+state:|lowmem_reserve\[\]:|cpuset=|COMPACTION is disabled|Showing busy workqueues|free:\d+ |\d+ (pages RAM|pages HighMem|pages reserved|pages cma reserved|pages in swap cache))/;

export function parseDmesg(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): Dmesg {
  return parseWhole(dmesgStream(src, sink, options), src.text);
}

/** `internal.grammarOnly` turns the fast path off so tests can hold it to the grammar. */
export function dmesgStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions, internal?: { grammarOnly?: boolean }): StreamingParser<Dmesg> {
  // Pushed onto by compiled code of earlier files: arrays of objects from the start (object-array.ts).
  const records = objectArray<DmesgRecord>();
  const userspace = objectArray<DmesgRecord>();
  const groups = objectArray<DmesgGroup>();
  /** Each group by its head record: a log of faults with indented sub-lines has thousands. */
  const groupAt = new Map<number, DmesgGroup>();
  const boots: DmesgBoot[] = [];
  const formatVotes = new Map<DmesgFormat, number>();
  const names = new Names();
  let skipped = 0;
  let boot = -1;
  let lastMono = -1;
  let openGroup: DmesgGroup | null = null;
  let lastRecordMono: number | undefined;
  let journalLike = false;
  let lastWasKernel = false;

  const vote = (f: DmesgFormat) => formatVotes.set(f, (formatVotes.get(f) ?? 0) + 1);
  const startBoot = (line: number, idx: number) => {
    boot++;
    boots.push({ index: boot, firstRecord: idx, line });
  };

  // `[   12.345678] message` without lexing or slicing the line out: the record is built
  // from the text's indices (its message and prefix are the only substrings made).
  let restAt = -1;
  const fast: FastPath = {
    accept: (line) => (restAt = monoPrefixAt(line, 0, line.length)) >= 0,
    apply: (line, lineNo) => fastRecord(line, 0, restAt, line.length, lineNo),
    acceptAt: (text, start, end) => (restAt = monoPrefixAt(text, start, end)) >= 0,
    applyAt: (text, start, end, lineNo) => fastRecord(text, start, restAt, end, lineNo),
  };

  const lines = tokenLineStream(
    src,
    sink,
    lineParser,
    dmesgChunkLexer,
    'dmesg.unexpected-line',
    (tokens, line, lineNo, base) => {
      if (!tokens || BLANK.test(line)) return;
      const p = parseTokens(lineParser, tokens, line, lineNo, sink, 'dmesg.unexpected-line', base);
      if (p) record(p, line, lineNo);
    },
    lineLimits(options),
    internal?.grammarOnly ? undefined : fast,
  );

  /** One line's parts (from the grammar or the fast path) into a record; `line` is the raw line. */
  function record(p: DmesgLineParts, line: string, lineNo: number): void {
    if (p.time?.tokenType.name === 'BootloaderTs' || (!p.time && PSTORE_HEADER_RE.test(line))) {
      skipped++;
      return;
    }
    // One object shape for every record (absent fields undefined): fewer hidden-class
    // transitions and less GC on 100k-line logs. JSON output drops the undefined ones.
    const rec: DmesgRecord = {
      line: lineNo, monotonic: undefined, wallClock: undefined, level: undefined, facility: undefined, ident: undefined,
      subsystem: undefined, device: undefined, message: '', prefix: undefined, boot: Math.max(boot, 0), groupHead: undefined,
    };
    let rest = p.message?.image ?? '';
    const lvl = p.level ?? p.level2;
    // `journalctl -o short-monotonic` (the collector's previous-boot capture): the stamp
    // comes before `host kernel: `.
    if (!p.head && p.time?.tokenType === MonoTs && JOURNAL_MONO_RE.test(rest)) {
      rest = rest.slice(JOURNAL_MONO_RE.exec(rest)![0].length);
      rec.ident = 'kernel';
    }
    // What precedes the message, exactly as printed: evidence quotes the line verbatim.
    const at = line.length - rest.length;
    if (at > 0 && line.startsWith(rest, at)) rec.prefix = line.slice(0, at);
    if (p.head) {
      const h = p.head.image;
      const ident = /([\w.\-/@]+)(?:\[\d+\])?: ?$/.exec(h)?.[1];
      rec.ident = ident;
      rec.wallClock = h.slice(0, h.length - /\S+ [\w.\-/@]+(?:\[\d+\])?: ?$/.exec(h)![0].length).trim();
      if (p.head.tokenType.name === 'IsoHead') vote('journal-iso');
      else vote(p.time ? 'syslog' : 'journal-short');
      journalLike = true;
      lastWasKernel = ident === 'kernel';
      if (!lastWasKernel) {
        // User-space lines (nvargus-daemon, nvpmodel, …) are kept apart: only signatures that
        // declare user space read them; kernel rules never see them.
        skipped++;
        userspace.push({ ...rec, message: rest.trimEnd(), boot: Math.max(boot, 0) });
        return;
      }
    } else if (journalLike && !p.time && !lvl && /^\s/.test(rest)) {
      // journald indents the wrapped lines of one multi-line entry: they belong to it.
      if (!lastWasKernel) {
        skipped++;
        return;
      }
      rec.ident = 'kernel';
    } else if (journalMark(rest)) {
      skipped++;
      return;
    }
    if (lvl) {
      rec.level = Number(lvl.image.slice(1, -1)) & 7;
      if (!p.head) vote('dmesg-raw');
    }
    if (p.facility) {
      const m = /^(\w+) *:(\w+)/.exec(p.facility.image)!;
      rec.facility = m[1];
      rec.level = LEVELS[m[2]!];
      vote('dmesg-x');
    }
    if (p.time) {
      const t = p.time.image;
      if (p.time.tokenType.name === 'MonoTs') {
        let k = 1;
        while (t.charCodeAt(k) === 32) k++;
        rec.monotonic = readNumber(t, k, t.length);
        if (!p.head && !lvl && !p.facility) vote('dmesg');
      } else {
        rec.wallClock = t.trim().slice(1, -1);
        vote('dmesg-T');
      }
    } else if (!p.head && !lvl && !p.facility) {
      vote('plain');
    }
    addRecord(rec, rest, lineNo, !p.time && !p.head && !lvl && !p.facility);
  }

  /**
   * journalctl --catalog annotations and separators (`-- Reboot --` ends a boot): lines that
   * are skipped. Only once the log looked like a journal, or for the journal's own banners.
   */
  function journalMark(rest: string): boolean {
    if (rest.charCodeAt(0) !== 45 /* - */) return false;
    if (journalLike && (rest === '--' || rest.startsWith('-- '))) {
      if (rest.startsWith('-- Reboot --')) lastMono = Infinity;
      return true;
    }
    if (rest === '--' || /^-- (Logs begin at|Journal begins at|No entries|Boot [0-9a-f]+|Reboot) /.test(rest) || /^-- (Subject|Defined-By|Support|Documentation):/.test(rest)) {
      if (/^-- Reboot --/.test(rest)) lastMono = Infinity;
      return true;
    }
    return false;
  }

  /**
   * The usual line, `[   12.345678] message` at `text[start..end)` with its message at
   * `restAt` (monoPrefixAt said so): the record the grammar's parts would give, read from the
   * text in place.
   */
  function fastRecord(text: string, start: number, restAt: number, end: number, lineNo: number): void {
    const rec: DmesgRecord = {
      line: lineNo, monotonic: undefined, wallClock: undefined, level: undefined, facility: undefined, ident: undefined,
      subsystem: undefined, device: undefined, message: '', prefix: undefined, boot: Math.max(boot, 0), groupHead: undefined,
    };
    let rest = restAt < end ? text.slice(restAt, end) : '';
    let at = restAt;
    // `journalctl -o short-monotonic` (the collector's previous-boot capture): the stamp
    // comes before `host kernel: `.
    if (rest.length > 0 && JOURNAL_MONO_RE.test(rest)) {
      const len = JOURNAL_MONO_RE.exec(rest)![0].length;
      rest = rest.slice(len);
      at += len;
      rec.ident = 'kernel';
    }
    rec.prefix = text.slice(start, at);
    if (journalMark(rest)) {
      skipped++;
      return;
    }
    let k = start + 1;
    while (text.charCodeAt(k) === 32) k++;
    rec.monotonic = readNumber(text, k, restAt);
    vote('dmesg');
    addRecord(rec, rest, lineNo, false);
  }

  /**
   * The rest of a record, whichever path read its prefix: message, driver prefix, boot
   * segment and multi-line group. `unstamped`: the line had no time, level, facility or head.
   */
  function addRecord(rec: DmesgRecord, rest: string, lineNo: number, unstamped: boolean): void {
    // A line with no prefix at all after timestamped lines is a wrapped continuation.
    rec.message = rest.length > 0 && rest.charCodeAt(rest.length - 1) <= 32 ? rest.trimEnd() : rest;
    const msg = rec.message;
    const m = driverPrefix(msg);
    let subIndented = false;
    const subsystem = m > 0 ? names.of(msg, 0, prefix.name) : undefined;
    if (subsystem !== undefined && !NOT_SUBSYSTEMS.has(subsystem)) {
      rec.subsystem = subsystem;
      if (prefix.device >= 0) rec.device = names.of(msg, prefix.device, prefix.deviceEnd);
      else if (subsystem === 'nvgpu') {
        const d = /^nvgpu: (\S+)/.exec(msg)?.[1];
        rec.device = d === undefined ? undefined : names.own(d);
      }
      // `arm-smmu 12000000.iommu: \tstage 1 translation`: indented after the driver prefix,
      // a sub-line of the previous line from the same device.
      const after = msg.charCodeAt(m);
      const prev = records[records.length - 1];
      subIndented = (after === 9 || after === 32) && prev !== undefined && prev.subsystem === rec.subsystem && prev.device === rec.device;
    }
    const indented = startsWithSpace(rest) || subIndented || (unstamped && records.length > 0 && formatVotes.has('dmesg'));
    // New boot: time running back to ~0, or a banner after the first lines.
    const idx = records.length;
    const first = rec.message.charCodeAt(0);
    const banner = (first === 66 /* B */ || first === 76) /* L */ && BANNER_RE.test(rec.message);
    if (boot < 0) startBoot(lineNo, idx);
    else if (
      (rec.monotonic !== undefined && lastMono !== -1 && rec.monotonic + 1 < lastMono && rec.monotonic < 5) ||
      (lastMono === Infinity) ||
      (banner &&
        idx > 0 &&
        !BANNER_LOOSE_RE.test(records[idx - 1]!.message) &&
        // time went back, or (no stamps) the last boot's banner is well behind us
        (rec.monotonic !== undefined ? rec.monotonic < (lastRecordMono ?? 0) : idx - boots[boots.length - 1]!.firstRecord > 20))
    ) {
      startBoot(lineNo, idx);
    }
    rec.boot = boot;
    if (rec.monotonic !== undefined) lastMono = rec.monotonic;
    else if (lastMono === Infinity) lastMono = -1;
    if (banner && boots[boot]!.kernelVersion === undefined) {
      const v = /^Linux version (\S+)/.exec(rec.message)?.[1];
      if (v) boots[boot]!.kernelVersion = v;
    }
    // Multi-line grouping.
    const head = GROUP_GATE.test(rec.message) ? GROUP_HEADS.find(([re]) => re.test(rec.message.trimStart())) : undefined;
    const near = rec.monotonic === undefined || lastRecordMono === undefined || Math.abs(rec.monotonic - lastRecordMono) <= 2;
    if (head) {
      openGroup = { kind: head[1], head: idx, last: idx };
      groups.push(openGroup);
      groupAt.set(idx, openGroup);
    } else if (openGroup && near && CONTINUATION_RE.test(rec.message)) {
      rec.groupHead = openGroup.head;
      openGroup.last = idx;
      if (openGroup.kind === 'oom' && /Killed process \d+/.test(rec.message)) openGroup = null;
    } else if (indented && idx > 0 && near) {
      const prev = records[idx - 1]!;
      const headIdx = prev.groupHead ?? idx - 1;
      rec.groupHead = headIdx;
      const g = groupAt.get(headIdx);
      if (g) g.last = idx;
      else {
        const added: DmesgGroup = { kind: 'continuation', head: headIdx, last: idx };
        groups.push(added);
        groupAt.set(headIdx, added);
      }
      openGroup = null;
    } else {
      openGroup = null;
    }
    if (rec.monotonic !== undefined) lastRecordMono = rec.monotonic;
    records.push(rec);
  }
  return {
    write: (text) => lines.write(text),
    end: () => {
      lines.end();
      return finish();
    },
  };

  function finish(): Dmesg {
    // Serial-console captures start with banners and bootloader text before the kernel's
    // first stamped line: in a stamped log, plain lines before it are not kernel messages.
    const firstStamped = records.findIndex((r) => r.monotonic !== undefined);
    if (firstStamped > 0 && (formatVotes.get('dmesg') ?? 0) >= (records.length - firstStamped) / 2) {
      const k = firstStamped;
      if (records.slice(0, k).every((r) => r.monotonic === undefined && r.wallClock === undefined && r.level === undefined)) {
        skipped += k;
        records.splice(0, k);
        for (const r of records) if (r.groupHead !== undefined) r.groupHead = r.groupHead >= k ? r.groupHead - k : undefined;
        const kept = groups.filter((g) => g.head >= k).map((g) => ({ ...g, head: g.head - k, last: g.last - k }));
        groups.length = 0;
        groups.push(...kept);
        for (const b of boots) b.firstRecord = Math.max(0, b.firstRecord - k);
        if (boots[0]) boots[0].line = records[0]!.line;
        formatVotes.set('plain', Math.max(0, (formatVotes.get('plain') ?? 0) - k));
      }
    }

    let format: DmesgFormat = 'plain';
    let best = -1;
    for (const [f, n] of formatVotes) if (n > best) [format, best] = [f, n];
    if (skipped > 0 && records.length > 0 && formatVotes.get('dmesg') && skipped > records.length / 10 && !formatVotes.has('syslog') && !formatVotes.has('journal-short')) {
      format = 'serial-console';
    }
    const first = records[0];
    const startsMidBoot =
      records.length > 0 &&
      !records.slice(0, 5).some((r) => /^(Booting Linux|Linux version \d)/.test(r.message)) &&
      (first!.monotonic === undefined || first!.monotonic > 1);
    if (records.length === 0) sink.add('warning', 'dmesg.empty', 'no kernel messages found');
    const memoryReports = extractShowMem(records);
    return { file: src.path, format, records, groups, boots, startsMidBoot, skippedLines: skipped, ...(memoryReports.length ? { memoryReports } : {}), ...(userspace.length ? { userspace } : {}) };
  }
}
