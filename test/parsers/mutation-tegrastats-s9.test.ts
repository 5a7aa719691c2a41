/**
 * tegrastats lines read through the scanner's templates (src/parsers/tegrastats/fast.ts,
 * `build`): a template made from one line is matched against the later lines of its family,
 * and every number the later line holds must land where the field-by-field scan puts it.
 * Cases found by mutation testing (docs/mutation-parsers.md, session 9).
 */
import { describe, expect, it } from 'vitest';
import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { scanLine, templateControl } from '../../src/parsers/tegrastats/fast.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

function run(text: string, grammarOnly: boolean) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, {}, { grammarOnly });
  p.write(text);
  const t = p.end();
  return { t, diagnostics: sink.finish() };
}

const col = (c: ArrayLike<number>) => Array.from(c, (x) => (Number.isNaN(x) ? null : x));

describe('a CPU list whose cores share one clock printed after the list (`CPU [..]@1734`)', () => {
  // The L4T 28 layout of the list (loads only, the clock after `]`); the clock moves from
  // sample to sample as the governor scales it.
  const clocks = [102, 204, 1734, 825, 1428, 102, 1912, 307];
  const loads = (k: number) => [k % 4, (k * 3) % 7, 4 + k, (k * 5) % 11];
  const line = (k: number) =>
    `RAM ${3600 + k}/3983MB (lfb 3x2MB) SWAP 2780/8192MB (cached 284MB) CPU [${loads(k).map((l) => `${l}%`).join(',')}]@${clocks[k]} EMC_FREQ 0%@1600 GR3D_FREQ 0%@998 APE 25 PLL@34C CPU@36.5C GPU@33.5C`;
  const text = clocks.map((_, k) => line(k)).join('\n') + '\n';

  it('the fast path reads these lines (with templates), not the grammar', () => {
    templateControl.enabled = true;
    const matched = templateControl.matched;
    for (let k = 0; k < clocks.length; k++) expect(scanLine(line(k), 0, line(k).length), line(k)).toBe(13);
    expect(templateControl.matched).toBeGreaterThan(matched);
  });

  it('every core runs at its own sample\'s clock, on both paths', () => {
    for (const grammarOnly of [false, true]) {
      const { t, diagnostics } = run(text, grammarOnly);
      expect(diagnostics).toEqual([]);
      expect(t.samples).toBe(clocks.length);
      expect(t.cpuCores).toBe(4);
      for (let core = 0; core < 4; core++) {
        expect(col(t.cpuFreqMHz[core]!), `core ${core}, grammarOnly ${grammarOnly}`).toEqual(clocks);
        expect(col(t.cpuLoad[core]!)).toEqual(clocks.map((_, k) => loads(k)[core]));
      }
      expect(col(t.ramUsedMB)).toEqual(clocks.map((_, k) => 3600 + k));
    }
  });

  it('an offline core and a core with its own clock keep theirs; the others take the shared one', () => {
    const mixed = (k: number) => `RAM ${3600 + k}/3983MB (lfb 3x2MB) CPU [${k}%,off,${k + 1}%@204,${k + 2}%]@${clocks[k]} EMC_FREQ 0%@1600 GR3D_FREQ 0%@998`;
    const { t } = run(clocks.map((_, k) => mixed(k)).join('\n'), false);
    expect(col(t.cpuFreqMHz[0]!)).toEqual(clocks);
    expect(col(t.cpuFreqMHz[1]!)).toEqual(clocks.map(() => null));
    expect(col(t.cpuFreqMHz[2]!)).toEqual(clocks.map(() => 204));
    expect(col(t.cpuFreqMHz[3]!)).toEqual(clocks);
    expect(col(t.cpuLoad[3]!)).toEqual(clocks.map((_, k) => k + 2));
  });
});
