import { tegrastatsStream } from '../../src/parsers/tegrastats/build.js';
import { DiagnosticSink } from '../../src/snapshot/diagnostics.js';

/** A tegrastats log through the streaming parser (fast path, or the grammar alone): the parsed log and the diagnostics it raised. */
export function streamTegrastats(text: string, grammarOnly: boolean) {
  const sink = new DiagnosticSink('t');
  const p = tegrastatsStream({ path: 't', lineOffset: 0 }, sink, {}, { grammarOnly });
  p.write(text);
  const t = p.end();
  return { t, diagnostics: sink.finish() };
}
