/**
 * Too small or fragmented: decided from the request against CmaTotal, CmaFree, the largest free
 * CMA block and the uptime, and every reason stated (for or against) is one the figures show.
 * The request size is the real r36 line's (OE4T/meta-tegra#1613: 62864 pages = 245.6 MiB).
 */
import { describe, expect, it } from 'vitest';
import { judgeCmaFailure } from '../../src/rules/builtin/cma-judgement.js';

const MiB = 1024 * 1024;
const REQ = 62864 * 4096;

describe('judgeCmaFailure', () => {
  it('with CmaFree unknown, never speaks of free CMA', () => {
    const j = judgeCmaFailure({ requestBytes: REQ, totalBytes: 256 * MiB });
    expect(j).toEqual({ cause: 'too-small', reasons: ['the 245.6 MiB request is more than half of the pool (CmaTotal 256 MiB)'], against: [] });
    expect([...j.reasons, ...j.against].join(' ')).not.toMatch(/CmaFree|free CMA/);
  });

  it('with nothing known, is undecided and says so', () => {
    expect(judgeCmaFailure({ requestBytes: REQ })).toEqual({ cause: 'undecided', reasons: ['CmaFree and the pool size are not in the bundle'], against: [] });
  });

  it('a request larger than the whole pool is too small, with the small largest block stated against it', () => {
    const j = judgeCmaFailure({ requestBytes: REQ, totalBytes: 128 * MiB, largestFreeBlockBytes: 4 * MiB, uptimeSeconds: 6 * 3600 });
    expect(j.cause).toBe('too-small');
    expect(j.reasons).toEqual(['the 245.6 MiB request is larger than the whole pool (CmaTotal 128 MiB)']);
    expect(j.against).toEqual(['the largest free CMA block is 4 MiB', '6 h after boot: time enough for allocate/free cycles to fragment the pool']);
  });

  it('free CMA that would hold the request hours after boot is fragmentation, with the uptime as a reason', () => {
    const j = judgeCmaFailure({ requestBytes: 24 * MiB, totalBytes: 768 * MiB, freeBytes: 300 * MiB, largestFreeBlockBytes: 2 * MiB, uptimeSeconds: 14 * 3600 });
    expect(j).toEqual({
      cause: 'fragmented',
      reasons: ['CmaFree 300 MiB would hold the 24 MiB request', 'the largest free CMA block is 2 MiB', '14 h after boot: time enough for allocate/free cycles to fragment the pool'],
      against: [],
    });
  });

  it('minutes after boot argue against fragmentation: undecided when free CMA would hold the request', () => {
    const j = judgeCmaFailure({ requestBytes: REQ, totalBytes: 768 * MiB, freeBytes: 742 * MiB, uptimeSeconds: 13.9 });
    expect(j.cause).toBe('undecided');
    expect(j.reasons[0]).toBe('only 13 s after boot, too early for fragmentation');
  });

  it('minutes after boot with a request over half the pool: too small, the free CMA that would hold it stated against', () => {
    const j = judgeCmaFailure({ requestBytes: REQ, totalBytes: 384 * MiB, freeBytes: 300 * MiB, uptimeSeconds: 600 });
    expect(j).toEqual({
      cause: 'too-small',
      reasons: ['the 245.6 MiB request is more than half of the pool (CmaTotal 384 MiB)', 'only 10 min after boot, too early for fragmentation'],
      against: ['CmaFree 300 MiB would hold the 245.6 MiB request'],
    });
  });

  it('the boot reservation stands in for CmaTotal and is named as such', () => {
    const j = judgeCmaFailure({ requestBytes: REQ, totalBytes: 256 * MiB, totalSource: 'reserved at boot' });
    expect(j.reasons).toEqual(['the 245.6 MiB request is more than half of the pool (CmaTotal 256 MiB (reserved at boot))']);
  });
});
