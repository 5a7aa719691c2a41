/** Small numeric helpers for time series in the snapshot (NaN = missing sample). */
export interface LinearFit {
  slope: number;
  intercept: number;
  r2: number;
  n: number;
}

/** Least-squares line through the finite (x, y) pairs. */
export function linearFit(x: ArrayLike<number>, y: ArrayLike<number>): LinearFit | null {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  if (n < 3) return null;
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!;
    const b = y[i]!;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    sxx += (a - mx) ** 2;
    sxy += (a - mx) * (b - my);
    syy += (b - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept: my - slope * mx, r2, n };
}

export function finite(col: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i]!)) out.push(col[i]!);
  return out;
}

export function maxIndex(col: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < col.length; i++) if (Number.isFinite(col[i]!) && (best < 0 || col[i]! > col[best]!)) best = i;
  return best;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Longest run of consecutive samples for which `pred` holds: [start, end] inclusive, or null. */
export function longestRun(n: number, pred: (i: number) => boolean): [number, number] | null {
  let best: [number, number] | null = null;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && pred(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (!best || i - 1 - start > best[1] - best[0]) best = [start, i - 1];
      start = -1;
    }
  }
  return best;
}

export const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * A duration in words. `down` rounds down instead of to the nearest: for a duration set beside
 * the threshold it missed, where "spans 60 min; needs at least 60 min" for 59 min 59 s reads as a bug.
 */
export function formatDuration(seconds: number, { down = false } = {}): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  // A hair of float error is forgiven when rounding down: 239.9999 s is 4 min.
  const r = down ? (v: number, digits = 1) => Math.floor(v * 10 ** digits + 1e-6) / 10 ** digits : round;
  if (seconds < 120) return `${r(seconds, 0)} s`;
  if (seconds < 7200) return `${r(seconds / 60)} min`;
  if (seconds < 172800) return `${r(seconds / 3600)} h`;
  return `${r(seconds / 86400)} days`;
}
