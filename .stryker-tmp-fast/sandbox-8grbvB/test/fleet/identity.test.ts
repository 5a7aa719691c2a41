// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/analyze.js';
import { bundleIdentity } from '../../src/fleet/identity.js';
import { fixture, writeTree } from '../helpers/fixtures.js';

const MEMINFO = fixture('meminfo/generic-ubuntu2004-k5.4-x86-01.txt');
// /proc/device-tree/serial-number as read on a device: the string ends in a NUL.
const SERIAL = '1421223067123\u0000';
const MACHINE_ID = '3f1d2c4b5a6978877665544332211000\n';

describe('fleet identity: which device a bundle came from', () => {
  it('prefers the device-tree serial number over the host name and machine-id when there is no manifest', async () => {
    const dir = writeTree({
      'cap/proc/meminfo': MEMINFO,
      'cap/proc/device-tree/serial-number': SERIAL,
      'cap/etc/machine-id': MACHINE_ID,
      'cap/etc/hostname': 'cam-gateway-07\n',
    });
    const s = await loadSnapshot(dir);
    expect(s.identity?.serialNumber).toMatchObject({ value: '1421223067123', source: { file: 'cap/proc/device-tree/serial-number', line: 1 } });
    expect(s.identity?.machineId?.value).toBe('3f1d2c4b5a6978877665544332211000');
    expect(bundleIdentity('uploads/whatever-2026-11-30.tgz', s)).toMatchObject({ deviceId: '1421223067123', deviceIdSource: 'serial-number', capturedAt: '2026-11-30T00:00:00.000Z', capturedAtSource: 'file-name' });
  });

  it('falls back to the host name, then the machine-id, then the file name', async () => {
    const withHost = await loadSnapshot(writeTree({ 'proc/meminfo': MEMINFO, 'etc/machine-id': MACHINE_ID, 'etc/hostname': 'cam-gateway-07\n' }));
    expect(bundleIdentity('x.tgz', withHost)).toMatchObject({ deviceId: 'cam-gateway-07', deviceIdSource: 'hostname' });
    const withMachine = await loadSnapshot(writeTree({ 'proc/meminfo': MEMINFO, 'etc/machine-id': MACHINE_ID }));
    expect(bundleIdentity('x.tgz', withMachine)).toMatchObject({ deviceId: '3f1d2c4b5a6978877665544332211000', deviceIdSource: 'machine-id' });
    const bare = await loadSnapshot(writeTree({ 'proc/meminfo': MEMINFO }));
    expect(bundleIdentity('uploads/orin-17-2026-11-30T101500Z.tgz', bare)).toMatchObject({ deviceId: 'orin-17', deviceIdSource: 'file-name', capturedAt: '2026-11-30T10:15:00.000Z' });
  });

  it('names a malformed serial number or machine-id instead of using it as an id', async () => {
    const s = await loadSnapshot(writeTree({ 'proc/meminfo': MEMINFO, 'etc/machine-id': 'not an id\n', 'proc/device-tree/serial-number': 'two words\u0000' }));
    expect(s.identity?.serialNumber).toBeUndefined();
    expect(s.identity?.machineId).toBeUndefined();
    const messages = s.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toMatch(/etc\/machine-id: expected a machine id \(32 hexadecimal digits\)/);
    expect(messages).toMatch(/serial-number: expected one serial number/);
  });
});
