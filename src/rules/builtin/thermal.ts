import { defineRule } from '../define.js';
import type { Evidence } from '../types.js';
import type { Tag } from '../tags.js';
import type { Column, Snapshot, ThermalZoneReading } from '../../snapshot/types.js';
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
export const thermal = defineRule({
  meta: {
    id: 'thermal',
    title: 'Thermal throttling and shutdown',
    category: 'thermal',
    docs: {
      description: 'Compares tegrastats temperatures (or the thermal_zone*/temp readings) with the trip points of the board (boot-log soctherm lines first, else the SoC table: Orin 99.0/104.5 C, AGX Xavier CPU 90/95.5 C, Nano CPU 100.5/102.5 C), checks whether CPU/GPU clocks fell while hot and busy, and reports critical-shutdown lines.',
      why: 'Jetson throttling is done by hardware/BPMP and prints nothing: inference slows and buffers queue up with no log line, so it must be inferred from temperatures and clocks.',
      seed: 'seed §20 step 6, §21 Thermal Throttling Causing Latency Spikes; jetson-reference §4; signatures tegrastats-temps-clocks, soctherm-trip-config, thermal-critical-shutdown',
    },
    requires: [],
    requiresAny: ['tegrastats', 'dmesg', 'identity'],
    unavailable: (s) => (s.tegrastats?.samples || s.dmesg?.records.length || s.identity?.thermalZones?.length ? null : 'tegrastats log, kernel log (dmesg) or thermal zone readings (/sys/class/thermal/thermal_zone*/temp)'),
    uses: ['identity', 'thermalTrips'],
    thresholds: { marginC: 3, throttleMarginC: 2, clockDropPct: 5, sameLoadPct: 5 },
    messages: {
      overTrip: '{{sensor}} reached {{maxC}} °C, at or above its {{tripC}} °C throttle trip ({{source}}): the SoC was throttling{{clocks}}.',
      nearTrip: '{{sensor}} reached {{maxC}} °C, within {{marginC}} °C of its {{tripC}} °C throttle trip ({{source}}){{clocks}}.',
      atTrip: '{{sensor}} reached {{maxC}} °C, within {{marginC}} °C of its {{tripC}} °C throttle trip ({{source}}), and {{why}}: the SoC was throttling.',
      overShutdown: '{{sensor}} reached {{maxC}} °C, at or above the {{tripC}} °C shutdown trip ({{source}}).',
      shutdown: 'The kernel shut the device down for temperature ({{zone}}{{temp}}).',
      tripsUnknown: 'Trip points for this board are not known (no boot-log trip lines, SoC {{soc}}); hottest sensor {{sensor}} at {{maxC}} °C.',
    },
    remedy: [
      'Add active cooling (fan, heatsink) and check ambient temperature and enclosure ventilation.',
      'Use nvpmodel to choose an appropriate power mode; reduce workload or duty cycle.',
      'Verify the fan profile (nvfancontrol) runs and the fan spins.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: Platform Power and Performance, Thermal Management', 'Linux kernel documentation: Documentation/driver-api/thermal/sysfs-api.rst'],
    signatures: ['tegrastats-temps-clocks', 'soctherm-trip-config', 'thermal-critical-shutdown'],
  },
  check({ snapshot, device, thresholds, signatures, report }) {
    const dfile = snapshot.dmesg?.file ?? '';
    for (const h of signatures.events('thermal-critical-shutdown')) {
      report({
        messageId: 'shutdown', signatures: ['thermal-critical-shutdown'],
        severity: 'critical',
        confidence: 0.95,
        data: { zone: h.groups.zone_type ?? h.groups.zone ?? 'thermal zone', temp: h.groups.temp_c ? ` at ${h.groups.temp_c} °C` : '' },
        evidence: hitEvidence(dfile, [h]),
        tags: ['thermal', 'thermal-shutdown', 'reboot'],
      });
    }
    // Trip points: the boot log's own soctherm lines win over the SoC table.
    const trips = new Map<string, Trip>();
    for (const [k, v] of Object.entries(device.trips?.zones ?? {})) trips.set(k, { ...v, source: device.trips!.source });
    const bootLines = signatures.events('soctherm-trip-config');
    for (const h of bootLines) {
      const sensor = h.groups.sensor!.toLowerCase();
      const cur = trips.get(sensor) ?? { throttleC: Infinity, shutdownC: Infinity, source: '' };
      const c = Number(h.groups.mc) / 1000;
      if (h.groups.kind === 'throttrip') cur.throttleC = c;
      else cur.shutdownC = c;
      cur.source = `boot log ${h.file ?? dfile}:${h.line}`;
      trips.set(sensor, cur);
    }
    preferDeviceTrips(snapshot, trips);
    const t = snapshot.tegrastats;
    if (!t || t.samples === 0) {
      const zone = checkZoneReadings(snapshot, trips, thresholds.marginC!);
      if (zone) report(zone);
      return;
    }
    let hottest: { sensor: string; maxC: number; i: number } | null = null;
    // Every sensor with a known trip that came near it; one finding names the worst.
    const hot: { label: string; maxC: number; i: number; trip: Trip; col: Column; level: number }[] = [];
    for (const [label, col] of Object.entries(t.tempC)) {
      const i = maxIndex(col);
      if (i < 0) continue;
      const maxC = col[i]!;
      const trip = trips.get(label.toLowerCase());
      if (!trip) {
        if (!/^(pmic|thermal|charger|max170xx|iwlwifi)$/i.test(label) && (!hottest || maxC > hottest.maxC)) hottest = { sensor: label, maxC, i };
        continue;
      }
      if (!hottest || maxC > hottest.maxC) hottest = { sensor: label, maxC, i };
      if (maxC < trip.throttleC - thresholds.marginC!) continue;
      const level = maxC >= trip.shutdownC ? 3 : maxC >= trip.throttleC ? 2 : 1;
      hot.push({ label, maxC, i, trip, col, level });
    }
    hot.sort((a, b) => b.level - a.level || b.maxC - b.trip.throttleC - (a.maxC - a.trip.throttleC));
    const worst = hot[0];
    if (worst) {
      const { label, maxC, i, trip, col, level } = worst;
      const margin = thresholds.marginC!;
      const clocks = clockDrop(t, col, trip.throttleC - margin, thresholds.sameLoadPct, thresholds.clockDropPct);
      const hotSamples = finite(col).filter((v) => v >= trip.throttleC - margin).length;
      const atOrAbove = finite(col).filter((v) => v >= trip.throttleC).length;
      // A power cap (over-current throttling) also caps clocks near the trip: it counts when it
      // happened while the sensor was hot (placed on the tegrastats clock), or, when the kernel
      // log's times cannot be placed, anywhere in the log (said so).
      const cap = alignPowerCap(snapshot, t, col, trip.throttleC - thresholds.throttleMarginC, [...signatures.events('soctherm-oc-alarm'), ...signatures.events('oc-throttle-notification')]);
      const powerCap = cap.hits;
      const ev: Evidence[] = compact([tegrastatsEvidence(t, i, `${label}@`), clocks.evidence !== undefined ? tegrastatsEvidence(t, clocks.evidence) : null]);
      if (powerCap.length) ev.push(...hitEvidence(dfile, powerCap.slice(0, 3)));
      const others = hot.slice(1).map((h) => `${h.label} ${h.maxC} °C`);
      const figures = [
        { label: `${label} max`, value: maxC, unit: '°C' },
        { label: 'throttle trip', value: trip.throttleC, unit: '°C' },
        { label: 'shutdown trip', value: trip.shutdownC, unit: '°C' },
        { label: 'time at or above the throttle trip', value: formatDuration(atOrAbove * t.intervalSeconds) },
        { label: `time within ${margin} °C of the trip`, value: formatDuration(hotSamples * t.intervalSeconds) },
        ...(cap.figure ? [cap.figure] : []),
        ...(others.length ? [{ label: 'other sensors at or near their trip', value: others.join(', ') }] : []),
        ...clocks.figures,
      ];
      const cited = fromBootLog(trip);
      const data = { sensor: label, maxC, tripC: trip.throttleC, source: trip.source, marginC: margin, clocks: clocks.summary };
      const tags: Tag[] = ['thermal', ...(clocks.summary ? (['throttling-clocks'] as const) : [])];
      if (level === 3) {
        report({ messageId: 'overShutdown', signatures: cited, severity: 'critical', confidence: 0.85, data: { ...data, tripC: trip.shutdownC }, figures, evidence: ev, tags: [...tags, 'thermal-throttling', 'thermal-shutdown'] });
      } else if (level === 2) {
        report({ messageId: 'overTrip', signatures: cited, severity: 'error', confidence: clocks.summary ? 0.9 : 0.75, data, figures, evidence: ev, tags: [...tags, 'thermal-throttling'] });
      } else if (maxC >= trip.throttleC - thresholds.throttleMarginC && (clocks.summary || powerCap.length)) {
        const why = [clocks.summary.replace(/^; /, ''), powerCap.length ? cap.words : ''].filter(Boolean).join('; ');
        report({ messageId: 'atTrip', signatures: cited, severity: 'error', confidence: clocks.summary ? 0.85 : 0.7, data: { ...data, marginC: thresholds.throttleMarginC, why }, figures, evidence: ev, tags: [...tags, 'thermal-throttling'] });
      } else {
        report({ messageId: 'nearTrip', signatures: cited, severity: 'warning', confidence: clocks.summary ? 0.7 : 0.5, data, figures, evidence: ev, tags });
      }
    }
    if (!worst && trips.size === 0 && hottest) {
      report({
        messageId: 'tripsUnknown', signatures: ['tegrastats-temps-clocks'],
        severity: 'info',
        confidence: 0.5,
        data: { soc: device.soc ?? 'unknown', sensor: hottest.sensor, maxC: hottest.maxC },
        evidence: compact([tegrastatsEvidence(t, hottest.i, `${hottest.sensor}@`)]),
        tags: ['thermal'],
      });
    }
  },
});

/**
 * Over-current (power cap) events that bear on a hot stretch: those placed on the tegrastats
 * clock within two sample intervals of a sample at or above `hotC`; when the kernel log's
 * times cannot be placed, every event of the log, and the words say so.
 */
function alignPowerCap(
  snapshot: Snapshot,
  t: NonNullable<Snapshot['tegrastats']>,
  temp: Column,
  hotC: number,
  all: SignatureHit[],
): { hits: SignatureHit[]; words: string; figure?: { label: string; value: number | string } } {
  if (!all.length) return { hits: [], words: '' };
  const timeline = kernelTimeline(snapshot);
  const placed = t.startEpoch !== undefined ? all.map((h) => ({ h, e: timeline.epochOf(h) })).filter((x): x is { h: SignatureHit; e: number } => x.e !== undefined) : [];
  if (!placed.length) {
    return { hits: all, words: `${all.length} over-current (power cap) event(s) in the log (their times cannot be placed on the tegrastats clock)`, figure: { label: 'over-current (power cap) events in the log', value: all.length } };
  }
  const slack = 2 * Math.max(1, t.intervalSeconds);
  const hot: number[] = [];
  for (let i = 0; i < t.samples; i++) if (temp[i]! >= hotC) hot.push(t.startEpoch! + t.t[i]!);
  const near = placed.filter((x) => hot.some((e) => Math.abs(e - x.e) <= slack));
  if (!near.length) return { hits: [], words: '', figure: { label: 'over-current (power cap) events', value: `${all.length} in the log, none while the sensor was hot` } };
  const first = clockTime(Math.min(...near.map((x) => x.e)));
  return {
    hits: near.map((x) => x.h),
    words: `${near.length} over-current (power cap) event(s) while it was hot, the first at ${first}`,
    figure: { label: 'over-current (power cap) events while hot', value: `${near.length} of ${all.length}, first at ${first}` },
  };
}

/** Throttling is inferred from temperatures (the tegrastats-temps-clocks class); a boot-log trip adds its own id. */
function fromBootLog(trip: Trip): ('tegrastats-temps-clocks' | 'soctherm-trip-config')[] {
  return trip.source.startsWith('boot log') ? ['tegrastats-temps-clocks', 'soctherm-trip-config'] : ['tegrastats-temps-clocks'];
}

/**
 * Did GPU or CPU clocks fall while this sensor was hot, at a load no lower than when it was
 * cool? Even a small drop at unchanged load is the governor or the hardware capping clocks.
 */
function clockDrop(
  t: NonNullable<Snapshot['tegrastats']>,
  temp: Column,
  hotC: number,
  sameLoadPct: number,
  dropPct: number,
): { summary: string; figures: { label: string; value: number | string; unit?: string }[]; evidence?: number } {
  const parts: string[] = [];
  const figures: { label: string; value: number | string; unit?: string }[] = [];
  let evidence: number | undefined;
  const check = (name: string, freq: (i: number) => number, load: (i: number) => number) => {
    const coolF: number[] = [];
    const coolL: number[] = [];
    for (let i = 0; i < t.samples; i++) {
      const f = freq(i);
      if (Number.isFinite(f) && Number.isFinite(load(i)) && temp[i]! < hotC - 5) {
        coolF.push(f);
        coolL.push(load(i));
      }
    }
    const base = median(coolF);
    const baseLoad = median(coolL);
    if (!Number.isFinite(base) || !Number.isFinite(baseLoad) || baseLoad <= 0) return;
    let hotMin = Infinity;
    let at = -1;
    for (let i = 0; i < t.samples; i++) {
      const f = freq(i);
      if (!Number.isFinite(f) || !(temp[i]! >= hotC) || !(load(i) >= baseLoad - sameLoadPct)) continue;
      if (f < hotMin) {
        hotMin = f;
        at = i;
      }
    }
    if (at < 0 || hotMin > base * (1 - dropPct / 100)) return;
    parts.push(`${name} clock fell from ${base} to ${hotMin} MHz at unchanged load`);
    figures.push({ label: `${name} MHz cool / hot`, value: `${base} / ${hotMin}` });
    evidence ??= at;
  };
  check('GPU', (i) => t.gr3dFreqMHz[i]!, (i) => t.gr3dLoad[i]!);
  check('CPU', (i) => Math.max(...t.cpuFreqMHz.map((c) => (Number.isFinite(c[i]!) ? c[i]! : -Infinity))), (i) => {
    const loads = t.cpuLoad.map((c) => c[i]!).filter(Number.isFinite);
    return loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : NaN;
  });
  return { summary: parts.length ? `; ${parts.join('; ')}` : '', figures, evidence };
}

/** The seed's step 6 as written: each thermal zone's type and temp, read at capture time. */
function checkZoneReadings(
  snapshot: Snapshot,
  trips: Map<string, Trip>,
  marginC: number,
) {
  let worst: { z: ThermalZoneReading; trip: Trip; level: number } | null = null;
  for (const z of snapshot.identity?.thermalZones ?? []) {
    if (z.tempC === undefined || z.tempC <= -40 || !z.type) continue;
    const label = z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toLowerCase();
    const trip = trips.get(label);
    if (!trip || z.tempC < trip.throttleC - marginC) continue;
    const level = z.tempC >= trip.shutdownC ? 3 : z.tempC >= trip.throttleC ? 2 : 1;
    if (!worst || level > worst.level || z.tempC - trip.throttleC > worst.z.tempC! - worst.trip.throttleC) worst = { z, trip, level };
  }
  if (!worst) return null;
  const { z, trip, level } = worst;
  const data = { sensor: `${z.type} (${z.zone})`, maxC: z.tempC!, tripC: level === 3 ? trip.shutdownC : trip.throttleC, source: trip.source, marginC, clocks: '' };
  const evidence = z.tempLine ? [z.tempLine] : [];
  const figures = [
    { label: z.type!, value: z.tempC!, unit: '°C' },
    { label: 'throttle trip', value: trip.throttleC, unit: '°C' },
  ];
  const tags: Tag[] = level >= 3 ? ['thermal', 'thermal-throttling', 'thermal-shutdown'] : level >= 2 ? ['thermal', 'thermal-throttling'] : ['thermal'];
  const messageId = level === 3 ? ('overShutdown' as const) : level === 2 ? ('overTrip' as const) : ('nearTrip' as const);
  const severity = level === 3 ? ('critical' as const) : level === 2 ? ('error' as const) : ('warning' as const);
  return { messageId, signatures: fromBootLog(trip), severity, confidence: 0.6, data, figures, evidence, tags };
}

/**
 * The device's own trip points (thermal sysfs, captured by the collector) are what its
 * kernel acts on: they replace the boot-log lines and the board table for each zone they
 * name. Zone `cpu-thermal` feeds tegrastats' `cpu` sensor; `CPU-therm` (r32) too.
 */
function preferDeviceTrips(snapshot: Snapshot, trips: Map<string, Trip>): void {
  const tt = snapshot.thermalTrips;
  for (const z of tt?.zones ?? []) {
    if (!z.type || (z.throttleC === undefined && z.shutdownC === undefined)) continue;
    const label = z.type.replace(/[-_](thermal|therm|tegra)$/i, '').toLowerCase();
    const cur = trips.get(label);
    const line = z.trips.find((x) => x.type === 'passive' || x.type === 'critical')?.line ?? z.line;
    trips.set(label, {
      throttleC: z.throttleC ?? cur?.throttleC ?? Infinity,
      shutdownC: z.shutdownC ?? cur?.shutdownC ?? Infinity,
      // The file's name, not its path: the verdict reads the same for a folder and its archive.
      source: `device trip points ${tt!.file.split('/').pop()}:${line}`,
    });
  }
}
