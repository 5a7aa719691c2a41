/**
 * Batch progress on stderr: a cli-progress bar (count, rate, ETA, failures) on a terminal,
 * a plain line every few seconds otherwise (CI logs), nothing with --quiet.
 */
// @ts-nocheck

// 

import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  tick(failed: boolean): void;
  stop(): void;
}

function eta(done: number, total: number, elapsedS: number): string {
  if (!done) return '?';
  const s = Math.round(((total - done) * elapsedS) / done);
  return s >= 120 ? `${Math.round(s / 60)} min` : `${s} s`;
}

export function createProgress(mode: 'bar' | 'lines' | 'none', stream: NodeJS.WriteStream = process.stderr, everyMs = 5000): Progress {
  let total = 0;
  let done = 0;
  let failed = 0;
  let started = Date.now();
  if (mode === 'none') return { start() {}, tick() {}, stop() {} };
  if (mode === 'bar') {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'analysing {bar} {value}/{total} | {rate}/s | ETA {eta_formatted} | {failed} failed',
        hideCursor: true,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    return {
      start(n) {
        total = n;
        started = Date.now();
        bar.start(n, 0, { rate: '0.0', failed: 0 });
      },
      tick(f) {
        done++;
        if (f) failed++;
        bar.update(done, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1), failed });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = 0;
  const line = () => {
    const el = (Date.now() - started) / 1000;
    stream.write(`jetdiag batch: ${done}/${total} bundles, ${(done / Math.max(0.001, el)).toFixed(1)}/s, ETA ${eta(done, total, el)}, ${failed} failed\n`);
  };
  return {
    start(n) {
      total = n;
      started = last = Date.now();
    },
    tick(f) {
      done++;
      if (f) failed++;
      if (Date.now() - last >= everyMs) {
        last = Date.now();
        line();
      }
    },
    stop() {
      if (total) line();
    },
  };
}
