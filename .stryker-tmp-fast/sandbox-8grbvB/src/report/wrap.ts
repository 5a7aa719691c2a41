/**
 * Word wrap for the terminal: lines fit the width, continuation lines get a hanging indent so
 * an item's text stays in one column. Colour escapes (SGR) take no width.
 */
// @ts-nocheck

const SGR = /\x1b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return [...s.replace(SGR, '')].length;
}

/**
 * Wraps one line at spaces to `width` columns; continuation lines start with `hang` spaces.
 * A word longer than the line is cut, so nothing runs past the width.
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
    let w = parts[i]!;
    const sep = i > 0 && curLen > lineStart ? parts[i - 1]! : '';
    let wl = visibleLength(w);
    if (curLen + sep.length + wl <= width) {
      cur += sep + w;
      curLen += sep.length + wl;
      continue;
    }
    if (curLen > lineStart) flush();
    // A word wider than a whole line (a long path, a hex dump): cut it at the width.
    while (wl > width - curLen && width - curLen > 0) {
      const chars = [...w.replace(SGR, '')];
      const take = width - curLen;
      cur += chars.slice(0, take).join('');
      flush();
      w = chars.slice(take).join('');
      wl = chars.length - take;
    }
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
