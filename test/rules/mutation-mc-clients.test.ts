/**
 * Memory-controller client names decoded to the device behind them (src/rules/builtin/mc-clients.ts).
 * Client names as the Tegra MC drivers print them: L4T downstream `mc-err: (id) csr_/csw_<unit>`,
 * upstream tegra-mc `<unit>: read @0x...` without the csr_/csw_ prefix.
 */
import { describe, expect, it } from 'vitest';
import { decodeMcClient } from '../../src/rules/builtin/mc-clients.js';

describe('decodeMcClient', () => {
  it.each([
    ['csw_xusb_hostw', { device: 'USB host controller (xHCI)', access: 'write' }],
    ['csr_xusb_hostr', { device: 'USB host controller (xHCI)', access: 'read' }],
    ['csw_xusb_devw', { device: 'USB device controller', access: 'write' }],
    // VIC clients begin like the VI ones: the compositor, not the camera (a bug found here).
    ['csr_vicsrd', { device: 'video image compositor (VIC)', access: 'read' }],
    ['csw_vicswr', { device: 'video image compositor (VIC)', access: 'write' }],
    ['csw_viw', { device: 'camera capture (VI)', access: 'write' }],
    ['csw_vi2w', { device: 'camera capture (VI)', access: 'write' }],
    ['csr_nvdecsrd', { device: 'video decoder (NVDEC)', access: 'read' }],
    ['csw_nvencswr', { device: 'video encoder (NVENC)', access: 'write' }],
    ['csr_sdmmcra', { device: 'SD card / eMMC controller', access: 'read' }],
    ['csr_afir', { device: 'PCIe controller', access: 'read' }],
    ['csr_tsecsrd', { device: 'security engine', access: 'read' }],
    ['csw_ispwa', { device: 'camera image signal processor (ISP)', access: 'write' }],
    ['csr_NVDECSRD', { device: 'video decoder (NVDEC)', access: 'read' }],
  ])('%s', (client, want) => {
    expect(decodeMcClient(client)).toStrictEqual(want);
  });

  it('upstream names carry no csr_/csw_ prefix: the device without an access', () => {
    expect(decodeMcClient('xusb_hostw')).toStrictEqual({ device: 'USB host controller (xHCI)' });
    expect(decodeMcClient('display0a')).toStrictEqual({ device: 'display controller' });
    expect(decodeMcClient('vicsrd')).toStrictEqual({ device: 'video image compositor (VIC)' });
  });

  it('a prefix only counts whole and at the start; unknown units give null', () => {
    // Not csr_/csw_: the whole name is the unit, and no unit is called that.
    expect(decodeMcClient('csx_vicsrd')).toBeNull();
    expect(decodeMcClient('xcsr_vicsrd')).toBeNull();
    expect(decodeMcClient('csr_')).toBeNull();
    expect(decodeMcClient('csr_nvl7r')).toBeNull();
    expect(decodeMcClient('csr_ufshcr')).toBeNull();
    expect(decodeMcClient('')).toBeNull();
  });
});
