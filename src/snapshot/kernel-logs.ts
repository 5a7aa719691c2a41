/**
 * Every kernel log of a bundle as one record list, boot by boot in time order: the current
 * dmesg, previous boots (journal `-b -1`, `dmesg.0`, rotated `kern.log.N`, the collector's
 * previous-boot folder), pstore records of the boot that crashed, serial-console captures.
 * A boot read from two files (kern.log and dmesg; a pstore console and the previous boot's
 * journal) is counted once: the file holding more of it supplies the boot, and the other
 * adds only the lines the first lacks (a pstore console's last words).
 */
import type { BundleInventory } from '../bundle/inventory.js';
import { mapObjects } from '../util/object-array.js';
import type { Dmesg, DmesgBoot, DmesgGroup, DmesgRecord, KernelLogRole, KernelLogSource, ShowMemReport } from './types.js';

export interface ParsedKernelLog {
  file: string;
  dmesg: Dmesg;
}

/** What a file is from its path: its role and how many boots back it starts (a guess refined by content). */
export function kernelLogRole(file: string, format?: Dmesg['format']): { role: KernelLogRole; age: number } {
  const p = file.toLowerCase();
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/(^|\/)pstore\//.test(p) || /^(console|dmesg)-ramoops/.test(base)) return { role: 'pstore', age: 1 };
  const journalBoot = /(?:^|[_\s.-])(?:b|boot)[_=\s]*-(\d+)/.exec(base);
  if (journalBoot && Number(journalBoot[1]) > 0) return { role: 'previous', age: Number(journalBoot[1]) };
  if (/(^|\/)previous-boot\//.test(p)) return { role: 'previous', age: 1 };
  const rotatedDmesg = /^dmesg\.(\d+)(\.gz)?$/.exec(base);
  if (rotatedDmesg) return { role: 'previous', age: Number(rotatedDmesg[1]) + 1 };
  const rotated = /^(kern\.log|syslog|messages)\.(\d+)(\.gz)?$/.exec(base);
  if (rotated) return { role: 'previous', age: Math.max(1, Number(rotated[2])) };
  if (format === 'serial-console' || /console|putty|minicom|picocom|serial|uart|tty|screenlog|\.cap$/.test(base)) {
    return { role: 'serial-console', age: 1 };
  }
  return { role: 'current', age: 0 };
}

interface Segment {
  src: number;
  /** Boot index inside its file. */
  boot: number;
  /** Record indexes (into its file's records) kept for this segment. */
  keep: number[];
  role: KernelLogRole;
  ago: number;
  order: number;
  sameAs?: Segment;
}

const MATCH_WITH_CLOCK = 0.5;
const MATCH_TEXT_ONLY = 0.8;

/**
 * Merges the parsed kernel logs (given best-ranked first) into one Dmesg and notes in the
 * inventory what each file was read as.
 */
export function mergeKernelLogs(logs: ParsedKernelLog[], inventory?: BundleInventory): Dmesg | undefined {
  if (logs.length === 0) return undefined;
  // Arrays indexed below are built by mapObjects, not .map: one hidden class in every tier (object-array.ts).
  const roles = mapObjects(logs, (l) => kernelLogRole(l.file, l.dmesg.format));
  // A serial capture is this boot's log when nothing else is.
  const hasCurrent = roles.some((r) => r.role === 'current');
  for (const r of roles) if (r.role === 'serial-console' && !hasCurrent) r.age = 0;

  const segments: Segment[] = [];
  logs.forEach((l, src) => {
    const d = l.dmesg;
    const n = d.boots.length;
    for (let b = 0; b < n; b++) {
      const from = d.boots[b]!.firstRecord;
      const to = b + 1 < n ? d.boots[b + 1]!.firstRecord : d.records.length;
      if (to <= from) continue;
      const keep: number[] = [];
      for (let i = from; i < to; i++) keep.push(i);
      segments.push({ src, boot: b, keep, role: roles[src]!.role, ago: roles[src]!.age + (n - 1 - b), order: segments.length });
    }
  });

  // One source per boot: compare each segment with those already kept from other files.
  const kept: Segment[] = [];
  const duplicateOf = mapObjects(logs, () => new Set<string>());
  for (const seg of segments) {
    let best: { other: Segment; covered: Uint8Array; big: Segment; small: Segment } | null = null;
    let bestRatio = 0;
    for (const other of kept) {
      if (other.src === seg.src || other.sameAs) continue;
      const [big, small] = other.keep.length >= seg.keep.length ? [other, seg] : [seg, other];
      const m = overlap(logs, big, small, seg.ago === other.ago);
      if (m && m.ratio > bestRatio) {
        bestRatio = m.ratio;
        best = { other, covered: m.covered, big, small };
      }
    }
    if (!best) {
      kept.push(seg);
      continue;
    }
    const { big, small, covered } = best;
    small.keep = small.keep.filter((i) => !covered[i]);
    small.sameAs = big;
    small.ago = big.ago;
    duplicateOf[small.src]!.add(logs[big.src]!.file);
    if (big === seg) kept.push(seg);
    if (small === seg && small.keep.length > 0) kept.push(seg);
    else if (small !== seg && small.keep.length === 0) kept.splice(kept.indexOf(small), 1);
  }

  // Time order: earlier boots first; a boot's extra lines right after the file that held it.
  // Boots placed alike (two files that both claim the current boot) keep the best-ranked file's
  // boot last, so the current boot is the one read from the preferred file.
  const primary = (s: Segment) => {
    let p = s;
    while (p.sameAs) p = p.sameAs;
    return p;
  };
  kept.sort(
    (a, b) =>
      b.ago - a.ago ||
      (primary(a) === primary(b) ? (a.sameAs ? 1 : 0) - (b.sameAs ? 1 : 0) : primary(b).src - primary(a).src || primary(a).order - primary(b).order),
  );

  const records: DmesgRecord[] = [];
  const groups: DmesgGroup[] = [];
  const boots: DmesgBoot[] = [];
  const memoryReports: ShowMemReport[] = [];
  const userspace: DmesgRecord[] = [];
  const sourceBoots = mapObjects(logs, () => [] as number[]);
  const remaps = mapObjects(logs, (l) => new Int32Array(l.dmesg.records.length).fill(-1));
  /** New boot index per (file, boot in file): the kept segment, or the one that held its lines. */
  const bootOf = mapObjects(logs, (l) => new Int32Array(Math.max(1, l.dmesg.boots.length)).fill(-1));
  const segIndex = new Map<Segment, number>();

  for (const seg of kept) {
    const d = logs[seg.src]!.dmesg;
    const index = boots.length;
    segIndex.set(seg, index);
    bootOf[seg.src]![seg.boot] = index;
    sourceBoots[seg.src]!.push(index);
    const first = d.records[seg.keep[0]!]!;
    const own = d.boots[seg.boot]!;
    boots.push({
      index,
      firstRecord: records.length,
      line: seg.keep[0] === own.firstRecord ? own.line : first.line,
      ...(own.kernelVersion !== undefined ? { kernelVersion: own.kernelVersion } : {}),
      file: logs[seg.src]!.file,
      role: seg.role,
      bootsAgo: 0,
      ...(seg.sameAs ? { sameBootAs: segIndex.get(primary(seg)) } : {}),
    });
    const remap = remaps[seg.src]!;
    for (const i of seg.keep) {
      const r = d.records[i]!;
      remap[i] = records.length;
      r.boot = index;
      records.push(r);
    }
  }
  // Boots dropped whole (held by another file) send their user-space lines to that boot.
  for (const seg of segments) {
    if (bootOf[seg.src]![seg.boot]! >= 0 || !seg.sameAs) continue;
    const target = primary(seg);
    bootOf[seg.src]![seg.boot] = segIndex.get(target) ?? -1;
  }
  // Boots ago, counted over distinct boots (a boot's extra lines share its count). Without a
  // current-boot log, the newest boot read is itself some boots back (a pstore record alone).
  const distinct = [...new Set(kept.map(primary))];
  const newestBoot = distinct.at(-1);
  const offset = newestBoot && newestBoot.role !== 'current' ? newestBoot.ago : 0;
  for (const seg of kept) {
    boots[segIndex.get(seg)!]!.bootsAgo = distinct.length - 1 - distinct.indexOf(primary(seg)) + offset;
  }

  logs.forEach((l, src) => {
    const d = l.dmesg;
    const remap = remaps[src]!;
    for (const r of d.records) if (r.groupHead !== undefined) r.groupHead = remap[r.groupHead]! >= 0 ? remap[r.groupHead] : undefined;
    for (const g of d.groups) {
      const head = remap[g.head]!;
      if (head < 0) continue;
      let last = head;
      for (let i = g.head; i <= g.last; i++) if (remap[i]! > last) last = remap[i]!;
      groups.push({ ...g, head, last });
    }
    for (const m of d.memoryReports ?? []) {
      const record = remap[m.record]!;
      if (record < 0) continue;
      const moved: ShowMemReport = { ...m, file: l.file, record, boot: records[record]!.boot };
      delete moved.headRecord;
      if (m.headRecord !== undefined && remap[m.headRecord]! >= 0) moved.headRecord = remap[m.headRecord];
      memoryReports.push(moved);
    }
    for (const u of d.userspace ?? []) {
      // A syslog with no kernel line has no boot of its own: its lines go with the newest boot read.
      let boot = bootOf[src]![u.boot] ?? -1;
      if (boot < 0) boot = sourceBoots[src]!.at(-1) ?? Math.max(0, boots.length - 1);
      u.boot = boot;
      userspace.push(u);
    }
  });
  groups.sort((a, b) => a.head - b.head);
  memoryReports.sort((a, b) => a.record - b.record);

  const sources: KernelLogSource[] = logs.map((l, src) => ({
    file: l.file,
    role: roles[src]!.role,
    format: l.dmesg.format,
    records: l.dmesg.records.length,
    skippedLines: l.dmesg.skippedLines,
    startsMidBoot: l.dmesg.startsMidBoot,
    boots: sourceBoots[src]!,
    ...(duplicateOf[src]!.size ? { duplicateOf: [...duplicateOf[src]!] } : {}),
  }));
  // The current boot's file describes the log (the newest boot read).
  const newest = kept.length ? kept.filter((s) => !s.sameAs).at(-1) ?? kept.at(-1)! : null;
  const main = newest ? logs[newest.src]!.dmesg : logs[0]!.dmesg;
  const mainFile = newest ? logs[newest.src]!.file : logs[0]!.file;
  if (inventory) noteInventory(inventory, sources);
  return {
    file: mainFile,
    format: main.format,
    records,
    groups,
    boots,
    startsMidBoot: main.startsMidBoot,
    skippedLines: main.skippedLines,
    ...(memoryReports.length ? { memoryReports } : {}),
    ...(userspace.length ? { userspace } : {}),
    ...(logs.length > 1 ? { sources } : {}),
  };
}

/**
 * Whether `small` is the same boot as `big`, and which of its records `big` holds. Lines are
 * compared with their stamp when both files print one (two boots of one device print the same
 * boot messages, never at the same microsecond); without a common clock, by text alone, and
 * only for files placed at the same boot.
 */
function overlap(logs: ParsedKernelLog[], big: Segment, small: Segment, sameGuess: boolean): { ratio: number; covered: Uint8Array } | null {
  const br = logs[big.src]!.dmesg.records;
  const sr = logs[small.src]!.dmesg.records;
  if (small.keep.length === 0) return null;
  const share = (recs: DmesgRecord[], keep: number[], f: (r: DmesgRecord) => unknown) => keep.filter((i) => f(recs[i]!) !== undefined).length / keep.length;
  let mono = share(br, big.keep, (r) => r.monotonic) >= 0.8 && share(sr, small.keep, (r) => r.monotonic) >= 0.8;
  // Lines from the first second only: nothing to compare by stamp; files placed at the same
  // boot are then compared by text.
  if (mono && sameGuess && small.keep.every((i) => (sr[i]!.monotonic ?? 0) < 1)) mono = false;
  const wall = !mono && share(br, big.keep, (r) => r.wallClock) >= 0.8 && share(sr, small.keep, (r) => r.wallClock) >= 0.8;
  if (!mono && !wall && !sameGuess) return null;
  // Lines are looked up by stamp (a number or a short string), then compared by text. The
  // first second of a boot prints the same lines at the same stamps on every boot of a device:
  // those lines tell no boot from another, so they count as covered but never decide.
  // Flags per record index (typed arrays: 100k-line logs are common).
  const used = new Uint8Array(br.length);
  const covered = new Uint8Array(sr.length);
  let coveredCount = 0;
  let comparable = 0;
  let matched = 0;
  const take = (i: number, j: number | undefined, decides: boolean) => {
    if (decides) comparable++;
    if (j === undefined) return;
    used[j] = 1;
    covered[i] = 1;
    coveredCount++;
    if (decides) matched++;
  };
  if (mono) {
    // Both logs run in stamp order: one walk over the two, sorted by stamp, finds the pairs.
    const byStamp = (recs: DmesgRecord[], keep: number[]) =>
      keep.filter((i) => recs[i]!.monotonic !== undefined).sort((a, b) => recs[a]!.monotonic! - recs[b]!.monotonic!);
    const bs = byStamp(br, big.keep);
    let p = 0;
    for (const i of byStamp(sr, small.keep)) {
      const r = sr[i]!;
      const t = r.monotonic!;
      while (p < bs.length && br[bs[p]!]!.monotonic! < t) p++;
      let j: number | undefined;
      for (let q = p; q < bs.length && br[bs[q]!]!.monotonic === t; q++) {
        if (!used[bs[q]!] && br[bs[q]!]!.message === r.message) {
          j = bs[q]!;
          break;
        }
      }
      take(i, j, t >= 1);
    }
    // An unstamped line (a wrapped continuation) goes with the stamped line before it.
    for (let k = 1; k < small.keep.length; k++) {
      const i = small.keep[k]!;
      if (!covered[i] && sr[i]!.monotonic === undefined && covered[small.keep[k - 1]!]) {
        covered[i] = 1;
        coveredCount++;
      }
    }
  } else {
    const keyOf = (r: DmesgRecord) => (wall ? r.wallClock : r.message.trim());
    const index = new Map<string, number[]>();
    for (const i of big.keep) {
      const k = keyOf(br[i]!);
      if (k === undefined) continue;
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    for (const i of small.keep) {
      const r = sr[i]!;
      const k = keyOf(r);
      if (k === undefined) continue;
      take(i, index.get(k)?.find((c) => !used[c] && (!wall || br[c]!.message === r.message)), true);
    }
  }
  if (comparable === 0) return null;
  const ratio = matched / comparable;
  const need = mono || wall ? MATCH_WITH_CLOCK : MATCH_TEXT_ONLY;
  if (ratio < need || matched < Math.min(3, comparable)) return null;
  return coveredCount ? { ratio, covered } : null;
}

const ROLE_WORDS: Record<KernelLogRole, string> = {
  current: 'kernel log of the current boot',
  previous: 'kernel log of a previous boot',
  pstore: 'pstore record of the boot that crashed',
  'serial-console': 'serial-console capture',
};

function noteInventory(inventory: BundleInventory, sources: KernelLogSource[]): void {
  for (const s of sources) {
    const entry = inventory.entries.find((e) => e.path === s.file);
    if (!entry) continue;
    const notes: string[] = [];
    if (s.role !== 'current') notes.push(ROLE_WORDS[s.role]);
    if (s.duplicateOf?.length) {
      notes.push(
        s.boots.length === 0
          ? `same boot as ${s.duplicateOf.join(', ')} (read from there)`
          : `same boot also in ${s.duplicateOf.join(', ')}; only the lines that file lacks were added`,
      );
    }
    if (notes.length) entry.note = notes.join('; ');
  }
}
