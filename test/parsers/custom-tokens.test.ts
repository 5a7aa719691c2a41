/**
 * The catch-all tokens (a dmesg message, a DMA-BUF or nvmap name, a thermal value) match
 * text whatever its first character, with the lexer's first-character optimisation on.
 * Found by the dmesg fast-path property: a message starting with U+0100 (`Ā`) was a lexing
 * error for the grammar, so the whole line was dropped with a warning.
 */
import { describe, expect, it } from 'vitest';
import { createToken, Lexer } from '../../src/parsers/common/chevrotain.js';
import { anyCharHints, catchAllToken, stickyPattern } from '../../src/parsers/common/custom-tokens.js';
import { parseDmesg } from '../../src/parsers/dmesg/build.js';
import { parseNvmapClients } from '../../src/parsers/nvmap-clients/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

describe('catchAllToken', () => {
  it('matches a line starting with any character but a line break', () => {
    const lexer = new Lexer([catchAllToken('Rest', /[^\n]+/, '')], { positionTracking: 'onlyOffset', ensureOptimizations: true });
    const failed: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c === 10 || c === 13 || (c >= 0xd800 && c <= 0xdfff)) continue;
      const r = lexer.tokenize(`${String.fromCharCode(c)}x`);
      if (r.errors.length || r.tokens[0]?.image !== `${String.fromCharCode(c)}x`) failed.push(c);
    }
    expect(failed).toEqual([]);
  });

  it('leaves out the characters it is told to (the blanks between words)', () => {
    const hints = anyCharHints(' \t');
    expect(hints).not.toContain(' ');
    expect(hints).not.toContain('\t');
    expect(hints).not.toContain('\n');
    expect(hints).toContain('a');
    const Word = catchAllToken('Word', /\S+/, ' \t');
    const Blank = createToken({ name: 'Blank', pattern: /[ \t]+/, group: Lexer.SKIPPED });
    const lexer = new Lexer([Blank, Word], { positionTracking: 'onlyOffset' });
    expect(lexer.tokenize('Ābc  łódź\tx').tokens.map((t) => t.image)).toEqual(['Ābc', 'łódź', 'x']);
  });

  it('a sticky pattern matches only at the offset and hands its groups over as payload when asked', () => {
    const withPayload = stickyPattern(/zone(\d+)/, true);
    const m = withPayload.exec('thermal_zone12/temp', 8) as (RegExpExecArray & { payload?: string[] }) | null;
    expect(m?.[0]).toBe('zone12');
    expect(m?.payload?.[1]).toBe('12');
    expect(withPayload.exec('thermal_zone12/temp', 7)).toBeNull();
    const plain = stickyPattern(/zone(\d+)/, false).exec('thermal_zone12/temp', 8) as (RegExpExecArray & { payload?: string[] }) | null;
    expect(plain?.[0]).toBe('zone12');
    expect(plain?.payload).toBeUndefined();
  });
});

describe('parsers reading text that starts with a non-ASCII character', () => {
  it('a kernel message starting with Ā is a record like any other', () => {
    const sink = new DiagnosticSink('dmesg');
    const d = parseDmesg({ path: 'dmesg', text: '[    5.000000] Ā Tegra Revision: A02p SKU: 0xdc\n', lineOffset: 0 }, sink);
    expect(sink.finish()).toEqual([]);
    expect(d.records.map((r) => r.message)).toEqual(['Ā Tegra Revision: A02p SKU: 0xdc']);
  });

  it('an nvmap process name starting with ł', () => {
    const sink = new DiagnosticSink('clients');
    const n = parseNvmapClients({ path: 'clients', text: 'CLIENT PROCESS PID SIZE\nuser łódź-camera 812 4096K\n', lineOffset: 0 }, sink);
    expect(sink.finish()).toEqual([]);
    expect(n.captures[0]!.clients[0]).toMatchObject({ process: 'łódź-camera', pid: 812 });
  });
});
