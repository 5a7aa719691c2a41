/**
 * Thermal zones with their trip points, from `grep . /sys/class/thermal/thermal_zone<N>/<attribute>`
 * style captures (the collector writes one): the device's own throttle and shutdown
 * temperatures, which rules prefer over a per-board table. Other zone attributes (mode,
 * policy, cdev*) are read past; trips that are disabled (-274 °C, 0 °C) do not count.
 */
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import { parseWhole, procLineParser, type LineParser, type SourceRef, type StreamingParser } from '../common/line-runner.js';
import type { ParserOptions } from '../options.js';
import { thermalTripsParser, type ZoneAttrLine } from './grammar.js';
import { thermalTripsLexer } from './tokens.js';
import type { ThermalTrip, ThermalTrips, ThermalZoneTrips } from './types.js';

const lineParser: LineParser<ZoneAttrLine> = {
  get lexer() {
    return thermalTripsLexer();
  },
  get parser() {
    return thermalTripsParser();
  },
  rule: () => thermalTripsParser().line(),
  expected: '"/sys/class/thermal/thermal_zone<N>/<attribute>:<value>"',
};

export function parseThermalTrips(src: TextSource, sink: DiagnosticSink, options?: ParserOptions): ThermalTrips {
  return parseWhole(thermalTripsStream(src, sink, options), src.text);
}

export function thermalTripsStream(src: SourceRef, sink: DiagnosticSink, options?: ParserOptions): StreamingParser<ThermalTrips> {
  const zones = new Map<string, ThermalZoneTrips>();
  const onLine = (p: ZoneAttrLine, _line: string, lineNo: number) => {
    let z = zones.get(p.zone);
    if (!z) zones.set(p.zone, (z = { zone: p.zone, line: lineNo, trips: [] }));
    const trip = /^trip_point_(\d+)_(temp|type|hyst)$/.exec(p.attr);
    if (p.attr === 'type') z.type = p.value;
    else if (p.attr === 'temp') z.tempC = milli(p.value, sink, lineNo);
    else if (trip) {
      const index = Number(trip[1]);
      let t = z.trips.find((x) => x.index === index);
      if (!t) z.trips.push((t = { index, line: lineNo }));
      if (trip[2] === 'type') t.type = p.value;
      else if (trip[2] === 'temp') t.tempC = milli(p.value, sink, lineNo);
      else t.hystC = milli(p.value, sink, lineNo);
    }
  };
  const result = (): ThermalTrips => {
    const list = [...zones.values()].sort((a, b) => a.zone.localeCompare(b.zone, 'en', { numeric: true }));
    for (const z of list) {
      z.trips.sort((a, b) => a.index - b.index);
      z.throttleC = lowest(z.trips, 'passive');
      z.shutdownC = lowest(z.trips, 'critical');
    }
    return { file: src.path, zones: list };
  };
  return procLineParser(src, sink, options, {
    lp: lineParser,
    code: 'thermal-trips.unexpected-line',
    // Prompts pasted with the output of several grep commands.
    before: (line) => /^\s*[$#] /.test(line),
    line: onLine,
    empty: { when: () => zones.size === 0, code: 'thermal-trips.empty', message: 'no "thermal_zone<N>/<attribute>:<value>" lines found' },
    result,
  });
}

function milli(v: string, sink: DiagnosticSink, line: number): number | undefined {
  if (!/^-?\d+$/.test(v)) {
    sink.add('warning', 'thermal-trips.not-a-number', `expected millidegrees, got "${v.slice(0, 24)}"`, line);
    return undefined;
  }
  return Number(v) / 1000;
}

function lowest(trips: ThermalTrip[], type: string): number | undefined {
  const temps = trips.filter((t) => t.type === type && t.tempC !== undefined && t.tempC > 0).map((t) => t.tempC!);
  return temps.length ? Math.min(...temps) : undefined;
}
