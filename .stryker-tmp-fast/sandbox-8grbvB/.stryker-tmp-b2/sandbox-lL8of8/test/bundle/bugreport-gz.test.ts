// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { loadSnapshot } from '../../src/analyze.js';
import { deviceContext } from '../../src/rules/device/context.js';
import { makeTgz } from '../helpers/archive.js';
import { writeTemp } from '../helpers/fixtures.js';
import { bugReportLog } from '../helpers/bugreport.js';

const LOG = bugReportLog([
  ['/proc/device-tree/compatible', 'nvidia,p3768-0000+p3767-0005\0nvidia,p3767-0005\0nvidia,tegra234\0'],
  ['/proc/meminfo', 'MemTotal:        7633536 kB\nMemAvailable:     248812 kB'],
  ['dmesg', '[ 7201.112032] arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0xfffb5000, fsynr=0x7c0020, cbfrsynra=0x100f, cb=3'],
]);

describe('nvidia-bug-report-tegra.log.gz', () => {
  it('a gzip that holds one log (not a tar) is read as that log, NUL bytes and all', async () => {
    const s = await loadSnapshot(writeTemp('nvidia-bug-report-tegra.log.gz', zlib.gzipSync(LOG)));
    expect(s.bundle.layout).toBe('nvidia-bug-report');
    expect(s.dmesg!.records[0]!.line).toBe(14);
    expect(s.meminfo!.captures[0]!.lines.MemTotal).toBe(9);
    expect(deviceContext(s).board?.name).toBe('Jetson Orin Nano 8GB');
  });

  it('inside a tar.gz too', async () => {
    const s = await loadSnapshot(writeTemp('b.tgz', await makeTgz([{ name: 'logs/nvidia-bug-report-tegra.log.gz', content: zlib.gzipSync(LOG) }])));
    expect(s.dmesg!.file).toBe('logs/nvidia-bug-report-tegra.log.gz!/nvidia-bug-report-tegra.log');
    expect(s.bundle.layout).toBe('nvidia-bug-report');
  });

  it('a gzip bomb holding one file stops at the file limit instead of decompressing on', async () => {
    const bomb = zlib.gzipSync(Buffer.concat([Buffer.from(LOG + '\n'), Buffer.alloc(64 * 1024 * 1024, 0x61)]));
    const s = await loadSnapshot(writeTemp('nvidia-bug-report-tegra.log.gz', bomb), { limits: { maxFileBytes: 1024 * 1024 } });
    expect(s.bundle.problems.find((p) => p.code === 'limit.file-size')!.message).toMatch(/larger than 1048576 bytes/);
    expect(s.bundle.totalBytes).toBe(1024 * 1024);
    expect(s.meminfo!.captures[0]!.values.MemTotal).toBe(7633536 * 1024);
  });

  it('a cut .gz keeps what was decompressed and says so', async () => {
    const gz = zlib.gzipSync(LOG + '\n' + 'x'.repeat(50_000));
    const s = await loadSnapshot(writeTemp('nvidia-bug-report-tegra.log.gz', gz.subarray(0, gz.length - 20)));
    expect(s.bundle.problems.some((p) => p.code === 'archive.damaged')).toBe(true);
    expect(s.meminfo!.captures[0]!.values.MemTotal).toBe(7633536 * 1024);
  });
});
