// @ts-nocheck
// 
import type { TimedCapture } from '../common/series.js';

/** One exported buffer of /sys/kernel/debug/dma_buf/bufinfo. */
export interface DmaBufObject {
  line: number;
  sizeBytes: number;
  /** f_flags and f_mode as printed (hex). */
  flags: string;
  mode: string;
  /** File reference count: every fd, mapping and importer holds one. */
  count: number;
  /** The driver that exported the buffer (nvmap, drm, system, linux,cma...). */
  exporter: string;
  /** Inode (kernels >= 4.19 print it): matches `ino:` in /proc/<pid>/fdinfo. */
  inode?: number;
  /** Debug name set by the exporter or user space (absent when `<none>`). */
  name?: string;
  /** Devices attached to (importing) the buffer. */
  attached: string[];
  fences: number;
  /** The row's line as printed (trailing blanks dropped): what evidence quotes. */
  text: string;
}

export interface DmaBufCapture extends TimedCapture {
  objects: DmaBufObject[];
  /** The closing `Total N objects, M bytes` line, when present. */
  total?: { objects: number; bytes: number; line: number; text: string };
}

export interface DmaBufInfo {
  file: string;
  captures: DmaBufCapture[];
}
