/**
 * Word wrap for the terminal: lines fit the width, continuation lines get a hanging indent so
 * an item's text stays in one column. Colour escapes (SGR) take no width.
 */
const SGR = /\x1b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return [...s.replace(SGR, '')].length;
}

/**
 * Wraps one line at spaces to `width` columns; continuation lines start with `hang` spaces.
 * A word longer than a line is never cut (it is most often a path to copy): it gets a line of
 * its own and runs past the width.
 */
export function wrapLine(line: string, width: number, hang: number): string[] {
  if (!Number.isFinite(width) || visibleLength(line) <= width) return [line];
  const indent = ' '.repeat(Math.min(hang, Math.max(0, width - 20)));
  const lead = /^ */.exec(line)![0];
  // Words with the spaces before them, so padded columns ("ERROR    text") keep their spacing.
  const parts = line.slice(lead.length).split(/( +)/);
  const out: string[] = [];
  let cur = lead;
  let curLen = lead.length;
  let lineStart = lead.length;
  const flush = () => {
    out.push(cur);
    cur = indent;
    curLen = lineStart = indent.length;
  };
  for (let i = 0; i < parts.length; i += 2) {
    const w = parts[i]!;
    const sep = i > 0 && curLen > lineStart ? parts[i - 1]! : '';
    const wl = visibleLength(w);
    if (curLen + sep.length + wl <= width) {
      cur += sep + w;
      curLen += sep.length + wl;
      continue;
    }
    if (curLen > lineStart) flush();
    // A word wider than a whole line (a report's path, a URL) stays whole on its own line and
    // runs past the width: the terminal folds it, and a copied path still works.
    cur += w;
    curLen += wl;
  }
  if (curLen > lineStart || out.length === 0) out.push(cur);
  return out;
}

/** The width to wrap to: the terminal's, else $COLUMNS, else 80. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env = process.env): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const cols = Number(env.COLUMNS);
  if (Number.isInteger(cols) && cols >= 20) return cols;
  return 80;
}
