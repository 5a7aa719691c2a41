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
          if (stryMutAct_9fa48("120") ? !hottest && maxC > hottest.maxC : stryMutAct_9fa48("119") ? false : stryMutAct_9fa48("118") ? true : (stryCov_9fa48("118", "119", "120"), (stryMutAct_9fa48("121") ? hottest : (stryCov_9fa48("121"), !hottest)) || (stryMutAct_9fa48("124") ? maxC <= hottest.maxC : stryMutAct_9fa48("123") ? maxC >= hottest.maxC : stryMutAct_9fa48("122") ? false : (stryCov_9fa48("122", "123", "124"), maxC > hottest.maxC)))) hottest = stryMutAct_9fa48("125") ? {} : (stryCov_9fa48("125"), {
            sensor: label,
            maxC,
            i
          });
          if (stryMutAct_9fa48("129") ? maxC >= trip.throttleC - thresholds.marginC! : stryMutAct_9fa48("128") ? maxC <= trip.throttleC - thresholds.marginC! : stryMutAct_9fa48("127") ? false : stryMutAct_9fa48("126") ? true : (stryCov_9fa48("126", "127", "128", "129"), maxC < (stryMutAct_9fa48("130") ? trip.throttleC + thresholds.marginC! : (stryCov_9fa48("130"), trip.throttleC - thresholds.marginC!)))) continue;
          const level = (stryMutAct_9fa48("134") ? maxC < trip.shutdownC : stryMutAct_9fa48("133") ? maxC > trip.shutdownC : stryMutAct_9fa48("132") ? false : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132", "133", "134"), maxC >= trip.shutdownC)) ? 3 : (stryMutAct_9fa48("138") ? maxC < trip.throttleC : stryMutAct_9fa48("137") ? maxC > trip.throttleC : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137", "138"), maxC >= trip.throttleC)) ? 2 : 1;
          hot.push(stryMutAct_9fa48("139") ? {} : (stryCov_9fa48("139"), {
            label,
            maxC,
            i,
            trip,
            col,
            level
          }));
        }
      }
      stryMutAct_9fa48("140") ? hot : (stryCov_9fa48("140"), hot.sort(stryMutAct_9fa48("141") ? () => undefined : (stryCov_9fa48("141"), (a, b) => stryMutAct_9fa48("144") ? b.level - a.level && b.maxC - b.trip.throttleC - (a.maxC - a.trip.throttleC) : stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144"), (stryMutAct_9fa48("145") ? b.level + a.level : (stryCov_9fa48("145"), b.level - a.level)) || (stryMutAct_9fa48("146") ? b.maxC - b.trip.throttleC + (a.maxC - a.trip.throttleC) : (stryCov_9fa48("146"), (stryMutAct_9fa48("147") ? b.maxC + b.trip.throttleC : (stryCov_9fa48("147"), b.maxC - b.trip.throttleC)) - (stryMutAct_9fa48("148") ? a.maxC + a.trip.throttleC : (stryCov_9fa48("148"), a.maxC - a.trip.throttleC))))))));
      const worst = hot[0];
      if (stryMutAct_9fa48("150") ? false : stryMutAct_9fa48("149") ? true : (stryCov_9fa48("149", "150"), worst)) {
        if (stryMutAct_9fa48("151")) {
          {}
        } else {
          stryCov_9fa48("151");
          const {
            label,
            maxC,
            i,
            trip,
            col,
            level
          } = worst;
          const margin = thresholds.marginC!;
          const clocks = clockDrop(t, col, stryMutAct_9fa48("152") ? trip.throttleC + margin : (stryCov_9fa48("152"), trip.throttleC - margin), thresholds.sameLoadPct, thresholds.clockDropPct);
          const hotSamples = stryMutAct_9fa48("153") ? finite(col).length : (stryCov_9fa48("153"), finite(col).filter(stryMutAct_9fa48("154") ? () => undefined : (stryCov_9fa48("154"), v => stryMutAct_9fa48("158") ? v < trip.throttleC - margin : stryMutAct_9fa48("157") ? v > trip.throttleC - margin : stryMutAct_9fa48("156") ? false : stryMutAct_9fa48("155") ? true : (stryCov_9fa48("155", "156", "157", "158"), v >= (stryMutAct_9fa48("159") ? trip.throttleC + margin : (stryCov_9fa48("159"), trip.throttleC - margin))))).length);
          const atOrAbove = stryMutAct_9fa48("160") ? finite(col).length : (stryCov_9fa48("160"), finite(col).filter(stryMutAct_9fa48("161") ? () => undefined : (stryCov_9fa48("161"), v => stryMutAct_9fa48("165") ? v < trip.throttleC : stryMutAct_9fa48("164") ? v > trip.throttleC : stryMutAct_9fa48("163") ? false : stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162", "163", "164", "165"), v >= trip.throttleC))).length);
          // A power cap (over-current throttling) also caps clocks near the trip: it counts when it
          // happened while the sensor was hot (placed on the tegrastats clock), or, when the kernel
          // log's times cannot be placed, anywhere in the log (said so).
          const cap = alignPowerCap(snapshot, t, col, stryMutAct_9fa48("166") ? trip.throttleC + thresholds.throttleMarginC : (stryCov_9fa48("166"), trip.throttleC - thresholds.throttleMarginC), stryMutAct_9fa48("167") ? [] : (stryCov_9fa48("167"), [...signatures.events(stryMutAct_9fa48("168") ? "" : (stryCov_9fa48("168"), 'soctherm-oc-alarm')), ...signatures.events(stryMutAct_9fa48("169") ? "" : (stryCov_9fa48("169"), 'oc-throttle-notification'))]));
          const powerCap = cap.hits;
          const ev: Evidence[] = compact(stryMutAct_9fa48("170") ? [] : (stryCov_9fa48("170"), [tegrastatsEvidence(t, i, stryMutAct_9fa48("171") ? `` : (stryCov_9fa48("171"), `${label}@`)), (stryMutAct_9fa48("174") ? clocks.evidence === undefined : stryMutAct_9fa48("173") ? false : stryMutAct_9fa48("172") ? true : (stryCov_9fa48("172", "173", "174"), clocks.evidence !== undefined)) ? tegrastatsEvidence(t, clocks.evidence) : null]));
          if (stryMutAct_9fa48("176") ? false : stryMutAct_9fa48("175") ? true : (stryCov_9fa48("175", "176"), powerCap.length)) ev.push(...hitEvidence(dfile, stryMutAct_9fa48("177") ? powerCap : (stryCov_9fa48("177"), powerCap.slice(0, 3))));
          const others = stryMutAct_9fa48("178") ? hot.map(h => `${h.label} ${h.maxC} °C`) : (stryCov_9fa48("178"), hot.slice(1).map(stryMutAct_9fa48("179") ? () => undefined : (stryCov_9fa48("179"), h => stryMutAct_9fa48("180") ? `` : (stryCov_9fa48("180"), `${h.label} ${h.maxC} °C`))));
          const figures = stryMutAct_9fa48("181") ? [] : (stryCov_9fa48("181"), [stryMutAct_9fa48("182") ? {} : (stryCov_9fa48("182"), {
            label: stryMutAct_9fa48("183") ? `` : (stryCov_9fa48("183"), `${label} max`),
            value: maxC,
            unit: stryMutAct_9fa48("184") ? "" : (stryCov_9fa48("184"), '°C')
          }), stryMutAct_9fa48("185") ? {} : (stryCov_9fa48("185"), {
            label: stryMutAct_9fa48("186") ? "" : (stryCov_9fa48("186"), 'throttle trip'),
            value: trip.throttleC,
            unit: stryMutAct_9fa48("187") ? "" : (stryCov_9fa48("187"), '°C')
          }), stryMutAct_9fa48("188") ? {} : (stryCov_9fa48("188"), {
            label: stryMutAct_9fa48("189") ? "" : (stryCov_9fa48("189"), 'shutdown trip'),
            value: trip.shutdownC,
            unit: stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), '°C')
          }), stryMutAct_9fa48("191") ? {} : (stryCov_9fa48("191"), {
            label: stryMutAct_9fa48("192") ? "" : (stryCov_9fa48("192"), 'time at or above the throttle trip'),
            value: formatDuration(stryMutAct_9fa48("193") ? atOrAbove / t.intervalSeconds : (stryCov_9fa48("193"), atOrAbove * t.intervalSeconds))
          }), stryMutAct_9fa48("194") ? {} : (stryCov_9fa48("194"), {
            label: stryMutAct_9fa48("195") ? `` : (stryCov_9fa48("195"), `time within ${margin} °C of the trip`),
            value: formatDuration(stryMutAct_9fa48("196") ? hotSamples / t.intervalSeconds : (stryCov_9fa48("196"), hotSamples * t.intervalSeconds))
          }), ...(cap.figure ? stryMutAct_9fa48("197") ? [] : (stryCov_9fa48("197"), [cap.figure]) : stryMutAct_9fa48("198") ? ["Stryker was here"] : (stryCov_9fa48("198"), [])), ...(others.length ? stryMutAct_9fa48("199") ? [] : (stryCov_9fa48("199"), [stryMutAct_9fa48("200") ? {} : (stryCov_9fa48("200"), {
            label: stryMutAct_9fa48("201") ? "" : (stryCov_9fa48("201"), 'other sensors at or near their trip'),
            value: others.join(stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), ', '))
          })]) : stryMutAct_9fa48("203") ? ["Stryker was here"] : (stryCov_9fa48("203"), [])), ...clocks.figures]);
          const cited = fromBootLog(trip);
          const data = stryMutAct_9fa48("204") ? {} : (stryCov_9fa48("204"), {
            sensor: label,
            maxC,
            tripC: trip.throttleC,
            source: trip.source,
            marginC: margin,
            clocks: clocks.summary
          });
          const tags: Tag[] = stryMutAct_9fa48("205") ? [] : (stryCov_9fa48("205"), [stryMutAct_9fa48("206") ? "" : (stryCov_9fa48("206"), 'thermal'), ...(clocks.summary ? ['throttling-clocks'] as const : stryMutAct_9fa48("207") ? ["Stryker was here"] : (stryCov_9fa48("207"), []))]);
          if (stryMutAct_9fa48("210") ? level !== 3 : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), level === 3)) {
            if (stryMutAct_9fa48("211")) {
              {}
            } else {
              stryCov_9fa48("211");
              report(stryMutAct_9fa48("212") ? {} : (stryCov_9fa48("212"), {
                messageId: stryMutAct_9fa48("213") ? "" : (stryCov_9fa48("213"), 'overShutdown'),
                signatures: cited,
                severity: stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), 'critical'),
                confidence: 0.85,
                data: stryMutAct_9fa48("215") ? {} : (stryCov_9fa48("215"), {
                  ...data,
                  tripC: trip.shutdownC
                }),
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("216") ? [] : (stryCov_9fa48("216"), [...tags, stryMutAct_9fa48("217") ? "" : (stryCov_9fa48("217"), 'thermal-throttling'), stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), 'thermal-shutdown')])
              }));
            }
          } else if (stryMutAct_9fa48("221") ? level !== 2 : stryMutAct_9fa48("220") ? false : stryMutAct_9fa48("219") ? true : (stryCov_9fa48("219", "220", "221"), level === 2)) {
            if (stryMutAct_9fa48("222")) {
              {}
            } else {
              stryCov_9fa48("222");
              report(stryMutAct_9fa48("223") ? {} : (stryCov_9fa48("223"), {
                messageId: stryMutAct_9fa48("224") ? "" : (stryCov_9fa48("224"), 'overTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), 'error'),
                confidence: clocks.summary ? 0.9 : 0.75,
                data,
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("226") ? [] : (stryCov_9fa48("226"), [...tags, stryMutAct_9fa48("227") ? "" : (stryCov_9fa48("227"), 'thermal-throttling')])
              }));
            }
          } else if (stryMutAct_9fa48("230") ? maxC >= trip.throttleC - thresholds.throttleMarginC || clocks.summary || powerCap.length : stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229", "230"), (stryMutAct_9fa48("233") ? maxC < trip.throttleC - thresholds.throttleMarginC : stryMutAct_9fa48("232") ? maxC > trip.throttleC - thresholds.throttleMarginC : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232", "233"), maxC >= (stryMutAct_9fa48("234") ? trip.throttleC + thresholds.throttleMarginC : (stryCov_9fa48("234"), trip.throttleC - thresholds.throttleMarginC)))) && (stryMutAct_9fa48("236") ? clocks.summary && powerCap.length : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236"), clocks.summary || powerCap.length)))) {
            if (stryMutAct_9fa48("237")) {
              {}
            } else {
              stryCov_9fa48("237");
              const why = stryMutAct_9fa48("238") ? [clocks.summary.replace(/^; /, ''), powerCap.length ? cap.words : ''].join('; ') : (stryCov_9fa48("238"), (stryMutAct_9fa48("239") ? [] : (stryCov_9fa48("239"), [clocks.summary.replace(stryMutAct_9fa48("240") ? /; / : (stryCov_9fa48("240"), /^; /), stryMutAct_9fa48("241") ? "Stryker was here!" : (stryCov_9fa48("241"), '')), powerCap.length ? cap.words : stryMutAct_9fa48("242") ? "Stryker was here!" : (stryCov_9fa48("242"), '')])).filter(Boolean).join(stryMutAct_9fa48("243") ? "" : (stryCov_9fa48("243"), '; ')));
              report(stryMutAct_9fa48("244") ? {} : (stryCov_9fa48("244"), {
                messageId: stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), 'atTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("246") ? "" : (stryCov_9fa48("246"), 'error'),
                confidence: clocks.summary ? 0.85 : 0.7,
                data: stryMutAct_9fa48("247") ? {} : (stryCov_9fa48("247"), {
                  ...data,
                  marginC: thresholds.throttleMarginC,
                  why
                }),
                figures,
                evidence: ev,
                tags: stryMutAct_9fa48("248") ? [] : (stryCov_9fa48("248"), [...tags, stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), 'thermal-throttling')])
              }));
            }
          } else {
            if (stryMutAct_9fa48("250")) {
              {}
            } else {
              stryCov_9fa48("250");
              report(stryMutAct_9fa48("251") ? {} : (stryCov_9fa48("251"), {
                messageId: stryMutAct_9fa48("252") ? "" : (stryCov_9fa48("252"), 'nearTrip'),
                signatures: cited,
                severity: stryMutAct_9fa48("253") ? "" : (stryCov_9fa48("253"), 'warning'),
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
      if (stryMutAct_9fa48("256") ? !worst && trips.size === 0 || hottest : stryMutAct_9fa48("255") ? false : stryMutAct_9fa48("254") ? true : (stryCov_9fa48("254", "255", "256"), (stryMutAct_9fa48("258") ? !worst || trips.size === 0 : stryMutAct_9fa48("257") ? true : (stryCov_9fa48("257", "258"), (stryMutAct_9fa48("259") ? worst : (stryCov_9fa48("259"), !worst)) && (stryMutAct_9fa48("261") ? trips.size !== 0 : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261"), trips.size === 0)))) && hottest)) {
        if (stryMutAct_9fa48("262")) {
          {}
        } else {
          stryCov_9fa48("262");
          report(stryMutAct_9fa48("263") ? {} : (stryCov_9fa48("263"), {
            messageId: stryMutAct_9fa48("264") ? "" : (stryCov_9fa48("264"), 'tripsUnknown'),
            signatures: stryMutAct_9fa48("265") ? [] : (stryCov_9fa48("265"), [stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), 'tegrastats-temps-clocks')]),
            severity: stryMutAct_9fa48("267") ? "" : (stryCov_9fa48("267"), 'info'),
            confidence: 0.5,
            data: stryMutAct_9fa48("268") ? {} : (stryCov_9fa48("268"), {
              soc: stryMutAct_9fa48("269") ? device.soc && 'unknown' : (stryCov_9fa48("269"), device.soc ?? (stryMutAct_9fa48("270") ? "" : (stryCov_9fa48("270"), 'unknown'))),
              sensor: hottest.sensor,
              maxC: hottest.maxC
            }),
            evidence: compact(stryMutAct_9fa48("271") ? [] : (stryCov_9fa48("271"), [tegrastatsEvidence(t, hottest.i, stryMutAct_9fa48("272") ? `` : (stryCov_9fa48("272"), `${hottest.sensor}@`))])),
            tags: stryMutAct_9fa48("273") ? [] : (stryCov_9fa48("273"), [stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), 'thermal')])
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
  if (stryMutAct_9fa48("275")) {
    {}
  } else {
    stryCov_9fa48("275");
    if (stryMutAct_9fa48("278") ? false : stryMutAct_9fa48("277") ? true : stryMutAct_9fa48("276") ? all.length : (stryCov_9fa48("276", "277", "278"), !all.length)) return stryMutAct_9fa48("279") ? {} : (stryCov_9fa48("279"), {
      hits: stryMutAct_9fa48("280") ? ["Stryker was here"] : (stryCov_9fa48("280"), []),
      words: stryMutAct_9fa48("281") ? "Stryker was here!" : (stryCov_9fa48("281"), '')
    });
    const timeline = kernelTimeline(snapshot);
    const placed = (stryMutAct_9fa48("284") ? t.startEpoch === undefined : stryMutAct_9fa48("283") ? false : stryMutAct_9fa48("282") ? true : (stryCov_9fa48("282", "283", "284"), t.startEpoch !== undefined)) ? stryMutAct_9fa48("285") ? all.map(h => ({
      h,
      e: timeline.epochOf(h)
    })) : (stryCov_9fa48("285"), all.map(stryMutAct_9fa48("286") ? () => undefined : (stryCov_9fa48("286"), h => stryMutAct_9fa48("287") ? {} : (stryCov_9fa48("287"), {
      h,
      e: timeline.epochOf(h)
    }))).filter(stryMutAct_9fa48("288") ? () => undefined : (stryCov_9fa48("288"), (x): x is {
      h: SignatureHit;
      e: number;
    } => stryMutAct_9fa48("291") ? x.e === undefined : stryMutAct_9fa48("290") ? false : stryMutAct_9fa48("289") ? true : (stryCov_9fa48("289", "290", "291"), x.e !== undefined)))) : stryMutAct_9fa48("292") ? ["Stryker was here"] : (stryCov_9fa48("292"), []);
    if (stryMutAct_9fa48("295") ? false : stryMutAct_9fa48("294") ? true : stryMutAct_9fa48("293") ? placed.length : (stryCov_9fa48("293", "294", "295"), !placed.length)) {
      if (stryMutAct_9fa48("296")) {
        {}
      } else {
        stryCov_9fa48("296");
        return stryMutAct_9fa48("297") ? {} : (stryCov_9fa48("297"), {
          hits: all,
          words: stryMutAct_9fa48("298") ? `` : (stryCov_9fa48("298"), `${all.length} over-current (power cap) event(s) in the log (their times cannot be placed on the tegrastats clock)`),
          figure: stryMutAct_9fa48("299") ? {} : (stryCov_9fa48("299"), {
            label: stryMutAct_9fa48("300") ? "" : (stryCov_9fa48("300"), 'over-current (power cap) events in the log'),
            value: all.length
          })
        });
      }
    }
    const slack = stryMutAct_9fa48("301") ? 2 / Math.max(1, t.intervalSeconds) : (stryCov_9fa48("301"), 2 * (stryMutAct_9fa48("302") ? Math.min(1, t.intervalSeconds) : (stryCov_9fa48("302"), Math.max(1, t.intervalSeconds))));
    const hot: number[] = stryMutAct_9fa48("303") ? ["Stryker was here"] : (stryCov_9fa48("303"), []);
    for (let i = 0; stryMutAct_9fa48("306") ? i >= t.samples : stryMutAct_9fa48("305") ? i <= t.samples : stryMutAct_9fa48("304") ? false : (stryCov_9fa48("304", "305", "306"), i < t.samples); stryMutAct_9fa48("307") ? i-- : (stryCov_9fa48("307"), i++)) if (stryMutAct_9fa48("311") ? temp[i]! < hotC : stryMutAct_9fa48("310") ? temp[i]! > hotC : stryMutAct_9fa48("309") ? false : stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308", "309", "310", "311"), temp[i]! >= hotC)) hot.push(stryMutAct_9fa48("312") ? t.startEpoch! - t.t[i]! : (stryCov_9fa48("312"), t.startEpoch! + t.t[i]!));
    const near = stryMutAct_9fa48("313") ? placed : (stryCov_9fa48("313"), placed.filter(stryMutAct_9fa48("314") ? () => undefined : (stryCov_9fa48("314"), x => stryMutAct_9fa48("315") ? hot.every(e => Math.abs(e - x.e) <= slack) : (stryCov_9fa48("315"), hot.some(stryMutAct_9fa48("316") ? () => undefined : (stryCov_9fa48("316"), e => stryMutAct_9fa48("320") ? Math.abs(e - x.e) > slack : stryMutAct_9fa48("319") ? Math.abs(e - x.e) < slack : stryMutAct_9fa48("318") ? false : stryMutAct_9fa48("317") ? true : (stryCov_9fa48("317", "318", "319", "320"), Math.abs(stryMutAct_9fa48("321") ? e + x.e : (stryCov_9fa48("321"), e - x.e)) <= slack)))))));
    if (stryMutAct_9fa48("324") ? false : stryMutAct_9fa48("323") ? true : stryMutAct_9fa48("322") ? near.length : (stryCov_9fa48("322", "323", "324"), !near.length)) return stryMutAct_9fa48("325") ? {} : (stryCov_9fa48("325"), {
      hits: stryMutAct_9fa48("326") ? ["Stryker was here"] : (stryCov_9fa48("326"), []),
      words: stryMutAct_9fa48("327") ? "Stryker was here!" : (stryCov_9fa48("327"), ''),
      figure: stryMutAct_9fa48("328") ? {} : (stryCov_9fa48("328"), {
        label: stryMutAct_9fa48("329") ? "" : (stryCov_9fa48("329"), 'over-current (power cap) events'),
        value: stryMutAct_9fa48("330") ? `` : (stryCov_9fa48("330"), `${all.length} in the log, none while the sensor was hot`)
      })
    });
    const first = clockTime(stryMutAct_9fa48("331") ? Math.max(...near.map(x => x.e)) : (stryCov_9fa48("331"), Math.min(...near.map(stryMutAct_9fa48("332") ? () => undefined : (stryCov_9fa48("332"), x => x.e)))));
    return stryMutAct_9fa48("333") ? {} : (stryCov_9fa48("333"), {
      hits: near.map(stryMutAct_9fa48("334") ? () => undefined : (stryCov_9fa48("334"), x => x.h)),
      words: stryMutAct_9fa48("335") ? `` : (stryCov_9fa48("335"), `${near.length} over-current (power cap) event(s) while it was hot, the first at ${first}`),
      figure: stryMutAct_9fa48("336") ? {} : (stryCov_9fa48("336"), {
        label: stryMutAct_9fa48("337") ? "" : (stryCov_9fa48("337"), 'over-current (power cap) events while hot'),
        value: stryMutAct_9fa48("338") ? `` : (stryCov_9fa48("338"), `${near.length} of ${all.length}, first at ${first}`)
      })
    });
  }
}

/** Throttling is inferred from temperatures (the tegrastats-temps-clocks class); a boot-log trip adds its own id. */
function fromBootLog(trip: Trip): ('tegrastats-temps-clocks' | 'soctherm-trip-config')[] {
  if (stryMutAct_9fa48("339")) {
    {}
  } else {
    stryCov_9fa48("339");
    return (stryMutAct_9fa48("340") ? trip.source.endsWith('boot log') : (stryCov_9fa48("340"), trip.source.startsWith(stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), 'boot log')))) ? stryMutAct_9fa48("342") ? [] : (stryCov_9fa48("342"), [stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), 'tegrastats-temps-clocks'), stryMutAct_9fa48("344") ? "" : (stryCov_9fa48("344"), 'soctherm-trip-config')]) : stryMutAct_9fa48("345") ? [] : (stryCov_9fa48("345"), [stryMutAct_9fa48("346") ? "" : (stryCov_9fa48("346"), 'tegrastats-temps-clocks')]);
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
  if (stryMutAct_9fa48("347")) {
    {}
  } else {
    stryCov_9fa48("347");
    const parts: string[] = stryMutAct_9fa48("348") ? ["Stryker was here"] : (stryCov_9fa48("348"), []);
    const figures: {
      label: string;
      value: number | string;
      unit?: string;
    }[] = stryMutAct_9fa48("349") ? ["Stryker was here"] : (stryCov_9fa48("349"), []);
    let evidence: number | undefined;
    const check = (name: string, freq: (i: number) => number, load: (i: number) => number) => {
      if (stryMutAct_9fa48("350")) {
        {}
      } else {
        stryCov_9fa48("350");
        const coolF: number[] = stryMutAct_9fa48("351") ? ["Stryker was here"] : (stryCov_9fa48("351"), []);
        const coolL: number[] = stryMutAct_9fa48("352") ? ["Stryker was here"] : (stryCov_9fa48("352"), []);
        for (let i = 0; stryMutAct_9fa48("355") ? i >= t.samples : stryMutAct_9fa48("354") ? i <= t.samples : stryMutAct_9fa48("353") ? false : (stryCov_9fa48("353", "354", "355"), i < t.samples); stryMutAct_9fa48("356") ? i-- : (stryCov_9fa48("356"), i++)) {
          if (stryMutAct_9fa48("357")) {
            {}
          } else {
            stryCov_9fa48("357");
            const f = freq(i);
            if (stryMutAct_9fa48("360") ? Number.isFinite(f) && Number.isFinite(load(i)) || temp[i]! < hotC - 5 : stryMutAct_9fa48("359") ? false : stryMutAct_9fa48("358") ? true : (stryCov_9fa48("358", "359", "360"), (stryMutAct_9fa48("362") ? Number.isFinite(f) || Number.isFinite(load(i)) : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361", "362"), Number.isFinite(f) && Number.isFinite(load(i)))) && (stryMutAct_9fa48("365") ? temp[i]! >= hotC - 5 : stryMutAct_9fa48("364") ? temp[i]! <= hotC - 5 : stryMutAct_9fa48("363") ? true : (stryCov_9fa48("363", "364", "365"), temp[i]! < (stryMutAct_9fa48("366") ? hotC + 5 : (stryCov_9fa48("366"), hotC - 5)))))) {
              if (stryMutAct_9fa48("367")) {
                {}
              } else {
                stryCov_9fa48("367");
                coolF.push(f);
                coolL.push(load(i));
              }
            }
          }
        }
        const base = median(coolF);
        const baseLoad = median(coolL);
        if (stryMutAct_9fa48("370") ? (!Number.isFinite(base) || !Number.isFinite(baseLoad)) && baseLoad <= 0 : stryMutAct_9fa48("369") ? false : stryMutAct_9fa48("368") ? true : (stryCov_9fa48("368", "369", "370"), (stryMutAct_9fa48("372") ? !Number.isFinite(base) && !Number.isFinite(baseLoad) : stryMutAct_9fa48("371") ? false : (stryCov_9fa48("371", "372"), (stryMutAct_9fa48("373") ? Number.isFinite(base) : (stryCov_9fa48("373"), !Number.isFinite(base))) || (stryMutAct_9fa48("374") ? Number.isFinite(baseLoad) : (stryCov_9fa48("374"), !Number.isFinite(baseLoad))))) || (stryMutAct_9fa48("377") ? baseLoad > 0 : stryMutAct_9fa48("376") ? baseLoad < 0 : stryMutAct_9fa48("375") ? false : (stryCov_9fa48("375", "376", "377"), baseLoad <= 0)))) return;
        let hotMin = Infinity;
        let at = stryMutAct_9fa48("378") ? +1 : (stryCov_9fa48("378"), -1);
        for (let i = 0; stryMutAct_9fa48("381") ? i >= t.samples : stryMutAct_9fa48("380") ? i <= t.samples : stryMutAct_9fa48("379") ? false : (stryCov_9fa48("379", "380", "381"), i < t.samples); stryMutAct_9fa48("382") ? i-- : (stryCov_9fa48("382"), i++)) {
          if (stryMutAct_9fa48("383")) {
            {}
          } else {
            stryCov_9fa48("383");
            const f = freq(i);
            if (stryMutAct_9fa48("386") ? (!Number.isFinite(f) || !(temp[i]! >= hotC)) && !(load(i) >= baseLoad - sameLoadPct) : stryMutAct_9fa48("385") ? false : stryMutAct_9fa48("384") ? true : (stryCov_9fa48("384", "385", "386"), (stryMutAct_9fa48("388") ? !Number.isFinite(f) && !(temp[i]! >= hotC) : stryMutAct_9fa48("387") ? false : (stryCov_9fa48("387", "388"), (stryMutAct_9fa48("389") ? Number.isFinite(f) : (stryCov_9fa48("389"), !Number.isFinite(f))) || (stryMutAct_9fa48("390") ? temp[i]! >= hotC : (stryCov_9fa48("390"), !(stryMutAct_9fa48("394") ? temp[i]! < hotC : stryMutAct_9fa48("393") ? temp[i]! > hotC : stryMutAct_9fa48("392") ? false : stryMutAct_9fa48("391") ? true : (stryCov_9fa48("391", "392", "393", "394"), temp[i]! >= hotC)))))) || (stryMutAct_9fa48("395") ? load(i) >= baseLoad - sameLoadPct : (stryCov_9fa48("395"), !(stryMutAct_9fa48("399") ? load(i) < baseLoad - sameLoadPct : stryMutAct_9fa48("398") ? load(i) > baseLoad - sameLoadPct : stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397", "398", "399"), load(i) >= (stryMutAct_9fa48("400") ? baseLoad + sameLoadPct : (stryCov_9fa48("400"), baseLoad - sameLoadPct)))))))) continue;
            if (stryMutAct_9fa48("404") ? f >= hotMin : stryMutAct_9fa48("403") ? f <= hotMin : stryMutAct_9fa48("402") ? false : stryMutAct_9fa48("401") ? true : (stryCov_9fa48("401", "402", "403", "404"), f < hotMin)) {
              if (stryMutAct_9fa48("405")) {
                {}
              } else {
                stryCov_9fa48("405");
                hotMin = f;
                at = i;
              }
            }
          }
        }
        if (stryMutAct_9fa48("408") ? at < 0 && hotMin > base * (1 - dropPct / 100) : stryMutAct_9fa48("407") ? false : stryMutAct_9fa48("406") ? true : (stryCov_9fa48("406", "407", "408"), (stryMutAct_9fa48("411") ? at >= 0 : stryMutAct_9fa48("410") ? at <= 0 : stryMutAct_9fa48("409") ? false : (stryCov_9fa48("409", "410", "411"), at < 0)) || (stryMutAct_9fa48("414") ? hotMin <= base * (1 - dropPct / 100) : stryMutAct_9fa48("413") ? hotMin >= base * (1 - dropPct / 100) : stryMutAct_9fa48("412") ? false : (stryCov_9fa48("412", "413", "414"), hotMin > (stryMutAct_9fa48("415") ? base / (1 - dropPct / 100) : (stryCov_9fa48("415"), base * (stryMutAct_9fa48("416") ? 1 + dropPct / 100 : (stryCov_9fa48("416"), 1 - (stryMutAct_9fa48("417") ? dropPct * 100 : (stryCov_9fa48("417"), dropPct / 100)))))))))) return;
        parts.push(stryMutAct_9fa48("418") ? `` : (stryCov_9fa48("418"), `${name} clock fell from ${base} to ${hotMin} MHz at unchanged load`));
        figures.push(stryMutAct_9fa48("419") ? {} : (stryCov_9fa48("419"), {
          label: stryMutAct_9fa48("420") ? `` : (stryCov_9fa48("420"), `${name} MHz cool / hot`),
          value: stryMutAct_9fa48("421") ? `` : (stryCov_9fa48("421"), `${base} / ${hotMin}`)
        }));
        stryMutAct_9fa48("422") ? evidence &&= at : (stryCov_9fa48("422"), evidence ??= at);
      }
    };
    check(stryMutAct_9fa48("423") ? "" : (stryCov_9fa48("423"), 'GPU'), stryMutAct_9fa48("424") ? () => undefined : (stryCov_9fa48("424"), i => t.gr3dFreqMHz[i]!), stryMutAct_9fa48("425") ? () => undefined : (stryCov_9fa48("425"), i => t.gr3dLoad[i]!));
    check(stryMutAct_9fa48("426") ? "" : (stryCov_9fa48("426"), 'CPU'), stryMutAct_9fa48("427") ? () => undefined : (stryCov_9fa48("427"), i => stryMutAct_9fa48("428") ? Math.min(...t.cpuFreqMHz.map(c => Number.isFinite(c[i]!) ? c[i]! : -Infinity)) : (stryCov_9fa48("428"), Math.max(...t.cpuFreqMHz.map(stryMutAct_9fa48("429") ? () => undefined : (stryCov_9fa48("429"), c => Number.isFinite(c[i]!) ? c[i]! : stryMutAct_9fa48("430") ? +Infinity : (stryCov_9fa48("430"), -Infinity)))))), i => {
      if (stryMutAct_9fa48("431")) {
        {}
      } else {
        stryCov_9fa48("431");
        const loads = stryMutAct_9fa48("432") ? t.cpuLoad.map(c => c[i]!) : (stryCov_9fa48("432"), t.cpuLoad.map(stryMutAct_9fa48("433") ? () => undefined : (stryCov_9fa48("433"), c => c[i]!)).filter(Number.isFinite));
        return loads.length ? stryMutAct_9fa48("434") ? loads.reduce((a, b) => a + b, 0) * loads.length : (stryCov_9fa48("434"), loads.reduce(stryMutAct_9fa48("435") ? () => undefined : (stryCov_9fa48("435"), (a, b) => stryMutAct_9fa48("436") ? a - b : (stryCov_9fa48("436"), a + b)), 0) / loads.length) : NaN;
      }
    });
    return stryMutAct_9fa48("437") ? {} : (stryCov_9fa48("437"), {
      summary: parts.length ? stryMutAct_9fa48("438") ? `` : (stryCov_9fa48("438"), `; ${parts.join(stryMutAct_9fa48("439") ? "" : (stryCov_9fa48("439"), '; '))}`) : stryMutAct_9fa48("440") ? "Stryker was here!" : (stryCov_9fa48("440"), ''),
      figures,
      evidence
    });
  }
}

/** The seed's step 6 as written: each thermal zone's type and temp, read at capture time. */
function checkZoneReadings(snapshot: Snapshot, trips: Map<string, Trip>, marginC: number) {
  if (stryMutAct_9fa48("441")) {
    {}
  } else {
    stryCov_9fa48("441");
    let worst: {
      z: ThermalZoneReading;
      trip: Trip;
      level: number;
    } | null = null;
    for (const z of stryMutAct_9fa48("442") ? snapshot.identity?.thermalZones && [] : (stryCov_9fa48("442"), (stryMutAct_9fa48("443") ? snapshot.identity.thermalZones : (stryCov_9fa48("443"), snapshot.identity?.thermalZones)) ?? (stryMutAct_9fa48("444") ? ["Stryker was here"] : (stryCov_9fa48("444"), [])))) {
      if (stryMutAct_9fa48("445")) {
        {}
      } else {
        stryCov_9fa48("445");
        if (stryMutAct_9fa48("448") ? (z.tempC === undefined || z.tempC <= -40) && !z.type : stryMutAct_9fa48("447") ? false : stryMutAct_9fa48("446") ? true : (stryCov_9fa48("446", "447", "448"), (stryMutAct_9fa48("450") ? z.tempC === undefined && z.tempC <= -40 : stryMutAct_9fa48("449") ? false : (stryCov_9fa48("449", "450"), (stryMutAct_9fa48("452") ? z.tempC !== undefined : stryMutAct_9fa48("451") ? false : (stryCov_9fa48("451", "452"), z.tempC === undefined)) || (stryMutAct_9fa48("455") ? z.tempC > -40 : stryMutAct_9fa48("454") ? z.tempC < -40 : stryMutAct_9fa48("453") ? false : (stryCov_9fa48("453", "454", "455"), z.tempC <= (stryMutAct_9fa48("456") ? +40 : (stryCov_9fa48("456"), -40)))))) || (stryMutAct_9fa48("457") ? z.type : (stryCov_9fa48("457"), !z.type)))) continue;
        const label = stryMutAct_9fa48("458") ? z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toUpperCase() : (stryCov_9fa48("458"), z.type.replace(stryMutAct_9fa48("460") ? /[^-_](thermal|therm|tegra)$/i : stryMutAct_9fa48("459") ? /[-_](thermal|therm|tegra)/i : (stryCov_9fa48("459", "460"), /[-_](thermal|therm|tegra)$/i), stryMutAct_9fa48("461") ? "Stryker was here!" : (stryCov_9fa48("461"), '')).toLowerCase());
        const trip = trips.get(label);
        if (stryMutAct_9fa48("464") ? !trip && z.tempC < trip.throttleC - marginC : stryMutAct_9fa48("463") ? false : stryMutAct_9fa48("462") ? true : (stryCov_9fa48("462", "463", "464"), (stryMutAct_9fa48("465") ? trip : (stryCov_9fa48("465"), !trip)) || (stryMutAct_9fa48("468") ? z.tempC >= trip.throttleC - marginC : stryMutAct_9fa48("467") ? z.tempC <= trip.throttleC - marginC : stryMutAct_9fa48("466") ? false : (stryCov_9fa48("466", "467", "468"), z.tempC < (stryMutAct_9fa48("469") ? trip.throttleC + marginC : (stryCov_9fa48("469"), trip.throttleC - marginC)))))) continue;
        const level = (stryMutAct_9fa48("473") ? z.tempC < trip.shutdownC : stryMutAct_9fa48("472") ? z.tempC > trip.shutdownC : stryMutAct_9fa48("471") ? false : stryMutAct_9fa48("470") ? true : (stryCov_9fa48("470", "471", "472", "473"), z.tempC >= trip.shutdownC)) ? 3 : (stryMutAct_9fa48("477") ? z.tempC < trip.throttleC : stryMutAct_9fa48("476") ? z.tempC > trip.throttleC : stryMutAct_9fa48("475") ? false : stryMutAct_9fa48("474") ? true : (stryCov_9fa48("474", "475", "476", "477"), z.tempC >= trip.throttleC)) ? 2 : 1;
        if (stryMutAct_9fa48("480") ? (!worst || level > worst.level) && z.tempC - trip.throttleC > worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("479") ? false : stryMutAct_9fa48("478") ? true : (stryCov_9fa48("478", "479", "480"), (stryMutAct_9fa48("482") ? !worst && level > worst.level : stryMutAct_9fa48("481") ? false : (stryCov_9fa48("481", "482"), (stryMutAct_9fa48("483") ? worst : (stryCov_9fa48("483"), !worst)) || (stryMutAct_9fa48("486") ? level <= worst.level : stryMutAct_9fa48("485") ? level >= worst.level : stryMutAct_9fa48("484") ? false : (stryCov_9fa48("484", "485", "486"), level > worst.level)))) || (stryMutAct_9fa48("489") ? z.tempC - trip.throttleC <= worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("488") ? z.tempC - trip.throttleC >= worst.z.tempC! - worst.trip.throttleC : stryMutAct_9fa48("487") ? false : (stryCov_9fa48("487", "488", "489"), (stryMutAct_9fa48("490") ? z.tempC + trip.throttleC : (stryCov_9fa48("490"), z.tempC - trip.throttleC)) > (stryMutAct_9fa48("491") ? worst.z.tempC! + worst.trip.throttleC : (stryCov_9fa48("491"), worst.z.tempC! - worst.trip.throttleC)))))) worst = stryMutAct_9fa48("492") ? {} : (stryCov_9fa48("492"), {
          z,
          trip,
          level
        });
      }
    }
    if (stryMutAct_9fa48("495") ? false : stryMutAct_9fa48("494") ? true : stryMutAct_9fa48("493") ? worst : (stryCov_9fa48("493", "494", "495"), !worst)) return null;
    const {
      z,
      trip,
      level
    } = worst;
    const data = stryMutAct_9fa48("496") ? {} : (stryCov_9fa48("496"), {
      sensor: stryMutAct_9fa48("497") ? `` : (stryCov_9fa48("497"), `${z.type} (${z.zone})`),
      maxC: z.tempC!,
      tripC: (stryMutAct_9fa48("500") ? level !== 3 : stryMutAct_9fa48("499") ? false : stryMutAct_9fa48("498") ? true : (stryCov_9fa48("498", "499", "500"), level === 3)) ? trip.shutdownC : trip.throttleC,
      source: trip.source,
      marginC,
      clocks: stryMutAct_9fa48("501") ? "Stryker was here!" : (stryCov_9fa48("501"), '')
    });
    const evidence = z.tempLine ? stryMutAct_9fa48("502") ? [] : (stryCov_9fa48("502"), [z.tempLine]) : stryMutAct_9fa48("503") ? ["Stryker was here"] : (stryCov_9fa48("503"), []);
    const figures = stryMutAct_9fa48("504") ? [] : (stryCov_9fa48("504"), [stryMutAct_9fa48("505") ? {} : (stryCov_9fa48("505"), {
      label: z.type!,
      value: z.tempC!,
      unit: stryMutAct_9fa48("506") ? "" : (stryCov_9fa48("506"), '°C')
    }), stryMutAct_9fa48("507") ? {} : (stryCov_9fa48("507"), {
      label: stryMutAct_9fa48("508") ? "" : (stryCov_9fa48("508"), 'throttle trip'),
      value: trip.throttleC,
      unit: stryMutAct_9fa48("509") ? "" : (stryCov_9fa48("509"), '°C')
    })]);
    const tags: Tag[] = (stryMutAct_9fa48("513") ? level < 3 : stryMutAct_9fa48("512") ? level > 3 : stryMutAct_9fa48("511") ? false : stryMutAct_9fa48("510") ? true : (stryCov_9fa48("510", "511", "512", "513"), level >= 3)) ? stryMutAct_9fa48("514") ? [] : (stryCov_9fa48("514"), [stryMutAct_9fa48("515") ? "" : (stryCov_9fa48("515"), 'thermal'), stryMutAct_9fa48("516") ? "" : (stryCov_9fa48("516"), 'thermal-throttling'), stryMutAct_9fa48("517") ? "" : (stryCov_9fa48("517"), 'thermal-shutdown')]) : (stryMutAct_9fa48("521") ? level < 2 : stryMutAct_9fa48("520") ? level > 2 : stryMutAct_9fa48("519") ? false : stryMutAct_9fa48("518") ? true : (stryCov_9fa48("518", "519", "520", "521"), level >= 2)) ? stryMutAct_9fa48("522") ? [] : (stryCov_9fa48("522"), [stryMutAct_9fa48("523") ? "" : (stryCov_9fa48("523"), 'thermal'), stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), 'thermal-throttling')]) : stryMutAct_9fa48("525") ? [] : (stryCov_9fa48("525"), [stryMutAct_9fa48("526") ? "" : (stryCov_9fa48("526"), 'thermal')]);
    const messageId = (stryMutAct_9fa48("529") ? level !== 3 : stryMutAct_9fa48("528") ? false : stryMutAct_9fa48("527") ? true : (stryCov_9fa48("527", "528", "529"), level === 3)) ? 'overShutdown' as const : (stryMutAct_9fa48("532") ? level !== 2 : stryMutAct_9fa48("531") ? false : stryMutAct_9fa48("530") ? true : (stryCov_9fa48("530", "531", "532"), level === 2)) ? 'overTrip' as const : 'nearTrip' as const;
    const severity = (stryMutAct_9fa48("535") ? level !== 3 : stryMutAct_9fa48("534") ? false : stryMutAct_9fa48("533") ? true : (stryCov_9fa48("533", "534", "535"), level === 3)) ? 'critical' as const : (stryMutAct_9fa48("538") ? level !== 2 : stryMutAct_9fa48("537") ? false : stryMutAct_9fa48("536") ? true : (stryCov_9fa48("536", "537", "538"), level === 2)) ? 'error' as const : 'warning' as const;
    return stryMutAct_9fa48("539") ? {} : (stryCov_9fa48("539"), {
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
  if (stryMutAct_9fa48("540")) {
    {}
  } else {
    stryCov_9fa48("540");
    const tt = snapshot.thermalTrips;
    for (const z of stryMutAct_9fa48("541") ? tt?.zones && [] : (stryCov_9fa48("541"), (stryMutAct_9fa48("542") ? tt.zones : (stryCov_9fa48("542"), tt?.zones)) ?? (stryMutAct_9fa48("543") ? ["Stryker was here"] : (stryCov_9fa48("543"), [])))) {
      if (stryMutAct_9fa48("544")) {
        {}
      } else {
        stryCov_9fa48("544");
        if (stryMutAct_9fa48("547") ? !z.type && z.throttleC === undefined && z.shutdownC === undefined : stryMutAct_9fa48("546") ? false : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546", "547"), (stryMutAct_9fa48("548") ? z.type : (stryCov_9fa48("548"), !z.type)) || (stryMutAct_9fa48("550") ? z.throttleC === undefined || z.shutdownC === undefined : stryMutAct_9fa48("549") ? false : (stryCov_9fa48("549", "550"), (stryMutAct_9fa48("552") ? z.throttleC !== undefined : stryMutAct_9fa48("551") ? true : (stryCov_9fa48("551", "552"), z.throttleC === undefined)) && (stryMutAct_9fa48("554") ? z.shutdownC !== undefined : stryMutAct_9fa48("553") ? true : (stryCov_9fa48("553", "554"), z.shutdownC === undefined)))))) continue;
        const label = stryMutAct_9fa48("555") ? z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toUpperCase() : (stryCov_9fa48("555"), z.type.replace(stryMutAct_9fa48("557") ? /[^-_](thermal|therm|tegra)$/i : stryMutAct_9fa48("556") ? /[-_](thermal|therm|tegra)/i : (stryCov_9fa48("556", "557"), /[-_](thermal|therm|tegra)$/i), stryMutAct_9fa48("558") ? "Stryker was here!" : (stryCov_9fa48("558"), '')).toLowerCase());
        const cur = trips.get(label);
        const line = stryMutAct_9fa48("559") ? z.trips.find(x => x.type === 'passive' || x.type === 'critical')?.line && z.line : (stryCov_9fa48("559"), (stryMutAct_9fa48("560") ? z.trips.find(x => x.type === 'passive' || x.type === 'critical').line : (stryCov_9fa48("560"), z.trips.find(stryMutAct_9fa48("561") ? () => undefined : (stryCov_9fa48("561"), x => stryMutAct_9fa48("564") ? x.type === 'passive' && x.type === 'critical' : stryMutAct_9fa48("563") ? false : stryMutAct_9fa48("562") ? true : (stryCov_9fa48("562", "563", "564"), (stryMutAct_9fa48("566") ? x.type !== 'passive' : stryMutAct_9fa48("565") ? false : (stryCov_9fa48("565", "566"), x.type === (stryMutAct_9fa48("567") ? "" : (stryCov_9fa48("567"), 'passive')))) || (stryMutAct_9fa48("569") ? x.type !== 'critical' : stryMutAct_9fa48("568") ? false : (stryCov_9fa48("568", "569"), x.type === (stryMutAct_9fa48("570") ? "" : (stryCov_9fa48("570"), 'critical')))))))?.line)) ?? z.line);
        trips.set(label, stryMutAct_9fa48("571") ? {} : (stryCov_9fa48("571"), {
          throttleC: stryMutAct_9fa48("572") ? (z.throttleC ?? cur?.throttleC) && Infinity : (stryCov_9fa48("572"), (stryMutAct_9fa48("573") ? z.throttleC && cur?.throttleC : (stryCov_9fa48("573"), z.throttleC ?? (stryMutAct_9fa48("574") ? cur.throttleC : (stryCov_9fa48("574"), cur?.throttleC)))) ?? Infinity),
          shutdownC: stryMutAct_9fa48("575") ? (z.shutdownC ?? cur?.shutdownC) && Infinity : (stryCov_9fa48("575"), (stryMutAct_9fa48("576") ? z.shutdownC && cur?.shutdownC : (stryCov_9fa48("576"), z.shutdownC ?? (stryMutAct_9fa48("577") ? cur.shutdownC : (stryCov_9fa48("577"), cur?.shutdownC)))) ?? Infinity),
          // The file's name, not its path: the verdict reads the same for a folder and its archive.
          source: stryMutAct_9fa48("578") ? `` : (stryCov_9fa48("578"), `device trip points ${tt!.file.split(stryMutAct_9fa48("579") ? "" : (stryCov_9fa48("579"), '/')).pop()}:${line}`)
        }));
      }
    }
  }
}