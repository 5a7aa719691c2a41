/**
 * The bench's targets (from the issue) and how a CPU-time target is judged on a machine
 * slower or faster than the one it was set on: as a multiple of the floor.
 */
export interface Target {
  /** CPU seconds where the target was set. */
  seconds?: number;
  /** That bundle's floor (gunzip + count lines) where the target was set, seconds. */
  floor?: number;
  /** Peak RSS, MB: absolute. */
  rssMB: number;
}

/**
 * Targets from the issue: whole process, CPU seconds and MB of peak RSS. `floor` is the floor
 * (gunzip + count lines) of that bundle where the targets were set: time is judged as target
 * over that floor, times the floor measured in this run. Hostile cases must also end with
 * exit 0, 1 or 2, no stack trace, and the healthy meminfo beside them read.
 */
export const TARGETS: Record<string, Target> = {
  'L analyze': { seconds: 1.0, floor: 0.16, rssMB: 200 },
  'XL analyze': { seconds: 5.0, floor: 0.87, rssMB: 400 },
  'L parse': { seconds: 1.5, floor: 0.16, rssMB: 250 },
  'bomb-4GiB parse': { rssMB: 300 },
  'line-256MiB parse': { rssMB: 300 },
  // The issue names no figure for many entries: held to the other hostile cases' bound.
  'entries-50k parse': { rssMB: 300 },
};

/** The CPU seconds a case may take here: its target scaled by this run's floor. */
export function scaledSeconds(t: Target, floorCpuSeconds: number): number | undefined {
  if (t.seconds === undefined) return undefined;
  if (t.floor === undefined || !(floorCpuSeconds > 0)) return t.seconds;
  return (t.seconds / t.floor) * floorCpuSeconds;
}

/** The target as words: the figure, and what it comes to on this machine. */
export function targetText(t: Target, floorCpuSeconds: number): string {
  const scaled = scaledSeconds(t, floorCpuSeconds);
  const time =
    t.seconds === undefined
      ? ''
      : t.floor === undefined || !(floorCpuSeconds > 0)
        ? `< ${t.seconds} s${t.floor === undefined ? '' : ' (floor not measured: absolute)'}, `
        : `< ${t.seconds} s at floor ${t.floor} s = ${(t.seconds / t.floor).toFixed(1)}× floor = < ${scaled!.toFixed(2)} s here, `;
  return `${time}< ${t.rssMB} MB`;
}
