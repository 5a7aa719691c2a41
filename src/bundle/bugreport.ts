/**
 * Splits NVIDIA's single `nvidia-bug-report-tegra.log` into virtual files. Sections sit
 * behind a line of underscores and a header (`='/proc/meminfo' information=`, or the
 * desktop script's `*** /proc/meminfo`). Line numbers keep pointing into the original log.
 */
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

export function splitBugReport(src: TextSource): BugReportSection[] {
  const lines = src.text.split('\n');
  const sections: BugReportSection[] = [];
  let current: { title: string; start: number; body: string[] } | null = null;
  let afterRule = false;
  const close = () => {
    if (current) {
      sections.push({
        title: current.title,
        source: { path: src.path, text: current.body.join('\n'), lineOffset: src.lineOffset + current.start },
      });
    }
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (RULE.test(line)) {
      close();
      afterRule = true;
      continue;
    }
    const title = afterRule || /information\s*=*\s*$/i.test(line) ? headerTitle(line) : null;
    if (title !== null) {
      close();
      // Body starts on the next line: its local line 1 is original line i + 2.
      current = { title, start: i + 1, body: [] };
      afterRule = false;
      continue;
    }
    if (line.trim() !== '') afterRule = false;
    current?.body.push(line);
  }
  close();
  return sections;
}
