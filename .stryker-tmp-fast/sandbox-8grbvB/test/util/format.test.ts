// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { formatBootTime, formatBytes, formatClock, formatErrno, formatHms, formatKiB, formatR2 } from '../../src/util/format.js';

describe('figure formatters', () => {
  it('writes times after boot as h:mm:ss, with the clock time when known', () => {
    expect(formatHms(43302.650221)).toBe('12:01:42');
    expect(formatHms(59)).toBe('0:00:59');
    expect(formatHms(50 * 3600 + 12 * 60 + 3)).toBe('50:12:03');
    expect(formatBootTime(43302.65)).toBe('12:01:42 after boot');
    expect(formatBootTime(43302.65, { epoch: Date.UTC(2026, 10, 24, 18, 1, 42) / 1000 })).toBe('12:01:42 after boot (2026-11-24 18:01:42)');
    expect(formatBootTime(12.5, { printed: 'Tue Nov 24 06:00:12 2026' })).toBe('0:00:12 after boot (Tue Nov 24 06:00:12 2026)');
    expect(formatClock(Number.NaN)).toBe('unknown');
  });

  it('names errno values and leaves unknown ones as printed', () => {
    expect(formatErrno('-12')).toBe('-12 (ENOMEM)');
    expect(formatErrno(-110)).toBe('-110 (ETIMEDOUT)');
    expect(formatErrno('12')).toBe('12 (ENOMEM)');
    expect(formatErrno('-4242')).toBe('-4242');
    expect(formatErrno('0x10')).toBe('0x10');
  });

  it('gives R² two decimals, never a bare 1', () => {
    expect(formatR2(0.9996)).toBe('1.00');
    expect(formatR2(0.973)).toBe('0.97');
    expect(formatR2(Number.NaN)).toBe('unknown');
  });

  it('writes memory sizes in binary units', () => {
    expect(formatBytes(4096)).toBe('4 KiB');
    expect(formatBytes(256 * 1024)).toBe('256 KiB');
    expect(formatKiB(248812)).toBe('243 MiB');
    expect(formatKiB(7633536)).toBe('7454.6 MiB');
    expect(formatBytes(64 * 2 ** 30)).toBe('64 GiB');
  });
});

describe('kernel times in clock time', () => {
  it('findings name the clock time of a kernel line when the manifest gives the boot time', async () => {
    const { analyze } = await import('../../src/analyze.js');
    const { cpSync, rmSync, writeFileSync } = await import('node:fs');
    const { default: path } = await import('node:path');
    const { ROOT, tempDir } = await import('../helpers/fleet.js');
    const dir = path.join(tempDir(), 'leak');
    cpSync(path.join(ROOT, 'samples/orin-nano-leak-oom'), dir, { recursive: true });
    // Without the sample's manifest nothing ties the kernel's clock to the wall clock.
    rmSync(path.join(dir, 'manifest.json'), { force: true });
    const plain = await analyze(dir);
    expect(plain.findings.find((f) => f.ruleId === 'oom-kills')!.verdict).toContain('at 12:01:42 after boot;');
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ device_id: 'orin-cam-07', boot_time: '2026-11-24T05:58:00Z' }));
    const withBoot = await analyze(dir);
    // 05:58:00 + 12:01:42.65
    expect(withBoot.findings.find((f) => f.ruleId === 'oom-kills')!.verdict).toContain('at 12:01:42 after boot (2026-11-24 17:59:42);');
  });
});
