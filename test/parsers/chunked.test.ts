import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachLine } from '../../src/bundle/text.js';
import { forEachTokenLine } from '../../src/parsers/common/chunked-lines.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { tegrastatsChunkLexer, tegrastatsLexer } from '../../src/parsers/tegrastats/tokens.js';
import { dmesgChunkLexer, dmesgLexer } from '../../src/parsers/dmesg/tokens.js';
import { tegrastatsParser } from '../../src/parsers/tegrastats/grammar.js';
import { dmesgParser } from '../../src/parsers/dmesg/grammar.js';
import { fixture } from '../helpers/fixtures.js';

const TEGRA = fixture('tegrastats/jetson-tx2-jp4-02.txt');
const DMESG = fixture('dmesg/jetson-nano-jp4.2-k4.9.140-boot-01.txt');

type Kind = 'tegrastats' | 'dmesg';
const SETUP = {
  tegrastats: { lexer: tegrastatsLexer(), chunk: tegrastatsChunkLexer(), parser: tegrastatsParser() },
  dmesg: { lexer: dmesgLexer(), chunk: dmesgChunkLexer(), parser: dmesgParser() },
};

/** What each line lexes to, the chunked way and the line-by-line way, with diagnostics. */
function both(kind: Kind, text: string, maxLineLength = 65536) {
  const s = SETUP[kind];
  const lp = { lexer: s.lexer, parser: s.parser, rule: () => null, expected: 'x' };
  const chunked: string[] = [];
  const sinkA = new DiagnosticSink('f');
  forEachTokenLine({ path: 'f', text, lineOffset: 0 }, sinkA, lp, s.chunk, 'c', (tokens, line, n) => chunked.push(`${n}:${tokens ? tokens.map((t) => `${t.tokenType.name}=${t.image}`).join('|') : 'ERR'}`), { maxLineLength });
  const perLine: string[] = [];
  const sinkB = new DiagnosticSink('f');
  forEachLine({ path: 'f', text, lineOffset: 0 }, sinkB, (line, n) => {
    const r = s.lexer.tokenize(line);
    if (r.errors.length) sinkB.add('warning', 'c', 'x', n);
    perLine.push(`${n}:${r.errors.length ? 'ERR' : r.tokens.map((t) => `${t.tokenType.name}=${t.image}`).join('|')}`);
  }, { maxLineLength });
  return { chunked, perLine, diagA: sinkA.finish().map((d) => `${d.line}:${d.code}`), diagB: sinkB.finish().map((d) => `${d.line}:${d.code}`) };
}

describe('chunked lexing gives the same lines and tokens as lexing line by line', () => {
  it.each([
    ['tegrastats', TEGRA.repeat(4)],
    ['tegrastats with CRLF', TEGRA.repeat(4).replace(/\n/g, '\r\n')],
    ['dmesg', DMESG.repeat(3)],
    ['dmesg with CRLF and no final newline', DMESG.repeat(3).replace(/\n/g, '\r\n').trimEnd()],
  ])('%s (crossing 64 KiB chunk ends)', (name, text) => {
    const kind: Kind = name.startsWith('tegrastats') ? 'tegrastats' : 'dmesg';
    expect(text.length).toBeGreaterThan(128 * 1024);
    const r = both(kind, text);
    // CR is part of the line in per-line mode only as trailing whitespace; compare without it.
    const strip = (xs: string[]) => xs.map((x) => x.replace(/\r/g, ''));
    expect(strip(r.chunked)).toEqual(strip(r.perLine));
  });

  it('over-long lines and lexing errors fall back to exact per-line diagnostics', () => {
    const text = TEGRA.slice(0, 5000) + `\nRAM 1/2MB ${'x'.repeat(300)}\n` + TEGRA.slice(0, 70_000);
    const r = both('tegrastats', text, 200);
    expect(r.chunked).toEqual(r.perLine);
    expect(r.diagA).toEqual(r.diagB);
  });

  it('on random mutations of real logs', () => {
    fc.assert(
      fc.property(fc.constantFrom<Kind>('tegrastats', 'dmesg'), fc.array(fc.tuple(fc.nat(), fc.constantFrom('\n', '\r\n', '\u00e9', '\0', ' ', '\t', '@', '[')), { maxLength: 30 }), (kind, edits) => {
        let text = (kind === 'tegrastats' ? TEGRA : DMESG).repeat(2);
        for (const [at, ch] of edits) {
          const i = at % text.length;
          text = text.slice(0, i) + ch + text.slice(i);
        }
        const r = both(kind, text);
        const strip = (xs: string[]) => xs.map((x) => x.replace(/\r/g, ''));
        expect(strip(r.chunked)).toEqual(strip(r.perLine));
      }),
      { numRuns: 25 },
    );
  });
});

describe('a huge single line', () => {
  it('is cut at --max-line-length before lexing, with a diagnostic, and the lines after it still parse', async () => {
    const { parseTegrastats } = await import('../../src/parsers/tegrastats/build.js');
    const good = 'RAM 3162/7620MB (lfb 4x2MB) CPU [1%@729,0%@729]\n';
    const text = good + `RAM 1/2MB ${'A'.repeat(5_000_000)}\n` + good;
    const sink = new DiagnosticSink('t');
    const t = parseTegrastats({ path: 't', text, lineOffset: 0 }, sink, { tegrastatsIntervalSeconds: 1, maxLineLength: 65536 });
    expect(t.samples).toBe(3);
    expect(t.line[2]).toBe(3);
    expect(sink.finish().find((d) => d.code === 'text.line-too-long')).toMatchObject({ line: 2 });
  });
});
