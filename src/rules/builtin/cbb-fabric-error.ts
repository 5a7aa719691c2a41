import { defineRule } from '../define.js';
import { hitEvidence, hitTime } from '../signatures/pack-rule.js';
import { inLogOrder, type SignatureHit } from '../signatures/match.js';
import { paramTag } from '../tags.js';
import type { DmesgRecord } from '../../parsers/dmesg/types.js';

/**
 * Control-backbone (CBB) errors on Xavier (T194) and Orin (T234). One error prints a block: the
 * interrupt header (`CPU:N, Error:<fabric>@<base>, irq=N`), on T234 the error monitor's header
 * (`CPU:N, Error:<fabric>, Errmon:N`), then tab-indented fields (`Error Code`, `MASTER_ID`,
 * `Address`, `Protection`, `Access_Type`, ...). The two headers are one error, and the fields
 * say what was refused and who asked.
 */

/** What each error code means (T234 error monitor names, T194 NOC names). */
const CODE_MEANING: Record<string, string> = {
  FIREWALL_ERR: 'the register firewall refused the access (that initiator may not touch that register)',
  SLAVE_ERR: 'the target returned an error (powered off, clock-gated, in reset, or the register is not implemented)',
  SLV: 'the target returned an error (powered off, clock-gated, in reset, or the register is not implemented)',
  DECODE_ERR: 'no target answers at that address',
  DEC: 'no target answers at that address',
  TIMEOUT_ERR: 'the target did not answer in time (powered off, clock-gated or in reset)',
  TMO: 'the target did not answer in time (powered off, clock-gated or in reset)',
  SEC: 'the access broke the target\'s security policy',
  HIDE: 'the access broke the target\'s security policy',
  UNS: 'the target does not support that kind of request',
  DISC: 'the target was disconnected (powered down)',
};

/**
 * The kernel's own power-off and reboot lines: a CBB error after one of them came while
 * drivers shut their devices down, when user space has already stopped.
 */
const POWER_OFF = /systemd-shutdown\[\d+\]: (?:Powering off|Rebooting|Halting)|reboot: (?:Power down|Restarting system)/;
/** Printed by KVM's reboot notifier on power-off and restart: the same moment, quoted only when the others are absent. */
const KVM_OFF = /kvm: exiting hardware virtualization/;
/** How far above the error's header the power-off line may be (lines of the same boot). */
const POWER_OFF_LINES = 300;

/** The power-off line printed above this error in the same boot, if any. */
function powerOffBefore(records: readonly DmesgRecord[], h: SignatureHit): DmesgRecord | undefined {
  if (h.userspace || records[h.record]?.line !== h.line) return undefined;
  let kvm: DmesgRecord | undefined;
  for (let k = h.record - 1; k >= 0 && k >= h.record - POWER_OFF_LINES; k--) {
    const r = records[k]!;
    if (r.boot !== h.boot) break;
    if (POWER_OFF.test(r.message)) return r;
    if (!kvm && KVM_OFF.test(r.message)) kvm = r;
  }
  return kvm;
}

/** Field lines belong to the header above them when they are this close (lines). */
const BLOCK_LINES = 40;
/** The error monitor's header follows the interrupt header of the same error within a few lines. */
const HEADER_GAP = 3;

interface Incident {
  headers: SignatureHit[];
  fields: Map<string, SignatureHit>;
  last: SignatureHit;
}

const sameFile = (a: SignatureHit, b: SignatureHit) => a.file === b.file && a.boot === b.boot;

function incidents(hits: readonly SignatureHit[]): Incident[] {
  const out: Incident[] = [];
  let open: Incident | undefined;
  for (const h of [...hits].sort(inLogOrder)) {
    const near = open && sameFile(open.last, h) && h.line - open.last.line <= BLOCK_LINES;
    if (h.role !== 'detail') {
      const isErrmon = h.groups.errmon !== undefined;
      const prev = open?.headers[open.headers.length - 1];
      // An Errmon header right under this error's interrupt header is the same error.
      if (isErrmon && open && prev && prev.groups.irq !== undefined && open.fields.size === 0 && sameFile(prev, h) && h.line - prev.line <= HEADER_GAP) {
        open.headers.push(h);
        open.last = h;
        continue;
      }
      open = { headers: [h], fields: new Map(), last: h };
      out.push(open);
      continue;
    }
    // A field line outside a block (another driver's "Address : ...") is not this rule's.
    if (!open || !near) continue;
    const key = Object.keys(h.groups).find((k) => h.groups[k] !== undefined && ['code', 'master', 'address', 'prot', 'access'].includes(k));
    if (key && !open.fields.has(key)) open.fields.set(key, h);
    open.last = h;
  }
  return out;
}

function describe(i: Incident, powerOff?: DmesgRecord): { text: string; code?: string; master?: string; address?: string; userSpace: boolean } {
  const g = (k: string, name: string) => i.fields.get(k)?.groups[name];
  const code = g('code', 'code');
  const master = g('master', 'master');
  const address = g('address', 'address');
  const access = g('access', 'access');
  const priv = g('prot', 'priv');
  const secure = g('prot', 'secure');
  const fabric = i.headers[0]!.groups.fabric ?? 'the fabric';
  const who = [access ? access.toLowerCase() : 'access', master ? `by ${master}` : '', address ? `at ${address}` : ''].filter(Boolean).join(' ');
  // After the power-off line user space has stopped: an unprivileged access then is not a program's.
  const userSpace = priv === 'Unprivileged' && master === 'CCPLEX' && !powerOff;
  const mode = priv ? ` (${priv.toLowerCase()}${secure ? `, ${secure.toLowerCase()}` : ''}${userSpace ? ': a user-space program' : ''})` : '';
  const meaning = code ? (CODE_MEANING[code] ?? 'the access was refused') : 'a register access was refused';
  const when = powerOff ? `; it came during the power-off sequence (after "${powerOff.message.trim()}"), while drivers shut their devices down` : '';
  const text = (code || address ? ` on ${fabric}: ${code ? `${code}, ` : ''}${access ? 'a' : 'an'} ${who}${mode}; ${meaning}` : ` on ${fabric}: ${meaning}`) + when;
  return { text, code, master, address, userSpace };
}

export const cbbFabricError = defineRule({
  meta: {
    id: 'cbb-fabric-error',
    title: 'Control-backbone fabric error',
    category: 'other',
    docs: {
      description: 'Counts CBB (control backbone) errors on Xavier and Orin, one per error block (the interrupt header and the error monitor\'s header under it are one error), and reads the block\'s fields: error code, initiator (MASTER_ID), address, protection and access type.',
      why: 'A CBB error is a register access the SoC refused; the code and the initiator say whether a driver touched a powered-off block or a user-space program mapped a register the firewall protects.',
      seed: 'signatures cbb-fabric-error; https://github.com/OE4T/meta-tegra/issues/1376',
    },
    requires: ['dmesg'],
    thresholds: {},
    messages: {
      found: '{{count}} CBB fabric error(s){{detail}}.',
    },
    remedy: [
      'Find who touched the register: the initiator (MASTER_ID) and the address name it; the stack under the WARNING beside it names the driver.',
    ],
    references: ['https://github.com/OE4T/meta-tegra/issues/1376', 'https://github.com/Rubberazer/JETGPIO/issues/18'],
    signatures: ['cbb-fabric-error'],
  },
  check({ snapshot, signatures, report }) {
    const all = incidents(signatures.hits('cbb-fabric-error'));
    if (!all.length) return;
    const records = snapshot.dmesg!.records;
    const powerOff = powerOffBefore(records, all[0]!.headers[0]!);
    const first = describe(all[0]!, powerOff);
    const codes = [...new Set(all.map((i) => describe(i).code).filter((c): c is string => !!c))];
    const remedy: string[] = [];
    if (powerOff) {
      remedy.push('The error came while the device was powering off or rebooting: a driver\'s shutdown (or the firmware) touched a block already powered down or in reset. It matters when the board then fails to power off or reboots instead; the driver lines just before it (a PCIe link that did not go to L2, a device that did not stop) name the candidate.');
    }
    if (first.userSpace) {
      remedy.push(
        'A user-space program (an unprivileged CCPLEX access: /dev/mem or a GPIO/PWM library mapping registers) touched a register it may not: use the kernel driver\'s interface (sysfs, libgpiod, the PWM class) instead, or, if the access is intended, allow it in the device tree\'s CBB/firewall settings and reflash.',
      );
    }
    remedy.push('Find who touched the register: the initiator (MASTER_ID) and the address name it; the stack under the WARNING beside it names the driver.');
    if (codes.some((c) => /SLAVE|SLV|TIMEOUT|TMO|DISC/.test(c))) remedy.push('A target that errors or times out is usually powered off, clock-gated or in reset when the access comes: check the driver\'s power and clock handling (runtime PM).');
    const evidence = all.flatMap((i) => [...i.headers, ...['code', 'master', 'address'].flatMap((k) => (i.fields.get(k) ? [i.fields.get(k)!] : []))]);
    report({
      messageId: 'found',
      signatures: ['cbb-fabric-error'],
      severity: 'error',
      confidence: 0.85,
      data: { count: all.length, detail: first.text },
      figures: [
        { label: 'occurrences', value: all.length },
        { label: 'first seen', value: hitTime(all[0]!.headers[0]!) },
        ...(codes.length ? [{ label: 'error codes', value: codes.join(', ') }] : []),
        ...(first.master ? [{ label: 'initiator (first)', value: first.master }] : []),
        ...(first.address ? [{ label: 'address (first)', value: first.address }] : []),
      ],
      evidence: hitEvidence(snapshot.dmesg!.file, evidence),
      remedy,
      tags: [paramTag('signature', 'cbb-fabric-error')],
    });
  },
});
