/** The one-screen verdict printed after `jetdiag analyze`: answer first, proof pointers under it. */
import type { ReportModel } from './model.js';
import type { Severity } from '../rules/types.js';
import { visibleControls } from './escape.js';
import { wrapLine } from './wrap.js';

/** Said above the findings of an incomplete bundle, in every format. */
export const INCOMPLETE_WARNING = 'Incomplete bundle: these findings may not be all there is.';

export interface Colours {
  enabled: boolean;
  /** Columns to wrap to (default: no wrapping). */
  width?: number;
  /** The full report written in this run, named where findings are left out. */
  fullReport?: string;
}

const CODES: Record<Severity | 'ok' | 'dim' | 'bold', string> = {
  critical: '\x1b[1;31m',
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  ok: '\x1b[32m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
};

export function renderTerminal(m: ReportModel, colours: Colours, maxFindings = 8): string {
  // Lines are built from bundle text and made safe (visibleControls) before our own colour
  // codes are added, so only jetdiag's escapes ever reach the terminal.
  const v = visibleControls;
  const c = (k: keyof typeof CODES, s: string) => (colours.enabled ? `${CODES[k]}${s}\x1b[0m` : s);
  const width = colours.width ?? Infinity;
  const out: string[] = [];
  /** One logical line, wrapped with continuation lines indented by `hang`. */
  const line = (s: string, hang = 2) => out.push(...wrapLine(s, width, hang));
  line(c('bold', `jetdiag: ${v(m.bundle)}`), 9);
  line(v(`device: ${m.device}${m.context.length ? ` · ${m.context.map((x) => `${x.label} ${x.value}`).join(' · ')}` : ''}`), 8);
  const cfg = m.provenance.config;
  if (cfg.file) {
    const n = cfg.overrides.length;
    line(c('dim', v(`config: ${cfg.pickedUp ? `${cfg.file} picked up from the working directory` : cfg.file}${n ? ` (${n} setting${n === 1 ? '' : 's'} changed, listed in the report)` : ''}`)), 8);
  }
  out.push('');
  const word = m.status.toUpperCase();
  const mark = m.status === 'problems' ? c(m.findings[0]!.severity, word) : m.status === 'healthy' ? c('ok', word) : c('warning', word);
  // What the verdict does not rest on stands above the top cause and any finding: with
  // problems in an incomplete bundle the warning comes first, then the top cause.
  const gaps = m.status === 'inconclusive' ? m.completeness.gaps.slice(1) : m.completeness.gaps;
  const gapLines = () => {
    for (const g of gaps.slice(0, 6)) line(c('warning', v(`  ! ${g.message}`)), 4);
    if (gaps.length > 6) line(c('warning', `  ! and ${gaps.length - 6} more gaps in the full report`), 4);
  };
  if (m.status === 'problems' && gaps.length) {
    line(`${mark}  ${c('warning', INCOMPLETE_WARNING)}`, word.length + 2);
    gapLines();
    line(`${m.headlineLabel}: ${v(m.headline)}`, 2);
  } else {
    line(`${mark}  ${v(m.headline)}`, word.length + 2);
    gapLines();
  }
  // A lone cause is not listed under "Likely causes": say here why it was named.
  if (m.hypotheses.length === 1) line(c('dim', v(`why: ${m.hypotheses[0]!.ranking.replace(/^ranked 1 of 1 at \d+%; /, '')}`)), 5);
  const lead = m.hypotheses.find((h) => h.id === m.leadCauseId);
  const todo = lead?.remedy ?? (m.status === 'problems' ? m.findings[0]!.remedy : []);
  if (todo.length) {
    out.push('');
    out.push('What to do:');
    for (const r of todo.slice(0, 3)) line(`  - ${v(r)}`, 4);
  }
  if (m.hypotheses.length > 1) {
    out.push('');
    out.push('Likely causes:');
    m.hypotheses.slice(0, 4).forEach((h, i) => {
      line(`  ${i + 1}. ${v(h.cause)} ${c('dim', `(${Math.round(h.confidence * 100)}%, ${h.supporting.length} finding(s))`)}`, 5);
      // Why it ranks there: what raised it, each weight that held, its neighbours.
      line(c('dim', v(`     why: ${h.ranking.replace(/^ranked \d+ of \d+ at \d+%; /, '')}`)), 5);
    });
  }
  const shown = m.findings.slice(0, maxFindings);
  if (shown.length) out.push('');
  for (const f of shown) {
    line(`  ${c(f.severity, f.severity.toUpperCase().padEnd(8))} ${v(f.verdict)} ${c('dim', `[${v(f.ruleId)}, confidence ${Math.round(f.confidence * 100)}%]`)}`, 11);
    const ev = f.evidence[0];
    // Evidence is quoted, not wrapped: one line cut to the width keeps the file:line visible.
    if (ev) out.push(c('dim', truncate(v(`           ${ev.file}:${ev.line}  ${ev.text}`), Math.min(width, 11 + 100 + ev.file.length + 8))));
  }
  if (m.findings.length > shown.length) {
    const more = m.findings.length - shown.length;
    line(c('dim', colours.fullReport ? `  … ${more} more finding(s) in the full report: ${v(colours.fullReport)}` : `  … ${more} more finding(s); write them all with -o <dir> or --format text`), 4);
  }
  if (m.missing.length) {
    out.push('');
    for (const g of m.missing) {
      const list = g.rules.length > 6 ? `${g.rules.slice(0, 6).join(', ')} and ${g.rules.length - 6} more` : g.rules.join(', ');
      line(c('dim', v(`not evaluated (${g.reason}): ${g.rules.length} check(s): ${list}`)), 2);
    }
  }
  if (m.ruleErrors.length) line(c('error', v(`rule errors: ${m.ruleErrors.map((o) => `${o.ruleId}: ${o.detail}`).join('; ')}`)), 2);
  const parseIssues = m.diagnostics.filter((d) => d.severity !== 'info').length;
  if (m.problems.length + parseIssues) {
    const where = colours.fullReport ? 'see the report' : 'see the report (-o <dir>)';
    line(c('dim', `bundle: ${m.problems.length} problem(s), ${parseIssues} parse diagnostic(s), ${m.unused.length} file(s) unused — ${where}`), 2);
  }
  return out.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}
