/**
 * Splits NVIDIA's single `nvidia-bug-report-tegra.log` into virtual files. Sections sit
 * behind a line of underscores and a header (`='/proc/meminfo' information=`, or the
 * desktop script's `*** /proc/meminfo`). Line numbers keep pointing into the original log.
 * The splitter takes one line at a time, so a large log is split as it streams in.
 */
// @ts-nocheck

import type { TextSource } from './text.js';

export interface BugReportSection {
  title: string;
  source: TextSource;
}

const RULE = /^_{10,}\s*$/;
const HEADERS = [
  /^=+\s*'([^']+)'\s*information\s*=*\s*$/i,
  /^=+\s*"?([^="]+?)"?\s*information\s*=*\s*$/i,
  /^\*\*\*\s+(.+?)\s*$/,
  /^=+\s+(.+?)\s+=+\s*$/,
];

function headerTitle(line: string): string | null {
  for (const re of HEADERS) {
    const m = re.exec(line);
    if (m) return m[1]!.replace(/^(ls|cat):\s*/, '').trim();
  }
  return null;
}

/** Receives one section's body, line by line, then its end. */
export interface SectionSink {
  line(text: string): void;
  close(): void;
}

/**
 * Feed every line of the log in order (`lineNo` is its 1-based number in the original
 * file); `open(title, lineOffset)` is called at each section header and gets its body.
 */
export class BugReportSplitter {
  private current: SectionSink | null = null;
  private afterRule = false;

  constructor(private readonly open: (title: string, lineOffset: number) => SectionSink) {}

  line(raw: string, lineNo: number): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (RULE.test(line)) {
      this.close();
      this.afterRule = true;
      return;
    }
    const title = this.afterRule || /information\s*=*\s*$/i.test(line) ? headerTitle(line) : null;
    if (title !== null) {
      this.close();
      // Body starts on the next line: its local line 1 is original line lineNo + 1.
      this.current = this.open(title, lineNo);
      this.afterRule = false;
      return;
    }
    if (line.trim() !== '') this.afterRule = false;
    this.current?.line(line);
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }
}

export function splitBugReport(src: TextSource): BugReportSection[] {
  const sections: BugReportSection[] = [];
  const splitter = new BugReportSplitter((title, start) => {
    const body: string[] = [];
    return {
      line: (l) => body.push(l),
      close: () => sections.push({ title, source: { path: src.path, text: body.join('\n'), lineOffset: src.lineOffset + start } }),
    };
  });
  const lines = src.text.split('\n');
  for (let i = 0; i < lines.length; i++) splitter.line(lines[i]!, i + 1);
  splitter.close();
  return sections;
}
