/**
 * Small helpers of src/parsers/common, cases found by mutation testing (docs/mutation-parsers.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { looksLikeTimestampLine, timestampSeconds } from '../../src/parsers/common/timestamps.js';

describe('timestamp lines between periodic captures', () => {
  it('banners glued to the stamp, without blanks, are still stripped', () => {
    for (const line of ['===2026-11-24 10:00:00===', '##Tue Nov 24 10:00:00 UTC 2026##', '---2026-11-24T10:00:00Z', '2026-11-24T10:00:00Z===']) {
      expect(looksLikeTimestampLine(line), line).toBe(true);
      expect(timestampSeconds(line), line).toBe(1795514400);
    }
  });

  // Setting TZ at run time takes effect on Node's main thread only (not in a worker thread, as
  // under Stryker's runner): where it does not, there is nothing to test.
  const saved = process.env.TZ;
  process.env.TZ = 'America/New_York';
  const tzWorks = new Date(2026, 10, 24, 10).getTime() / 1000 !== 1795514400;
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;

  describe.runIf(tzWorks)('a stamp without a zone is UTC, whatever the analyst\'s own zone', () => {
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    it.each(['America/New_York', 'Asia/Kolkata'])('%s', (tz) => {
      process.env.TZ = tz;
      expect(new Date(2026, 10, 24, 10).getTime() / 1000, 'the zone took effect').not.toBe(1795514400);
      for (const line of ['2026-11-24 10:00:00', '2026-11-24T10:00', 'Tue Nov 24 10:00:00 2026', '11-24-2026 10:00:00']) expect(timestampSeconds(line), line).toBe(1795514400);
      expect(timestampSeconds('Tue Nov 24 05:00:00 EST 2026')).toBe(1795514400);
      expect(timestampSeconds('2026-11-24T11:00:00+0100')).toBe(1795514400);
    });
  });
});
