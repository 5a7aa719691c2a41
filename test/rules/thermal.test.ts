import { expect } from 'vitest';
import { at, describeRule } from '../helpers/rule-cases.js';
import { dmesg, ORIN_NANO_IDENTITY, tegrastats } from '../helpers/bundles.js';
import { fixture } from '../helpers/fixtures.js';

describeRule('thermal', {
  valid: [
    { name: 'Orin Nano at 55 C', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(30, () => ({})) } },
    {
      // A real AGX Orin 64GB capture (150 lines, tj up to 49 °C; see the corpus index) with the
      // device-tree strings of an AGX Orin devkit: far from its 99 °C trip, nothing to report.
      name: 'real AGX Orin 64GB log at 49 C',
      files: {
        'proc/device-tree/model': 'NVIDIA Jetson AGX Orin Developer Kit\0',
        'proc/device-tree/compatible': 'nvidia,p3737-0000+p3701-0005\0nvidia,p3701-0005\0nvidia,tegra234\0nvidia,tegra23x\0',
        'tegrastats.log': fixture('tegrastats/jetson-agx-orin-64gb-jp6-01.txt'),
      },
    },
  ],
  invalid: [
    {
      name: 'no identity and no trip lines in the log: the trips are not known, the hottest sensor is said',
      // Without the soc0-2 sensors the log names no SoC family either (Orin's are tegrastats' only tell here).
      files: { 'tegrastats.log': tegrastats(30, () => ({ tempC: 71.5 })).replace(/ soc\d@[\d.]+C/g, '') },
      findings: [{ messageId: 'tripsUnknown', severity: 'info', evidence: at('tegrastats.log', 1), tags: ['thermal'], signatures: ['tegrastats-temps-clocks'], verdict: /^Trip points for this board are not known .*hottest sensor cpu at 71\.5 °C/ }],
    },
    {
      name: 'Orin Nano at its 99 C trip with the GPU clock falling under load',
      files: {
        ...ORIN_NANO_IDENTITY,
        'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 70, gpuLoad: 99, gpuMHz: 1020 } : { tempC: 99.5, gpuLoad: 99, gpuMHz: 612 })),
      },
      findings: [
        { messageId: 'overTrip', evidence: at('tegrastats.log', 61, 61), tags: ['thermal',  'throttling-clocks',  'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], severity: 'error', verdict: /cpu reached 99\.5 °C, at or above its 99 °C throttle trip.*GPU clock fell from 1020 to 612 MHz/ },
      ],
    },
    {
      // Tegrastats lines in the real JetPack 6 format (helpers/bundles.ts); the series is synthetic.
      name: 'Orin Nano 1.5 C under its trip with an 8% CPU clock drop at unchanged load is throttling',
      files: {
        ...ORIN_NANO_IDENTITY,
        'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, cpuLoad: 60, cpuMHz: 1510 } : { tempC: 97.5, cpuLoad: 61, cpuMHz: 1389 })),
      },
      findings: [{ messageId: 'atTrip', evidence: at('tegrastats.log', 61, 61), tags: ['thermal',  'throttling-clocks',  'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], severity: 'error', verdict: /cpu reached 97\.5 °C, within 2 °C of its 99 °C throttle trip .*and CPU clock fell from 1510 to 1389 MHz at unchanged load: the SoC was throttling/ }],
    },
    {
      // The OC alarm line is real (Nano 2GB, OE4T/meta-tegra#538); the tegrastats series is synthetic.
      name: 'near the trip with an over-current power cap in the log is throttling',
      files: {
        ...ORIN_NANO_IDENTITY,
        dmesg: dmesg([[5000.1, 'soctherm: OC ALARM 0x00000001']]),
        'tegrastats.log': tegrastats(60, () => ({ tempC: 97.8 })),
      },
      findings: [{ messageId: 'atTrip', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 1)], tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], severity: 'error', verdict: /and 1 over-current \(power cap\) event\(s\) in the log \(their times cannot be placed on the tegrastats clock\): the SoC was throttling/ }],
    },
    {
      // The same real OC alarm line, printed by `dmesg -T` while the sensor was hot: aligned on the tegrastats clock.
      name: 'an over-current power cap at the time the sensor was near its trip is throttling, with its clock time',
      files: {
        ...ORIN_NANO_IDENTITY,
        dmesg: '[Tue Nov 24 08:00:30 2026] soctherm: OC ALARM 0x00000001\n',
        'tegrastats.log': tegrastats(60, () => ({ tempC: 97.8 })),
      },
      findings: [{ messageId: 'atTrip', evidence: [...at('tegrastats.log', 1), ...at('dmesg', 1)], tags: ['thermal', 'thermal-throttling'], signatures: ['tegrastats-temps-clocks'], severity: 'error', verdict: /and 1 over-current \(power cap\) event\(s\) while it was hot, the first at 08:00:30: the SoC was throttling/ }],
    },
    {
      name: 'an over-current alarm hours before the hot stretch does not make it throttling',
      files: {
        ...ORIN_NANO_IDENTITY,
        dmesg: '[Tue Nov 24 05:12:03 2026] soctherm: OC ALARM 0x00000001\n',
        'tegrastats.log': tegrastats(60, () => ({ tempC: 97.8 })),
      },
      findings: [{ messageId: 'nearTrip', evidence: at('tegrastats.log', 1), tags: ['thermal'], signatures: ['tegrastats-temps-clocks'], severity: 'warning' }],
    },
    {
      name: 'near the trip with the load falling (not the clock) stays a warning',
      files: {
        ...ORIN_NANO_IDENTITY,
        'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 80, cpuLoad: 90, cpuMHz: 1510 } : { tempC: 97.5, cpuLoad: 40, cpuMHz: 1190 })),
      },
      findings: [{ messageId: 'nearTrip', evidence: at('tegrastats.log', 61), tags: ['thermal'], signatures: ['tegrastats-temps-clocks'], severity: 'warning' }],
    },
    {
      name: 'no tegrastats: the thermal_zone readings of the seed checklist',
      files: {
        ...ORIN_NANO_IDENTITY,
        'sys/class/thermal/thermal_zone0/type': 'cpu-thermal\n',
        'sys/class/thermal/thermal_zone0/temp': '97125\n',
        'sys/class/thermal/thermal_zone1/type': 'gpu-thermal\n',
        'sys/class/thermal/thermal_zone1/temp': '-256000\n',
      },
      findings: [{ messageId: 'nearTrip', evidence: at('sys/class/thermal/thermal_zone0/temp', 1), tags: ['thermal'], signatures: ['tegrastats-temps-clocks'], severity: 'warning', verdict: /cpu-thermal \(thermal_zone0\) reached 97\.125 °C, within 3 °C of its 99 °C throttle trip/ }],
    },
    {
      name: 'Nano trip points from its own boot log; critical shutdown line',
      files: {
        'proc/device-tree/compatible': 'nvidia,p3450-0000\0nvidia,tegra210\0',
        dmesg: dmesg([
          [0.4, 'tegra_soctherm 700e2000.soctherm: thermtrip: will shut down when cpu reaches 102500 mC'],
          [0.4, 'tegra_soctherm 700e2000.soctherm: throttrip: will throttle when cpu reaches 96000 mC'],
          [9000, 'thermal thermal_zone1: critical temperature reached(105 C),shutting down'],
        ]),
        'tegrastats.log': 'RAM 1180/3965MB (lfb 10x4MB) CPU [90%@1479,90%@1479,90%@1479,90%@1479] EMC_FREQ 10%@1600 GR3D_FREQ 0%@76 PLL@57C CPU@97C PMIC@100C GPU@59C AO@65C thermal@59.75C\n',
      },
      findings: [
        { messageId: 'shutdown', evidence: at('dmesg', 3), tags: ['thermal',  'thermal-shutdown',  'reboot'], signatures: ['thermal-critical-shutdown'], severity: 'critical', verdict: /thermal_zone1 at 105 °C/ },
        { messageId: 'overTrip', evidence: at('tegrastats.log', 1), tags: ['thermal',  'thermal-throttling'], signatures: ['tegrastats-temps-clocks',  'soctherm-trip-config'], severity: 'error', verdict: /CPU reached 97 °C.*96 °C throttle trip \(boot log/ },
      ],
    },
  ],
}, (name, found) => {
  if (name.startsWith('no tegrastats: the thermal_zone readings')) {
    // The reading's own line, not a sentence made from it.
    expect(found[0]!.evidence).toEqual([{ file: 'sys/class/thermal/thermal_zone0/temp', line: 1, text: '97125' }]);
  }
  if (name.startsWith('an over-current alarm hours before')) {
    const fig = Object.fromEntries(found[0]!.figures.map((f) => [f.label, f.value]));
    expect(fig['over-current (power cap) events']).toBe('1 in the log, none while the sensor was hot');
    expect(found[0]!.evidence.every((e) => e.file.endsWith('tegrastats.log'))).toBe(true);
  }
  if (!name.startsWith('Orin Nano at its 99 C trip')) return;
  const fig = Object.fromEntries(found[0]!.figures.map((f) => [f.label, f.value]));
  expect(fig['time at or above the throttle trip']).toBe('60 s');
  // Evidence: the verbatim tegrastats lines (the hottest sample, the lowest GPU clock), not re-typed values.
  const lines = tegrastats(120, (i) => (i < 60 ? { tempC: 70, gpuLoad: 99, gpuMHz: 1020 } : { tempC: 99.5, gpuLoad: 99, gpuMHz: 612 })).split('\n');
  expect(found[0]!.evidence.length).toBeGreaterThan(0);
  for (const e of found[0]!.evidence) expect(e.text).toBe(lines[e.line - 1]);
});
