/** Builds evidence lines from snapshot values (rules never read files). */
// @ts-nocheck

// 
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { DmesgRecord, Meminfo, MeminfoCapture, Snapshot, Tegrastats } from '../snapshot/types.js';
import type { Evidence } from './types.js';

/** The verbatim /proc/meminfo line of `key` in capture `c`, or null when its text was not kept (never re-typed). */
export function meminfoEvidence(m: Meminfo, c: MeminfoCapture, key: string): Evidence | null {
  if (stryMutAct_9fa48("772")) {
    {}
  } else {
    stryCov_9fa48("772");
    const line = c.lines[key];
    const text = stryMutAct_9fa48("773") ? c.text[key] : (stryCov_9fa48("773"), c.text?.[key]);
    if (stryMutAct_9fa48("776") ? line === undefined && text === undefined : stryMutAct_9fa48("775") ? false : stryMutAct_9fa48("774") ? true : (stryCov_9fa48("774", "775", "776"), (stryMutAct_9fa48("778") ? line !== undefined : stryMutAct_9fa48("777") ? false : (stryCov_9fa48("777", "778"), line === undefined)) || (stryMutAct_9fa48("780") ? text !== undefined : stryMutAct_9fa48("779") ? false : (stryCov_9fa48("779", "780"), text === undefined)))) return null;
    return stryMutAct_9fa48("781") ? {} : (stryCov_9fa48("781"), {
      file: m.file,
      line,
      text
    });
  }
}

/** The kernel-log line of record `r`, verbatim (its printed prefix and message). */
export function dmesgEvidence(s: Snapshot, r: DmesgRecord): Evidence {
  if (stryMutAct_9fa48("782")) {
    {}
  } else {
    stryCov_9fa48("782");
    return stryMutAct_9fa48("783") ? {} : (stryCov_9fa48("783"), {
      file: stryMutAct_9fa48("784") ? s.dmesg!.boots[r.boot]?.file && s.dmesg!.file : (stryCov_9fa48("784"), (stryMutAct_9fa48("785") ? s.dmesg!.boots[r.boot].file : (stryCov_9fa48("785"), s.dmesg!.boots[r.boot]?.file)) ?? s.dmesg!.file),
      line: r.line,
      text: stryMutAct_9fa48("786") ? (r.prefix ?? '') - r.message : (stryCov_9fa48("786"), (stryMutAct_9fa48("787") ? r.prefix && '' : (stryCov_9fa48("787"), r.prefix ?? (stryMutAct_9fa48("788") ? "Stryker was here!" : (stryCov_9fa48("788"), '')))) + r.message)
    });
  }
}

/** The verbatim kernel-log line at `file:line` (a show-mem line, say), or null when the log has none there. */
export function dmesgLineEvidence(s: Snapshot, file: string | undefined, line: number): Evidence | null {
  if (stryMutAct_9fa48("789")) {
    {}
  } else {
    stryCov_9fa48("789");
    const d = s.dmesg;
    if (stryMutAct_9fa48("792") ? false : stryMutAct_9fa48("791") ? true : stryMutAct_9fa48("790") ? d : (stryCov_9fa48("790", "791", "792"), !d)) return null;
    const inFile = stryMutAct_9fa48("793") ? () => undefined : (stryCov_9fa48("793"), (() => {
      const inFile = (r: DmesgRecord) => stryMutAct_9fa48("796") ? (d.boots[r.boot]?.file ?? d.file) !== (file ?? d.file) : stryMutAct_9fa48("795") ? false : stryMutAct_9fa48("794") ? true : (stryCov_9fa48("794", "795", "796"), (stryMutAct_9fa48("797") ? d.boots[r.boot]?.file && d.file : (stryCov_9fa48("797"), (stryMutAct_9fa48("798") ? d.boots[r.boot].file : (stryCov_9fa48("798"), d.boots[r.boot]?.file)) ?? d.file)) === (stryMutAct_9fa48("799") ? file && d.file : (stryCov_9fa48("799"), file ?? d.file)));
      return inFile;
    })());
    const r = d.records.find(stryMutAct_9fa48("800") ? () => undefined : (stryCov_9fa48("800"), x => stryMutAct_9fa48("803") ? x.line === line || inFile(x) : stryMutAct_9fa48("802") ? false : stryMutAct_9fa48("801") ? true : (stryCov_9fa48("801", "802", "803"), (stryMutAct_9fa48("805") ? x.line !== line : stryMutAct_9fa48("804") ? true : (stryCov_9fa48("804", "805"), x.line === line)) && inFile(x))));
    return r ? dmesgEvidence(s, r) : null;
  }
}

/**
 * The verbatim line of tegrastats sample `i` (the one holding `field` when the sample wraps
 * over several lines), or null when the parser did not keep that line's text: it keeps only
 * the lines evidence may cite (segment ends and extremes), and a value is never re-typed.
 */
export function tegrastatsEvidence(t: Tegrastats, i: number, field?: string): Evidence | null {
  if (stryMutAct_9fa48("806")) {
    {}
  } else {
    stryCov_9fa48("806");
    if (stryMutAct_9fa48("809") ? i < 0 && i >= t.samples : stryMutAct_9fa48("808") ? false : stryMutAct_9fa48("807") ? true : (stryCov_9fa48("807", "808", "809"), (stryMutAct_9fa48("812") ? i >= 0 : stryMutAct_9fa48("811") ? i <= 0 : stryMutAct_9fa48("810") ? false : (stryCov_9fa48("810", "811", "812"), i < 0)) || (stryMutAct_9fa48("815") ? i < t.samples : stryMutAct_9fa48("814") ? i > t.samples : stryMutAct_9fa48("813") ? false : (stryCov_9fa48("813", "814", "815"), i >= t.samples)))) return null;
    const first = t.line[i]!;
    const end = (stryMutAct_9fa48("819") ? i + 1 >= t.samples : stryMutAct_9fa48("818") ? i + 1 <= t.samples : stryMutAct_9fa48("817") ? false : stryMutAct_9fa48("816") ? true : (stryCov_9fa48("816", "817", "818", "819"), (stryMutAct_9fa48("820") ? i - 1 : (stryCov_9fa48("820"), i + 1)) < t.samples)) ? t.line[stryMutAct_9fa48("821") ? i - 1 : (stryCov_9fa48("821"), i + 1)]! : stryMutAct_9fa48("822") ? first - 8 : (stryCov_9fa48("822"), first + 8);
    for (let l = first; stryMutAct_9fa48("825") ? l >= end : stryMutAct_9fa48("824") ? l <= end : stryMutAct_9fa48("823") ? false : (stryCov_9fa48("823", "824", "825"), l < end); stryMutAct_9fa48("826") ? l-- : (stryCov_9fa48("826"), l++)) {
      if (stryMutAct_9fa48("827")) {
        {}
      } else {
        stryCov_9fa48("827");
        const text = stryMutAct_9fa48("828") ? t.quoted[l] : (stryCov_9fa48("828"), t.quoted?.[l]);
        if (stryMutAct_9fa48("831") ? text !== undefined || field === undefined || text.includes(field) : stryMutAct_9fa48("830") ? false : stryMutAct_9fa48("829") ? true : (stryCov_9fa48("829", "830", "831"), (stryMutAct_9fa48("833") ? text === undefined : stryMutAct_9fa48("832") ? true : (stryCov_9fa48("832", "833"), text !== undefined)) && (stryMutAct_9fa48("835") ? field === undefined && text.includes(field) : stryMutAct_9fa48("834") ? true : (stryCov_9fa48("834", "835"), (stryMutAct_9fa48("837") ? field !== undefined : stryMutAct_9fa48("836") ? false : (stryCov_9fa48("836", "837"), field === undefined)) || text.includes(field))))) return stryMutAct_9fa48("838") ? {} : (stryCov_9fa48("838"), {
          file: t.file,
          line: l,
          text
        });
      }
    }
    return null;
  }
}
export function compact<T>(xs: (T | null | undefined)[]): T[] {
  if (stryMutAct_9fa48("839")) {
    {}
  } else {
    stryCov_9fa48("839");
    return stryMutAct_9fa48("840") ? xs : (stryCov_9fa48("840"), xs.filter(stryMutAct_9fa48("841") ? () => undefined : (stryCov_9fa48("841"), (x): x is T => stryMutAct_9fa48("844") ? x !== null || x !== undefined : stryMutAct_9fa48("843") ? false : stryMutAct_9fa48("842") ? true : (stryCov_9fa48("842", "843", "844"), (stryMutAct_9fa48("846") ? x === null : stryMutAct_9fa48("845") ? true : (stryCov_9fa48("845", "846"), x !== null)) && (stryMutAct_9fa48("848") ? x === undefined : stryMutAct_9fa48("847") ? true : (stryCov_9fa48("847", "848"), x !== undefined))))));
  }
}