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
import { defineRule } from '../define.js';
import { compact, meminfoEvidence } from '../evidence.js';
import { mib, pct } from '../format.js';

/** Checklist step 1: MemAvailable against MemTotal, swap in use, MemTotal against the board. */
export const memoryPressure = defineRule(stryMutAct_9fa48("0") ? {} : (stryCov_9fa48("0"), {
  meta: stryMutAct_9fa48("1") ? {} : (stryCov_9fa48("1"), {
    id: stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), 'memory-pressure'),
    title: stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), 'Memory pressure'),
    category: stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), 'memory'),
    docs: stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
      description: stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), 'Compares MemAvailable with MemTotal in the last /proc/meminfo capture and reports swap in use.'),
      why: stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), 'CPU, GPU, camera and codecs share one DRAM pool on Jetson; when MemAvailable is low every allocator suffers and the OOM killer is next.'),
      seed: stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'seed §20 step 1 (Check Overall Memory), §21 OOM Killer on Jetson; signatures meminfo-memavailable-low')
    }),
    requires: stryMutAct_9fa48("9") ? [] : (stryCov_9fa48("9"), [stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), 'meminfo')]),
    thresholds: stryMutAct_9fa48("11") ? {} : (stryCov_9fa48("11"), {
      availablePctCritical: 5,
      availablePctWarning: 10,
      swapUsedPctWarning: 50
    }),
    messages: stryMutAct_9fa48("12") ? {} : (stryCov_9fa48("12"), {
      critical: stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'Only {{availMiB}} MiB ({{availPct}}%) of {{totalMiB}} MiB is available: the system is under severe memory pressure.'),
      warning: stryMutAct_9fa48("14") ? "" : (stryCov_9fa48("14"), 'MemAvailable is {{availMiB}} MiB ({{availPct}}% of {{totalMiB}} MiB): memory is getting tight.'),
      swap: stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), 'Swap is {{swapPct}}% used ({{swapUsedMiB}} of {{swapTotalMiB}} MiB): the working set no longer fits in RAM.')
    }),
    remedy: stryMutAct_9fa48("16") ? [] : (stryCov_9fa48("16"), [stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), 'Budget CPU + GPU + camera memory together: all come from the same DRAM.'), stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'Reduce model size (INT8/INT4 quantisation), batch size or camera buffer count.'), stryMutAct_9fa48("19") ? "" : (stryCov_9fa48("19"), 'Stop the desktop GUI on headless deployments (sudo systemctl set-default multi-user.target).'), stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), 'Add zram or a swap file as a cushion, and cap per-process memory (systemd MemoryMax=).')]),
    references: stryMutAct_9fa48("21") ? [] : (stryCov_9fa48("21"), [stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'Linux kernel documentation: Documentation/filesystems/proc.rst, /proc/meminfo (MemAvailable)')]),
    signatures: stryMutAct_9fa48("23") ? [] : (stryCov_9fa48("23"), [stryMutAct_9fa48("24") ? "" : (stryCov_9fa48("24"), 'meminfo-memavailable-low')])
  }),
  check({
    snapshot,
    thresholds,
    report
  }) {
    if (stryMutAct_9fa48("25")) {
      {}
    } else {
      stryCov_9fa48("25");
      const m = snapshot.meminfo!;
      const c = m.captures[stryMutAct_9fa48("26") ? m.captures.length + 1 : (stryCov_9fa48("26"), m.captures.length - 1)]!;
      const total = c.values.MemTotal;
      const avail = stryMutAct_9fa48("27") ? c.values.MemAvailable && (c.values.MemFree !== undefined ? c.values.MemFree + (c.values.Cached ?? 0) + (c.values.Buffers ?? 0) : undefined) : (stryCov_9fa48("27"), c.values.MemAvailable ?? ((stryMutAct_9fa48("30") ? c.values.MemFree === undefined : stryMutAct_9fa48("29") ? false : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29", "30"), c.values.MemFree !== undefined)) ? stryMutAct_9fa48("31") ? c.values.MemFree + (c.values.Cached ?? 0) - (c.values.Buffers ?? 0) : (stryCov_9fa48("31"), (stryMutAct_9fa48("32") ? c.values.MemFree - (c.values.Cached ?? 0) : (stryCov_9fa48("32"), c.values.MemFree + (stryMutAct_9fa48("33") ? c.values.Cached && 0 : (stryCov_9fa48("33"), c.values.Cached ?? 0)))) + (stryMutAct_9fa48("34") ? c.values.Buffers && 0 : (stryCov_9fa48("34"), c.values.Buffers ?? 0))) : undefined));
      if (stryMutAct_9fa48("37") ? total || avail !== undefined : stryMutAct_9fa48("36") ? false : stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35", "36", "37"), total && (stryMutAct_9fa48("39") ? avail === undefined : stryMutAct_9fa48("38") ? true : (stryCov_9fa48("38", "39"), avail !== undefined)))) {
        if (stryMutAct_9fa48("40")) {
          {}
        } else {
          stryCov_9fa48("40");
          const availPct = pct(avail, total);
          const sev = (stryMutAct_9fa48("44") ? availPct >= thresholds.availablePctCritical! : stryMutAct_9fa48("43") ? availPct <= thresholds.availablePctCritical! : stryMutAct_9fa48("42") ? false : stryMutAct_9fa48("41") ? true : (stryCov_9fa48("41", "42", "43", "44"), availPct < thresholds.availablePctCritical!)) ? stryMutAct_9fa48("45") ? "" : (stryCov_9fa48("45"), 'critical') : (stryMutAct_9fa48("49") ? availPct >= thresholds.availablePctWarning! : stryMutAct_9fa48("48") ? availPct <= thresholds.availablePctWarning! : stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47", "48", "49"), availPct < thresholds.availablePctWarning!)) ? stryMutAct_9fa48("50") ? "" : (stryCov_9fa48("50"), 'warning') : null;
          if (stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51", "52"), sev)) {
            if (stryMutAct_9fa48("53")) {
              {}
            } else {
              stryCov_9fa48("53");
              report(stryMutAct_9fa48("54") ? {} : (stryCov_9fa48("54"), {
                messageId: sev,
                signatures: stryMutAct_9fa48("55") ? [] : (stryCov_9fa48("55"), [stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'meminfo-memavailable-low')]),
                severity: sev,
                confidence: (stryMutAct_9fa48("59") ? c.values.MemAvailable === undefined : stryMutAct_9fa48("58") ? false : stryMutAct_9fa48("57") ? true : (stryCov_9fa48("57", "58", "59"), c.values.MemAvailable !== undefined)) ? 0.9 : 0.6,
                data: stryMutAct_9fa48("60") ? {} : (stryCov_9fa48("60"), {
                  availMiB: mib(avail),
                  availPct,
                  totalMiB: mib(total)
                }),
                figures: stryMutAct_9fa48("61") ? [] : (stryCov_9fa48("61"), [stryMutAct_9fa48("62") ? {} : (stryCov_9fa48("62"), {
                  label: stryMutAct_9fa48("63") ? "" : (stryCov_9fa48("63"), 'MemAvailable'),
                  value: mib(avail),
                  unit: stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'MiB')
                }), stryMutAct_9fa48("65") ? {} : (stryCov_9fa48("65"), {
                  label: stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'MemTotal'),
                  value: mib(total),
                  unit: stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'MiB')
                }), stryMutAct_9fa48("68") ? {} : (stryCov_9fa48("68"), {
                  label: stryMutAct_9fa48("69") ? "" : (stryCov_9fa48("69"), 'available'),
                  value: availPct,
                  unit: stryMutAct_9fa48("70") ? "" : (stryCov_9fa48("70"), '%')
                })]),
                evidence: compact(stryMutAct_9fa48("71") ? [] : (stryCov_9fa48("71"), [meminfoEvidence(m, c, stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), 'MemAvailable')), meminfoEvidence(m, c, stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), 'MemTotal')), meminfoEvidence(m, c, stryMutAct_9fa48("74") ? "" : (stryCov_9fa48("74"), 'MemFree'))])),
                tags: stryMutAct_9fa48("75") ? [] : (stryCov_9fa48("75"), [stryMutAct_9fa48("76") ? "" : (stryCov_9fa48("76"), 'memory-pressure')])
              }));
            }
          }
        }
      }
      const swapTotal = c.values.SwapTotal;
      const swapFree = c.values.SwapFree;
      if (stryMutAct_9fa48("79") ? swapTotal || swapFree !== undefined : stryMutAct_9fa48("78") ? false : stryMutAct_9fa48("77") ? true : (stryCov_9fa48("77", "78", "79"), swapTotal && (stryMutAct_9fa48("81") ? swapFree === undefined : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81"), swapFree !== undefined)))) {
        if (stryMutAct_9fa48("82")) {
          {}
        } else {
          stryCov_9fa48("82");
          const used = stryMutAct_9fa48("83") ? swapTotal + swapFree : (stryCov_9fa48("83"), swapTotal - swapFree);
          const swapPct = pct(used, swapTotal);
          if (stryMutAct_9fa48("87") ? swapPct < thresholds.swapUsedPctWarning! : stryMutAct_9fa48("86") ? swapPct > thresholds.swapUsedPctWarning! : stryMutAct_9fa48("85") ? false : stryMutAct_9fa48("84") ? true : (stryCov_9fa48("84", "85", "86", "87"), swapPct >= thresholds.swapUsedPctWarning!)) {
            if (stryMutAct_9fa48("88")) {
              {}
            } else {
              stryCov_9fa48("88");
              report(stryMutAct_9fa48("89") ? {} : (stryCov_9fa48("89"), {
                messageId: stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'swap'),
                signatures: stryMutAct_9fa48("91") ? [] : (stryCov_9fa48("91"), [stryMutAct_9fa48("92") ? "" : (stryCov_9fa48("92"), 'meminfo-memavailable-low')]),
                severity: stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), 'warning'),
                confidence: 0.7,
                data: stryMutAct_9fa48("94") ? {} : (stryCov_9fa48("94"), {
                  swapPct,
                  swapUsedMiB: mib(used),
                  swapTotalMiB: mib(swapTotal)
                }),
                figures: stryMutAct_9fa48("95") ? [] : (stryCov_9fa48("95"), [stryMutAct_9fa48("96") ? {} : (stryCov_9fa48("96"), {
                  label: stryMutAct_9fa48("97") ? "" : (stryCov_9fa48("97"), 'swap used'),
                  value: mib(used),
                  unit: stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), 'MiB')
                })]),
                evidence: compact(stryMutAct_9fa48("99") ? [] : (stryCov_9fa48("99"), [meminfoEvidence(m, c, stryMutAct_9fa48("100") ? "" : (stryCov_9fa48("100"), 'SwapTotal')), meminfoEvidence(m, c, stryMutAct_9fa48("101") ? "" : (stryCov_9fa48("101"), 'SwapFree'))])),
                tags: stryMutAct_9fa48("102") ? [] : (stryCov_9fa48("102"), [stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), 'memory-pressure')])
              }));
            }
          }
        }
      }
    }
  }
}));