/**
 * Finds a literal string that every match of a regex must contain, so most lines can be
 * rejected with `includes` before the regex runs. Conservative: only top-level literal
 * runs outside groups, classes and quantified atoms; null when unsure.
 */
// @ts-nocheck

// 

export function requiredLiteral(source: string): string | null {
  let depth = 0;
  let best = '';
  let run = '';
  const flush = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  /** Skips a quantifier starting at i (`?`, `*`, `+`, `{m,n}`, lazy `?`); returns the new index. */
  const skipQuantifier = (i: number): number => {
    if (source[i] === '{') while (i < source.length && source[i] !== '}') i++;
    if (source[i + 1] === '?') i++;
    return i;
  };
  const quantified = (i: number) => '?*+{'.includes(source[i] ?? 'x');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '(') {
      depth++;
      flush();
      continue;
    }
    if (c === ')') {
      depth--;
      flush();
      if (quantified(i + 1)) i = skipQuantifier(i + 1);
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      flush();
      if (depth === 0 && quantified(i + 1)) i = skipQuantifier(i + 1);
      continue;
    }
    let literal: string | null = null;
    if (c === '\\') {
      const n = source[++i] ?? '';
      literal = /[dDsSwWbBnrtfv0-9pPuxck]/.test(n) ? null : n;
    } else if (c === '|') {
      if (depth === 0) return null; // top-level alternation: no single required literal
      continue;
    } else if (c === '^' || c === '$' || c === '.') {
      literal = null;
    } else {
      literal = c;
    }
    if (depth > 0) continue;
    if (quantified(i + 1)) {
      flush();
      i = skipQuantifier(i + 1);
      continue;
    }
    if (literal === null) flush();
    else run += literal;
  }
  flush();
  return best.length >= 4 ? best : null;
}
