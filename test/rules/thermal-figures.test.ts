/**
 * The thermal rule beyond its main cases: the figures it gives (time at or near the trip at a
 * 5-second tegrastats interval, the trips, the other hot sensors), which sensor it names when
 * several are hot, partial boot-log trip lines, the thermal_zone readings at each level, and the
 * edges of the clock-drop and power-cap tests.
 * Real lines: the Jetson Nano boot log test/fixtures/dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt
 * (soctherm thermtrip/throttrip lines at 509-519, pll with no throttle trip); the soctherm OC
 * ALARM line (Nano 2GB, OE4T/meta-tegra#538); the thermal_zone types of a Nano (CPU-therm,
 * PMIC-Die) and an Orin (cpu-thermal). Tegrastats lines are in the real JetPack 6 format
 * (helpers/bundles.ts) and the r32 Nano format; their temperature and clock series are synthetic.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/rules/engine.js';
import { snapshotFromFiles } from '../../src/rules/tester.js';
import { at, describeRule, ruleById } from '../helpers/rule-cases.js';
import { dmesg, ORIN_NANO_IDENTITY, tegrastats, type TegraSample } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

/** A tegrastats log at a 5-second interval (`tegrastats --interval 5000`): every fifth line of a 1-s log. */
const every5s = (n: number, sample: (i: number) => TegraSample) =>
  tegrastats(n, sample).split('\n').filter((l, i) => l && i % 5 === 0).join('\n') + '\n';
/** One Orin sensor set to another temperature than the rest (`gpu@97.000C` -> `gpu@100.000C`). */
const withSensor = (log: string, sensor: string, from: number, to: number) => log.replaceAll(`${sensor}@${from.toFixed(3)}C`, `${sensor}@${to.toFixed(3)}C`);
const NANO = { 'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0' };
/** A Jetson Nano tegrastats line (L4T r32 format) with the CPU sensor at `cpuC`. */
const nanoLine = (cpuC: number) => `RAM 1180/3965MB (lfb 10x4MB) CPU [90%@1479,90%@1479,90%@1479,90%@1479] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 PLL@57C CPU@${cpuC}C PMIC@100C GPU@59C AO@65C thermal@59.75C\n`;
const zone = (n: number, type: string, milliC: number) => ({ [`sys/class/thermal/thermal_zone${n}/type`]: `${type}\n`, [`sys/class/thermal/thermal_zone${n}/temp`]: `${milliC}\n` });
const OC = 'soctherm: OC ALARM 0x00000001';
const T = { tags: ['thermal'], signatures: ['tegrastats-temps-clocks'] };
const THROTTLING = { tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'] };

describeRule('thermal', {
  valid: [
    // A Nano's sensors far from the boot log's trips; PLL has only a shutdown trip (no hot
    // temperature in the log) and is never judged for throttling.
    { name: 'real Nano boot log, CPU at 60 C', files: { ...NANO, dmesg: fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt'), 'tegrastats.log': nanoLine(60) } },
  ],
  invalid: [
    {
      // 12 samples cool, 6 at 96.0 °C (exactly 3 °C under the trip), 6 at 99.0 °C (exactly at it), 5 s apart.
      name: '5-second interval: time at the trip and near it are counted in seconds, both edges included',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': every5s(120, (i) => ({ tempC: i < 60 ? 80 : i < 90 ? 96 : 99 })) },
      findings: [{
        messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 19), ...THROTTLING,
        verdict: /^cpu reached 99 °C, at or above its 99 °C throttle trip \(NVIDIA upstream T234 device tree/,
        figures: {
          'cpu max': 99, 'throttle trip': 99, 'shutdown trip': 104.5,
          'time at or above the throttle trip': '30 s', 'time within 3 °C of the trip': '60 s',
          // The helper's log reads every sensor the same: the others are listed, the first named.
          'other sensors at or near their trip': 'soc2 99 °C, soc0 99 °C, gpu 99 °C, tj 99 °C, soc1 99 °C',
        },
      }],
    },
    {
      name: 'one sensor over its trip and the rest near theirs: the one over it is named',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': withSensor(tegrastats(30, () => ({ tempC: 97 })), 'gpu', 97, 100) },
      findings: [{
        messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 1), ...THROTTLING,
        verdict: /^gpu reached 100 °C, at or above its 99 °C throttle trip/,
        figures: { 'gpu max': 100, 'other sensors at or near their trip': 'cpu 97 °C, soc2 97 °C, soc0 97 °C, tj 97 °C, soc1 97 °C' },
      }],
    },
    {
      name: 'several sensors near their trips: the one nearest is named',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': withSensor(tegrastats(30, () => ({ tempC: 96.5 })), 'tj', 96.5, 98.5) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 1), ...T, verdict: /^tj reached 98\.5 °C, within 3 °C of its 99 °C throttle trip/, figures: { 'tj max': 98.5 } }],
    },
    {
      // The real boot log gives cpu 100.5 °C throttle (line 513) and 102.5 °C shutdown (line 512).
      name: 'real Nano boot log: both cpu trips come from it, the throttle line cited',
      files: { ...NANO, dmesg: fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt'), 'tegrastats.log': nanoLine(101) },
      findings: [{
        messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 1), tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks', 'soctherm-trip-config'],
        verdict: /^CPU reached 101 °C, at or above its 100\.5 °C throttle trip \(boot log dmesg:513\)/,
        figures: { 'throttle trip': 100.5, 'shutdown trip': 102.5 },
      }],
    },
    {
      // Only the throttle line in the log: the shutdown trip stays the board's (102.5 °C), not unknown.
      name: 'a boot log with only the throttle line keeps the board shutdown trip',
      files: { ...NANO, dmesg: dmesg([[3.573738, 'tegra_soctherm 700e2000.soctherm: throttrip: will throttle when cpu reaches 96000 mC']]), 'tegrastats.log': nanoLine(97) },
      findings: [{
        messageId: 'overTrip', severity: 'error', evidence: at('tegrastats.log', 1), tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks', 'soctherm-trip-config'],
        verdict: /96 °C throttle trip \(boot log dmesg:1\)/,
        figures: { 'throttle trip': 96, 'shutdown trip': 102.5 },
      }],
    },
    {
      // No identity, no trip lines: PMIC@100C (a fixed reading on the Nano) and the `thermal` estimate are not sensors to name.
      name: 'trips unknown on a Nano line: the hottest real sensor is CPU, not PMIC',
      files: { 'tegrastats.log': nanoLine(97) },
      findings: [{ messageId: 'tripsUnknown', severity: 'info', evidence: at('tegrastats.log', 1), ...T, verdict: /hottest sensor CPU at 97 °C\.$/ }],
    },
    {
      name: 'thermal zone exactly at its throttle trip: over the trip',
      files: { ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 99000) },
      findings: [{ messageId: 'overTrip', severity: 'error', evidence: at('sys/class/thermal/thermal_zone0/temp', 1), ...THROTTLING, verdict: /^cpu-thermal \(thermal_zone0\) reached 99 °C, at or above its 99 °C throttle trip/, figures: { 'cpu-thermal': 99, 'throttle trip': 99 } }],
    },
    {
      name: 'thermal zone exactly at its shutdown trip: the shutdown trip is named',
      files: { ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 104500) },
      findings: [{ messageId: 'overShutdown', severity: 'critical', evidence: at('sys/class/thermal/thermal_zone0/temp', 1), tags: ['thermal', 'thermal-throttling', 'thermal-shutdown'], signatures: ['tegrastats-temps-clocks'], verdict: /^cpu-thermal \(thermal_zone0\) reached 104\.5 °C, at or above the 104\.5 °C shutdown trip/ }],
    },
    {
      name: 'thermal zone 3 °C under its trip is near it; one further under is not',
      files: { ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 96000), ...zone(1, 'gpu-thermal', 95999) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('sys/class/thermal/thermal_zone0/temp', 1), ...T, verdict: /^cpu-thermal \(thermal_zone0\) reached 96 °C/ }],
    },
    {
      name: 'several thermal zones: the one over its trip wins over one nearer the next level',
      files: { ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 98900), ...zone(1, 'gpu-thermal', 99100), ...zone(2, 'tj-thermal', 98000) },
      findings: [{ messageId: 'overTrip', severity: 'error', evidence: at('sys/class/thermal/thermal_zone1/temp', 1), ...THROTTLING, verdict: /^gpu-thermal \(thermal_zone1\) reached 99\.1 °C/ }],
    },
    {
      name: 'several thermal zones near their trips: the nearest is named, whatever its order',
      files: { ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 96500), ...zone(1, 'gpu-thermal', 98500), ...zone(2, 'tj-thermal', 97000) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('sys/class/thermal/thermal_zone1/temp', 1), ...T, verdict: /^gpu-thermal \(thermal_zone1\) reached 98\.5 °C/ }],
    },
    {
      // Nano r32 zone names: CPU-therm feeds the cpu trip; PMIC-Die reads a fixed 100 °C and has no trip.
      name: 'Nano thermal zones (CPU-therm, PMIC-Die): CPU-therm over the 100.5 C trip',
      files: { ...NANO, ...zone(0, 'PMIC-Die', 100000), ...zone(1, 'CPU-therm', 101000) },
      findings: [{ messageId: 'overTrip', severity: 'error', evidence: at('sys/class/thermal/thermal_zone1/temp', 1), ...THROTTLING, verdict: /^CPU-therm \(thermal_zone1\) reached 101 °C, at or above its 100\.5 °C throttle trip/ }],
    },
    {
      // Hot at exactly trip - 2 °C (97.0): within the throttle margin. Last hot sample 08:00:55;
      // two sample intervals (10 s) later is still "while hot"; the earlier of two events is the first.
      name: 'power cap at the edge of the hot stretch (two 5-s intervals after) counts; the first event is named',
      files: {
        ...ORIN_NANO_IDENTITY,
        dmesg: `[Tue Nov 24 07:30:00 2026] ${OC}\n[Tue Nov 24 08:01:05 2026] ${OC}\n[Tue Nov 24 08:01:06 2026] ${OC}\n`,
        'tegrastats.log': every5s(60, () => ({ tempC: 97 })),
      },
      findings: [{
        messageId: 'atTrip', severity: 'error', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 2)], ...THROTTLING,
        verdict: /and 1 over-current \(power cap\) event\(s\) while it was hot, the first at 08:01:05: the SoC was throttling/,
        figures: { 'over-current (power cap) events while hot': '1 of 3, first at 08:01:05' },
      }],
    },
    {
      name: 'two power caps while hot: the earlier is the first',
      files: {
        ...ORIN_NANO_IDENTITY,
        dmesg: `[Tue Nov 24 08:00:20 2026] ${OC}\n[Tue Nov 24 08:00:40 2026] ${OC}\n`,
        'tegrastats.log': tegrastats(60, () => ({ tempC: 97.8 })),
      },
      findings: [{ messageId: 'atTrip', severity: 'error', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 1, 2)], ...THROTTLING, figures: { 'over-current (power cap) events while hot': '2 of 2, first at 08:00:20' } }],
    },
    {
      // 96 °C is the edge of "hot" (trip - 3 °C): a clock drop there is reported, but 96 is not within 2 °C.
      name: 'CPU clock falling at exactly 3 C under the trip: near the trip, with the clocks',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, cpuLoad: 60, cpuMHz: 1510 } : { tempC: 96, cpuLoad: 60, cpuMHz: 1389 })) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 61, 61), tags: ['thermal', 'throttling-clocks'], signatures: ['tegrastats-temps-clocks'], verdict: /CPU clock fell from 1510 to 1389 MHz at unchanged load/, figures: { 'CPU MHz cool / hot': '1510 / 1389' } }],
    },
    {
      // "Cool" is more than 5 °C under the hot threshold (96 °C): 91.0 °C is not cool, so there is no baseline.
      name: 'no sample more than 5 C under the hot threshold: no clock baseline, no clock claim',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 91, cpuLoad: 60, cpuMHz: 1510 } : { tempC: 97.5, cpuLoad: 60, cpuMHz: 1389 })) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 61), ...T }],
    },
    {
      // The log starts hot and cools: the lowest hot clock is the very first sample.
      name: 'a log that starts hot with the clock down, then cools: throttling, citing line 1',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 97.5, cpuLoad: 60, cpuMHz: 1389 } : { tempC: 80, cpuLoad: 60, cpuMHz: 1510 })) },
      findings: [{ messageId: 'atTrip', severity: 'error', evidence: at('tegrastats.log', 1, 1), tags: ['thermal', 'throttling-clocks', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], verdict: /CPU clock fell from 1510 to 1389 MHz/ }],
    },
    {
      // An idle GPU (0 % load) drops its clock by DVFS; that is not throttling.
      name: 'idle GPU clock falling while hot is not a clock drop',
      files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, gpuLoad: 0, gpuMHz: 1020 } : { tempC: 97.5, gpuLoad: 0, gpuMHz: 306 })) },
      findings: [{ messageId: 'nearTrip', severity: 'warning', evidence: at('tegrastats.log', 61), ...T }],
    },
  ],
}, (name, found) => {
  if (name.startsWith('several sensors near')) {
    // The named sensor is not also among the others.
    expect(found[0]!.figures).toContainEqual({ label: 'other sensors at or near their trip', value: 'cpu 96.5 °C, soc2 96.5 °C, soc0 96.5 °C, gpu 96.5 °C, soc1 96.5 °C' });
  }
  if (name.startsWith('Nano thermal zones')) expect(found[0]!.figures).toContainEqual({ label: 'CPU-therm', value: 101, unit: '°C' });
});

describe('thermal: when it can be judged', () => {
  const outcome = (files: Record<string, string>) => runRules([ruleById('thermal')], snapshotFromFiles(files)).outcomes[0]!;
  it('identity alone (no tegrastats, kernel log or zone readings) is not evaluated, and says what is missing', () => {
    expect(outcome(ORIN_NANO_IDENTITY)).toMatchObject({ status: 'not-evaluated', detail: expect.stringMatching(/tegrastats log, kernel log \(dmesg\) or thermal zone readings/) });
  });
  it('thermal zone readings alone are enough', () => {
    expect(outcome({ ...ORIN_NANO_IDENTITY, ...zone(0, 'cpu-thermal', 45000) }).status).toBe('passed');
  });
});
