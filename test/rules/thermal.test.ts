import { describeRule } from '../helpers/rule-cases.js';
import { dmesg, ORIN_NANO_IDENTITY, tegrastats } from '../helpers/bundles.js';

describeRule('thermal', {
  valid: [{ name: 'Orin Nano at 55 C', files: { ...ORIN_NANO_IDENTITY, 'tegrastats.log': tegrastats(30, () => ({})) } }],
  invalid: [
    {
      name: 'Orin Nano at its 99 C trip with the GPU clock falling under load',
      files: {
        ...ORIN_NANO_IDENTITY,
        'tegrastats.log': tegrastats(120, (i) => (i < 60 ? { tempC: 70, gpuLoad: 99, gpuMHz: 1020 } : { tempC: 99.5, gpuLoad: 99, gpuMHz: 612 })),
      },
      findings: [
        { messageId: 'overTrip', severity: 'error', verdict: /cpu reached 99\.5 °C, at or above its 99 °C throttle trip.*GPU clock fell from 1020 to 612 MHz/ },
      ],
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
      findings: [{ messageId: 'nearTrip', severity: 'warning', verdict: /cpu-thermal \(thermal_zone0\) reached 97\.125 °C, within 3 °C of its 99 °C throttle trip/ }],
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
        { messageId: 'shutdown', severity: 'critical', verdict: /thermal_zone1 at 105 °C/ },
        { messageId: 'overTrip', severity: 'error', verdict: /CPU reached 97 °C.*96 °C throttle trip \(boot log/ },
      ],
    },
  ],
});
