/**
 * The show-mem block the kernel prints with an OOM report or a page allocation failure
 * (`Mem-Info:`, the global page counters, one `<zone> free:… min:… low:… high:… free_cma:…`
 * line and one `<zone>: 12*4kB (UME) … = N kB` free-list line per zone, `N pages cma
 * reserved`): the memory state at the moment of failure, which says more than a buddyinfo
 * taken hours later. Excerpts without the `Mem-Info:` line still count: any zone or
 * free-list line starts a block.
 */
import type { DmesgRecord, ShowMemBuddy, ShowMemReport, ShowMemZone } from './types.js';
import { objectArray } from '../../util/object-array.js';

const ZONE_NAMES = 'DMA32|DMA|Normal|HighMem|Movable';
const ZONE_RE = new RegExp(
  `^(?:Node (\\d+) )?(${ZONE_NAMES}) free:(\\d+)kB (?:boost:\\d+kB )?min:(\\d+)kB low:(\\d+)kB high:(\\d+)kB`,
);
const BUDDY_RE = new RegExp(`^(?:Node (\\d+) )?(${ZONE_NAMES}): ((?:\\d+\\*\\d+kB (?:\\([UMEHCRI]+\\) )?)+)= (\\d+)kB`);
const BLOCK_RE = /(\d+)\*(\d+)kB(?: \(([UMEHCRI]+)\))?/g;
const PAGES_RE = /^(\d+) pages (RAM|reserved|cma reserved|HighMem\/MovableOnly)$/;
/** Lines inside a show-mem block that carry nothing we keep but must not end it. */
const OTHER_RE =
  /^(Mem-Info:|active_anon:|\s*(active_file|free|slab_reclaimable|mapped|unevictable|isolated_file|kernel_misc_reclaimable|sec_pagetables|bounce|shmem)[\w()]*:|Node \d+ (active_anon|hugepages_total)|lowmem_reserve\[\]:|\d+ total pagecache pages|\d+ pages in swap cache|Swap cache stats:|Free swap\s+=|Total swap\s+=|\d+ pages (RAM|reserved|cma reserved|HighMem\/MovableOnly|hwpoisoned))/;
const HEAD_RE = /( invoked oom-killer: |: page allocation failure: order:)/;
/** How far back (records) the OOM header or allocation failure may be from Mem-Info. */
const HEAD_WINDOW = 200;

const kv = (text: string, key: string): number | undefined => {
  const m = new RegExp(`(?:^|\\s)${key}:(\\d+)(?:kB)?(?:\\s|$)`).exec(text);
  return m ? Number(m[1]) : undefined;
};

function zoneOf(r: DmesgRecord, m: RegExpExecArray): ShowMemZone {
  const z: ShowMemZone = { zone: m[2]!, line: r.line, freeKB: Number(m[3]), minKB: Number(m[4]), lowKB: Number(m[5]), highKB: Number(m[6]) };
  if (m[1] !== undefined) z.node = Number(m[1]);
  const cma = kv(r.message, 'free_cma');
  if (cma !== undefined) z.freeCmaKB = cma;
  const managed = kv(r.message, 'managed');
  if (managed !== undefined) z.managedKB = managed;
  return z;
}

function buddyOf(r: DmesgRecord, m: RegExpExecArray): ShowMemBuddy {
  const b: ShowMemBuddy = { zone: m[2]!, line: r.line, blocks: [], totalKB: Number(m[4]) };
  if (m[1] !== undefined) b.node = Number(m[1]);
  for (const x of m[3]!.matchAll(BLOCK_RE)) {
    const block: ShowMemBuddy['blocks'][number] = { sizeKB: Number(x[2]), count: Number(x[1]) };
    if (x[3]) block.types = x[3];
    b.blocks.push(block);
  }
  return b;
}

export function extractShowMem(records: DmesgRecord[]): ShowMemReport[] {
  const reports: ShowMemReport[] = [];
  let cur: ShowMemReport | null = null;
  let lastHead = -1;
  let lastUsed = -1;
  const start = (idx: number): ShowMemReport => {
    const r = records[idx]!;
    const rep: ShowMemReport = { line: r.line, record: idx, boot: r.boot, trigger: 'other', zones: objectArray(), buddy: objectArray() };
    if (r.monotonic !== undefined) rep.monotonic = r.monotonic;
    if (r.wallClock !== undefined) rep.wallClock = r.wallClock;
    if (lastHead >= 0 && idx - lastHead <= HEAD_WINDOW && records[lastHead]!.boot === r.boot) {
      rep.headRecord = lastHead;
      rep.trigger = records[lastHead]!.message.includes('invoked oom-killer') ? 'oom' : 'page-alloc-failure';
      lastHead = -1; // one head, one block
    }
    reports.push(rep);
    return rep;
  };
  for (let idx = 0; idx < records.length; idx++) {
    const r = records[idx]!;
    const msg = r.message.trimStart();
    if (HEAD_RE.test(msg)) {
      lastHead = idx;
      cur = null;
      continue;
    }
    const zone = ZONE_RE.exec(msg);
    const buddy = zone ? null : BUDDY_RE.exec(msg);
    const pages = zone || buddy ? null : PAGES_RE.exec(msg);
    const isHeader = msg === 'Mem-Info:';
    const other = !zone && !buddy && !pages && !isHeader && OTHER_RE.test(msg);
    if (!zone && !buddy && !pages && !isHeader && !other) {
      // The stack dump between header and Mem-Info does not end anything; anything else
      // after a block ends it.
      if (cur && idx - lastUsed > 3) cur = null;
      continue;
    }
    // A second Mem-Info, or a zone seen twice, is the next report.
    if (isHeader || (zone && cur?.zones.some((z) => z.zone === zone[2] && z.node === (zone[1] === undefined ? undefined : Number(zone[1]))))) cur = null;
    if (!cur && (isHeader || zone || buddy)) cur = start(idx);
    if (!cur) continue;
    lastUsed = idx;
    if (zone) cur.zones.push(zoneOf(r, zone));
    else if (buddy) cur.buddy.push(buddyOf(r, buddy));
    else if (pages) {
      const n = Number(pages[1]);
      if (pages[2] === 'RAM') cur.ramPages = n;
      else if (pages[2] === 'reserved') cur.reservedPages = n;
      else if (pages[2] === 'cma reserved') cur.cmaReservedPages = n;
    } else if (other && cur.freePages === undefined) {
      // Global counters (pages): ` free:12345 free_pcp:0 free_cma:0`, maybe on a wrapped line.
      const free = kv(msg, 'free');
      if (free !== undefined && !/kB/.test(msg)) {
        cur.freePages = free;
        const cma = kv(msg, 'free_cma');
        if (cma !== undefined) cur.freeCmaPages = cma;
      }
    }
  }
  return reports.filter((r) => r.zones.length > 0 || r.buddy.length > 0);
}
