/** Small numeric helpers for time series in the snapshot (NaN = missing sample). */
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
export interface LinearFit {
  slope: number;
  intercept: number;
  r2: number;
  n: number;
}

/** Least-squares line through the finite (x, y) pairs. */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit | null {
  if (stryMutAct_9fa48("849")) {
    {}
  } else {
    stryCov_9fa48("849");
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (let i = 0; stryMutAct_9fa48("852") ? i >= x.length : stryMutAct_9fa48("851") ? i <= x.length : stryMutAct_9fa48("850") ? false : (stryCov_9fa48("850", "851", "852"), i < x.length); stryMutAct_9fa48("853") ? i-- : (stryCov_9fa48("853"), i++)) {
      if (stryMutAct_9fa48("854")) {
        {}
      } else {
        stryCov_9fa48("854");
        const a = x[i]!;
        const b = y[i]!;
        if (stryMutAct_9fa48("857") ? !Number.isFinite(a) && !Number.isFinite(b) : stryMutAct_9fa48("856") ? false : stryMutAct_9fa48("855") ? true : (stryCov_9fa48("855", "856", "857"), (stryMutAct_9fa48("858") ? Number.isFinite(a) : (stryCov_9fa48("858"), !Number.isFinite(a))) || (stryMutAct_9fa48("859") ? Number.isFinite(b) : (stryCov_9fa48("859"), !Number.isFinite(b))))) continue;
        stryMutAct_9fa48("860") ? n-- : (stryCov_9fa48("860"), n++);
        stryMutAct_9fa48("861") ? sx -= a : (stryCov_9fa48("861"), sx += a);
        stryMutAct_9fa48("862") ? sy -= b : (stryCov_9fa48("862"), sy += b);
      }
    }
    if (stryMutAct_9fa48("866") ? n >= 3 : stryMutAct_9fa48("865") ? n <= 3 : stryMutAct_9fa48("864") ? false : stryMutAct_9fa48("863") ? true : (stryCov_9fa48("863", "864", "865", "866"), n < 3)) return null;
    const mx = stryMutAct_9fa48("867") ? sx * n : (stryCov_9fa48("867"), sx / n);
    const my = stryMutAct_9fa48("868") ? sy * n : (stryCov_9fa48("868"), sy / n);
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; stryMutAct_9fa48("871") ? i >= x.length : stryMutAct_9fa48("870") ? i <= x.length : stryMutAct_9fa48("869") ? false : (stryCov_9fa48("869", "870", "871"), i < x.length); stryMutAct_9fa48("872") ? i-- : (stryCov_9fa48("872"), i++)) {
      if (stryMutAct_9fa48("873")) {
        {}
      } else {
        stryCov_9fa48("873");
        const a = x[i]!;
        const b = y[i]!;
        if (stryMutAct_9fa48("876") ? !Number.isFinite(a) && !Number.isFinite(b) : stryMutAct_9fa48("875") ? false : stryMutAct_9fa48("874") ? true : (stryCov_9fa48("874", "875", "876"), (stryMutAct_9fa48("877") ? Number.isFinite(a) : (stryCov_9fa48("877"), !Number.isFinite(a))) || (stryMutAct_9fa48("878") ? Number.isFinite(b) : (stryCov_9fa48("878"), !Number.isFinite(b))))) continue;
        stryMutAct_9fa48("879") ? sxx -= (a - mx) ** 2 : (stryCov_9fa48("879"), sxx += (stryMutAct_9fa48("880") ? a + mx : (stryCov_9fa48("880"), a - mx)) ** 2);
        stryMutAct_9fa48("881") ? sxy -= (a - mx) * (b - my) : (stryCov_9fa48("881"), sxy += stryMutAct_9fa48("882") ? (a - mx) / (b - my) : (stryCov_9fa48("882"), (stryMutAct_9fa48("883") ? a + mx : (stryCov_9fa48("883"), a - mx)) * (stryMutAct_9fa48("884") ? b + my : (stryCov_9fa48("884"), b - my))));
        stryMutAct_9fa48("885") ? syy -= (b - my) ** 2 : (stryCov_9fa48("885"), syy += (stryMutAct_9fa48("886") ? b + my : (stryCov_9fa48("886"), b - my)) ** 2);
      }
    }
    if (stryMutAct_9fa48("889") ? sxx !== 0 : stryMutAct_9fa48("888") ? false : stryMutAct_9fa48("887") ? true : (stryCov_9fa48("887", "888", "889"), sxx === 0)) return null;
    const slope = stryMutAct_9fa48("890") ? sxy * sxx : (stryCov_9fa48("890"), sxy / sxx);
    const r2 = (stryMutAct_9fa48("893") ? syy !== 0 : stryMutAct_9fa48("892") ? false : stryMutAct_9fa48("891") ? true : (stryCov_9fa48("891", "892", "893"), syy === 0)) ? 1 : stryMutAct_9fa48("894") ? sxy * sxy * (sxx * syy) : (stryCov_9fa48("894"), (stryMutAct_9fa48("895") ? sxy / sxy : (stryCov_9fa48("895"), sxy * sxy)) / (stryMutAct_9fa48("896") ? sxx / syy : (stryCov_9fa48("896"), sxx * syy)));
    return stryMutAct_9fa48("897") ? {} : (stryCov_9fa48("897"), {
      slope,
      intercept: stryMutAct_9fa48("898") ? my + slope * mx : (stryCov_9fa48("898"), my - (stryMutAct_9fa48("899") ? slope / mx : (stryCov_9fa48("899"), slope * mx))),
      r2,
      n
    });
  }
}
export function finite(col: ArrayLike<number>): number[] {
  if (stryMutAct_9fa48("900")) {
    {}
  } else {
    stryCov_9fa48("900");
    const out: number[] = stryMutAct_9fa48("901") ? ["Stryker was here"] : (stryCov_9fa48("901"), []);
    for (let i = 0; stryMutAct_9fa48("904") ? i >= col.length : stryMutAct_9fa48("903") ? i <= col.length : stryMutAct_9fa48("902") ? false : (stryCov_9fa48("902", "903", "904"), i < col.length); stryMutAct_9fa48("905") ? i-- : (stryCov_9fa48("905"), i++)) if (stryMutAct_9fa48("907") ? false : stryMutAct_9fa48("906") ? true : (stryCov_9fa48("906", "907"), Number.isFinite(col[i]!))) out.push(col[i]!);
    return out;
  }
}
export function maxIndex(col: ArrayLike<number>): number {
  if (stryMutAct_9fa48("908")) {
    {}
  } else {
    stryCov_9fa48("908");
    let best = stryMutAct_9fa48("909") ? +1 : (stryCov_9fa48("909"), -1);
    for (let i = 0; stryMutAct_9fa48("912") ? i >= col.length : stryMutAct_9fa48("911") ? i <= col.length : stryMutAct_9fa48("910") ? false : (stryCov_9fa48("910", "911", "912"), i < col.length); stryMutAct_9fa48("913") ? i-- : (stryCov_9fa48("913"), i++)) if (stryMutAct_9fa48("916") ? Number.isFinite(col[i]!) || best < 0 || col[i]! > col[best]! : stryMutAct_9fa48("915") ? false : stryMutAct_9fa48("914") ? true : (stryCov_9fa48("914", "915", "916"), Number.isFinite(col[i]!) && (stryMutAct_9fa48("918") ? best < 0 && col[i]! > col[best]! : stryMutAct_9fa48("917") ? true : (stryCov_9fa48("917", "918"), (stryMutAct_9fa48("921") ? best >= 0 : stryMutAct_9fa48("920") ? best <= 0 : stryMutAct_9fa48("919") ? false : (stryCov_9fa48("919", "920", "921"), best < 0)) || (stryMutAct_9fa48("924") ? col[i]! <= col[best]! : stryMutAct_9fa48("923") ? col[i]! >= col[best]! : stryMutAct_9fa48("922") ? false : (stryCov_9fa48("922", "923", "924"), col[i]! > col[best]!)))))) best = i;
    return best;
  }
}
export function median(xs: number[]): number {
  if (stryMutAct_9fa48("925")) {
    {}
  } else {
    stryCov_9fa48("925");
    if (stryMutAct_9fa48("928") ? false : stryMutAct_9fa48("927") ? true : stryMutAct_9fa48("926") ? xs.length : (stryCov_9fa48("926", "927", "928"), !xs.length)) return NaN;
    const s = stryMutAct_9fa48("929") ? [...xs] : (stryCov_9fa48("929"), (stryMutAct_9fa48("930") ? [] : (stryCov_9fa48("930"), [...xs])).sort(stryMutAct_9fa48("931") ? () => undefined : (stryCov_9fa48("931"), (a, b) => stryMutAct_9fa48("932") ? a + b : (stryCov_9fa48("932"), a - b))));
    const m = s.length >> 1;
    return (stryMutAct_9fa48("933") ? s.length * 2 : (stryCov_9fa48("933"), s.length % 2)) ? s[m]! : stryMutAct_9fa48("934") ? (s[m - 1]! + s[m]!) * 2 : (stryCov_9fa48("934"), (stryMutAct_9fa48("935") ? s[m - 1]! - s[m]! : (stryCov_9fa48("935"), s[stryMutAct_9fa48("936") ? m + 1 : (stryCov_9fa48("936"), m - 1)]! + s[m]!)) / 2);
  }
}

/** Longest run of consecutive samples for which `pred` holds: [start, end] inclusive, or null. */
export function longestRun(n: number, pred: (i: number) => boolean): [number, number] | null {
  if (stryMutAct_9fa48("937")) {
    {}
  } else {
    stryCov_9fa48("937");
    let best: [number, number] | null = null;
    let start = stryMutAct_9fa48("938") ? +1 : (stryCov_9fa48("938"), -1);
    for (let i = 0; stryMutAct_9fa48("941") ? i > n : stryMutAct_9fa48("940") ? i < n : stryMutAct_9fa48("939") ? false : (stryCov_9fa48("939", "940", "941"), i <= n); stryMutAct_9fa48("942") ? i-- : (stryCov_9fa48("942"), i++)) {
      if (stryMutAct_9fa48("943")) {
        {}
      } else {
        stryCov_9fa48("943");
        if (stryMutAct_9fa48("946") ? i < n || pred(i) : stryMutAct_9fa48("945") ? false : stryMutAct_9fa48("944") ? true : (stryCov_9fa48("944", "945", "946"), (stryMutAct_9fa48("949") ? i >= n : stryMutAct_9fa48("948") ? i <= n : stryMutAct_9fa48("947") ? true : (stryCov_9fa48("947", "948", "949"), i < n)) && pred(i))) {
          if (stryMutAct_9fa48("950")) {
            {}
          } else {
            stryCov_9fa48("950");
            if (stryMutAct_9fa48("954") ? start >= 0 : stryMutAct_9fa48("953") ? start <= 0 : stryMutAct_9fa48("952") ? false : stryMutAct_9fa48("951") ? true : (stryCov_9fa48("951", "952", "953", "954"), start < 0)) start = i;
          }
        } else if (stryMutAct_9fa48("958") ? start < 0 : stryMutAct_9fa48("957") ? start > 0 : stryMutAct_9fa48("956") ? false : stryMutAct_9fa48("955") ? true : (stryCov_9fa48("955", "956", "957", "958"), start >= 0)) {
          if (stryMutAct_9fa48("959")) {
            {}
          } else {
            stryCov_9fa48("959");
            if (stryMutAct_9fa48("962") ? !best && i - 1 - start > best[1] - best[0] : stryMutAct_9fa48("961") ? false : stryMutAct_9fa48("960") ? true : (stryCov_9fa48("960", "961", "962"), (stryMutAct_9fa48("963") ? best : (stryCov_9fa48("963"), !best)) || (stryMutAct_9fa48("966") ? i - 1 - start <= best[1] - best[0] : stryMutAct_9fa48("965") ? i - 1 - start >= best[1] - best[0] : stryMutAct_9fa48("964") ? false : (stryCov_9fa48("964", "965", "966"), (stryMutAct_9fa48("967") ? i - 1 + start : (stryCov_9fa48("967"), (stryMutAct_9fa48("968") ? i + 1 : (stryCov_9fa48("968"), i - 1)) - start)) > (stryMutAct_9fa48("969") ? best[1] + best[0] : (stryCov_9fa48("969"), best[1] - best[0])))))) best = stryMutAct_9fa48("970") ? [] : (stryCov_9fa48("970"), [start, stryMutAct_9fa48("971") ? i + 1 : (stryCov_9fa48("971"), i - 1)]);
            start = stryMutAct_9fa48("972") ? +1 : (stryCov_9fa48("972"), -1);
          }
        }
      }
    }
    return best;
  }
}
export const round = stryMutAct_9fa48("973") ? () => undefined : (stryCov_9fa48("973"), (() => {
  const round = (v: number, digits = 1) => stryMutAct_9fa48("974") ? Math.round(v * 10 ** digits) * 10 ** digits : (stryCov_9fa48("974"), Math.round(stryMutAct_9fa48("975") ? v / 10 ** digits : (stryCov_9fa48("975"), v * 10 ** digits)) / 10 ** digits);
  return round;
})());
export function formatDuration(seconds: number): string {
  if (stryMutAct_9fa48("976")) {
    {}
  } else {
    stryCov_9fa48("976");
    if (stryMutAct_9fa48("979") ? false : stryMutAct_9fa48("978") ? true : stryMutAct_9fa48("977") ? Number.isFinite(seconds) : (stryCov_9fa48("977", "978", "979"), !Number.isFinite(seconds))) return stryMutAct_9fa48("980") ? "" : (stryCov_9fa48("980"), 'unknown');
    if (stryMutAct_9fa48("984") ? seconds >= 120 : stryMutAct_9fa48("983") ? seconds <= 120 : stryMutAct_9fa48("982") ? false : stryMutAct_9fa48("981") ? true : (stryCov_9fa48("981", "982", "983", "984"), seconds < 120)) return stryMutAct_9fa48("985") ? `` : (stryCov_9fa48("985"), `${Math.round(seconds)} s`);
    if (stryMutAct_9fa48("989") ? seconds >= 7200 : stryMutAct_9fa48("988") ? seconds <= 7200 : stryMutAct_9fa48("987") ? false : stryMutAct_9fa48("986") ? true : (stryCov_9fa48("986", "987", "988", "989"), seconds < 7200)) return stryMutAct_9fa48("990") ? `` : (stryCov_9fa48("990"), `${round(stryMutAct_9fa48("991") ? seconds * 60 : (stryCov_9fa48("991"), seconds / 60))} min`);
    if (stryMutAct_9fa48("995") ? seconds >= 172800 : stryMutAct_9fa48("994") ? seconds <= 172800 : stryMutAct_9fa48("993") ? false : stryMutAct_9fa48("992") ? true : (stryCov_9fa48("992", "993", "994", "995"), seconds < 172800)) return stryMutAct_9fa48("996") ? `` : (stryCov_9fa48("996"), `${round(stryMutAct_9fa48("997") ? seconds * 3600 : (stryCov_9fa48("997"), seconds / 3600))} h`);
    return stryMutAct_9fa48("998") ? `` : (stryCov_9fa48("998"), `${round(stryMutAct_9fa48("999") ? seconds * 86400 : (stryCov_9fa48("999"), seconds / 86400))} days`);
  }
}