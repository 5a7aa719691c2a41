// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/jetdiag.js');

const IDS = ['orin-cam-07', 'cam-gateway-0113', '1423521001234', '192.168.10.77', '48:b0:2d:4e:11:22', 'fe80::4ab0:2dff:fe4e:1122', 'alice', 'JSN14240099', '3f1d2c4b5a6978877665544332211000'];

/** The SMMU sample with identifiers in the manifest, the host name and every fault line. */
function bundleFullOfIdentifiers(): string {
  const dir = path.join(tempDir(), 'orin-cam-07-capture');
  cpSync(path.join(ROOT, 'samples/orin-nano-smmu-camera'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ device_id: 'cam-gateway-0113', serial_number: '1423521001234', capture_time: '2026-11-24T20:10:12Z' }));
  // Identity files a collector takes: the module's serial number and the machine-id.
  mkdirSync(path.join(dir, 'proc/device-tree'), { recursive: true });
  mkdirSync(path.join(dir, 'etc'), { recursive: true });
  writeFileSync(path.join(dir, 'proc/device-tree/serial-number'), 'JSN14240099\u0000');
  writeFileSync(path.join(dir, 'etc/machine-id'), '3f1d2c4b5a6978877665544332211000\n');
  const dmesg = path.join(dir, 'dmesg.txt');
  writeFileSync(
    dmesg,
    readFileSync(dmesg, 'utf8')
      .replace(/(uncorr_err: request timed out .*)$/gm, '$1 [module JSN14240099 machine 3f1d2c4b5a6978877665544332211000]')
      .replace(/(Unhandled context fault: .*)$/gm, '$1 [peer 192.168.10.77 mac 48:b0:2d:4e:11:22 fe80::4ab0:2dff:fe4e:1122 /home/alice/pipeline user=alice on orin-cam-07 sn 1423521001234]'),
  );
  return dir;
}

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('--redact', { timeout: 180_000 }, () => {
  it('leaves no identifier in any output, with stable placeholders and a map for the owner', () => {
    const bundle = bundleFullOfIdentifiers();
    // The identifiers do reach the outputs when not redacted: the test below can fail.
    const plain = run(['analyze', bundle, '--format', 'md']).out;
    for (const id of IDS) expect(plain, id).toContain(id);

    const out = tempDir();
    const map = path.join(tempDir(), 'map.json');
    const terminal = run(['analyze', bundle, '--redact-map', map, '-o', out, '--format', 'html,md,json,text', '--fail-on', 'warning']);
    const json = run(['analyze', bundle, '--redact', '--json']);
    const files = readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')] as const);
    expect(files.length).toBe(4);
    const outputs: [string, string][] = [['terminal', terminal.out], ['stderr', terminal.err], ['--json', json.out], ...files];
    for (const [name, text] of outputs) {
      for (const id of IDS) expect(text.toLowerCase(), `${id} in ${name}`).not.toContain(id.toLowerCase());
    }
    for (const [f] of files) expect(f).not.toMatch(/orin-cam-07/);
    // Stable: one placeholder per value, the same in every output.
    const md = files.find(([f]) => f.endsWith('.md'))![1];
    expect(md).toMatch(/\[ip-1\]/);
    expect(md).not.toMatch(/\[ip-4\]/);
    expect(md).toMatch(/\/home\/\[user-1\]\/pipeline user=\[user-1\]/);
    expect(JSON.parse(json.out).report.bundle).toMatch(/\[host-1\]-capture/);
    const mapping = JSON.parse(readFileSync(map, 'utf8'));
    expect(Object.values(mapping)).toEqual(expect.arrayContaining(['orin-cam-07', 'cam-gateway-0113', '1423521001234', '192.168.10.77', '48:b0:2d:4e:11:22', 'alice']));
    expect(terminal.err).toMatch(/redaction map written/);
  });
});
