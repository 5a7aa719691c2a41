// @ts-nocheck
import fc from 'fast-check';

/** Random edits of a real capture: cut, duplicate or drop lines, flip characters, insert junk. */
export const mutation = (base: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...base),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }) }),
          fc.record({ op: fc.constant('dropLine' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('junk' as const), at: fc.nat(), text: fc.string({ maxLength: 80, unit: 'grapheme' }) }),
        ),
        { maxLength: 8 },
      ),
    )
    .map(([text, ops]) => {
      let t = text;
      for (const o of ops) {
        const at = t.length ? o.at % t.length : 0;
        if (o.op === 'cut') t = t.slice(0, at);
        else if (o.op === 'flip') t = t.slice(0, at) + o.ch + t.slice(at + 1);
        else if (o.op === 'junk') t = t.slice(0, at) + o.text + t.slice(at);
        else {
          const lines = t.split('\n');
          const i = lines.length ? o.at % lines.length : 0;
          if (o.op === 'dropLine') lines.splice(i, 1);
          else lines.splice(i, 0, lines[i] ?? '');
          t = lines.join('\n');
        }
      }
      return t;
    });

/** `x` cut into pieces at the given places (taken modulo its length), in order. */
export function cutAt<T extends { length: number; slice(a: number, b?: number): T }>(x: T, cuts: number[]): T[] {
  const at = [...new Set(cuts.map((c) => c % (x.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(x.slice(prev, c));
    prev = c;
  }
  out.push(x.slice(prev));
  return out;
}
