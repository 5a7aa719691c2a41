/**
 * Times on the device's clock. tegrastats and syslog stamp local time without a zone; the
 * collector's manifest gives UTC and the device's offset (`utc_offset`). Kernel events placed
 * through the manifest must land where the device's own logs put them, whatever the analyst's
 * time zone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyze.js';
import { bootEpoch, parseUtcOffset } from '../../src/util/boot-clock.js';
import { wallSeconds } from '../../src/util/wallclock.js';
import { tempDir } from '../helpers/fixtures.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');
const manifest = (fields: Record<string, unknown>, captureTime?: string) => ({ identity: { manifest: { file: 'manifest.json', line: 1, value: { captureTime, fields } }, uptimeSeconds: { file: 'proc/uptime', line: 1, value: 3600 } } }) as never;

describe('the device clock', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('reads utc_offset as date +%z prints it, and refuses what is not an offset', () => {
    expect(parseUtcOffset('+0100')).toBe(3600);
    expect(parseUtcOffset('-0530')).toBe(-19800);
    expect(parseUtcOffset('+05:45')).toBe(20700);
    expect(parseUtcOffset('Z')).toBe(0);
    for (const bad of ['+1500', '+0160', '0100', 'CET', '', undefined, 100]) expect(parseUtcOffset(bad)).toBeUndefined();
  });

  it('moves the manifest\'s UTC boot and capture times onto the device clock', () => {
    const utc = Date.UTC(2026, 10, 24, 7, 26, 7) / 1000;
    expect(bootEpoch(manifest({ boot_time: '2026-11-24T07:26:07Z', utc_offset: '+0200' }))).toBe(utc + 7200);
    expect(bootEpoch(manifest({ boot_time: '2026-11-24T07:26:07Z', utc_offset: '-0800' }))).toBe(utc - 28800);
    // No offset recorded (older collectors): the UTC time is taken as the device clock.
    expect(bootEpoch(manifest({ boot_time: '2026-11-24T07:26:07Z' }))).toBe(utc);
    // A zone-less time is already the device's clock: the offset does not apply.
    expect(bootEpoch(manifest({ boot_time: '2026-11-24 07:26:07', utc_offset: '+0200' }))).toBe(utc);
    // Capture time minus uptime when there is no boot time.
    expect(bootEpoch(manifest({ utc_offset: '+0100' }, '2026-11-24T08:26:07Z'))).toBe(utc + 3600);
  });

  it('reads a zone-less ISO stamp the same in any analyst time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(wallSeconds('2026-11-24 20:10:12')).toBe(Date.UTC(2026, 10, 24, 20, 10, 12) / 1000);
    expect(wallSeconds('2026-11-24T20:10:12.5')).toBe(Date.UTC(2026, 10, 24, 20, 10, 12, 500) / 1000);
    expect(wallSeconds('2026-11-24T20:10:12+0100')).toBe(Date.UTC(2026, 10, 24, 19, 10, 12) / 1000);
  });

  it('a device in UTC+2: the OOM kill lands at the end of its tegrastats log, as on a device in UTC', async () => {
    const sample = path.join(SAMPLES, 'orin-nano-leak-oom');
    const dir = path.join(tempDir(), 'orin-nano-leak-oom');
    cpSync(sample, dir, { recursive: true });
    // The same capture from a device whose local time (tegrastats) is UTC+2: the manifest's UTC
    // capture time is two hours earlier than the local stamps.
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...m, capture_time: '2026-11-24T16:00:50Z', utc_offset: '+0200' }));
    const verdicts = async (p: string) => (await analyze(p)).findings.filter((f) => f.ruleId === 'memory-leak' || f.ruleId === 'oom-kills').map((f) => f.verdict);
    const there = await verdicts(dir);
    expect(there).toEqual(await verdicts(sample));
    expect(there.join('\n')).toContain('at the end of the tegrastats log');
    expect(there.join('\n')).toContain('(2026-11-24 17:58:59)');
  });
});
