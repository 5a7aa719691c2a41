/**
 * Markdown report for tickets: verdict, findings with evidence, then what was and was not
 * checked. It stays under a size budget (GitHub refuses comments over 65,536 characters): when
 * the full text is too long, evidence is folded and cut step by step, then the least severe
 * findings shrink to one line each, always with a count of what was left out.
 */
import { visibleControls } from './escape.js';
import type { ReportModel } from './model.js';
import { describeOverride } from '../verdict/provenance.js';

/** Under GitHub's 65,536-character comment limit with room for a note around it. */
export const MARKDOWN_BUDGET = 60_000;
/** An evidence line longer than this is cut in Markdown (the JSON report keeps it whole). */
const EVIDENCE_CHARS = 300;

interface Detail {
  /** Evidence lines shown per finding. */
  evidence: number;
  /** Findings shown in full; the rest get one line each. */
  fullFindings: number;
  /** One-line findings shown after the full ones; the rest are counted. */
  briefFindings: number;
  /** Rows of the bundle's file tables. */
  files: number;
}

const LEVELS: Detail[] = [
  { evidence: Infinity, fullFindings: Infinity, briefFindings: Infinity, files: Infinity },
  { evidence: 20, fullFindings: Infinity, briefFindings: Infinity, files: Infinity },
  { evidence: 10, fullFindings: Infinity, briefFindings: Infinity, files: 200 },
  { evidence: 5, fullFindings: 60, briefFindings: Infinity, files: 100 },
  { evidence: 3, fullFindings: 30, briefFindings: 300, files: 50 },
  { evidence: 2, fullFindings: 15, briefFindings: 150, files: 30 },
  { evidence: 1, fullFindings: 8, briefFindings: 60, files: 20 },
];

const esc = (s: string) => visibleControls(s).replace(/[|\\`*_<>]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
const code = (s: string) => '`' + visibleControls(s).replace(/`/g, "'") + '`';

export function renderMarkdown(m: ReportModel, budget = MARKDOWN_BUDGET): string {
  for (const level of LEVELS) {
    const text = renderAt(m, level);
    if (text.length <= budget) return text;
  }
  // Still too long (huge verdict texts or causes): cut at a line end and say so.
  const text = renderAt(m, LEVELS[LEVELS.length - 1]!);
  const note = `\n\n… report cut at ${budget} characters; the HTML and JSON reports hold everything.\n`;
  const cut = text.lastIndexOf('\n', budget - note.length);
  return text.slice(0, Math.max(0, cut)) + note;
}

function renderAt(m: ReportModel, d: Detail): string {
  const out: string[] = [];
  out.push(`# jetdiag report: ${esc(m.bundle)}`, '');
  out.push(`**Device:** ${esc(m.device)}  `);
  for (const c of m.context) out.push(`**${esc(c.label[0]!.toUpperCase() + c.label.slice(1))}:** ${esc(c.value)}  `);
  out.push(`**Generated:** ${m.generatedAt}`, '');
  out.push(`## Verdict`, '');
  // An incomplete bundle's warning stands above the top cause, as in the terminal.
  if (m.status === 'problems' && m.completeness.gaps.length) {
    out.push(`**${m.status.toUpperCase()}**: **Incomplete bundle**: these findings may not be all there is.`, '');
    for (const g of m.completeness.gaps) out.push(`- ${esc(g.message)}`);
    out.push('', `**${m.headlineLabel}:** ${esc(m.headline)}`, '');
  } else {
    out.push(`**${m.status.toUpperCase()}**: ${esc(m.headline)}`, '');
    if (m.completeness.gaps.length) {
      out.push('**What is missing or damaged:**', '');
      for (const g of m.completeness.gaps) out.push(`- ${esc(g.message)}`);
      out.push('');
    }
  }
  out.push(`| critical | error | warning | info |`, `|---|---|---|---|`, `| ${m.counts.critical} | ${m.counts.error} | ${m.counts.warning} | ${m.counts.info} |`, '');
  if (m.hypotheses.length) {
    out.push('## Likely causes', '');
    m.hypotheses.forEach((h, i) => {
      out.push(`${i + 1}. **${esc(h.cause)}** — confidence ${Math.round(h.confidence * 100)}%. ${esc(h.summary)}`);
      for (const s of h.supporting) out.push(`   - supported by ${code(s.findingId)}: ${esc(s.verdict)}`);
      for (const r of h.reasons) if (r.weight > 0) out.push(`   - for (+${Math.round(r.weight * 100)}%): ${esc(r.text)}`);
      for (const a of h.against) out.push(`   - against: ${esc(a)}`);
      out.push(`   - ranking: ${esc(h.ranking)}`);
      if (h.remedy.length) out.push(`   - remedy: ${h.remedy.map(esc).join(' ')}`);
      if (h.references.length) out.push(`   - references: ${h.references.map(esc).join('; ')}`);
    });
    out.push('');
  }
  if (m.findings.length) out.push('## Findings', '');
  const full = m.findings.slice(0, d.fullFindings);
  const brief = m.findings.slice(full.length, full.length + d.briefFindings);
  full.forEach((f, i) => {
    out.push(`### ${i + 1}. ${esc(f.title)} — ${f.severity} (confidence ${Math.round(f.confidence * 100)}%)`, '');
    out.push(esc(f.verdict), '');
    if (f.figures.length) {
      out.push('| figure | value |', '|---|---|');
      for (const g of f.figures) out.push(`| ${esc(g.label)} | ${esc(String(g.value))}${g.unit ? ' ' + esc(g.unit) : ''} |`);
      out.push('');
    }
    if (f.evidence.length) {
      const total = Math.max(f.evidenceCount ?? 0, f.evidence.length);
      const shown = f.evidence.slice(0, d.evidence);
      // More than a few lines fold away so the verdicts stay readable in a ticket.
      const fold = shown.length > 5 || shown.length < total;
      out.push(fold ? `<details><summary>Evidence: ${shown.length < total ? `${shown.length} of ${total}` : total} lines</summary>` : 'Evidence:', '');
      for (const e of shown) out.push(`- ${code(`${e.file}:${e.line}`)} ${code(cut(e.text, EVIDENCE_CHARS))}`);
      if (total > shown.length) out.push(`- … ${total - shown.length} more line(s) in the HTML and JSON reports`);
      out.push('');
      if (fold) out.push('</details>', '');
    }
    if (f.remedy.length) {
      out.push('Remedy:', '');
      for (const r of f.remedy) out.push(`- ${esc(r)}`);
      out.push('');
    }
    out.push(`Finding ${code(f.id)} · rule ${code(f.ruleId)}${f.signatures.length ? ` · signatures ${f.signatures.map(code).join(', ')}` : ''}${f.references.length ? ` · ${f.references.map(esc).join(' · ')}` : ''}`, '');
  });
  if (brief.length) {
    out.push(`<details><summary>${brief.length} more finding(s), one line each</summary>`, '');
    brief.forEach((f, i) => out.push(`${full.length + i + 1}. ${f.severity}: ${esc(f.verdict)} (${code(f.ruleId)})`));
    out.push('', '</details>', '');
  }
  const untold = m.findings.length - full.length - brief.length;
  if (untold > 0) out.push(`… ${untold} more finding(s) left out to keep this under ${MARKDOWN_BUDGET} characters; the HTML and JSON reports hold them all.`, '');
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
  for (const i of m.inputs.slice(0, d.files)) out.push(`| ${code(i.path)} | ${i.kind}${i.note ? ` (${i.note})` : ''} | ${i.size} |`);
  if (m.inputs.length > d.files) out.push(`| … ${m.inputs.length - d.files} more file(s) | | |`);
  out.push('');
  if (m.unused.length) {
    out.push('Files that fed nothing:', '');
    for (const u of m.unused.slice(0, d.files)) out.push(`- ${code(u.path)}: ${esc(u.reason)}`);
    if (m.unused.length > d.files) out.push(`- … ${m.unused.length - d.files} more`);
    out.push('');
  }
  if (m.problems.length || m.diagnostics.length) {
    out.push('Problems and parse diagnostics:', '');
    const notes = [
      ...m.problems.map((p) => `- ${p.severity}: ${p.file ? code(p.file) + ' ' : ''}${esc(p.message)}`),
      ...m.diagnostics.map((g) => `- ${g.severity}: ${code(`${g.file}${g.line ? ':' + g.line : ''}`)} ${esc(g.message)}`),
    ];
    out.push(...notes.slice(0, d.files));
    if (notes.length > d.files) out.push(`- … ${notes.length - d.files} more`);
    out.push('');
  }
  const p = m.provenance;
  out.push('## Provenance', '');
  out.push(`- generator: ${esc(`${p.generator.name} ${p.generator.version}`)}, report schema ${p.reportSchemaVersion}, snapshot schema ${p.snapshotSchemaVersion}`);
  out.push(`- rule set: ${code(p.ruleSet.version)} (${p.ruleSet.rules} rules; packs: ${p.ruleSet.packs.map((k) => `${esc(k.pack)} (${k.rules})`).join(', ') || 'none'})`);
  out.push(`- configuration: ${p.config.file ? code(p.config.file) + (p.config.pickedUp ? ' (picked up from the working directory)' : '') : 'none (defaults)'}`);
  for (const o of p.config.overrides) out.push(`- override: ${esc(describeOverride(o))}`);
  out.push('');
  return out.join('\n');
}

function cut(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
