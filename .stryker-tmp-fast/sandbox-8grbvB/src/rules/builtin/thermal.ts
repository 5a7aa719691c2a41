// @ts-nocheck
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
import type { Evidence } from '../types.js';
import type { Tag } from '../tags.js';
import type { Snapshot, ThermalZoneReading } from '../../snapshot/types.js';
import { compact, tegrastatsEvidence } from '../evidence.js';
import { hitEvidence } from '../signatures/pack-rule.js';
import { finite, formatDuration, maxIndex, median } from '../stats.js';
import type { SignatureHit } from '../signatures/match.js';
import { clockTime, kernelTimeline } from '../timeline.js';
interface Trip {
  throttleC: number;
  shutdownC: number;
  source: string;
}

/** Checklist step 6: throttling inferred from tegrastats against the board's trip points. */
export const thermal = defineRule(stryMutAct_9fa48("0") ? {} : (stryCov_9fa48("0"), {
  meta: stryMutAct_9fa48("1") ? {} : (stryCov_9fa48("1"), {
    id: stryMutAct_9fa48("2") ? "" : (stryCov_9fa48("2"), 'thermal'),
    title: stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), 'Thermal throttling and shutdown'),
    category: stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), 'thermal'),
    docs: stryMutAct_9fa48("5") ? {} : (stryCov_9fa48("5"), {
      description: stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), 'Compares tegrastats temperatures (or the thermal_zone*/temp readings) with the trip points of the board (boot-log soctherm lines first, else the SoC table: Orin 99.0/104.5 C, AGX Xavier CPU 90/95.5 C, Nano CPU 100.5/102.5 C), checks whether CPU/GPU clocks fell while hot and busy, and reports critical-shutdown lines.'),
      why: stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), 'Jetson throttling is done by hardware/BPMP and prints nothing: inference slows and buffers queue up with no log line, so it must be inferred from temperatures and clocks.'),
      seed: stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'seed §20 step 6, §21 Thermal Throttling Causing Latency Spikes; jetson-reference §4; signatures tegrastats-temps-clocks, soctherm-trip-config, thermal-critical-shutdown')
    }),
    requires: stryMutAct_9fa48("9") ? ["Stryker was here"] : (stryCov_9fa48("9"), []),
    requiresAny: stryMutAct_9fa48("10") ? [] : (stryCov_9fa48("10"), [stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), 'tegrastats'), stryMutAct_9fa48("12") ? "" : (stryCov_9fa48("12"), 'dmesg'), stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'identity')]),
    unavailable: stryMutAct_9fa48("14") ? () => undefined : (stryCov_9fa48("14"), s => (stryMutAct_9fa48("17") ? (s.tegrastats?.samples || s.dmesg?.records.length) && s.identity?.thermalZones?.length : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), (stryMutAct_9fa48("19") ? s.tegrastats?.samples && s.dmesg?.records.length : stryMutAct_9fa48("18") ? false : (stryCov_9fa48("18", "19"), (stryMutAct_9fa48("20") ? s.tegrastats.samples : (stryCov_9fa48("20"), s.tegrastats?.samples)) || (stryMutAct_9fa48("21") ? s.dmesg.records.length : (stryCov_9fa48("21"), s.dmesg?.records.length)))) || (stryMutAct_9fa48("23") ? s.identity.thermalZones?.length : stryMutAct_9fa48("22") ? s.identity?.thermalZones.length : (stryCov_9fa48("22", "23"), s.identity?.thermalZones?.length)))) ? null : stryMutAct_9fa48("24") ? "" : (stryCov_9fa48("24"), 'tegrastats log, kernel log (dmesg) or thermal zone readings (/sys/class/thermal/thermal_zone*/temp)')),
    uses: stryMutAct_9fa48("25") ? [] : (stryCov_9fa48("25"), [stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'identity'), stryMutAct_9fa48("27") ? "" : (stryCov_9fa48("27"), 'thermalTrips')]),
    thresholds: stryMutAct_9fa48("28") ? {} : (stryCov_9fa48("28"), {
      marginC: 3,
      throttleMarginC: 2,
      clockDropPct: 5,
      sameLoadPct: 5
    }),
    messages: stryMutAct_9fa48("29") ? {} : (stryCov_9fa48("29"), {
      overTrip: stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), '{{sensor}} reached {{maxC}} °C, at or above its {{tripC}} °C throttle trip ({{source}}): the SoC was throttling{{clocks}}.'),
      nearTrip: stryMutAct_9fa48("31") ? "" : (stryCov_9fa48("31"), '{{sensor}} reached {{maxC}} °C, within {{marginC}} °C of its {{tripC}} °C throttle trip ({{source}}){{clocks}}.'),
      atTrip: stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), '{{sensor}} reached {{maxC}} °C, within {{marginC}} °C of its {{tripC}} °C throttle trip ({{source}}), and {{why}}: the SoC was throttling.'),
      overShutdown: stryMutAct_9fa48("33") ? "" : (stryCov_9fa48("33"), '{{sensor}} reached {{maxC}} °C, at or above the {{tripC}} °C shutdown trip ({{source}}).'),
      shutdown: stryMutAct_9fa48("34") ? "" : (stryCov_9fa48("34"), 'The kernel shut the device down for temperature ({{zone}}{{temp}}).'),
      tripsUnknown: stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), 'Trip points for this board are not known (no boot-log trip lines, SoC {{soc}}); hottest sensor {{sensor}} at {{maxC}} °C.')
    }),
    remedy: stryMutAct_9fa48("36") ? [] : (stryCov_9fa48("36"), [stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), 'Add active cooling (fan, heatsink) and check ambient temperature and enclosure ventilation.'), stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), 'Use nvpmodel to choose an appropriate power mode; reduce workload or duty cycle.'), stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), 'Verify the fan profile (nvfancontrol) runs and the fan spins.')]),
    references: stryMutAct_9fa48("40") ? [] : (stryCov_9fa48("40"), [stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), 'NVIDIA Jetson Linux Developer Guide: Platform Power and Performance, Thermal Management'), stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), 'Linux kernel documentation: Documentation/driver-api/thermal/sysfs-api.rst')]),
    signatures: stryMutAct_9fa48("43") ? [] : (stryCov_9fa48("43"), [stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), 'tegrastats-temps-clocks'), stryMutAct_9fa48("45") ? "" : (stryCov_9fa48("45"), 'soctherm-trip-config'), stryMutAct_9fa48("46") ? "" : (stryCov_9fa48("46"), 'thermal-critical-shutdown')])
  }),
  check({
    snapshot,
    device,
    thresholds,
    signatures,
    report
  }) {
    if (stryMutAct_9fa48("47")) {
      {}
    } else {
      stryCov_9fa48("47");
      const dfile = stryMutAct_9fa48("48") ? snapshot.dmesg?.file && '' : (stryCov_9fa48("48"), (stryMutAct_9fa48("49") ? snapshot.dmesg.file : (stryCov_9fa48("49"), snapshot.dmesg?.file)) ?? (stryMutAct_9fa48("50") ? "Stryker was here!" : (stryCov_9fa48("50"), '')));
      for (const h of signatures.events(stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), 'thermal-critical-shutdown'))) {
        if (stryMutAct_9fa48("52")) {
          {}
        } else {
          stryCov_9fa48("52");
          report(stryMutAct_9fa48("53") ? {} : (stryCov_9fa48("53"), {
            messageId: stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'shutdown'),
            signatures: stryMutAct_9fa48("55") ? [] : (stryCov_9fa48("55"), [stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'thermal-critical-shutdown')]),
            severity: stryMutAct_9fa48("57") ? "" : (stryCov_9fa48("57"), 'critical'),
            confidence: 0.95,
            data: stryMutAct_9fa48("58") ? {} : (stryCov_9fa48("58"), {
              zone: stryMutAct_9fa48("59") ? (h.groups.zone_type ?? h.groups.zone) && 'thermal zone' : (stryCov_9fa48("59"), (stryMutAct_9fa48("60") ? h.groups.zone_type && h.groups.zone : (stryCov_9fa48("60"), h.groups.zone_type ?? h.groups.zone)) ?? (stryMutAct_9fa48("61") ? "" : (stryCov_9fa48("61"), 'thermal zone'))),
              temp: h.groups.temp_c ? stryMutAct_9fa48("62") ? `` : (stryCov_9fa48("62"), ` at ${h.groups.temp_c} °C`) : stryMutAct_9fa48("63") ? "Stryker was here!" : (stryCov_9fa48("63"), '')
            }),
            evidence: hitEvidence(dfile, stryMutAct_9fa48("64") ? [] : (stryCov_9fa48("64"), [h])),
            tags: stryMutAct_9fa48("65") ? [] : (stryCov_9fa48("65"), [stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'thermal'), stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'thermal-shutdown'), stryMutAct_9fa48("68") ? "" : (stryCov_9fa48("68"), 'reboot')])
          }));
        }
      }
      // Trip points: the boot log's own soctherm lines win over the SoC table.
      const trips = new Map<string, Trip>();
      for (const [k, v] of Object.entries(stryMutAct_9fa48("69") ? device.trips?.zones && {} : (stryCov_9fa48("69"), (stryMutAct_9fa48("70") ? device.trips.zones : (stryCov_9fa48("70"), device.trips?.zones)) ?? {}))) trips.set(k, stryMutAct_9fa48("71") ? {} : (stryCov_9fa48("71"), {
        ...v,
        source: device.trips!.source
      }));
      const bootLines = signatures.events(stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), 'soctherm-trip-config'));
      for (const h of bootLines) {
        if (stryMutAct_9fa48("73")) {
          {}
        } else {
          stryCov_9fa48("73");
          const sensor = stryMutAct_9fa48("74") ? h.groups.sensor!.toUpperCase() : (stryCov_9fa48("74"), h.groups.sensor!.toLowerCase());
          const cur = stryMutAct_9fa48("75") ? trips.get(sensor) && {
            throttleC: Infinity,
            shutdownC: Infinity,
            source: ''
          } : (stryCov_9fa48("75"), trips.get(sensor) ?? (stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
            throttleC: Infinity,
            shutdownC: Infinity,
            source: stryMutAct_9fa48("77") ? "Stryker was here!" : (stryCov_9fa48("77"), '')
          })));
          const c = stryMutAct_9fa48("78") ? Number(h.groups.mc) * 1000 : (stryCov_9fa48("78"), Number(h.groups.mc) / 1000);
          if (stryMutAct_9fa48("81") ? h.groups.kind !== 'throttrip' : stryMutAct_9fa48("80") ? false : stryMutAct_9fa48("79") ? true : (stryCov_9fa48("79", "80", "81"), h.groups.kind === (stryMutAct_9fa48("82") ? "" : (stryCov_9fa48("82"), 'throttrip')))) cur.throttleC = c;else cur.shutdownC = c;
          cur.source = stryMutAct_9fa48("83") ? `` : (stryCov_9fa48("83"), `boot log ${stryMutAct_9fa48("84") ? h.file && dfile : (stryCov_9fa48("84"), h.file ?? dfile)}:${h.line}`);
          trips.set(sensor, cur);
        }
      }
      preferDeviceTrips(snapshot, trips);
      const t = snapshot.tegrastats;
      if (stryMutAct_9fa48("87") ? !t && t.samples === 0 : stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), (stryMutAct_9fa48("88") ? t : (stryCov_9fa48("88"), !t)) || (stryMutAct_9fa48("90") ? t.samples !== 0 : stryMutAct_9fa48("89") ? false : (stryCov_9fa48("89", "90"), t.samples === 0)))) {
        if (stryMutAct_9fa48("91")) {
          {}
        } else {
          stryCov_9fa48("91");
          const zone = checkZoneReadings(snapshot, trips, thresholds.marginC!);
          if (stryMutAct_9fa48("93") ? false : stryMutAct_9fa48("92") ? true : (stryCov_9fa48("92", "93"), zone)) report(zone);
          return;
        }
      }
      // The hottest sensor without a known trip: said only when no trip at all is known.
      let hottest: {
        sensor: string;
        maxC: number;
        i: number;
      } | null = null;
      // Every sensor with a known trip that came near it; one finding names the worst.
      const hot: {
        label: string;
        maxC: number;
        i: number;
        trip: Trip;
        col: Float64Array;
        level: number;
      }[] = stryMutAct_9fa48("94") ? ["Stryker was here"] : (stryCov_9fa48("94"), []);
      for (const [label, col] of Object.entries(t.tempC)) {
        if (stryMutAct_9fa48("95")) {
          {}
        } else {
          stryCov_9fa48("95");
          const i = maxIndex(col);
          if (stryMutAct_9fa48("99") ? i >= 0 : stryMutAct_9fa48("98") ? i <= 0 : stryMutAct_9fa48("97") ? false : stryMutAct_9fa48("96") ? true : (stryCov_9fa48("96", "97", "98", "99"), i < 0)) continue;
          const maxC = col[i]!;
          const trip = trips.get(stryMutAct_9fa48("100") ? label.toUpperCase() : (stryCov_9fa48("100"), label.toLowerCase()));
          if (stryMutAct_9fa48("103") ? false : stryMutAct_9fa48("102") ? true : stryMutAct_9fa48("101") ? trip : (stryCov_9fa48("101", "102", "103"), !trip)) {
            if (stryMutAct_9fa48("104")) {
              {}
            } else {
              stryCov_9fa48("104");
              if (stryMutAct_9fa48("107") ? !/^(pmic|thermal|charger|max170xx|iwlwifi)$/i.test(label) || !hottest || maxC > hottest.maxC : stryMutAct_9fa48("106") ? false : stryMutAct_9fa48("105") ? true : (stryCov_9fa48("105", "106", "107"), (stryMutAct_9fa48("108") ? /^(pmic|thermal|charger|max170xx|iwlwifi)$/i.test(label) : (stryCov_9fa48("108"), !(stryMutAct_9fa48("110") ? /^(pmic|thermal|charger|max170xx|iwlwifi)/i : stryMutAct_9fa48("109") ? /(pmic|thermal|charger|max170xx|iwlwifi)$/i : (stryCov_9fa48("109", "110"), /^(pmic|thermal|charger|max170xx|iwlwifi)$/i)).test(label))) && (stryMutAct_9fa48("112") ? !hottest && maxC > hottest.maxC : stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111", "112"), (stryMutAct_9fa48("113") ? hottest : (stryCov_9fa48("113"), !hottest)) || (stryMutAct_9fa48("116") ? maxC <= hottest.maxC : stryMutAct_9fa48("115") ? maxC >= hottest.maxC : stryMutAct_9fa48("114") ? false : (stryCov_9fa48("114", "115", "116"), maxC > hottest.maxC)))))) hottest = stryMutAct_9fa48("117") ? {} : (stryCov_9fa48("117"), {
                sensor: label,
                maxC,
                i
              });
              continue;
            }
          }
          if (stryMutAct_9fa48("121") ? maxC >= trip.throttleC - thresholds.marginC! : stryMutAct_9fa48("120") ? maxC <= trip.throttleC - thresholds.marginC! : stryMutAct_9fa48("119") ? false : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120", "121"), maxC < (stryMutAct_9fa48("122") ? trip.throttleC + thresholds.marginC! : (stryCov_9fa48("122"), trip.throttleC - thresholds.marginC!)))) continue;
          const level = (stryMutAct_9fa48("126") ? maxC < trip.shutdownC : stryMutAct_9fa48("125") ? maxC > trip.shutdownC : stryMutAct_9fa48("124") ? false : stryMutAct_9fa48("123") ? true : (stryCov_9fa48("123", "124", "125", "126"), maxC >= trip.shutdownC)) ? 3 : (stryMutAct_9fa48("130") ? maxC < trip.throttleC : stryMutAct_9fa48("129") ? maxC > trip.throttleC : stryMutAct_9fa48("128") ? false : stryMutAct_9fa48("127") ? true : (stryCov_9fa48("127", "128", "129", "130"), maxC >= trip.throttleC)) ? 2 : 1;
          hot.push(stryMutAct_9fa48("131") ? {} : (stryCov_9fa48("131"), {
            label,
            maxC,
            i,
            trip,
            col,
            level
          }));
        }
      }
      stryMutAct_9fa48("132") ? hot : (stryCov_9fa48("132"), hot.sort(stryMutAct_9fa48("133") ? () => undefined : (stryCov_9fa48("133"), (a, b) => stryMutAct_9fa48("136") ? b.level - a.level && b.maxC - b.trip.throttleC - (a.maxC - a.trip.throttleC) : stryMutAct_9fa48("135") ? false : stryMutAct_9fa48("134") ? true : (stryCov_9fa48("134", "135", "136"), (stryMutAct_9fa48("137") ? b.level + a.level : (stryCov_9fa48("137"), b.level - a.level)) || (stryMutAct_9fa48("138") ? b.maxC - b.trip.throttleC + (a.maxC - a.trip.throttleC) : (stryCov_9fa48("138"), (stryMutAct_9fa48("139") ? b.maxC + b.trip.throttleC : (stryCov_9fa48("139"), b.maxC - b.trip.throttleC)) - (stryMutAct_9fa48("140") ? a.maxC + a.trip.throttleC : (stryCov_9fa48("140"), a.maxC - a.trip.throttleC))))))));
      const worst = hot[0];
      if (stryMutAct_9fa48("142") ? false : stryMutAct_9fa48("141") ? true : (stryCov_9fa48("141", "142"), worst)) {
        if (stryMutAct_9fa48("143")) {
          {}
        } else {
          stryCov_9fa48("143");
          const {
            label,
            maxC,
            i,
            trip,
            col,
            level
          } = worst;
          const margin = thresholds.marginC!;
          const clocks = clockDrop(t, col, stryMutAct_9fa48("144") ? trip.throttleC + margin : (stryCov_9fa48("144"), trip.throttleC - margin), thresholds.sameLoadPct, thresholds.clockDropPct);
          const hotSamples = stryMutAct_9fa48("145") ? finite(col).length : (stryCov_9fa48("145"), finite(col).filter(stryMutAct_9fa48("146") ? () => undefined : (stryCov_9fa48("146"), v => stryMutAct_9fa48("150") ? v < trip.throttleC - margin : stryMutAct_9fa48("149") ? v > trip.throttleC - margin : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149", "150"), v >= (stryMutAct_9fa48("151") ? trip.throttleC + margin : (stryCov_9fa48("151"), trip.throttleC - margin))))).length);
          const atOrAbove = stryMutAct_9fa48("152") ? finite(col).length : (stryCov_9fa48("152"), finite(col).filter(stryMutAct_9fa48("153") ? () => undefined : (stryCov_9fa48("153"), v => stryMutAct_9fa48("157") ? v < trip.throttleC : stryMutAct_9fa48("156") ? v > trip.throttleC : stryMutAct_9fa48("155") ? false : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155", "156", "157"), v >= trip.throttleC))).length);
          // A power cap (over-current throttling) also caps clocks near the trip: it counts when it
          // happened while the sensor was hot (placed on the tegrastats clock), or, when the kernel
          // log's times cannot be placed, anywhere in the log (said so).
          const cap = alignPowerCap(snapshot, t, col, stryMutAct_9fa48("158") ? trip.throttleC + thresholds.throttleMarginC : (stryCov_9fa48("158"), trip.throttleC - thresholds.throttleMarginC), stryMutAct_9fa48("159") ? [] : (stryCov_9fa48("159"), [...signatures.events(stryMutAct_9fa48("160") ? "" : (stryCov_9fa48("160"), 'soctherm-oc-alarm')), ...signatures.events(stryMutAct_9fa48("161") ? "" : (stryCov_9fa48("161"), 'oc-throttle-notification'))]));
          const powerCap = cap.hits;
          const ev: Evidence[] = compact(stryMutAct_9fa48("162") ? [] : (stryCov_9fa48("162"), [tegrastatsEvidence(t, i, stryMutAct_9fa48("163") ? `` : (stryCov_9fa48("163"), `${label}@`)), (stryMutAct_9fa48("166") ? clocks.evidence === undefined : stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : (stryCov_9fa48("164", "165", "166"), clocks.evidence !== undefined)) ? tegrastatsEvidence(t, clocks.evidence) : null]));
          if (stryMutAct_9fa48("168") ? false : stryMutAct_9fa48("167") ? true : (stryCov_9fa48("167", "168"), powerCap.length)) ev.push(...hitEvidence(dfile, stryMutAct_9fa48("169") ? powerCap : (stryCov_9fa48("169"), powerCap.slice(0, 3))));
          const others = stryMutAct_9fa48("170") ? hot.map(h => `${h.label} ${h.maxC} °C`) : (stryCov_9fa48("170"), hot.slice(1).map(stryMutAct_9fa48("171") ? () => undefined : (stryCov_9fa48("171"), h => stryMutAct_9fa48("172") ? `` : (stryCov_9fa48("172"), `${h.label} ${h.maxC} °C`))));
          const figures = stryMutAct_9fa48("173") ? [] : (stryCov_9fa48("173"), [stryMutAct_9fa48("174") ? {} : (stryCov_9fa48("174"), {
            label: stryMutAct_9fa48("175") ? `` : (stryCov_9fa48("175"), `${label} max`),
            value: maxC,
            unit: stryMutAct_9fa48("176") ? "" : (stryCov_9fa48("176"), '°C')
          }), stryMutAct_9fa48("177") ? {} : (stryCov_9fa48("177"), {
            label: stryMutAct_9fa48("178") ? "" : (stryCov_9fa48("178"), 'throttle trip'),
            value: trip.throttleC,
            unit: stryMutAct_9fa48("179") ? "" : (stryCov_9fa48("179"), '°C')
          }), stryMutAct_9fa48("180") ? {} : (stryCov_9fa48("180"), {
            label: stryMutAct_9fa48("181") ? "" : (stryCov_9fa48("181"), 'shutdown trip'),
            value: trip.shutdownC,
            unit: stryMutAct_9fa48("182") ? "" : (stryCov_9fa48("182"), '°C')
          }), stryMutAct_9fa48("183") ? {} : (stryCov_9fa48("183"), {
            label: stryMutAct_9fa48("184") ? "" : (stryCov_9fa48("184"), 'time at or above the throttle trip'),
            value: formatDuration(stryMutAct_9fa48("185") ? atOrAbove / t.intervalSeconds : (stryCov_9fa48("185"), atOrAbove * t.intervalSeconds))
          }), stryMutAct_9fa48("186") ? {} : (stryCov_9fa48("186"), {
            label: stryMutAct_9fa48("187") ? `` : (stryCov_9fa48("187"), `time within ${margin} °C of the trip`),
            value: formatDuration(stryMutAct_9fa48("188") ? hotSamples / t.intervalSeconds : (stryCov_9fa48("188"), hotSamples * t.intervalSeconds))
          }), ...(cap.figure ? stryMutAct_9fa48("189") ? [] : (stryCov_9fa48("189"), [cap.figure]) : stryMutAct_9fa48("190") ? ["Stryker was here"] : (stryCov_9fa48("190"), [])), ...(others.length ? stryMutAct_9fa48("191") ? [] : (stryCov_9fa48("191"), [stryMutAct_9fa48("192") ? {} : (stryCov_9fa48("192"), {
            label: stryMutAct_9fa48("193") ? "" : (stryCov_9fa48("193"), 'other sensors at or near their trip'),
            value: others.join(stryMutAct_9fa48("194") ? "" : (stryCov_9fa48("194"), ', '))
          })]) : stryMutAct_9fa48("195") ? ["Stryker was here"] : (stryCov_9fa48("195"), [])), ...clocks.figures]);
          const cited = fromBootLog(trip);
          const data = stryMutAct_9fa48("196") ? {} : (stryCov_9fa48("196"), {
            sensor: label,
            maxC,
            tripC: trip.throttleC,
            source: trip.source,
            marginC: margin,
            clocks: clocks.summary
          });
          const tags: Tag[] = stryMutAct_9fa48("197") ? [] : (stryCov_9fa48("197"), [stryMutAct_9fa48("198") ? "" : (stryCov_9fa48("198"), 'thermal'), ...(clocks.summary ? ['throttling-clocks'] as const : stryMutAct_9fa48("199") ? ["Stryker was here"] : (stryCov_9fa48("199"), []))]);
          if (stryMutAct_9fa48("202") ? level !== 3 : stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200", "201", "202"), level === 3)) {
            if (stryMutAct_9fa48("203")) {
              {}
            } else {
              stryCov_9fa48("203");
              report(stryMutAct_9fa48("204") ? {} : (stryCov_9fa48("204"), {
                messageId: stryMutAct_9fa48("205") ? "" : (stryCov_9fa48("205"), 'overShutdown'),
                signatures: cited,
                severity: stryMutAct_9fa48("206") ? "" : (stryCov_9fa48("206"), 'critical'),
                confidence: 0.85,
                data: stryMutAct_9fa48("207") ? {} : (stryCov_9fa48("207"), {
                  ...data,
                  tripC: trip.shutdownC
                }),
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("208") ? [] : (stryCov_9fa48("208"), [...tags, stryMutAct_9fa48("209") ? "" : (stryCov_9fa48("209"), 'thermal-throttling'), stryMutAct_9fa48("210") ? "" : (stryCov_9fa48("210"), 'thermal-shutdown')])
              }));
            }
          } else if (stryMutAct_9fa48("213") ? level !== 2 : stryMutAct_9fa48("212") ? false : stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211", "212", "213"), level === 2)) {
            if (stryMutAct_9fa48("214")) {
              {}
            } else {
              stryCov_9fa48("214");
              report(stryMutAct_9fa48("215") ? {} : (stryCov_9fa48("215"), {
                messageId: stryMutAct_9fa48("216") ? "" : (stryCov_9fa48("216"), 'overTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("217") ? "" : (stryCov_9fa48("217"), 'error'),
                confidence: clocks.summary ? 0.9 : 0.75,
                data,
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("218") ? [] : (stryCov_9fa48("218"), [...tags, stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), 'thermal-throttling')])
              }));
            }
          } else if (stryMutAct_9fa48("222") ? maxC >= trip.throttleC - thresholds.throttleMarginC || clocks.summary || powerCap.length : stryMutAct_9fa48("221") ? false : stryMutAct_9fa48("220") ? true : (stryCov_9fa48("220", "221", "222"), (stryMutAct_9fa48("225") ? maxC < trip.throttleC - thresholds.throttleMarginC : stryMutAct_9fa48("224") ? maxC > trip.throttleC - thresholds.throttleMarginC : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), maxC >= (stryMutAct_9fa48("226") ? trip.throttleC + thresholds.throttleMarginC : (stryCov_9fa48("226"), trip.throttleC - thresholds.throttleMarginC)))) && (stryMutAct_9fa48("228") ? clocks.summary && powerCap.length : stryMutAct_9fa48("227") ? true : (stryCov_9fa48("227", "228"), clocks.summary || powerCap.length)))) {
            if (stryMutAct_9fa48("229")) {
              {}
            } else {
              stryCov_9fa48("229");
              const why = stryMutAct_9fa48("230") ? [clocks.summary.replace(/^; /, ''), powerCap.length ? cap.words : ''].join('; ') : (stryCov_9fa48("230"), (stryMutAct_9fa48("231") ? [] : (stryCov_9fa48("231"), [clocks.summary.replace(stryMutAct_9fa48("232") ? /; / : (stryCov_9fa48("232"), /^; /), stryMutAct_9fa48("233") ? "Stryker was here!" : (stryCov_9fa48("233"), '')), powerCap.length ? cap.words : stryMutAct_9fa48("234") ? "Stryker was here!" : (stryCov_9fa48("234"), '')])).filter(Boolean).join(stryMutAct_9fa48("235") ? "" : (stryCov_9fa48("235"), '; ')));
              report(stryMutAct_9fa48("236") ? {} : (stryCov_9fa48("236"), {
                messageId: stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), 'atTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("238") ? "" : (stryCov_9fa48("238"), 'error'),
                confidence: clocks.summary ? 0.85 : 0.7,
                data: stryMutAct_9fa48("239") ? {} : (stryCov_9fa48("239"), {
                  ...data,
                  marginC: thresholds.throttleMarginC,
                  why
                }),
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("240") ? [] : (stryCov_9fa48("240"), [...tags, stryMutAct_9fa48("241") ? "" : (stryCov_9fa48("241"), 'thermal-throttling')])
              }));
            }
          } else {
            if (stryMutAct_9fa48("242")) {
              {}
            } else {
              stryCov_9fa48("242");
              report(stryMutAct_9fa48("243") ? {} : (stryCov_9fa48("243"), {
                messageId: stryMutAct_9fa48("244") ? "" : (stryCov_9fa48("244"), 'nearTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), 'warning'),
                confidence: clocks.summary ? 0.7 : 0.5,
                data,
                figures,
                evidence: ev,
                tags
              }));
            }
          }
        }
      }
      if (stryMutAct_9fa48("248") ? !worst && trips.size === 0 || hottest : stryMutAct_9fa48("247") ? false : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247", "248"), (stryMutAct_9fa48("250") ? !worst || trips.size === 0 : stryMutAct_9fa48("249") ? true : (stryCov_9fa48("249", "250"), (stryMutAct_9fa48("251") ? worst : (stryCov_9fa48("251"), !worst)) && (stryMutAct_9fa48("253") ? trips.size !== 0 : stryMutAct_9fa48("252") ? true : (stryCov_9fa48("252", "253"), trips.size === 0)))) && hottest)) {
        if (stryMutAct_9fa48("254")) {
          {}
        } else {
          stryCov_9fa48("254");
          report(stryMutAct_9fa48("255") ? {} : (stryCov_9fa48("255"), {
            messageId: stryMutAct_9fa48("256") ? "" : (stryCov_9fa48("256"), 'tripsUnknown'),
            signatures: stryMutAct_9fa48("257") ? [] : (stryCov_9fa48("257"), [stryMutAct_9fa48("258") ? "" : (stryCov_9fa48("258"), 'tegrastats-temps-clocks')]),
            severity: stryMutAct_9fa48("259") ? "" : (stryCov_9fa48("259"), 'info'),
            confidence: 0.5,
            data: stryMutAct_9fa48("260") ? {} : (stryCov_9fa48("260"), {
              soc: stryMutAct_9fa48("261") ? device.soc && 'unknown' : (stryCov_9fa48("261"), device.soc ?? (stryMutAct_9fa48("262") ? "" : (stryCov_9fa48("262"), 'unknown'))),
              sensor: hottest.sensor,
              maxC: hottest.maxC
            }),
            evidence: compact(stryMutAct_9fa48("263") ? [] : (stryCov_9fa48("263"), [tegrastatsEvidence(t, hottest.i, stryMutAct_9fa48("264") ? `` : (stryCov_9fa48("264"), `${hottest.sensor}@`))])),
            tags: stryMutAct_9fa48("265") ? [] : (stryCov_9fa48("265"), [stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), 'thermal')])
          }));
        }
      }
    }
  }
}));

/**
 * Over-current (power cap) events that bear on a hot stretch: those placed on the tegrastats
 * clock within two sample intervals of a sample at or above `hotC`; when the kernel log's
 * times cannot be placed, every event of the log, and the words say so.
 */
function alignPowerCap(snapshot: Snapshot, t: NonNullable<Snapshot['tegrastats']>, temp: Float64Array, hotC: number, all: SignatureHit[]): {
  hits: SignatureHit[];
  words: string;
  figure?: {
    label: string;
    value: number | string;
  };
} {
  if (stryMutAct_9fa48("267")) {
    {}
  } else {
    stryCov_9fa48("267");
    if (stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : stryMutAct_9fa48("268") ? all.length : (stryCov_9fa48("268", "269", "270"), !all.length)) return stryMutAct_9fa48("271") ? {} : (stryCov_9fa48("271"), {
      hits: stryMutAct_9fa48("272") ? ["Stryker was here"] : (stryCov_9fa48("272"), []),
      words: stryMutAct_9fa48("273") ? "Stryker was here!" : (stryCov_9fa48("273"), '')
    });
    const timeline = kernelTimeline(snapshot);
    const placed = (stryMutAct_9fa48("276") ? t.startEpoch === undefined : stryMutAct_9fa48("275") ? false : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275", "276"), t.startEpoch !== undefined)) ? stryMutAct_9fa48("277") ? all.map(h => ({
      h,
      e: timeline.epochOf(h)
    })) : (stryCov_9fa48("277"), all.map(stryMutAct_9fa48("278") ? () => undefined : (stryCov_9fa48("278"), h => stryMutAct_9fa48("279") ? {} : (stryCov_9fa48("279"), {
      h,
      e: timeline.epochOf(h)
    }))).filter(stryMutAct_9fa48("280") ? () => undefined : (stryCov_9fa48("280"), (x): x is {
      h: SignatureHit;
      e: number;
    } => stryMutAct_9fa48("283") ? x.e === undefined : stryMutAct_9fa48("282") ? false : stryMutAct_9fa48("281") ? true : (stryCov_9fa48("281", "282", "283"), x.e !== undefined)))) : stryMutAct_9fa48("284") ? ["Stryker was here"] : (stryCov_9fa48("284"), []);
    if (stryMutAct_9fa48("287") ? false : stryMutAct_9fa48("286") ? true : stryMutAct_9fa48("285") ? placed.length : (stryCov_9fa48("285", "286", "287"), !placed.length)) {
      if (stryMutAct_9fa48("288")) {
        {}
      } else {
        stryCov_9fa48("288");
        return stryMutAct_9fa48("289") ? {} : (stryCov_9fa48("289"), {
          hits: all,
          words: stryMutAct_9fa48("290") ? `` : (stryCov_9fa48("290"), `${all.length} over-current (power cap) event(s) in the log (their times cannot be placed on the tegrastats clock)`),
          figure: stryMutAct_9fa48("291") ? {} : (stryCov_9fa48("291"), {
            label: stryMutAct_9fa48("292") ? "" : (stryCov_9fa48("292"), 'over-current (power cap) events in the log'),
            value: all.length
          })
        });
      }
    }
    const slack = stryMutAct_9fa48("293") ? 2 / Math.max(1, t.intervalSeconds) : (stryCov_9fa48("293"), 2 * (stryMutAct_9fa48("294") ? Math.min(1, t.intervalSeconds) : (stryCov_9fa48("294"), Math.max(1, t.intervalSeconds))));
    const hot: number[] = stryMutAct_9fa48("295") ? ["Stryker was here"] : (stryCov_9fa48("295"), []);
    for (let i = 0; stryMutAct_9fa48("298") ? i >= t.samples : stryMutAct_9fa48("297") ? i <= t.samples : stryMutAct_9fa48("296") ? false : (stryCov_9fa48("296", "297", "298"), i < t.samples); stryMutAct_9fa48("299") ? i-- : (stryCov_9fa48("299"), i++)) if (stryMutAct_9fa48("303") ? temp[i]! < hotC : stryMutAct_9fa48("302") ? temp[i]! > hotC : stryMutAct_9fa48("301") ? false : stryMutAct_9fa48("300") ? true : (stryCov_9fa48("300", "301", "302", "303"), temp[i]! >= hotC)) hot.push(stryMutAct_9fa48("304") ? t.startEpoch! - t.t[i]! : (stryCov_9fa48("304"), t.startEpoch! + t.t[i]!));
    const near = stryMutAct_9fa48("305") ? placed : (stryCov_9fa48("305"), placed.filter(stryMutAct_9fa48("306") ? () => undefined : (stryCov_9fa48("306"), x => stryMutAct_9fa48("307") ? hot.every(e => Math.abs(e - x.e) <= slack) : (stryCov_9fa48("307"), hot.some(stryMutAct_9fa48("308") ? () => undefined : (stryCov_9fa48("308"), e => stryMutAct_9fa48("312") ? Math.abs(e - x.e) > slack : stryMutAct_9fa48("311") ? Math.abs(e - x.e) < slack : stryMutAct_9fa48("310") ? false : stryMutAct_9fa48("309") ? true : (stryCov_9fa48("309", "310", "311", "312"), Math.abs(stryMutAct_9fa48("313") ? e + x.e : (stryCov_9fa48("313"), e - x.e)) <= slack)))))));
    if (stryMutAct_9fa48("316") ? false : stryMutAct_9fa48("315") ? true : stryMutAct_9fa48("314") ? near.length : (stryCov_9fa48("314", "315", "316"), !near.length)) return stryMutAct_9fa48("317") ? {} : (stryCov_9fa48("317"), {
      hits: stryMutAct_9fa48("318") ? ["Stryker was here"] : (stryCov_9fa48("318"), []),
      words: stryMutAct_9fa48("319") ? "Stryker was here!" : (stryCov_9fa48("319"), ''),
      figure: stryMutAct_9fa48("320") ? {} : (stryCov_9fa48("320"), {
        label: stryMutAct_9fa48("321") ? "" : (stryCov_9fa48("321"), 'over-current (power cap) events'),
        value: stryMutAct_9fa48("322") ? `` : (stryCov_9fa48("322"), `${all.length} in the log, none while the sensor was hot`)
      })
    });
    const first = clockTime(stryMutAct_9fa48("323") ? Math.max(...near.map(x => x.e)) : (stryCov_9fa48("323"), Math.min(...near.map(stryMutAct_9fa48("324") ? () => undefined : (stryCov_9fa48("324"), x => x.e)))));
    return stryMutAct_9fa48("325") ? {} : (stryCov_9fa48("325"), {
      hits: near.map(stryMutAct_9fa48("326") ? () => undefined : (stryCov_9fa48("326"), x => x.h)),
      words: stryMutAct_9fa48("327") ? `` : (stryCov_9fa48("327"), `${near.length} over-current (power cap) event(s) while it was hot, the first at ${first}`),
      figure: stryMutAct_9fa48("328") ? {} : (stryCov_9fa48("328"), {
        label: stryMutAct_9fa48("329") ? "" : (stryCov_9fa48("329"), 'over-current (power cap) events while hot'),
        value: stryMutAct_9fa48("330") ? `` : (stryCov_9fa48("330"), `${near.length} of ${all.length}, first at ${first}`)
      })
    });
  }
}

/** Throttling is inferred from temperatures (the tegrastats-temps-clocks class); a boot-log trip adds its own id. */
function fromBootLog(trip: Trip): ('tegrastats-temps-clocks' | 'soctherm-trip-config')[] {
  if (stryMutAct_9fa48("331")) {
    {}
  } else {
    stryCov_9fa48("331");
    return (stryMutAct_9fa48("332") ? trip.source.endsWith('boot log') : (stryCov_9fa48("332"), trip.source.startsWith(stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), 'boot log')))) ? stryMutAct_9fa48("334") ? [] : (stryCov_9fa48("334"), [stryMutAct_9fa48("335") ? "" : (stryCov_9fa48("335"), 'tegrastats-temps-clocks'), stryMutAct_9fa48("336") ? "" : (stryCov_9fa48("336"), 'soctherm-trip-config')]) : stryMutAct_9fa48("337") ? [] : (stryCov_9fa48("337"), [stryMutAct_9fa48("338") ? "" : (stryCov_9fa48("338"), 'tegrastats-temps-clocks')]);
  }
}

/**
 * Did GPU or CPU clocks fall while this sensor was hot, at a load no lower than when it was
 * cool? Even a small drop at unchanged load is the governor or the hardware capping clocks.
 */
function clockDrop(t: NonNullable<Snapshot['tegrastats']>, temp: Float64Array, hotC: number, sameLoadPct: number, dropPct: number): {
  summary: string;
  figures: {
    label: string;
    value: number | string;
    unit?: string;
  }[];
  evidence?: number;
} {
  if (stryMutAct_9fa48("339")) {
    {}
  } else {
    stryCov_9fa48("339");
    const parts: string[] = stryMutAct_9fa48("340") ? ["Stryker was here"] : (stryCov_9fa48("340"), []);
    const figures: {
      label: string;
      value: number | string;
      unit?: string;
    }[] = stryMutAct_9fa48("341") ? ["Stryker was here"] : (stryCov_9fa48("341"), []);
    let evidence: number | undefined;
    const check = (name: string, freq: (i: number) => number, load: (i: number) => number) => {
      if (stryMutAct_9fa48("342")) {
        {}
      } else {
        stryCov_9fa48("342");
        const coolF: number[] = stryMutAct_9fa48("343") ? ["Stryker was here"] : (stryCov_9fa48("343"), []);
        const coolL: number[] = stryMutAct_9fa48("344") ? ["Stryker was here"] : (stryCov_9fa48("344"), []);
        for (let i = 0; stryMutAct_9fa48("347") ? i >= t.samples : stryMutAct_9fa48("346") ? i <= t.samples : stryMutAct_9fa48("345") ? false : (stryCov_9fa48("345", "346", "347"), i < t.samples); stryMutAct_9fa48("348") ? i-- : (stryCov_9fa48("348"), i++)) {
          if (stryMutAct_9fa48("349")) {
            {}
          } else {
            stryCov_9fa48("349");
            const f = freq(i);
            if (stryMutAct_9fa48("352") ? Number.isFinite(f) && Number.isFinite(load(i)) || temp[i]! < hotC - 5 : stryMutAct_9fa48("351") ? false : stryMutAct_9fa48("350") ? true : (stryCov_9fa48("350", "351", "352"), (stryMutAct_9fa48("354") ? Number.isFinite(f) || Number.isFinite(load(i)) : stryMutAct_9fa48("353") ? true : (stryCov_9fa48("353", "354"), Number.isFinite(f) && Number.isFinite(load(i)))) && (stryMutAct_9fa48("357") ? temp[i]! >= hotC - 5 : stryMutAct_9fa48("356") ? temp[i]! <= hotC - 5 : stryMutAct_9fa48("355") ? true : (stryCov_9fa48("355", "356", "357"), temp[i]! < (stryMutAct_9fa48("358") ? hotC + 5 : (stryCov_9fa48("358"), hotC - 5)))))) {
              if (stryMutAct_9fa48("359")) {
                {}
              } else {
                stryCov_9fa48("359");
                coolF.push(f);
                coolL.push(load(i));
              }
            }
          }
        }
        const base = median(coolF);
        const baseLoad = median(coolL);
        if (stryMutAct_9fa48("362") ? (!Number.isFinite(base) || !Number.isFinite(baseLoad)) && baseLoad <= 0 : stryMutAct_9fa48("361") ? false : stryMutAct_9fa48("360") ? true : (stryCov_9fa48("360", "361", "362"), (stryMutAct_9fa48("364") ? !Number.isFinite(base) && !Number.isFinite(baseLoad) : stryMutAct_9fa48("363") ? false : (stryCov_9fa48("363", "364"), (stryMutAct_9fa48("365") ? Number.isFinite(base) : (stryCov_9fa48("365"), !Number.isFinite(base))) || (stryMutAct_9fa48("366") ? Number.isFinite(baseLoad) : (stryCov_9fa48("366"), !Number.isFinite(baseLoad))))) || (stryMutAct_9fa48("369") ? baseLoad > 0 : stryMutAct_9fa48("368") ? baseLoad < 0 : stryMutAct_9fa48("367") ? false : (stryCov_9fa48("367", "368", "369"), baseLoad <= 0)))) return;
        let hotMin = Infinity;
        let at = stryMutAct_9fa48("370") ? +1 : (stryCov_9fa48("370"), -1);
        for (let i = 0; stryMutAct_9fa48("373") ? i >= t.samples : stryMutAct_9fa48("372") ? i <= t.samples : stryMutAct_9fa48("371") ? false : (stryCov_9fa48("371", "372", "373"), i < t.samples); stryMutAct_9fa48("374") ? i-- : (stryCov_9fa48("374"), i++)) {
          if (stryMutAct_9fa48("375")) {
            {}
          } else {
            stryCov_9fa48("375");
            const f = freq(i);
            if (stryMutAct_9fa48("378") ? (!Number.isFinite(f) || !(temp[i]! >= hotC)) && !(load(i) >= baseLoad - sameLoadPct) : stryMutAct_9fa48("377") ? false : stryMutAct_9fa48("376") ? true : (stryCov_9fa48("376", "377", "378"), (stryMutAct_9fa48("380") ? !Number.isFinite(f) && !(temp[i]! >= hotC) : stryMutAct_9fa48("379") ? false : (stryCov_9fa48("379", "380"), (stryMutAct_9fa48("381") ? Number.isFinite(f) : (stryCov_9fa48("381"), !Number.isFinite(f))) || (stryMutAct_9fa48("382") ? temp[i]! >= hotC : (stryCov_9fa48("382"), !(stryMutAct_9fa48("386") ? temp[i]! < hotC : stryMutAct_9fa48("385") ? temp[i]! > hotC : stryMutAct_9fa48("384") ? false : stryMutAct_9fa48("383") ? true : (stryCov_9fa48("383", "384", "385", "386"), temp[i]! >= hotC)))))) || (stryMutAct_9fa48("387") ? load(i) >= baseLoad - sameLoadPct : (stryCov_9fa48("387"), !(stryMutAct_9fa48("391") ? load(i) < baseLoad - sameLoadPct : stryMutAct_9fa48("390") ? load(i) > baseLoad - sameLoadPct : stryMutAct_9fa48("389") ? false : stryMutAct_9fa48("388") ? true : (stryCov_9fa48("388", "389", "390", "391"), load(i) >= (stryMutAct_9fa48("392") ? baseLoad + sameLoadPct : (stryCov_9fa48("392"), baseLoad - sameLoadPct)))))))) continue;
            if (stryMutAct_9fa48("396") ? f >= hotMin : stryMutAct_9fa48("395") ? f <= hotMin : stryMutAct_9fa48("394") ? false : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394", "395", "396"), f < hotMin)) {
              if (stryMutAct_9fa48("397")) {
                {}
              } else {
                stryCov_9fa48("397");
                hotMin = f;
                at = i;
              }
            }
          }
        }
        if (stryMutAct_9fa48("400") ? at < 0 && hotMin > base * (1 - dropPct / 100) : stryMutAct_9fa48("399") ? false : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399", "400"), (stryMutAct_9fa48("403") ? at >= 0 : stryMutAct_9fa48("402") ? at <= 0 : stryMutAct_9fa48("401") ? false : (stryCov_9fa48("401", "402", "403"), at < 0)) || (stryMutAct_9fa48("406") ? hotMin <= base * (1 - dropPct / 100) : stryMutAct_9fa48("405") ? hotMin >= base * (1 - dropPct / 100) : stryMutAct_9fa48("404") ? false : (stryCov_9fa48("404", "405", "406"), hotMin > (stryMutAct_9fa48("407") ? base / (1 - dropPct / 100) : (stryCov_9fa48("407"), base * (stryMutAct_9fa48("408") ? 1 + dropPct / 100 : (stryCov_9fa48("408"), 1 - (stryMutAct_9fa48("409") ? dropPct * 100 : (stryCov_9fa48("409"), dropPct / 100)))))))))) return;
        parts.push(stryMutAct_9fa48("410") ? `` : (stryCov_9fa48("410"), `${name} clock fell from ${base} to ${hotMin} MHz at unchanged load`));
        figures.push(stryMutAct_9fa48("411") ? {} : (stryCov_9fa48("411"), {
          label: stryMutAct_9fa48("412") ? `` : (stryCov_9fa48("412"), `${name} MHz cool / hot`),
          value: stryMutAct_9fa48("413") ? `` : (stryCov_9fa48("413"), `${base} / ${hotMin}`)
        }));
        stryMutAct_9fa48("414") ? evidence &&= at : (stryCov_9fa48("414"), evidence ??= at);
      }
    };
    check(stryMutAct_9fa48("415") ? "" : (stryCov_9fa48("415"), 'GPU'), stryMutAct_9fa48("416") ? () => undefined : (stryCov_9fa48("416"), i => t.gr3dFreqMHz[i]!), stryMutAct_9fa48("417") ? () => undefined : (stryCov_9fa48("417"), i => t.gr3dLoad[i]!));
    check(stryMutAct_9fa48("418") ? "" : (stryCov_9fa48("418"), 'CPU'), stryMutAct_9fa48("419") ? () => undefined : (stryCov_9fa48("419"), i => stryMutAct_9fa48("420") ? Math.min(...t.cpuFreqMHz.map(c => Number.isFinite(c[i]!) ? c[i]! : -Infinity)) : (stryCov_9fa48("420"), Math.max(...t.cpuFreqMHz.map(stryMutAct_9fa48("421") ? () => undefined : (stryCov_9fa48("421"), c => Number.isFinite(c[i]!) ? c[i]! : stryMutAct_9fa48("422") ? +Infinity : (stryCov_9fa48("422"), -Infinity)))))), i => {
      if (stryMutAct_9fa48("423")) {
        {}
      } else {
        stryCov_9fa48("423");
        const loads = stryMutAct_9fa48("424") ? t.cpuLoad.map(c => c[i]!) : (stryCov_9fa48("424"), t.cpuLoad.map(stryMutAct_9fa48("425") ? () => undefined : (stryCov_9fa48("425"), c => c[i]!)).filter(Number.isFinite));
        return loads.length ? stryMutAct_9fa48("426") ? loads.reduce((a, b) => a + b, 0) * loads.length : (stryCov_9fa48("426"), loads.reduce(stryMutAct_9fa48("427") ? () => undefined : (stryCov_9fa48("427"), (a, b) => stryMutAct_9fa48("428") ? a - b : (stryCov_9fa48("428"), a + b)), 0) / loads.length) : NaN;
      }
    });
    return stryMutAct_9fa48("429") ? {} : (stryCov_9fa48("429"), {
      summary: parts.length ? stryMutAct_9fa48("430") ? `` : (stryCov_9fa48("430"), `; ${parts.join(stryMutAct_9fa48("431") ? "" : (stryCov_9fa48("431"), '; '))}`) : stryMutAct_9fa48("432") ? "Stryker was here!" : (stryCov_9fa48("432"), ''),
      figures,
      evidence
    });
  }
}

/** The seed's step 6 as written: each thermal zone's type and temp, read at capture time. */
function checkZoneReadings(snapshot: Snapshot, trips: Map<string, Trip>, marginC: number) {
  if (stryMutAct_9fa48("433")) {
    {}
  } else {
    stryCov_9fa48("433");
    let worst: {
      z: ThermalZoneReading;
      trip: Trip;
      level: number;
    } | null = null;
    for (const z of stryMutAct_9fa48("434") ? snapshot.identity?.thermalZones && [] : (stryCov_9fa48("434"), (stryMutAct_9fa48("435") ? snapshot.identity.thermalZones : (stryCov_9fa48("435"), snapshot.identity?.thermalZones)) ?? (stryMutAct_9fa48("436") ? ["Stryker was here"] : (stryCov_9fa48("436"), [])))) {
      if (stryMutAct_9fa48("437")) {
        {}
      } else {
        stryCov_9fa48("437");
        if (stryMutAct_9fa48("440") ? (z.tempC === undefined || z.tempC <= -40) && !z.type : stryMutAct_9fa48("439") ? false : stryMutAct_9fa48("438") ? true : (stryCov_9fa48("438", "439", "440"), (stryMutAct_9fa48("442") ? z.tempC === undefined && z.tempC <= -40 : stryMutAct_9fa48("441") ? false : (stryCov_9fa48("441", "442"), (stryMutAct_9fa48("444") ? z.tempC !== undefined : stryMutAct_9fa48("443") ? false : (stryCov_9fa48("443", "444"), z.tempC === undefined)) || (stryMutAct_9fa48("447") ? z.tempC > -40 : stryMutAct_9fa48("446") ? z.tempC < -40 : stryMutAct_9fa48("445") ? false : (stryCov_9fa48("445", "446", "447"), z.tempC <= (stryMutAct_9fa48("448") ? +40 : (stryCov_9fa48("448"), -40)))))) || (stryMutAct_9fa48("449") ? z.type : (stryCov_9fa48("449"), !z.type)))) continue;
        const label = stryMutAct_9fa48("450") ? z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toUpperCase() : (stryCov_9fa48("450"), z.type.replace(stryMutAct_9fa48("452") ? /[^-_](thermal|therm|tegra)$/i : stryMutAct_9fa48("451") ? /[-_](thermal|therm|tegra)/i : (stryCov_9fa48("451", "452"), /[-_](thermal|therm|tegra)$/i), stryMutAct_9fa48("453") ? "Stryker was here!" : (stryCov_9fa48("453"), '')).toLowerCase());
        const trip = trips.get(label);
        if (stryMutAct_9fa48("456") ? !trip && z.tempC < trip.throttleC - marginC : stryMutAct_9fa48("455") ? false : stryMutAct_9fa48("454") ? true : (stryCov_9fa48("454", "455", "456"), (stryMutAct_9fa48("457") ? trip : (stryCov_9fa48("457"), !trip)) || (stryMutAct_9fa48("460") ? z.tempC >= trip.throttleC - marginC : stryMutAct_9fa48("459") ? z.tempC <= trip.throttleC - marginC : stryMutAct_9fa48("458") ? false : (stryCov_9fa48("458", "459", "460"), z.tempC < (stryMutAct_9fa48("461") ? trip.throttleC + marginC : (stryCov_9fa48("461"), trip.throttleC - marginC)))))) continue;
        const level = (stryMutAct_9fa48("465") ? z.tempC < trip.shutdownC : stryMutAct_9fa48("464") ? z.tempC > trip.shutdownC : stryMutAct_9fa48("463") ? false : stryMutAct_9fa48("462") ? true : (stryCov_9fa48("462", "463", "464", "465"), z.tempC >= trip.shutdownC)) ? 3 : (stryMutAct_9fa48("469") ? z.tempC < trip.throttleC : stryMutAct_9fa48("468") ? z.tempC > trip.throttleC : stryMutAct_9fa48("467") ? false : stryMutAct_9fa48("466") ? true : (stryCov_9fa48("466", "467", "468", "469"), z.tempC >= trip.throttleC)) ? 2 : 1;
        if (stryMutAct_9fa48("472") ? (!worst || level > worst.level) && z.tempC - trip.throttleC > worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("471") ? false : stryMutAct_9fa48("470") ? true : (stryCov_9fa48("470", "471", "472"), (stryMutAct_9fa48("474") ? !worst && level > worst.level : stryMutAct_9fa48("473") ? false : (stryCov_9fa48("473", "474"), (stryMutAct_9fa48("475") ? worst : (stryCov_9fa48("475"), !worst)) || (stryMutAct_9fa48("478") ? level <= worst.level : stryMutAct_9fa48("477") ? level >= worst.level : stryMutAct_9fa48("476") ? false : (stryCov_9fa48("476", "477", "478"), level > worst.level)))) || (stryMutAct_9fa48("481") ? z.tempC - trip.throttleC <= worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("480") ? z.tempC - trip.throttleC >= worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("479") ? false : (stryCov_9fa48("479", "480", "481"), (stryMutAct_9fa48("482") ? z.tempC + trip.throttleC : (stryCov_9fa48("482"), z.tempC - trip.throttleC)) > (stryMutAct_9fa48("483") ? worst.z.tempC! + worst.trip.throttleC : (stryCov_9fa48("483"), worst.z.tempC! - worst.trip.throttleC)))))) worst = stryMutAct_9fa48("484") ? {} : (stryCov_9fa48("484"), {
          z,
          trip,
          level
        });
      }
    }
    if (stryMutAct_9fa48("487") ? false : stryMutAct_9fa48("486") ? true : stryMutAct_9fa48("485") ? worst : (stryCov_9fa48("485", "486", "487"), !worst)) return null;
    const {
      z,
      trip,
      level
    } = worst;
    const data = stryMutAct_9fa48("488") ? {} : (stryCov_9fa48("488"), {
      sensor: stryMutAct_9fa48("489") ? `` : (stryCov_9fa48("489"), `${z.type} (${z.zone})`),
      maxC: z.tempC!,
      tripC: (stryMutAct_9fa48("492") ? level !== 3 : stryMutAct_9fa48("491") ? false : stryMutAct_9fa48("490") ? true : (stryCov_9fa48("490", "491", "492"), level === 3)) ? trip.shutdownC : trip.throttleC,
      source: trip.source,
      marginC,
      clocks: stryMutAct_9fa48("493") ? "Stryker was here!" : (stryCov_9fa48("493"), '')
    });
    const evidence = z.tempLine ? stryMutAct_9fa48("494") ? [] : (stryCov_9fa48("494"), [z.tempLine]) : stryMutAct_9fa48("495") ? ["Stryker was here"] : (stryCov_9fa48("495"), []);
    const figures = stryMutAct_9fa48("496") ? [] : (stryCov_9fa48("496"), [stryMutAct_9fa48("497") ? {} : (stryCov_9fa48("497"), {
      label: z.type!,
      value: z.tempC!,
      unit: stryMutAct_9fa48("498") ? "" : (stryCov_9fa48("498"), '°C')
    }), stryMutAct_9fa48("499") ? {} : (stryCov_9fa48("499"), {
      label: stryMutAct_9fa48("500") ? "" : (stryCov_9fa48("500"), 'throttle trip'),
      value: trip.throttleC,
      unit: stryMutAct_9fa48("501") ? "" : (stryCov_9fa48("501"), '°C')
    })]);
    const tags: Tag[] = (stryMutAct_9fa48("505") ? level < 3 : stryMutAct_9fa48("504") ? level > 3 : stryMutAct_9fa48("503") ? false : stryMutAct_9fa48("502") ? true : (stryCov_9fa48("502", "503", "504", "505"), level >= 3)) ? stryMutAct_9fa48("506") ? [] : (stryCov_9fa48("506"), [stryMutAct_9fa48("507") ? "" : (stryCov_9fa48("507"), 'thermal'), stryMutAct_9fa48("508") ? "" : (stryCov_9fa48("508"), 'thermal-throttling'), stryMutAct_9fa48("509") ? "" : (stryCov_9fa48("509"), 'thermal-shutdown')]) : (stryMutAct_9fa48("513") ? level < 2 : stryMutAct_9fa48("512") ? level > 2 : stryMutAct_9fa48("511") ? false : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511", "512", "513"), level >= 2)) ? stryMutAct_9fa48("514") ? [] : (stryCov_9fa48("514"), [stryMutAct_9fa48("515") ? "" : (stryCov_9fa48("515"), 'thermal'), stryMutAct_9fa48("516") ? "" : (stryCov_9fa48("516"), 'thermal-throttling')]) : stryMutAct_9fa48("517") ? [] : (stryCov_9fa48("517"), [stryMutAct_9fa48("518") ? "" : (stryCov_9fa48("518"), 'thermal')]);
    const messageId = (stryMutAct_9fa48("521") ? level !== 3 : stryMutAct_9fa48("520") ? false : stryMutAct_9fa48("519") ? true : (stryCov_9fa48("519", "520", "521"), level === 3)) ? 'overShutdown' as const : (stryMutAct_9fa48("524") ? level !== 2 : stryMutAct_9fa48("523") ? false : stryMutAct_9fa48("522") ? true : (stryCov_9fa48("522", "523", "524"), level === 2)) ? 'overTrip' as const : 'nearTrip' as const;
    const severity = (stryMutAct_9fa48("527") ? level !== 3 : stryMutAct_9fa48("526") ? false : stryMutAct_9fa48("525") ? true : (stryCov_9fa48("525", "526", "527"), level === 3)) ? 'critical' as const : (stryMutAct_9fa48("530") ? level !== 2 : stryMutAct_9fa48("529") ? false : stryMutAct_9fa48("528") ? true : (stryCov_9fa48("528", "529", "530"), level === 2)) ? 'error' as const : 'warning' as const;
    return stryMutAct_9fa48("531") ? {} : (stryCov_9fa48("531"), {
      messageId,
      signatures: fromBootLog(trip),
      severity,
      confidence: 0.6,
      data,
      figures,
      evidence,
      tags
    });
  }
}

/**
 * The device's own trip points (thermal sysfs, captured by the collector) are what its
 * kernel acts on: they replace the boot-log lines and the board table for each zone they
 * name. Zone `cpu-thermal` feeds tegrastats' `cpu` sensor; `CPU-therm` (r32) too.
 */
function preferDeviceTrips(snapshot: Snapshot, trips: Map<string, Trip>): void {
  if (stryMutAct_9fa48("532")) {
    {}
  } else {
    stryCov_9fa48("532");
    const tt = snapshot.thermalTrips;
    for (const z of stryMutAct_9fa48("533") ? tt?.zones && [] : (stryCov_9fa48("533"), (stryMutAct_9fa48("534") ? tt.zones : (stryCov_9fa48("534"), tt?.zones)) ?? (stryMutAct_9fa48("535") ? ["Stryker was here"] : (stryCov_9fa48("535"), [])))) {
      if (stryMutAct_9fa48("536")) {
        {}
      } else {
        stryCov_9fa48("536");
        if (stryMutAct_9fa48("539") ? !z.type && z.throttleC === undefined && z.shutdownC === undefined : stryMutAct_9fa48("538") ? false : stryMutAct_9fa48("537") ? true : (stryCov_9fa48("537", "538", "539"), (stryMutAct_9fa48("540") ? z.type : (stryCov_9fa48("540"), !z.type)) || (stryMutAct_9fa48("542") ? z.throttleC === undefined || z.shutdownC === undefined : stryMutAct_9fa48("541") ? false : (stryCov_9fa48("541", "542"), (stryMutAct_9fa48("544") ? z.throttleC !== undefined : stryMutAct_9fa48("543") ? true : (stryCov_9fa48("543", "544"), z.throttleC === undefined)) && (stryMutAct_9fa48("546") ? z.shutdownC !== undefined : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546"), z.shutdownC === undefined)))))) continue;
        const label = stryMutAct_9fa48("547") ? z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toUpperCase() : (stryCov_9fa48("547"), z.type.replace(stryMutAct_9fa48("549") ? /[^-_](thermal|therm|tegra)$/i : stryMutAct_9fa48("548") ? /[-_](thermal|therm|tegra)/i : (stryCov_9fa48("548", "549"), /[-_](thermal|therm|tegra)$/i), stryMutAct_9fa48("550") ? "Stryker was here!" : (stryCov_9fa48("550"), '')).toLowerCase());
        const cur = trips.get(label);
        const line = stryMutAct_9fa48("551") ? z.trips.find(x => x.type === 'passive' || x.type === 'critical')?.line && z.line : (stryCov_9fa48("551"), (stryMutAct_9fa48("552") ? z.trips.find(x => x.type === 'passive' || x.type === 'critical').line : (stryCov_9fa48("552"), z.trips.find(stryMutAct_9fa48("553") ? () => undefined : (stryCov_9fa48("553"), x => stryMutAct_9fa48("556") ? x.type === 'passive' && x.type === 'critical' : stryMutAct_9fa48("555") ? false : stryMutAct_9fa48("554") ? true : (stryCov_9fa48("554", "555", "556"), (stryMutAct_9fa48("558") ? x.type !== 'passive' : stryMutAct_9fa48("557") ? false : (stryCov_9fa48("557", "558"), x.type === (stryMutAct_9fa48("559") ? "" : (stryCov_9fa48("559"), 'passive')))) || (stryMutAct_9fa48("561") ? x.type !== 'critical' : stryMutAct_9fa48("560") ? false : (stryCov_9fa48("560", "561"), x.type === (stryMutAct_9fa48("562") ? "" : (stryCov_9fa48("562"), 'critical')))))))?.line)) ?? z.line);
        trips.set(label, stryMutAct_9fa48("563") ? {} : (stryCov_9fa48("563"), {
          throttleC: stryMutAct_9fa48("564") ? (z.throttleC ?? cur?.throttleC) && Infinity : (stryCov_9fa48("564"), (stryMutAct_9fa48("565") ? z.throttleC && cur?.throttleC : (stryCov_9fa48("565"), z.throttleC ?? (stryMutAct_9fa48("566") ? cur.throttleC : (stryCov_9fa48("566"), cur?.throttleC)))) ?? Infinity),
          shutdownC: stryMutAct_9fa48("567") ? (z.shutdownC ?? cur?.shutdownC) && Infinity : (stryCov_9fa48("567"), (stryMutAct_9fa48("568") ? z.shutdownC && cur?.shutdownC : (stryCov_9fa48("568"), z.shutdownC ?? (stryMutAct_9fa48("569") ? cur.shutdownC : (stryCov_9fa48("569"), cur?.shutdownC)))) ?? Infinity),
          // The file's name, not its path: the verdict reads the same for a folder and its archive.
          source: stryMutAct_9fa48("570") ? `` : (stryCov_9fa48("570"), `device trip points ${tt!.file.split(stryMutAct_9fa48("571") ? "" : (stryCov_9fa48("571"), '/')).pop()}:${line}`)
        }));
      }
    }
  }
}