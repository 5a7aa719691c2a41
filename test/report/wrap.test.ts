import { describe, expect, it, vi } from 'vitest';
import { terminalWidth, visibleLength, wrapLine } from '../../src/report/wrap.js';
import { sayWhenWaitingForStdin } from '../../src/cli/output.js';

describe('terminal wrapping', () => {
  it('wraps at spaces with a hanging indent and keeps padded columns', () => {
    const lines = wrapLine('  ERROR    Used RAM grows 360 MB/h over 12 h; at this rate memory runs out in 34 min.', 40, 11);
    expect(lines[0]).toBe('  ERROR    Used RAM grows 360 MB/h over');
    for (const l of lines.slice(1)) expect(l).toMatch(/^ {11}\S/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/ +/g, ' ')).toBe(' ERROR Used RAM grows 360 MB/h over 12 h; at this rate memory runs out in 34 min.');
  });

  it('never cuts a word longer than the line (a path to copy) and ignores colour codes in the width', () => {
    const report = '/tmp/reports/device-0042/orin-cam-07-2026-11-24.report.html';
    const lines = wrapLine(`  … 33 more finding(s) in the full report: ${report} (open it in a browser)`, 40, 4);
    expect(lines).toContain(`    ${report}`);
    for (const l of lines) if (!l.includes(report)) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/ +/g, ' ')).toBe(` … 33 more finding(s) in the full report: ${report} (open it in a browser)`);
    expect(wrapLine('x'.repeat(50), 30, 6)).toEqual(['x'.repeat(50)]);
    const coloured = '\x1b[31mERROR\x1b[0m short';
    expect(visibleLength(coloured)).toBe(11);
    expect(wrapLine(coloured, 11, 2)).toEqual([coloured]);
  });

  it('takes the terminal width, else COLUMNS, else 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: 'wide' })).toBe(80);
  });
});

describe('analyze - on a terminal', () => {
  it('says it is waiting for stdin only when stdin is a terminal', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const tty = process.stdin.isTTY;
    try {
      Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
      sayWhenWaitingForStdin('-');
      sayWhenWaitingForStdin('bundle.tgz');
      Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
      sayWhenWaitingForStdin('-');
      expect(write.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^jetdiag: reading the bundle from stdin .*Ctrl-D/)]);
    } finally {
      Object.defineProperty(process.stdin, 'isTTY', { value: tty, configurable: true });
      write.mockRestore();
    }
  });
});
