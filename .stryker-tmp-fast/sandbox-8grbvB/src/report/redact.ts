/**
 * --redact: identifiers in every output (terminal, reports, evidence lines) are replaced with
 * stable placeholders: the same value gets the same placeholder within one run, so a reader
 * can still tell "the same host" from "another host". Known values (host name, device id,
 * serials from the manifest) come from the snapshot; MAC and IP addresses, home paths and
 * user names are found by shape. The mapping can be written for the owner (--redact-map).
 */
// @ts-nocheck

import type { Snapshot } from '../snapshot/types.js';

type Kind = 'host' | 'device' | 'serial' | 'mac' | 'ip' | 'user';

export class Redactor {
  private readonly map = new Map<string, string>();
  private readonly counts = new Map<Kind, number>();
  private readonly known: { value: string; kind: Kind }[] = [];

  constructor(snapshot?: Snapshot) {
    const id = snapshot?.identity;
    if (id?.hostname?.value) this.learn(id.hostname.value, 'host');
    if (id?.serialNumber?.value) this.learn(id.serialNumber.value, 'serial');
    if (id?.machineId?.value) this.learn(id.machineId.value, 'device');
    const manifest = id?.manifest?.value;
    if (manifest?.deviceId) this.learn(manifest.deviceId, 'device');
    for (const [k, v] of Object.entries(manifest?.fields ?? {})) {
      if (typeof v !== 'string' || v.length < 3) continue;
      if (/serial|uuid|board_?id|chip_?id|ecid/i.test(k)) this.learn(v, 'serial');
      else if (/host/i.test(k)) this.learn(v, 'host');
      else if (/user|owner/i.test(k)) this.learn(v, 'user');
    }
  }

  private learn(value: string, kind: Kind): void {
    const v = value.trim();
    if (v.length >= 2 && !this.known.some((k) => k.value === v)) this.known.push({ value: v, kind });
  }

  private placeholder(value: string, kind: Kind): string {
    const key = `${kind}\u0000${value.toLowerCase()}`;
    let p = this.map.get(key);
    if (!p) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      p = `[${kind}-${n}]`;
      this.map.set(key, p);
    }
    return p;
  }

  /** The text with every identifier replaced. */
  apply(text: string): string {
    // User names seen in home paths or user= fields become known values, so every other
    // mention of them (and their HTML-escaped forms) is caught too.
    for (const m of text.matchAll(/(?:\/home\/|\/Users\/|[A-Z]:\\Users\\)([A-Za-z_][\w.-]{1,31})/g)) this.learn(m[1]!, 'user');
    for (const m of text.matchAll(/\buser(?:name)?(?:=|&#x3D;|&#61;|: ?)([A-Za-z_][\w.-]{1,31})/g)) this.learn(m[1]!, 'user');
    let out = text;
    // Longest known values first, so "cam-gateway-0113" goes before a shorter host name in it.
    for (const { value, kind } of [...this.known].sort((a, b) => b.value.length - a.value.length)) {
      out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(value)}(?![A-Za-z0-9])`, 'gi'), (m) => this.placeholder(m, kind));
    }
    out = out.replace(/(?<![\w:])(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}(?![\w:])/gi, (m) => this.placeholder(m.replace(/-/g, ':'), 'mac'));
    out = out.replace(/(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.])/g, (m) => (isPlainAddress(m) ? m : this.placeholder(m, 'ip')));
    // IPv6: eight groups, or a :: abbreviation (timestamps like 10:22:33 are neither).
    out = out.replace(/(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?)(?![\w:])/gi, (m) => this.placeholder(m, 'ip'));
    return out;
  }

  /** placeholder -> original value, for the owner of the bundle. */
  mapping(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, p] of this.map) out[p] = key.slice(key.indexOf('\u0000') + 1);
    return out;
  }
}

/** 0.0.0.0, loopback and version-like quads are not identifiers. */
function isPlainAddress(ip: string): boolean {
  return ip === '0.0.0.0' || ip.startsWith('127.') || ip === '255.255.255.255';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
