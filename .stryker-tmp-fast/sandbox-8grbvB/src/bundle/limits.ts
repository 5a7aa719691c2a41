/** Bounds that keep a hostile or huge bundle from exhausting memory or time. */
// @ts-nocheck

export interface IntakeLimits {
  /** Largest single file kept (decompressed bytes); the rest of the file is skipped. */
  maxFileBytes: number;
  /** Largest total of decompressed bytes kept in memory from the bundle. */
  maxTotalBytes: number;
  /** Largest total of bytes decompressed, skipped files included (a gzip bomb ends here). */
  maxScanBytes: number;
  /** Most archive entries looked at. */
  maxEntries: number;
  /** Longest line handed to a parser. */
  maxLineLength: number;
  /** How deep archives inside archives are opened. */
  maxNestingDepth: number;
  /**
   * Files up to this size are buffered whole and parsed after intake; larger ones are
   * parsed as they stream in (0 streams every file: tests prove both paths equal).
   */
  bufferFileBytes: number;
}

export const DEFAULT_LIMITS: IntakeLimits = {
  // Two weeks of a 1 Hz tegrastats log (~1.2 M lines of up to ~400 bytes) fit; memory no
  // longer grows with file size, as large files are parsed while they stream.
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxScanBytes: 8 * 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxLineLength: 64 * 1024,
  maxNestingDepth: 3,
  bufferFileBytes: 1024 * 1024,
};

/** Unrecognised files up to this size are kept so their first lines can be sniffed. */
export const SNIFF_KEEP_BYTES = 4 * 1024 * 1024;

/** Parses sizes like `512M`, `2G`, `65536`, `64k` given on the command line. */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(text);
  if (!m) throw new Error(`not a size: "${text}" (expected e.g. 512M, 2G or a byte count)`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase()]!;
  return Math.floor(Number(m[1]) * mult);
}
