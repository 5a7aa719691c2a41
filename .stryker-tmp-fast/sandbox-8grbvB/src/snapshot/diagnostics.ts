/** A problem found while reading or parsing the bundle, kept for the report. */
// @ts-nocheck

export type DiagnosticSeverity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: DiagnosticSeverity;
  /** Path of the file inside the bundle (or the bundle itself). */
  file: string;
  /** 1-based line in that file, when the problem is tied to a line. */
  line?: number;
  message: string;
  /** Stable machine-readable code, e.g. `meminfo.unexpected-line`. */
  code: string;
}

/** Collects diagnostics for one file so parsers never need to know the bundle. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  /** Cap per sink so a garbage file cannot produce millions of entries. */
  private suppressed = 0;
  constructor(
    readonly file: string,
    private readonly limit = 200,
  ) {}

  add(severity: DiagnosticSeverity, code: string, message: string, line?: number): void {
    if (this.items.length >= this.limit) {
      this.suppressed++;
      return;
    }
    this.items.push({ severity, file: this.file, line, code, message });
  }

  /** Appends a summary line when diagnostics were capped. */
  finish(): Diagnostic[] {
    if (this.suppressed > 0) {
      this.items.push({
        severity: 'warning',
        file: this.file,
        code: 'diagnostics.capped',
        message: `${this.suppressed} further diagnostics for this file were not listed`,
      });
      this.suppressed = 0;
    }
    return this.items;
  }
}
