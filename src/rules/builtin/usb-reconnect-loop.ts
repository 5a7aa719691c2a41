import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { inLogOrder, type SignatureHit } from '../signatures/match.js';
import { paramTag } from '../tags.js';
import { formatHms } from '../../util/format.js';

/** A span of seconds: "11 s", or h:mm:ss from ten minutes up. */
const spanText = (s: number) => (s < 600 ? `${Math.round(s)} s` : `${formatHms(s)} (h:mm:ss)`);

/**
 * A USB device that keeps dropping off the bus and coming back: the same port prints
 * `USB disconnect, device number N` and then `new ... USB device number N+1 using <hcd>` again
 * and again, seconds apart. One disconnect is a cable pulled; a burst on one port is a device
 * resetting itself (supply, firmware) or a link the host controller keeps losing.
 */

const sameBoot = (a: SignatureHit, b: SignatureHit) => a.file === b.file && a.boot === b.boot;

interface Burst {
  port: string;
  disconnects: SignatureHit[];
  enumerations: SignatureHit[];
}

export const usbReconnectLoop = defineRule({
  meta: {
    id: 'usb-reconnect-loop',
    title: 'USB device re-enumerating in a loop',
    category: 'other',
    docs: {
      description: 'Finds a USB port whose device disconnects and is enumerated again several times in a row, each disconnect within a minute of the one before (from `usb <port>: USB disconnect, device number N` and `usb <port>: new ... USB device number N using ...`).',
      why: 'A device that drops off the bus and comes back every few seconds loses every transfer in flight (camera frames, modem links, storage I/O) while looking present most of the time.',
      seed: 'https://forums.developer.nvidia.com/t/tegra-xusb-superspeed-device-reconnects-continuously-set-tr-deq-ptr-cmd-failed-on-orin-nx-r36-5/367500',
    },
    requires: ['dmesg'],
    thresholds: { minDisconnects: 4, maxGapSeconds: 60 },
    messages: {
      loop: 'The USB device on port {{port}} dropped off the bus {{count}} time(s) in {{span}} and was enumerated again {{enumerations}} time(s) in between (device numbers {{numbers}}): it keeps resetting or losing its link.',
    },
    remedy: [
      'Unless someone was re-plugging it: check the cable and connector, and the device\'s supply (a bus-powered device that browns out resets itself; use a powered hub as a test).',
      'Move the device to a USB 2 port or cable: if the loop stops, the SuperSpeed link is marginal (signal integrity, cable length); if not, look at the device\'s firmware.',
      'The host controller lines between the disconnects (e.g. tegra-xusb WARN lines) show what the controller saw; update the L4T release if they point at the controller.',
    ],
    references: ['https://forums.developer.nvidia.com/t/tegra-xusb-superspeed-device-reconnects-continuously-set-tr-deq-ptr-cmd-failed-on-orin-nx-r36-5/367500'],
    signatures: [],
  },
  check({ snapshot, signatures, thresholds, report }) {
    const hits = signatures.hits('usb-reconnect-loop');
    if (!hits.length) return;
    const minDisconnects = thresholds.minDisconnects!;
    const maxGap = thresholds.maxGapSeconds!;
    const bursts: Burst[] = [];
    const open = new Map<string, Burst>();
    for (const h of [...hits].sort(inLogOrder)) {
      const port = h.groups.port!;
      const key = `${h.file ?? ''}|${h.boot}|${port}`;
      const b = open.get(key);
      if (h.role !== 'primary') {
        // A new device on the port after one of its disconnects: the re-enumeration.
        if (b && b.disconnects.length) b.enumerations.push(h);
        continue;
      }
      const last = b?.disconnects[b.disconnects.length - 1];
      // Without time stamps the gap cannot be measured: consecutive disconnects of one port count as one burst.
      const close = last && sameBoot(last, h) && (last.t === undefined || h.t === undefined || h.t - last.t <= maxGap);
      if (b && close) b.disconnects.push(h);
      else {
        const nb: Burst = { port, disconnects: [h], enumerations: [] };
        open.set(key, nb);
        bursts.push(nb);
      }
    }
    // A loop comes back: at least one re-enumeration between the disconnects of the burst.
    const loops = bursts.filter((b) => b.disconnects.length >= minDisconnects && b.enumerations.some((e) => e.record < b.disconnects[b.disconnects.length - 1]!.record));
    for (const b of loops) {
      const first = b.disconnects[0]!;
      const last = b.disconnects[b.disconnects.length - 1]!;
      const nums = b.disconnects.map((d) => Number(d.groups.num));
      const span = first.t !== undefined && last.t !== undefined ? spanText(last.t - first.t) : `${last.line - first.line + 1} log lines`;
      const enumerations = b.enumerations.filter((e) => e.record <= last.record);
      report({
        messageId: 'loop',
        signatures: [],
        severity: 'warning',
        confidence: 0.7,
        data: { port: b.port, count: b.disconnects.length, span, enumerations: enumerations.length, numbers: `${Math.min(...nums)} to ${Math.max(...nums)}` },
        figures: [
          { label: 'disconnects', value: b.disconnects.length },
          { label: 're-enumerations', value: enumerations.length },
          { label: 'first seen', value: hitTime(first) },
          { label: 'last seen', value: hitTime(last) },
          ...(enumerations[0]?.groups.hcd ? [{ label: 'host controller', value: enumerations[0].groups.hcd }] : []),
        ],
        evidence: hitEvidence(snapshot.dmesg!.file, [...b.disconnects, ...enumerations].sort(inLogOrder)),
        tags: [paramTag('signature', 'usb-reconnect-loop')],
      });
    }
  },
});
