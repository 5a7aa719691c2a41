/**
 * Periodic captures in one file: a wall-clock stamp line (as a collector writes between
 * captures) ends the current capture and dates the next one. Shared by the /proc and
 * debugfs formats that are captured over time.
 */
// @ts-nocheck

// 

import { looksLikeTimestampLine, timestampSeconds } from './timestamps.js';

export interface TimedCapture {
  /** Line of the first value of this capture. */
  line: number;
  /** The stamp line before it, when there was one. */
  time?: string;
  /** That stamp in seconds since the epoch, when it could be read. */
  epoch?: number;
}

export class CaptureSeries<C extends TimedCapture> {
  readonly captures: C[] = [];
  current: C | null = null;
  private pendingTime: string | undefined;

  constructor(private readonly make: (base: TimedCapture) => C) {}

  /** Consumes a stamp line (true) or leaves the line to the format (false). */
  stamp(line: string): boolean {
    if (!looksLikeTimestampLine(line)) return false;
    this.pendingTime = line.trim();
    this.current = null;
    return true;
  }

  /** The capture a value line belongs to, starting one when needed (or when `fresh`). */
  at(lineNo: number, fresh = false): C {
    if (this.current && !fresh) return this.current;
    const time = this.pendingTime;
    this.pendingTime = undefined;
    this.current = this.make({ line: lineNo, time, epoch: time === undefined ? undefined : timestampSeconds(time) });
    this.captures.push(this.current);
    return this.current;
  }
}
