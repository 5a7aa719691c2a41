// @ts-nocheck
import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';

/** Power-side throttling: soctherm OC alarms (over-current or input under-voltage). */
export const overCurrent = defineRule({
  meta: {
    id: 'over-current',
    title: 'Over-current / under-voltage alarms',
    category: 'power',
    docs: {
      description: 'Counts soctherm OC ALARM lines and decodes which OC channels fired (bit0 = OC1 ... bit4 = OC5; the meaning of each channel is SoC-specific).',
      why: 'OC events cap CPU/GPU clocks at once (latency spikes); on Jetson Nano they are most often a weak 5 V supply browning out.',
      seed: 'seed §21 Thermal Throttling (clock reduction); signatures soctherm-oc-alarm',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      alarms: '{{count}} over-current alarm(s) (channels {{channels}}), first at {{first}}: the SoC capped its clocks{{hint}}.',
    },
    remedy: [
      'Use the recommended power supply and a short, thick cable (barrel jack / adequate USB-C PD).',
      'Lower the nvpmodel power mode; check peripherals drawing from the carrier board.',
      'Thresholds are set by BPMP firmware / nvpmodel (VDDIN_OC_LIMIT) and are not user-tunable.',
    ],
    references: ['NVIDIA Jetson Linux Developer Guide: Platform Power and Performance, over-current protection', 'https://github.com/OE4T/meta-tegra/issues/538'],
    signatures: ['soctherm-oc-alarm'],
  },
  check({ snapshot, device, signatures, report }) {
    const hits = signatures.events('soctherm-oc-alarm').filter((h) => !h.groups.unexpected);
    if (!hits.length) return;
    let mask = 0;
    for (const h of hits) mask |= parseInt(h.groups.mask!, 16);
    const channels = [0, 1, 2, 3, 4].filter((b) => (mask >>> b) & 1).map((b) => `OC${b + 1}`).join(', ') || 'none';
    const hint = device.soc === 'tegra210' ? ' — on Jetson Nano this is most often input under-voltage from a weak 5 V supply' : '';
    const count = hits.length + signatures.suppressed('soctherm-oc-alarm');
    report({
      messageId: 'alarms', signatures: ['soctherm-oc-alarm'],
      severity: count >= 5 ? 'error' : 'warning',
      confidence: 0.8,
      data: { count, channels, first: hitTime(hits[0]!), hint },
      figures: [
        { label: 'alarms', value: count },
        { label: 'channels', value: channels },
      ],
      evidence: hitEvidence(snapshot.dmesg!.file, hits),
      tags: ['power', 'over-current'],
    });
  },
});
