/** The thermal rule prefers the device's own trip points (thermal sysfs) over the board table. */
import { describe, expect, it } from 'vitest';
import { thermal } from '../../src/rules/builtin/thermal.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { runCase } from '../../src/rules/tester.js';
import { ORIN_NANO_IDENTITY, tegrastats } from '../helpers/bundles.js';

const SIGNATURES = loadSignatures();
// Every sensor of the helper log reads 93 °C: 6 °C under the T234 table's 99 °C trip.
const HOT = tegrastats(120, () => ({ tempC: 93 }));
const TRIPS = [
  '/sys/class/thermal/thermal_zone0/type:cpu-thermal',
  '/sys/class/thermal/thermal_zone0/temp:93000',
  '/sys/class/thermal/thermal_zone0/trip_point_0_temp:90000',
  '/sys/class/thermal/thermal_zone0/trip_point_0_type:passive',
  '/sys/class/thermal/thermal_zone0/trip_point_1_temp:97000',
  '/sys/class/thermal/thermal_zone0/trip_point_1_type:critical',
].join('\n') + '\n';

describe('thermal with the device trip points', () => {
  it('judges against the board table when the bundle has no trip points', () => {
    expect(runCase(thermal, { name: 'table', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': HOT } }, SIGNATURES)).toEqual([]);
  });

  it('uses the device trip (90 °C passive) and names it as the source', () => {
    const found = runCase(thermal, { name: 'sysfs', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': HOT, 'sys/class/thermal/trip_points.txt': TRIPS } }, SIGNATURES);
    expect(found.map((f) => f.messageId)).toEqual(['overTrip']);
    expect(found[0]!.verdict).toMatch(/^cpu reached 93 °C, at or above its 90 °C throttle trip \(device trip points trip_points\.txt:3\)/);
    expect(found[0]!.figures).toContainEqual({ label: 'shutdown trip', value: 97, unit: '°C' });
  });

  // The same sysfs layout, with a fan (active) trip listed first, as zones with a fan have.
  const zoneTrips = (trips: [string, number][]) =>
    ['/sys/class/thermal/thermal_zone0/type:cpu-thermal', '/sys/class/thermal/thermal_zone0/temp:93000']
      .concat(trips.flatMap(([type, mC], n) => [`/sys/class/thermal/thermal_zone0/trip_point_${n}_temp:${mC}`, `/sys/class/thermal/thermal_zone0/trip_point_${n}_type:${type}`]))
      .join('\n') + '\n';
  const verdictWith = (trips: [string, number][], log = HOT) =>
    runCase(thermal, { name: 'sysfs', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': log, 'sys/class/thermal/trip_points.txt': zoneTrips(trips) } }, SIGNATURES).map((f) => f.verdict);

  it('cites the passive trip line, not a fan trip listed before it', () => {
    expect(verdictWith([['active', 50000], ['passive', 90000], ['critical', 97000]])).toEqual([expect.stringMatching(/90 °C throttle trip \(device trip points trip_points\.txt:5\)/)]);
  });

  it('a zone with only fan trips keeps the board table and names it', () => {
    const at97 = tegrastats(120, () => ({ tempC: 97 }));
    expect(verdictWith([['active', 50000], ['active', 60000]], at97)).toEqual([expect.stringMatching(/^cpu reached 97 °C, within 3 °C of its 99 °C throttle trip \(NVIDIA upstream T234 device tree/)]);
  });
});
