/**
 * The signature scan's literal gate (src/rules/signatures/match.ts) finds the packs' required
 * literals in each kernel message with one regex built as a trie of the literals. Held here to
 * the plain alternation of the literals, longest first: the same match (place and text) at
 * every step of the gate's scan, on real kernel log lines, on lines made of overlapping pieces
 * of the real literals, and on literals that are prefixes of others, empty, or beyond ASCII.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { trieSource } from '../../src/rules/signatures/match.js';
import { loadSignatures } from '../../src/rules/signatures/pack.js';
import { FIXTURES, fixture } from '../helpers/fixtures.js';

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every match the gate's loop sees (it looks again one character after each match's start). */
function matches(re: RegExp, msg: string): [number, string][] {
  const out: [number, string][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(msg); m !== null; m = re.exec(msg)) {
    out.push([m.index, m[0]]);
    re.lastIndex = m.index + 1;
  }
  return out;
}

function compare(words: string[], messages: string[]) {
  const trie = new RegExp(trieSource(words), 'g');
  const plain = new RegExp([...words].sort((x, y) => y.length - x.length).map(escapeRe).join('|'), 'g');
  for (const msg of messages) expect(matches(trie, msg), msg).toEqual(matches(plain, msg));
}

const literals = [...new Set(['callbacks suppressed', ...loadSignatures([]).flatMap((s) => [...s.patterns.map((p) => p.literal), s.joinContinuation ? s.patterns[0]!.joinAnchor : null])])].filter(
  (l): l is string => typeof l === 'string',
);

const kernelLines = readdirSync(path.join(FIXTURES, 'dmesg'))
  .filter((f) => !f.endsWith('.md'))
  .flatMap((f) => fixture(`dmesg/${f}`).split('\n'));

describe('the signature gate regex (a trie of the literals) = their plain alternation, longest first', () => {
  it('the packs have literals that share beginnings, one inside another', () => {
    expect(literals.length).toBeGreaterThan(40);
    expect(literals.some((a) => literals.some((b) => a !== b && a.startsWith(b)))).toBe(true);
  });

  it('on real kernel log lines', () => {
    expect(kernelLines.length).toBeGreaterThan(1000);
    compare(literals, kernelLines);
    const trie = new RegExp(trieSource(literals), 'g');
    expect(kernelLines.filter((l) => matches(trie, l).length > 0).length).toBeGreaterThan(10);
  });

  it('on lines made of overlapping pieces of the literals', () => {
    const piece = fc.oneof(
      fc.constantFrom(...literals),
      fc.constantFrom(...literals).chain((l) => fc.tuple(fc.nat(l.length), fc.nat(l.length)).map(([a, b]) => l.slice(Math.min(a, b), Math.max(a, b)))),
      fc.constantFrom(' ', ': ', 'x', 'é', '\t', '0', '['),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => compare(literals, [parts.join('')])),
      { numRuns: 1000 },
    );
  });

  it('literals that are prefixes of others, regex characters, an empty literal, and characters beyond ASCII', () => {
    const words = ['abc', 'ab', 'abcd', 'b', 'a.c', '[x]', '(y)|z', 'température', 'temp', 'µs', '😀a', '😀b', ''];
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', '.', '[x]', '(y)|z', 'tempér', 'ature', 'µ', 's', '😀', ' '), { maxLength: 12 }), (parts) => {
        compare(words, [parts.join('')]);
        compare(words.filter((w) => w !== ''), [parts.join('')]);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Every message of a 100k-line log meets every pattern the gate lets through. A pattern with no
 * required literal (or one as common as ": ") runs on every line; unanchored and starting with
 * `\S+`, it tries each place of each line (the first xhci-host-died pack took 0.18 s of CPU on
 * the 24 h bench log that way). So each shipped pattern must be gated by a literal of 4 or more
 * characters or be anchored at the line's start; the exceptions below begin with an alternation
 * of plain words, which the regex engine finds as fast as a literal.
 */
describe('every shipped signature pattern is cheap to reject', () => {
  const UNGATED_BY_DESIGN = new Set(['nvgpu-channel-timeout#0', 'vi-syncpt-timeout#0']);
  it('has a literal of 4+ characters, or is anchored, or is a known alternation of words', () => {
    const slow = loadSignatures([]).flatMap((s) =>
      s.patterns
        .map((p, i) => ({ id: `${s.id}#${i}`, literal: p.literal, source: p.re.source }))
        .filter((p) => !((p.literal?.length ?? 0) >= 4 || p.source.startsWith('^') || UNGATED_BY_DESIGN.has(p.id))),
    );
    expect(slow).toEqual([]);
  });
});
