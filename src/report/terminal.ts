/** The one-screen verdict printed after `jetdiag analyze`: answer first, proof pointers under it. */
import type { ReportModel } from './model.js';
import type { Severity } from '../rules/types.js';
import { visibleControls } from './escape.js';

export interface Colours {
  enabled: boolean;
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
  const out: string[] = [];
  out.push(c('bold', `jetdiag: ${v(m.bundle)}`));
  out.push(v(`device: ${m.device}${m.context.length ? ` · ${m.context.map((x) => `${x.label} ${x.value}`).join(' · ')}` : ''}`));
  out.push('');
  const word = m.status.toUpperCase();
  const mark = m.status === 'problems' ? c(m.findings[0]!.severity, word) : m.status === 'healthy' ? c('ok', word) : c('warning', word);
  out.push(`${mark}  ${v(m.headline)}`);
  // What the verdict does not rest on stands above any finding.
  const gaps = m.status === 'inconclusive' ? m.completeness.gaps.slice(1) : m.completeness.gaps;
  if (gaps.length && m.status === 'problems') out.push(c('warning', 'Incomplete bundle: these findings may not be all there is.'));
  for (const g of gaps.slice(0, 6)) out.push(c('warning', v(`  ! ${g.message}`)));
  if (gaps.length > 6) out.push(c('warning', `  ! and ${gaps.length - 6} more gaps in the full report`));
  const todo = m.hypotheses[0]?.remedy ?? (m.status === 'problems' ? m.findings[0]!.remedy : []);
  if (todo.length) {
    out.push('');
    out.push('What to do:');
    for (const r of todo.slice(0, 3)) out.push(`  - ${v(r)}`);
  }
  if (m.hypotheses.length > 1) {
    out.push('');
    out.push('Likely causes:');
    m.hypotheses.slice(0, 4).forEach((h, i) => out.push(`  ${i + 1}. ${v(h.cause)} ${c('dim', `(${Math.round(h.confidence * 100)}%, ${h.supporting.length} finding(s))`)}`));
  }
  const shown = m.findings.slice(0, maxFindings);
  if (shown.length) out.push('');
  for (const f of shown) {
    out.push(`  ${c(f.severity, f.severity.toUpperCase().padEnd(8))} ${v(f.verdict)} ${c('dim', `[${v(f.ruleId)}, confidence ${Math.round(f.confidence * 100)}%]`)}`);
    const ev = f.evidence[0];
    if (ev) out.push(c('dim', v(`           ${ev.file}:${ev.line}  ${truncate(ev.text, 100)}`)));
  }
  if (m.findings.length > shown.length) out.push(c('dim', `  … ${m.findings.length - shown.length} more findings in the full report`));
  if (m.missing.length) {
    out.push('');
    for (const g of m.missing) {
      const list = g.rules.length > 6 ? `${g.rules.slice(0, 6).join(', ')} and ${g.rules.length - 6} more` : g.rules.join(', ');
      out.push(c('dim', v(`not evaluated (${g.reason}): ${g.rules.length} check(s): ${list}`)));
    }
  }
  if (m.ruleErrors.length) out.push(c('error', v(`rule errors: ${m.ruleErrors.map((o) => `${o.ruleId}: ${o.detail}`).join('; ')}`)));
  const bundleIssues = m.problems.length + m.diagnostics.filter((d) => d.severity !== 'info').length;
  if (bundleIssues) out.push(c('dim', `bundle: ${m.problems.length} problem(s), ${m.diagnostics.filter((d) => d.severity !== 'info').length} parse diagnostic(s), ${m.unused.length} file(s) unused — see the report`));
  return out.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
