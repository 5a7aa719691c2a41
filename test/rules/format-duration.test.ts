import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/rules/stats.js';

describe('formatDuration', () => {
  it.each([
    [59.6, '60 s'],
    [3599, '60 min'],
    [7199, '120 min'],
    [172799, '48 h'],
  ])('%s s reads %s (nearest)', (seconds, words) => {
    expect(formatDuration(seconds)).toBe(words);
  });

  // Beside a threshold it missed ("spans 59.9 min; needs at least 60 min"), a duration is rounded
  // down, so a stretch just short of the threshold never reads as reaching it.
  it.each([
    [0, '0 s'],
    [59.6, '59 s'],
    [119, '119 s'],
    [120, '2 min'],
    [239.9999999, '4 min'],
    [3599, '59.9 min'],
    [3600, '60 min'],
    [7199, '119.9 min'],
    [7200, '2 h'],
    [172799, '47.9 h'],
    [172800, '2 days'],
    [7 * 86400, '7 days'],
  ])('%s s reads %s (down)', (seconds, words) => {
    expect(formatDuration(seconds, { down: true })).toBe(words);
  });

  it('says unknown for a duration that is not a number', () => {
    expect(formatDuration(Number.NaN)).toBe('unknown');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});
