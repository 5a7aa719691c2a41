import { visibleControls } from './escape.js';

/** Markdown report for tickets: verdict, findings with evidence, then what was and was not checked. */
import type { ReportModel } from './model.js';

const esc = (s: string) => visibleControls(s).replace(/[|\\`*_<>]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
const code = (s: string) => '`' + visibleControls(s).replace(/`/g, "'") + '`';

export function renderMarkdown(m: ReportModel): string {
  const out: string[] = [];
  out.push(`# jetdiag report: ${esc(m.bundle)}`, '');
  out.push(`**Device:** ${esc(m.device)}  `);
  for (const c of m.context) out.push(`**${esc(c.label[0]!.toUpperCase() + c.label.slice(1))}:** ${esc(c.value)}  `);
  out.push(`**Generated:** ${m.generatedAt}`, '');
  out.push(`## Verdict`, '', `**${m.status.toUpperCase()}**: ${esc(m.headline)}`, '');
  if (m.completeness.gaps.length) {
    out.push(m.status === 'problems' ? '**Incomplete bundle** (these findings may not be all there is):' : '**What is missing or damaged:**', '');
    for (const g of m.completeness.gaps) out.push(`- ${esc(g.message)}`);
    out.push('');
  }
  out.push(`| critical | error | warning | info |`, `|---|---|---|---|`, `| ${m.counts.critical} | ${m.counts.error} | ${m.counts.warning} | ${m.counts.info} |`, '');
  if (m.hypotheses.length) {
    out.push('## Likely causes', '');
    m.hypotheses.forEach((h, i) => {
      out.push(`${i + 1}. **${esc(h.cause)}** — confidence ${Math.round(h.confidence * 100)}%. ${esc(h.summary)}`);
      for (const s of h.supporting) out.push(`   - supported by ${code(s.findingId)}: ${esc(s.verdict)}`);
      for (const a of h.against) out.push(`   - against: ${esc(a)}`);
      if (h.remedy.length) out.push(`   - remedy: ${h.remedy.map(esc).join(' ')}`);
    });
    out.push('');
  }
  if (m.findings.length) out.push('## Findings', '');
  m.findings.forEach((f, i) => {
    out.push(`### ${i + 1}. ${esc(f.title)} — ${f.severity} (confidence ${Math.round(f.confidence * 100)}%)`, '');
    out.push(esc(f.verdict), '');
    if (f.figures.length) {
      out.push('| figure | value |', '|---|---|');
      for (const g of f.figures) out.push(`| ${esc(g.label)} | ${esc(String(g.value))}${g.unit ? ' ' + esc(g.unit) : ''} |`);
      out.push('');
    }
    if (f.evidence.length) {
      out.push('Evidence:', '');
      for (const e of f.evidence) out.push(`- ${code(`${e.file}:${e.line}`)} ${code(e.text)}`);
      if ((f.evidenceCount ?? 0) > f.evidence.length) out.push(`- … ${f.evidenceCount! - f.evidence.length} more lines`);
      out.push('');
    }
    if (f.remedy.length) {
      out.push('Remedy:', '');
      for (const r of f.remedy) out.push(`- ${esc(r)}`);
      out.push('');
    }
    out.push(`Finding ${code(f.id)} · rule ${code(f.ruleId)}${f.signatures.length ? ` · signatures ${f.signatures.map(code).join(', ')}` : ''}${f.references.length ? ` · ${f.references.map(esc).join(' · ')}` : ''}`, '');
  });
  out.push('## Checks', '');
  if (m.passed.length) out.push(`Passed: ${m.passed.map((o) => code(o.ruleId)).join(', ')}`, '');
  if (m.missing.length) {
    out.push('Not evaluated:', '');
    for (const g of m.missing) out.push(`- ${esc(g.reason)}: ${g.rules.map(code).join(', ')}`);
    out.push('');
  }
  if (m.ruleErrors.length) {
    out.push('Rule errors:', '');
    for (const o of m.ruleErrors) out.push(`- ${code(o.ruleId)}: ${esc(o.detail ?? '')}`);
    out.push('');
  }
  out.push('## Bundle', '', '| file | read as | bytes |', '|---|---|---|');
  for (const i of m.inputs) out.push(`| ${code(i.path)} | ${i.kind}${i.note ? ` (${i.note})` : ''} | ${i.size} |`);
  out.push('');
  if (m.unused.length) {
    out.push('Files that fed nothing:', '');
    for (const u of m.unused) out.push(`- ${code(u.path)}: ${esc(u.reason)}`);
    out.push('');
  }
  if (m.problems.length || m.diagnostics.length) {
    out.push('Problems and parse diagnostics:', '');
    for (const p of m.problems) out.push(`- ${p.severity}: ${p.file ? code(p.file) + ' ' : ''}${esc(p.message)}`);
    for (const d of m.diagnostics) out.push(`- ${d.severity}: ${code(`${d.file}${d.line ? ':' + d.line : ''}`)} ${esc(d.message)}`);
    out.push('');
  }
  return out.join('\n');
}
