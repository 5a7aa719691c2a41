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
import { mib, PAGE_BYTES } from '../format.js';
const PAGE = PAGE_BYTES;

/** Checklist step 1 (zones): free pages against the min/low watermarks, and the CMA trap. */
export const zoneWatermarks = defineRule(stryMutAct_9fa48("173") ? {} : (stryCov_9fa48("173"), {
  meta: stryMutAct_9fa48("174") ? {} : (stryCov_9fa48("174"), {
    id: stryMutAct_9fa48("175") ? "" : (stryCov_9fa48("175"), 'zone-watermarks'),
    title: stryMutAct_9fa48("176") ? "" : (stryCov_9fa48("176"), 'Zone free pages against watermarks'),
    category: stryMutAct_9fa48("177") ? "" : (stryCov_9fa48("177"), 'memory'),
    docs: stryMutAct_9fa48("178") ? {} : (stryCov_9fa48("178"), {
      description: stryMutAct_9fa48("179") ? "" : (stryCov_9fa48("179"), 'Compares each zone\'s free pages with its min and low watermarks in /proc/zoneinfo, and checks how much of the free memory is CMA.'),
      why: stryMutAct_9fa48("180") ? "" : (stryCov_9fa48("180"), 'Below low, kswapd reclaims; below min, every allocation enters direct reclaim (latency spikes). Free memory that is mostly CMA cannot serve unmovable allocations.'),
      seed: stryMutAct_9fa48("181") ? "" : (stryCov_9fa48("181"), 'seed §5 (zones, watermarks), signatures show-mem-zone')
    }),
    requires: stryMutAct_9fa48("182") ? [] : (stryCov_9fa48("182"), [stryMutAct_9fa48("183") ? "" : (stryCov_9fa48("183"), 'zoneinfo')]),
    thresholds: stryMutAct_9fa48("184") ? {} : (stryCov_9fa48("184"), {
      minZoneMiB: 16
    }),
    messages: stryMutAct_9fa48("185") ? {} : (stryCov_9fa48("185"), {
      belowMin: stryMutAct_9fa48("186") ? "" : (stryCov_9fa48("186"), 'Zone {{zone}} (node {{node}}) has {{freeMiB}} MiB free, below its min watermark of {{minMiB}} MiB: allocations stall in direct reclaim.'),
      belowLow: stryMutAct_9fa48("187") ? "" : (stryCov_9fa48("187"), 'Zone {{zone}} (node {{node}}) has {{freeMiB}} MiB free, below its low watermark of {{lowMiB}} MiB: kswapd is reclaiming.'),
      cmaTrap: stryMutAct_9fa48("188") ? "" : (stryCov_9fa48("188"), 'Zone {{zone}}: {{cmaMiB}} of its {{freeMiB}} MiB free is CMA; only {{nonCmaMiB}} MiB is left for unmovable allocations (min {{minMiB}} MiB).')
    }),
    remedy: stryMutAct_9fa48("189") ? [] : (stryCov_9fa48("189"), [stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'Reduce memory use (see memory-pressure) or raise vm.min_free_kbytes so reclaim starts earlier.'), stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), 'When free memory is mostly CMA, non-movable (kernel/driver) allocations starve: shrink CMA to what the workload needs or lower kernel memory use.')]),
    references: stryMutAct_9fa48("192") ? [] : (stryCov_9fa48("192"), [stryMutAct_9fa48("193") ? "" : (stryCov_9fa48("193"), 'Linux kernel documentation: Documentation/admin-guide/sysctl/vm.rst (min_free_kbytes, watermark_scale_factor)')]),
    signatures: stryMutAct_9fa48("194") ? [] : (stryCov_9fa48("194"), [stryMutAct_9fa48("195") ? "" : (stryCov_9fa48("195"), 'show-mem-zone')])
  }),
  check({
    snapshot,
    thresholds,
    report
  }) {
    if (stryMutAct_9fa48("196")) {
      {}
    } else {
      stryCov_9fa48("196");
      const zi = snapshot.zoneinfo!;
      for (const z of zi.zones) {
        if (stryMutAct_9fa48("197")) {
          {}
        } else {
          stryCov_9fa48("197");
          if (stryMutAct_9fa48("200") ? !z.managed && z.managed * PAGE < thresholds.minZoneMiB! * 1024 * 1024 : stryMutAct_9fa48("199") ? false : stryMutAct_9fa48("198") ? true : (stryCov_9fa48("198", "199", "200"), (stryMutAct_9fa48("201") ? z.managed : (stryCov_9fa48("201"), !z.managed)) || (stryMutAct_9fa48("204") ? z.managed * PAGE >= thresholds.minZoneMiB! * 1024 * 1024 : stryMutAct_9fa48("203") ? z.managed * PAGE <= thresholds.minZoneMiB! * 1024 * 1024 : stryMutAct_9fa48("202") ? false : (stryCov_9fa48("202", "203", "204"), (stryMutAct_9fa48("205") ? z.managed / PAGE : (stryCov_9fa48("205"), z.managed * PAGE)) < (stryMutAct_9fa48("206") ? thresholds.minZoneMiB! * 1024 / 1024 : (stryCov_9fa48("206"), (stryMutAct_9fa48("207") ? thresholds.minZoneMiB! / 1024 : (stryCov_9fa48("207"), thresholds.minZoneMiB! * 1024)) * 1024)))))) continue;
          if (stryMutAct_9fa48("210") ? (z.free === undefined || z.min === undefined) && z.low === undefined : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), (stryMutAct_9fa48("212") ? z.free === undefined && z.min === undefined : stryMutAct_9fa48("211") ? false : (stryCov_9fa48("211", "212"), (stryMutAct_9fa48("214") ? z.free !== undefined : stryMutAct_9fa48("213") ? false : (stryCov_9fa48("213", "214"), z.free === undefined)) || (stryMutAct_9fa48("216") ? z.min !== undefined : stryMutAct_9fa48("215") ? false : (stryCov_9fa48("215", "216"), z.min === undefined)))) || (stryMutAct_9fa48("218") ? z.low !== undefined : stryMutAct_9fa48("217") ? false : (stryCov_9fa48("217", "218"), z.low === undefined)))) continue;
          const data = stryMutAct_9fa48("219") ? {} : (stryCov_9fa48("219"), {
            zone: z.zone,
            node: z.node,
            freeMiB: mib(stryMutAct_9fa48("220") ? z.free / PAGE : (stryCov_9fa48("220"), z.free * PAGE)),
            minMiB: mib(stryMutAct_9fa48("221") ? z.min / PAGE : (stryCov_9fa48("221"), z.min * PAGE)),
            lowMiB: mib(stryMutAct_9fa48("222") ? z.low / PAGE : (stryCov_9fa48("222"), z.low * PAGE))
          });
          // The zone's own lines, verbatim (a line whose text was not kept is left out, never re-typed).
          const evidence = stryMutAct_9fa48("223") ? [] : (stryCov_9fa48("223"), [...((stryMutAct_9fa48("226") ? z.text?.header === undefined : stryMutAct_9fa48("225") ? false : stryMutAct_9fa48("224") ? true : (stryCov_9fa48("224", "225", "226"), (stryMutAct_9fa48("227") ? z.text.header : (stryCov_9fa48("227"), z.text?.header)) !== undefined)) ? stryMutAct_9fa48("228") ? [] : (stryCov_9fa48("228"), [stryMutAct_9fa48("229") ? {} : (stryCov_9fa48("229"), {
            file: zi.file,
            line: z.line,
            text: z.text.header
          })]) : stryMutAct_9fa48("230") ? ["Stryker was here"] : (stryCov_9fa48("230"), [])), ...(['pages free', 'min', 'low'] as const).flatMap(stryMutAct_9fa48("231") ? () => undefined : (stryCov_9fa48("231"), k => (stryMutAct_9fa48("234") ? z.lines[k] !== undefined || z.text?.[k] !== undefined : stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233", "234"), (stryMutAct_9fa48("236") ? z.lines[k] === undefined : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236"), z.lines[k] !== undefined)) && (stryMutAct_9fa48("238") ? z.text?.[k] === undefined : stryMutAct_9fa48("237") ? true : (stryCov_9fa48("237", "238"), (stryMutAct_9fa48("239") ? z.text[k] : (stryCov_9fa48("239"), z.text?.[k])) !== undefined)))) ? stryMutAct_9fa48("240") ? [] : (stryCov_9fa48("240"), [stryMutAct_9fa48("241") ? {} : (stryCov_9fa48("241"), {
            file: zi.file,
            line: z.lines[k]!,
            text: z.text[k]!
          })]) : stryMutAct_9fa48("242") ? ["Stryker was here"] : (stryCov_9fa48("242"), [])))]);
          const figures = stryMutAct_9fa48("243") ? [] : (stryCov_9fa48("243"), [stryMutAct_9fa48("244") ? {} : (stryCov_9fa48("244"), {
            label: stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), 'free'),
            value: data.freeMiB,
            unit: stryMutAct_9fa48("246") ? "" : (stryCov_9fa48("246"), 'MiB')
          }), stryMutAct_9fa48("247") ? {} : (stryCov_9fa48("247"), {
            label: stryMutAct_9fa48("248") ? "" : (stryCov_9fa48("248"), 'min watermark'),
            value: data.minMiB,
            unit: stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), 'MiB')
          }), stryMutAct_9fa48("250") ? {} : (stryCov_9fa48("250"), {
            label: stryMutAct_9fa48("251") ? "" : (stryCov_9fa48("251"), 'low watermark'),
            value: data.lowMiB,
            unit: stryMutAct_9fa48("252") ? "" : (stryCov_9fa48("252"), 'MiB')
          })]);
          if (stryMutAct_9fa48("256") ? z.free >= z.min : stryMutAct_9fa48("255") ? z.free <= z.min : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255", "256"), z.free < z.min)) report(stryMutAct_9fa48("257") ? {} : (stryCov_9fa48("257"), {
            messageId: stryMutAct_9fa48("258") ? "" : (stryCov_9fa48("258"), 'belowMin'),
            signatures: stryMutAct_9fa48("259") ? [] : (stryCov_9fa48("259"), [stryMutAct_9fa48("260") ? "" : (stryCov_9fa48("260"), 'show-mem-zone')]),
            severity: stryMutAct_9fa48("261") ? "" : (stryCov_9fa48("261"), 'error'),
            confidence: 0.85,
            data,
            figures,
            evidence,
            tags: stryMutAct_9fa48("262") ? [] : (stryCov_9fa48("262"), [stryMutAct_9fa48("263") ? "" : (stryCov_9fa48("263"), 'memory-pressure')])
          }));else if (stryMutAct_9fa48("267") ? z.free >= z.low : stryMutAct_9fa48("266") ? z.free <= z.low : stryMutAct_9fa48("265") ? false : stryMutAct_9fa48("264") ? true : (stryCov_9fa48("264", "265", "266", "267"), z.free < z.low)) report(stryMutAct_9fa48("268") ? {} : (stryCov_9fa48("268"), {
            messageId: stryMutAct_9fa48("269") ? "" : (stryCov_9fa48("269"), 'belowLow'),
            signatures: stryMutAct_9fa48("270") ? [] : (stryCov_9fa48("270"), [stryMutAct_9fa48("271") ? "" : (stryCov_9fa48("271"), 'show-mem-zone')]),
            severity: stryMutAct_9fa48("272") ? "" : (stryCov_9fa48("272"), 'warning'),
            confidence: 0.75,
            data,
            figures,
            evidence,
            tags: stryMutAct_9fa48("273") ? [] : (stryCov_9fa48("273"), [stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), 'memory-pressure')])
          }));
          const cma = stryMutAct_9fa48("275") ? z.nrFreeCma && 0 : (stryCov_9fa48("275"), z.nrFreeCma ?? 0);
          if (stryMutAct_9fa48("278") ? cma > 0 && z.free >= z.min || z.free - cma < z.min : stryMutAct_9fa48("277") ? false : stryMutAct_9fa48("276") ? true : (stryCov_9fa48("276", "277", "278"), (stryMutAct_9fa48("280") ? cma > 0 || z.free >= z.min : stryMutAct_9fa48("279") ? true : (stryCov_9fa48("279", "280"), (stryMutAct_9fa48("283") ? cma <= 0 : stryMutAct_9fa48("282") ? cma >= 0 : stryMutAct_9fa48("281") ? true : (stryCov_9fa48("281", "282", "283"), cma > 0)) && (stryMutAct_9fa48("286") ? z.free < z.min : stryMutAct_9fa48("285") ? z.free > z.min : stryMutAct_9fa48("284") ? true : (stryCov_9fa48("284", "285", "286"), z.free >= z.min)))) && (stryMutAct_9fa48("289") ? z.free - cma >= z.min : stryMutAct_9fa48("288") ? z.free - cma <= z.min : stryMutAct_9fa48("287") ? true : (stryCov_9fa48("287", "288", "289"), (stryMutAct_9fa48("290") ? z.free + cma : (stryCov_9fa48("290"), z.free - cma)) < z.min)))) {
            if (stryMutAct_9fa48("291")) {
              {}
            } else {
              stryCov_9fa48("291");
              report(stryMutAct_9fa48("292") ? {} : (stryCov_9fa48("292"), {
                messageId: stryMutAct_9fa48("293") ? "" : (stryCov_9fa48("293"), 'cmaTrap'),
                signatures: stryMutAct_9fa48("294") ? [] : (stryCov_9fa48("294"), [stryMutAct_9fa48("295") ? "" : (stryCov_9fa48("295"), 'show-mem-zone')]),
                severity: stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), 'warning'),
                confidence: 0.7,
                data: stryMutAct_9fa48("297") ? {} : (stryCov_9fa48("297"), {
                  ...data,
                  cmaMiB: mib(stryMutAct_9fa48("298") ? cma / PAGE : (stryCov_9fa48("298"), cma * PAGE)),
                  nonCmaMiB: mib(stryMutAct_9fa48("299") ? (z.free - cma) / PAGE : (stryCov_9fa48("299"), (stryMutAct_9fa48("300") ? z.free + cma : (stryCov_9fa48("300"), z.free - cma)) * PAGE))
                }),
                figures: stryMutAct_9fa48("301") ? [] : (stryCov_9fa48("301"), [...figures, stryMutAct_9fa48("302") ? {} : (stryCov_9fa48("302"), {
                  label: stryMutAct_9fa48("303") ? "" : (stryCov_9fa48("303"), 'free CMA'),
                  value: mib(stryMutAct_9fa48("304") ? cma / PAGE : (stryCov_9fa48("304"), cma * PAGE)),
                  unit: stryMutAct_9fa48("305") ? "" : (stryCov_9fa48("305"), 'MiB')
                })]),
                evidence,
                tags: stryMutAct_9fa48("306") ? [] : (stryCov_9fa48("306"), [stryMutAct_9fa48("307") ? "" : (stryCov_9fa48("307"), 'memory-pressure'), stryMutAct_9fa48("308") ? "" : (stryCov_9fa48("308"), 'cma-trap')])
              }));
            }
          }
        }
      }
    }
  }
}));