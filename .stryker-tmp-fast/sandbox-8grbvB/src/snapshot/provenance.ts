/** Where a value came from: the file inside the bundle and the 1-based line. */
// @ts-nocheck

export interface Provenance {
  file: string;
  line: number;
}
