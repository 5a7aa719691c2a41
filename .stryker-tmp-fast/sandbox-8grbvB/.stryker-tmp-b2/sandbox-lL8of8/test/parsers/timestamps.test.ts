// @ts-nocheck
// 
import { describe, expect, it } from 'vitest';
import { looksLikeTimestampLine, timestampSeconds } from '../../src/parsers/common/timestamps.js';

describe('timestamp lines written between periodic captures', () => {
  it.each([
    ['Tue Nov 24 10:00:00 UTC 2026', 1795514400],
    ['=== Tue Nov 24 10:00:00 UTC 2026 ===', 1795514400],
    ['2026-11-24T10:00:00Z', 1795514400],
    ['2026-11-24 10:00:00', 1795514400],
    ['2026-11-24T12:00:00+02:00', 1795514400],
    ['1795514400', 1795514400],
    ['11-24-2026 10:00:00', 1795514400],
  ])('%s', (line, seconds) => {
    expect(looksLikeTimestampLine(line)).toBe(true);
    expect(timestampSeconds(line)).toBe(seconds);
  });

  it('is not fooled by data lines', () => {
    expect(looksLikeTimestampLine('MemTotal:        7633536 kB')).toBe(false);
    expect(looksLikeTimestampLine('Node 0, zone   Normal 1 2 3')).toBe(false);
  });
});
