/**
 * Identity files into the snapshot: nv_tegra_release, device-tree model and compatible,
 * serial number, machine-id, uname, kernel command line, uptime, hostname, thermal zones and an optional manifest.
 * These are one-line files, read with plain patterns; the dmesg banner fills gaps.
 */
import type { InputKind } from '../../bundle/inventory.js';
import type { TextSource } from '../../bundle/text.js';
import type { DiagnosticSink } from '../../snapshot/diagnostics.js';
import type { Snapshot } from '../../snapshot/types.js';
import type { Identity, L4tRelease, ThermalZoneReading } from './types.js';

const L4T_RE = /^#\s*R(\d+)\s*\(release\),\s*REVISION:\s*(\d+)(?:\.(\d+))?(?:,\s*GCID:\s*\d+)?(?:,\s*BOARD:\s*([\w-]+))?(?:,\s*EABI:\s*\w+)?(?:,\s*DATE:\s*(.+?))?\s*$/;

export function parseL4tRelease(line: string): L4tRelease | null {
  const m = L4T_RE.exec(line.trim());
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] !== undefined ? Number(m[3]) : 0;
  return { major, minor, patch, version: `${major}.${minor}.${patch}`, board: m[4], buildDate: m[5], raw: line.trim() };
}

function firstLine(src: TextSource): { text: string; line: number } | null {
  const lines = src.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.replace(/\r$/, '').trim();
    if (t) return { text: t, line: src.lineOffset + i + 1 };
  }
  return null;
}

export function parseCmdline(raw: string): Record<string, string | true> {
  const params: Record<string, string | true> = {};
  for (const tok of raw.match(/(?:[^\s"]+|"[^"]*")+/g) ?? []) {
    const eq = tok.indexOf('=');
    if (eq < 0) params[tok] = true;
    else params[tok.slice(0, eq)] = tok.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return params;
}

export function parseIdentity(
  inputs: Map<InputKind, TextSource[]>,
  sink: DiagnosticSink,
  snapshot: Snapshot,
): Identity | undefined {
  const id: Identity = {};
  const one = (k: InputKind) => inputs.get(k)?.[0];

  const rel = one('nv-tegra-release');
  if (rel) {
    const fl = firstLine(rel);
    const parsed = fl ? parseL4tRelease(fl.text) : null;
    if (parsed && fl) id.l4t = { value: parsed, source: { file: rel.path, line: fl.line } };
    else sink.add('warning', 'identity.nv-tegra-release', `${rel.path}: expected "# R<major> (release), REVISION: <minor>.<patch>, ..." on the first line`);
  }
  const model = one('dt-model');
  if (model) {
    const fl = firstLine(model);
    if (fl) id.model = { value: fl.text, source: { file: model.path, line: fl.line } };
  }
  const compat = one('dt-compatible');
  if (compat) {
    // NUL-separated on disk (decoded to newlines); a `cat` pasted to text loses the NULs,
    // so also split before each vendor prefix.
    const values = compat.text
      .split(/\s+/)
      .flatMap((v) => v.split(/(?=(?:nvidia|arm|brcm|qcom),)/))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) id.compatible = { value: values, source: { file: compat.path, line: compat.lineOffset + 1 } };
  }
  const dts = one('dt-dtsfilename');
  if (dts) {
    const fl = firstLine(dts);
    if (fl) id.dtsFilename = { value: fl.text, source: { file: dts.path, line: fl.line } };
  }
  const uname = one('uname');
  if (uname) {
    const fl = firstLine(uname);
    if (fl) {
      // `uname -a`: Linux host 5.15.148-tegra #1 SMP ... ; `uname -r`: 5.15.148-tegra
      const m = /^Linux\s+(\S+)\s+(\d+\.\d+\.\d+\S*)/.exec(fl.text) ?? /^()(\d+\.\d+\.\d+\S*)\s*$/.exec(fl.text);
      if (m) {
        id.kernelRelease = { value: m[2]!, source: { file: uname.path, line: fl.line } };
        if (m[1]) id.hostname = { value: m[1], source: { file: uname.path, line: fl.line } };
      } else sink.add('warning', 'identity.uname', `${uname.path}: expected "uname -a" or "uname -r" output`);
    }
  }
  const host = one('hostname');
  if (host) {
    const fl = firstLine(host);
    if (fl) id.hostname = { value: fl.text, source: { file: host.path, line: fl.line } };
  }
  const serial = one('dt-serial-number');
  if (serial) {
    const fl = firstLine(serial);
    if (fl && /^[\x21-\x7e]{4,64}$/.test(fl.text)) id.serialNumber = { value: fl.text, source: { file: serial.path, line: fl.line } };
    else if (fl) sink.add('warning', 'identity.serial-number', `${serial.path}: expected one serial number (4 to 64 printable characters, no spaces)`);
  }
  const machine = one('machine-id');
  if (machine) {
    const fl = firstLine(machine);
    if (fl && /^[0-9a-f]{32}$/i.test(fl.text)) id.machineId = { value: fl.text.toLowerCase(), source: { file: machine.path, line: fl.line } };
    else if (fl) sink.add('warning', 'identity.machine-id', `${machine.path}: expected a machine id (32 hexadecimal digits)`);
  }
  const cmd = one('cmdline');
  if (cmd) {
    const fl = firstLine(cmd);
    if (fl) id.cmdline = { value: { raw: fl.text, params: parseCmdline(fl.text) }, source: { file: cmd.path, line: fl.line } };
  }
  const up = one('uptime');
  if (up) {
    const fl = firstLine(up);
    const m = fl ? /^(\d+(?:\.\d+)?)(\s+\d+(?:\.\d+)?)?$/.exec(fl.text) : null;
    if (m && fl) id.uptimeSeconds = { value: Number(m[1]), source: { file: up.path, line: fl.line } };
    else sink.add('warning', 'identity.uptime', `${up.path}: expected "/proc/uptime" content ("<seconds> <idle seconds>")`);
  }
  const zones = thermalZones(inputs.get('thermal-type') ?? [], inputs.get('thermal-temp') ?? []);
  if (zones.length) id.thermalZones = zones;
  const manifest = one('manifest');
  if (manifest) {
    try {
      const fields = JSON.parse(manifest.text) as Record<string, unknown>;
      const str = (...keys: string[]) => {
        for (const k of keys) if (typeof fields[k] === 'string') return fields[k] as string;
        return undefined;
      };
      id.manifest = {
        value: {
          deviceId: str('device_id', 'deviceId', 'serial', 'device'),
          captureTime: str('capture_time', 'captureTime', 'collected_at', 'start_time', 'timestamp', 'time'),
          fields,
        },
        source: { file: manifest.path, line: 1 },
      };
    } catch (e) {
      sink.add('warning', 'identity.manifest', `${manifest.path}: not valid JSON (${(e as Error).message})`);
    }
  }
  fillFromDmesg(id, snapshot);
  return Object.keys(id).length ? id : undefined;
}

function thermalZones(types: TextSource[], temps: TextSource[]): ThermalZoneReading[] {
  const byZone = new Map<string, ThermalZoneReading>();
  const zoneOf = (p: string) => /(thermal_zone\d+)\//.exec(p)?.[1] ?? p;
  for (const t of types) {
    const z = zoneOf(t.path);
    const fl = firstLine(t);
    byZone.set(z, { zone: z, type: fl?.text, source: { file: t.path, line: 1 } });
  }
  for (const t of temps) {
    const z = zoneOf(t.path);
    const fl = firstLine(t);
    const milli = fl ? Number(fl.text) : NaN;
    const r = byZone.get(z) ?? { zone: z, source: { file: t.path, line: 1 } };
    if (Number.isFinite(milli)) {
      r.tempC = milli / 1000;
      // The reading's own line, verbatim, for evidence.
      r.tempLine = { file: t.path, line: fl!.line, text: t.text.split('\n')[fl!.line - t.lineOffset - 1]!.replace(/\r$/, '') };
    }
    byZone.set(z, r);
  }
  return [...byZone.values()].sort((a, b) => a.zone.localeCompare(b.zone, 'en', { numeric: true }));
}

function fillFromDmesg(id: Identity, snapshot: Snapshot) {
  const d = snapshot.dmesg;
  if (!d) return;
  // The newest boot first: an earlier boot's log (pstore, the previous journal) may predate an update.
  const ends = d.boots.map((b, i) => [b.firstRecord, d.boots[i + 1]?.firstRecord ?? d.records.length] as const).reverse();
  if (ends.length === 0) ends.push([0, d.records.length]);
  for (const [from, to] of ends) {
    for (let i = from; i < to; i++) {
      const r = d.records[i]!;
      const file = d.boots[r.boot]?.file ?? d.file;
      if (!id.kernelRelease) {
        const m = /^Linux version (\S+)/.exec(r.message);
        if (m) id.kernelRelease = { value: m[1]!, source: { file, line: r.line } };
      }
      if (!id.cmdline) {
        const m = /^Kernel command line: (.*)$/.exec(r.message);
        if (m) id.cmdline = { value: { raw: m[1]!, params: parseCmdline(m[1]!) }, source: { file, line: r.line } };
      }
      if (!id.model) {
        const m = /^Machine model: (.+)$/.exec(r.message);
        if (m) id.model = { value: m[1]!.trim(), source: { file, line: r.line } };
      }
      if (!id.dtsFilename) {
        const m = /^DTS File Name: (.+)$/.exec(r.message);
        if (m) id.dtsFilename = { value: m[1]!.trim(), source: { file, line: r.line } };
      }
      if (id.kernelRelease && id.cmdline && id.model && id.dtsFilename) return;
    }
  }
}
